import { Duration } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Construct } from 'constructs';
import type { Domain, Method, RouteDef } from '../shared/http/route';
import { type DomainFunctions, pascal } from './functions';
import { throttleStage } from './throttle';

const httpMethods: Record<Method, HttpMethod> = {
  get: HttpMethod.GET,
  post: HttpMethod.POST,
  put: HttpMethod.PUT,
  patch: HttpMethod.PATCH,
  delete: HttpMethod.DELETE,
};

export interface ApiProps {
  /** The route table (shared/routes.ts `allRoutes`): one API Gateway route per entry. */
  readonly routes: readonly RouteDef[];
  readonly functions: DomainFunctions;
}

/**
 * The HTTP API (API Gateway v2, `$default` stage, auto-deploy). Every route of the contract is declared
 * explicitly, `METHOD /v1/...` with the same `{param}` placeholders, and sent to its domain's function; paths
 * outside the contract never reach a Lambda. Payload format 2.0, which hono's aws-lambda adapter reads. The stage
 * throttles every route, unauthenticated ones tighter (infra/throttle.ts).
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'xianfeng',
      description: 'xianfeng API v1',
      // The H5 build calls from another origin; the mini-program itself is not subject to CORS.
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        maxAge: Duration.hours(1),
      },
    });
    const integrations = {} as Partial<Record<Domain, HttpLambdaIntegration>>;
    const integrationFor = (domain: Domain): HttpLambdaIntegration => {
      integrations[domain] ??= new HttpLambdaIntegration(`${pascal(domain)}Integration`, props.functions[domain]);
      return integrations[domain];
    };
    const routes: { def: RouteDef; route: HttpRoute }[] = props.routes.map((def) => {
      const [route] = this.httpApi.addRoutes({
        path: def.path,
        methods: [httpMethods[def.method]],
        integration: integrationFor(def.domain),
      });
      return { def, route: route! };
    });
    if (!this.httpApi.defaultStage) throw new Error('the HTTP API has no $default stage to throttle');
    throttleStage(this.httpApi.defaultStage, routes);
  }
}

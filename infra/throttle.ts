import type { CfnStage, HttpRoute, IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import type { RouteDef } from '../shared/http/route';

/** A token bucket: `rateLimit` requests per second steady, up to `burstLimit` at once. */
export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * API Gateway throttling is the outer fence (issue #6); the per-person and per-activity rules are in
 * shared/http/rate-limits.ts. Stage limits count every caller together, per route (each route has its own
 * bucket), and answer 429 beyond them, before any Lambda runs.
 *
 * Every route: the worst case we must pass is a committee of ~3,000 members checking in to one 主题党日 at
 * once, i.e. 3,000 requests on the check-in route (and as many on each read the page makes). 200/s passes them
 * within 15 s, and the burst of 400 takes the first moment after the QR code goes up. Far below the account's
 * regional limit (10,000/s), so a runaway client cannot starve other APIs nor run up Lambda and DynamoDB bills.
 */
export const DEFAULT_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const satisfies Throttle;

/**
 * Routes without a member's token (see `isUnauthenticated`): anyone can call them, and each costs a WeChat
 * call (login) or a guess at a binding code (bind), so they get a tighter fence. Not tighter than this: the
 * same 3,000 members arriving with lapsed 15-minute access tokens all refresh within a minute, 50/s, and the
 * mini-program does not retry a 429.
 */
export const UNAUTHENTICATED_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const satisfies Throttle;

/** 'public' routes take no token; 'bind' takes the token any WeChat user gets from login, so it is as open. */
export function isUnauthenticated(route: RouteDef): boolean {
  return route.access === 'public' || route.access === 'bind';
}

/** The API Gateway route key of a contract route, `POST /v1/auth/login`. */
export function routeKey(route: RouteDef): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/**
 * Sets the stage's default route throttling and the tighter one on every unauthenticated route, derived from
 * the route table so that a new public route is fenced without anyone remembering to. HttpStage's `throttle`
 * prop cannot reach the default stage HttpApi creates, and has no per-route form: hence the L1 properties.
 */
export function throttleStage(stage: IHttpStage, routes: readonly { def: RouteDef; route: HttpRoute }[]): void {
  const cfnStage = stage.node.defaultChild as CfnStage;
  cfnStage.defaultRouteSettings = {
    throttlingRateLimit: DEFAULT_THROTTLE.rateLimit,
    throttlingBurstLimit: DEFAULT_THROTTLE.burstLimit,
  };
  const fenced = routes.filter(({ def }) => isUnauthenticated(def));
  // `routeSettings` is an untyped map that CDK passes through as is: CloudFormation's PascalCase, not camelCase.
  const tight = {
    ThrottlingRateLimit: UNAUTHENTICATED_THROTTLE.rateLimit,
    ThrottlingBurstLimit: UNAUTHENTICATED_THROTTLE.burstLimit,
  };
  cfnStage.routeSettings = Object.fromEntries(fenced.map(({ def }) => [routeKey(def), tight]));
  // API Gateway refuses RouteSettings for a route key that does not exist yet ("Unable to find Route by key"),
  // and CloudFormation would otherwise create the stage alongside the routes.
  for (const { route } of fenced) stage.node.addDependency(route);
}

import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { RouteDef } from '../shared/http/route';
import { Api } from './api';
import { type DomainFunctions, Functions, pascal } from './functions';
import { AppSecret } from './secrets';
import { AppTable } from './table';

export interface XianfengStackProps extends StackProps {
  /** The route table to expose (shared/routes.ts `allRoutes`). */
  readonly routes: readonly RouteDef[];
  /** The mini-program's AppID (not secret); its AppSecret lives in the app secret under `wechatSecret`. */
  readonly wechatAppId: string;
}

/** DESIGN.md §1: one table, one function per domain, one HTTP API, alarms on errors. */
/** What the handlers do: item reads/writes, queries, transactions (which need the per-item actions). */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
] as const;

export class XianfengStack extends Stack {
  readonly table: Table;
  readonly secret: Secret;
  readonly functions: DomainFunctions;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: XianfengStackProps) {
    super(scope, id, props);
    const { table } = new AppTable(this, 'Data');
    const { secret } = new AppSecret(this, 'AppSecret');
    this.table = table;
    this.secret = secret;

    const functions = new Functions(this, 'Functions', {
      environment: {
        TABLE_NAME: table.tableName,
        APP_SECRET_ARN: secret.secretArn,
        WECHAT_APPID: props.wechatAppId,
      },
    });

    // Least privilege, in one place: every domain uses the item-level actions on the table (and its indexes)
    // and reads the app secret. No Scan (DESIGN §4: request paths never scan), no streams, nothing else;
    // logs come from the basic execution role every function has.
    for (const fn of Object.values(functions.byDomain)) {
      table.grant(fn, ...TABLE_ACTIONS);
      secret.grantRead(fn);
    }

    const { httpApi } = new Api(this, 'Api', { routes: props.routes, functions: functions.byDomain });
    this.functions = functions.byDomain;
    this.httpApi = httpApi;

    // Alarms: any function error, any 5xx from the API, in a 5-minute window. Wire an SNS action when there
    // is someone to page.
    const alarm = (id: string, metric: IMetric, description: string): Alarm =>
      new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
    const fiveMinuteSum = { period: Duration.minutes(5), statistic: Stats.SUM };
    for (const [domain, fn] of Object.entries(functions.byDomain)) {
      alarm(
        `${pascal(domain)}Errors`,
        fn.metricErrors(fiveMinuteSum),
        `${domain} function errors (uncaught or timeouts)`,
      );
    }
    alarm('Api5xx', httpApi.metricServerError(fiveMinuteSum), 'HTTP API 5xx responses');

    new CfnOutput(this, 'ApiUrl', { value: httpApi.url ?? httpApi.apiEndpoint, description: 'HTTP API base URL' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'AppSecretArn', { value: secret.secretArn, description: 'put wechatSecret here' });
  }
}

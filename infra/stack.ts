import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { RouteDef } from '../shared/http/route';
import { addAlarms } from './alarms';
import { Api } from './api';
import { type DomainFunctions, Functions } from './functions';
import { type JobFunctions, Jobs } from './jobs';
import { PhotoBucket } from './photos';
import { AppSecret, DuesPaySecret } from './secrets';
import { AppTable } from './table';

export interface XianfengStackProps extends StackProps {
  /** The route table to expose (shared/routes.ts `allRoutes`). */
  readonly routes: readonly RouteDef[];
  /** The mini-program's AppID (not secret); its AppSecret lives in the app secret under `wechatSecret`. */
  readonly wechatAppId: string;
  /** Subscribed by email to the alarm topic (context `alarmEmail`); none: subscribe by hand. */
  readonly alarmEmail?: string;
  /**
   * The subscribe-message template (WeChat console; keywords thing1 标题, thing2 内容, time3 时间) the sender job
   * delivers messages with (context `wechatSubscribeTemplateId`); none: messages stay in-app only (skipped).
   */
  readonly wechatSubscribeTemplateId?: string;
}

/**
 * What the handlers do: item reads/writes, queries, transactions (which need the per-item actions), and the
 * rate limiter's counters (UpdateItem ADD).
 */
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

/** DESIGN.md §1: one table, one function per domain, one HTTP API, alarms on errors. */
export class XianfengStack extends Stack {
  readonly table: Table;
  readonly secret: Secret;
  /** The committee's dues merchant (WeChat Pay v3). */
  readonly paySecret: Secret;
  /** Meeting photos (infra/photos.ts): only the meetings function reads and writes them. */
  readonly photos: Bucket;
  readonly functions: DomainFunctions;
  readonly jobs: JobFunctions;
  readonly httpApi: HttpApi;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: XianfengStackProps) {
    super(scope, id, props);
    const { table } = new AppTable(this, 'Data');
    const { secret } = new AppSecret(this, 'AppSecret');
    this.table = table;
    this.secret = secret;

    const environment = {
      TABLE_NAME: table.tableName,
      APP_SECRET_ARN: secret.secretArn,
      WECHAT_APPID: props.wechatAppId,
    };
    const functions = new Functions(this, 'Functions', { environment });
    // Scheduled jobs (infra/jobs.ts): the outbox sender, every minute.
    const jobs = new Jobs(this, 'Jobs', {
      environment: { ...environment, WECHAT_SUBSCRIBE_TEMPLATE_ID: props.wechatSubscribeTemplateId ?? '' },
    });

    // Least privilege, in one place: every domain uses the item-level actions on the table (and its indexes)
    // and reads the app secret. No Scan (DESIGN §4: request paths never scan), no streams, nothing else;
    // logs come from the basic execution role every function has.
    for (const fn of [...Object.values(functions.byDomain), ...Object.values(jobs.byName)]) {
      table.grant(fn, ...TABLE_ACTIONS);
      secret.grantRead(fn);
    }

    // 党费: the committee's dedicated dues merchant (WeChat Pay v3 keys) in a secret of its own, read only by
    // the functions that talk to WeChat Pay (orders; notifications; cash, which settles an open order first) —
    // infra/secrets.ts DuesPaySecret.
    const { secret: paySecret } = new DuesPaySecret(this, 'DuesPaySecret');
    this.paySecret = paySecret;
    for (const fn of [functions.byDomain.dues, functions.byDomain.duesCash, functions.byDomain.duesNotify]) {
      fn.addEnvironment('DUES_PAY_SECRET_ARN', paySecret.secretArn);
      paySecret.grantRead(fn);
    }

    // Meeting photos: the meetings function presigns uploads and views, and checks photos at a record's save.
    const photos = new PhotoBucket(this, 'Photos');
    functions.byDomain.meetingsRecords.addEnvironment('S3_BUCKET', photos.bucket.bucketName);
    photos.grantPhotos(functions.byDomain.meetingsRecords);
    this.photos = photos.bucket;

    const { httpApi } = new Api(this, 'Api', { routes: props.routes, functions: functions.byDomain });
    this.functions = functions.byDomain;
    this.jobs = jobs.byName;
    this.httpApi = httpApi;

    // Alarms on function errors and API 5xx (never 4xx), sent to one SNS topic (infra/alarms.ts).
    this.alarmTopic = addAlarms(this, {
      functions: { ...functions.byDomain, ...jobs.byName },
      httpApi,
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: httpApi.url ?? httpApi.apiEndpoint, description: 'HTTP API base URL' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'PhotoBucketName', { value: photos.bucket.bucketName });
    new CfnOutput(this, 'AppSecretArn', { value: secret.secretArn, description: 'put wechatSecret here' });
    new CfnOutput(this, 'DuesPaySecretArn', { value: paySecret.secretArn, description: 'put the dues merchant here' });
  }
}

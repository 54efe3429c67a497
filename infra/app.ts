/**
 * CDK app: `cd infra && npx cdk synth` (cdk.json runs this file with tsx). Offline by design: no lookups, no
 * notices, no telemetry; functions are bundled by the local esbuild.
 *
 * Context: `wechatAppId` (cdk.json or `-c wechatAppId=wx…`, default empty: login then only works against the
 * local fake); `alarmEmail` (`-c alarmEmail=ops@…`, default none): subscribed by email to the alarm topic;
 * `wechatSubscribeTemplateId` (default none: messages stay in the app, nothing is pushed through WeChat).
 * Account and region come from the deploying credentials (`cdk deploy`), none are pinned here.
 */
import { App } from 'aws-cdk-lib';
import { allRoutes } from '../shared/routes';
import { XianfengStack } from './stack';

const app = new App();
const wechatAppId: unknown = app.node.tryGetContext('wechatAppId') ?? '';
if (typeof wechatAppId !== 'string') throw new Error('context wechatAppId must be a string');
const alarmEmail: unknown = app.node.tryGetContext('alarmEmail') ?? '';
if (typeof alarmEmail !== 'string') throw new Error('context alarmEmail must be a string');
const wechatSubscribeTemplateId: unknown = app.node.tryGetContext('wechatSubscribeTemplateId') ?? '';
if (typeof wechatSubscribeTemplateId !== 'string')
  throw new Error('context wechatSubscribeTemplateId must be a string');

new XianfengStack(app, 'XianfengStack', {
  description: 'xianfeng: HTTP API, one Lambda per domain, one DynamoDB table',
  routes: allRoutes,
  wechatAppId,
  alarmEmail: alarmEmail || undefined,
  wechatSubscribeTemplateId: wechatSubscribeTemplateId || undefined,
});

/**
 * The fences of issue #6 in the synthesized template: alarms that count only our faults and reach someone
 * (SNS), and API Gateway throttling derived from the route table. Same offline synthesis as stack.test.ts,
 * here with an `alarmEmail`.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { allRoutes } from '../shared/routes';
import { withOfflineCdkHome } from './offline-env';
import { XianfengStack } from './stack';
import { DEFAULT_THROTTLE, UNAUTHENTICATED_THROTTLE } from './throttle';

type Json = Record<string, unknown>;
interface Resource {
  readonly Type: string;
  readonly Properties: Json;
  readonly DependsOn?: string[];
}

const outdir = path.resolve(__dirname, '..', '.cache', 'infra-protection-test.out');

describe('Stack: alarms and throttling', () => {
  let stack: XianfengStack;
  let template: Template;
  let topicId: string;
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const resources = (type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);

  beforeAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    withOfflineCdkHome(() => {
      const app = new App({ outdir, context: { 'cli-telemetry': false } });
      stack = new XianfengStack(app, 'XianfengStack', {
        routes: allRoutes,
        wechatAppId: 'wx0123456789abcdef',
        alarmEmail: 'ops@example.org',
      });
      template = Template.fromStack(stack);
    });
    topicId = logicalId(stack.alarmTopic);
  });

  it('alarms on errors of each function (domains and jobs) and on API 5xx over 5 minutes, never on 4xx', () => {
    const functions = [...Object.values(stack.functions), ...Object.values(stack.jobs)];
    template.resourceCountIs('AWS::CloudWatch::Alarm', functions.length + 1);
    for (const fn of functions) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
        Period: 300,
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: logicalId(stack.httpApi) } }],
      Period: 300,
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    // Client mistakes (4xx, throttling's 429 included) are answers, not faults: no alarm counts them, not even
    // through a metric-math sum of all errors.
    const alarms = resources('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
    const watched = alarms.map((alarm) => `${alarm.Namespace} ${alarm.MetricName}`).sort();
    expect(watched).toEqual(['AWS/ApiGateway 5xx', ...functions.map(() => 'AWS/Lambda Errors')]);
    for (const alarm of alarms) {
      expect(alarm.MetricName).not.toBe('4xx');
      expect(alarm.Metrics).toBeUndefined();
    }
  });

  it('sends every alarm to one SNS topic, when it fires and when it clears, and outputs the topic ARN', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { DisplayName: '先锋 告警' });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      ActionsEnabled: Match.absent(), // enabled
      AlarmActions: [{ Ref: topicId }],
      OKActions: [{ Ref: topicId }],
    });
    template.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
  });

  it('subscribes the alarmEmail to the alarm topic', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: topicId },
    });
  });

  it('throttles every route of the $default stage by default', () => {
    const stages = resources('AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const [[, stage]] = stages as [[string, Resource]];
    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: DEFAULT_THROTTLE.rateLimit,
      ThrottlingBurstLimit: DEFAULT_THROTTLE.burstLimit,
    });
    // A 3,000-member committee checking in at once (3,000 check-ins within 15 s) passes.
    expect(DEFAULT_THROTTLE.rateLimit * 15).toBeGreaterThanOrEqual(3000);
  });

  it('throttles every public or bind route tighter, derived from the route table, once the route exists', () => {
    const [[stageId, stage]] = resources('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const fenced = allRoutes
      .filter((route) => route.access === 'public' || route.access === 'bind')
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(fenced).toEqual(
      expect.arrayContaining(['POST /v1/auth/login', 'POST /v1/auth/bind', 'POST /v1/auth/refresh']),
    );
    // Only those routes: every member route keeps the default.
    const settings = stage.Properties.RouteSettings as Record<string, Json>;
    expect(Object.keys(settings).sort()).toEqual([...fenced].sort());
    for (const key of fenced) {
      expect(settings[key]).toEqual({
        ThrottlingRateLimit: UNAUTHENTICATED_THROTTLE.rateLimit,
        ThrottlingBurstLimit: UNAUTHENTICATED_THROTTLE.burstLimit,
      });
    }
    expect(UNAUTHENTICATED_THROTTLE.rateLimit).toBeLessThan(DEFAULT_THROTTLE.rateLimit);
    expect(UNAUTHENTICATED_THROTTLE.burstLimit).toBeLessThan(DEFAULT_THROTTLE.burstLimit);

    // API Gateway rejects RouteSettings for a route it does not have yet: the stage waits for those routes.
    const fencedRouteIds = resources('AWS::ApiGatewayV2::Route')
      .filter(([, route]) => fenced.includes(route.Properties.RouteKey as string))
      .map(([id]) => id);
    expect(fencedRouteIds).toHaveLength(fenced.length);
    const raw = (template.toJSON().Resources as Record<string, Resource>)[stageId];
    expect(raw?.DependsOn ?? []).toEqual(expect.arrayContaining(fencedRouteIds));
  });
});

import childProcess from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { Domain } from '../shared/http/route';
import { allRoutes } from '../shared/routes';
import { cdkHome, withOfflineCdkHome } from './offline-env';
import { TABLE_ACTIONS, XianfengStack } from './stack';

type Json = Record<string, unknown>;
interface Resource {
  readonly Type: string;
  readonly Properties: Json;
}
interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const getAttArn = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
/** The cloud assembly of the test (gitignored), rewritten on every run instead of piling up in /tmp. */
const outdir = path.resolve(__dirname, '..', '.cache', 'infra-test.out');

describe('Stack: XianfengStack', () => {
  let app: App;
  let stack: XianfengStack;
  let template: Template;
  /** Every command the synthesis spawned (bundling), as `cmd args…`. */
  let spawned: string[];
  let fnIds: Record<Domain, string>;
  /** The scheduled jobs' functions (infra/jobs.ts). */
  let jobIds: Record<string, string>;
  /** Every function: the domains' and the jobs'. */
  let allFnIds: Record<string, string>;
  let tableId: string;
  let secretId: string;
  let paySecretId: string;
  let photosId: string;

  beforeAll(() => {
    // Prepare
    const spawnSync = jest.spyOn(childProcess, 'spawnSync');
    try {
      // Act: constructing the functions bundles them; HOME and the CDK caches stay inside the repository.
      rmSync(outdir, { recursive: true, force: true });
      withOfflineCdkHome(() => {
        app = new App({ outdir, context: { 'cli-telemetry': false } });
        stack = new XianfengStack(app, 'XianfengStack', { routes: allRoutes, wechatAppId: 'wx0123456789abcdef' });
        template = Template.fromStack(stack);
      });
    } finally {
      spawned = spawnSync.mock.calls.map(([cmd, args]) => [cmd, ...(args ?? [])].join(' '));
      spawnSync.mockRestore();
    }
    const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
      stack.getLogicalId(construct.node.defaultChild as CfnElement);
    fnIds = {
      auth: logicalId(stack.functions.auth),
      org: logicalId(stack.functions.org),
      meetings: logicalId(stack.functions.meetings),
      meetingsAdmin: logicalId(stack.functions.meetingsAdmin),
      meetingsPlanning: logicalId(stack.functions.meetingsPlanning),
      meetingsRecords: logicalId(stack.functions.meetingsRecords),
      study: logicalId(stack.functions.study),
      notices: logicalId(stack.functions.notices),
      messages: logicalId(stack.functions.messages),
      dues: logicalId(stack.functions.dues),
      duesAdmin: logicalId(stack.functions.duesAdmin),
      duesCash: logicalId(stack.functions.duesCash),
      duesNotify: logicalId(stack.functions.duesNotify),
      duesReports: logicalId(stack.functions.duesReports),
      transfers: logicalId(stack.functions.transfers),
      transfersAdmin: logicalId(stack.functions.transfersAdmin),
      transfersReports: logicalId(stack.functions.transfersReports),
    };
    jobIds = Object.fromEntries(Object.entries(stack.jobs).map(([name, fn]) => [name, logicalId(fn)]));
    allFnIds = { ...fnIds, ...jobIds };
    tableId = logicalId(stack.table);
    secretId = logicalId(stack.secret);
    paySecretId = logicalId(stack.paySecret);
    photosId = logicalId(stack.photos);
  });

  /** A resource of the synthesized template by logical id (fails the test when it is missing). */
  const resource = (id: string): Resource => {
    const found = (template.toJSON().Resources as Record<string, Resource>)[id];
    if (!found) throw new Error(`no resource ${id} in the template`);
    return found;
  };

  it('has one retained on-demand table with pk/sk, gsi1, gsi2, point-in-time recovery and TTL on expiresAt', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const gsi = (n: number) => ({
      IndexName: `gsi${n}`,
      KeySchema: [
        { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
        { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith(
          ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({
            AttributeName: name,
            AttributeType: 'S',
          })),
        ),
        GlobalSecondaryIndexes: [gsi(1), gsi(2)],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
  });

  it('generates jwtSecret and qrSecret into the app secret and hardcodes no secret value', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({
        GenerateStringKey: 'jwtSecret',
        SecretStringTemplate: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      }),
    });
    const secrets = template.findResources('AWS::SecretsManager::Secret') as Record<string, Resource>;
    for (const secret of Object.values(secrets)) expect(secret.Properties.SecretString).toBeUndefined();
    const qrTemplate = JSON.stringify(secrets[secretId]?.Properties.GenerateSecretString);
    expect(qrTemplate).toContain('{\\"qrSecret\\":\\"{{resolve:secretsmanager:');
  });

  it('has one arm64 nodejs22.x function per domain and per job with the shared settings and environment', () => {
    template.resourceCountIs('AWS::Lambda::Function', Object.keys(allFnIds).length);
    const functions = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
    expect(Object.keys(functions).sort()).toEqual(Object.values(allFnIds).sort());
    for (const id of Object.values(fnIds)) expect(resource(id).Properties.Timeout).toBe(10);
    template.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: tableId },
          APP_SECRET_ARN: { Ref: secretId },
          WECHAT_APPID: 'wx0123456789abcdef',
        },
      },
    });
  });

  it('bundles every function with the local esbuild, never Docker, leaving the AWS SDK external', () => {
    expect(spawned.filter((command) => /\besbuild\b/.test(command))).toHaveLength(Object.keys(allFnIds).length);
    expect(spawned.filter((command) => /^docker\b|\bdocker (run|build)\b/.test(command))).toEqual([]);
    for (const id of Object.values(allFnIds)) {
      const code = resource(id).Properties.Code as { S3Key: string };
      const bundle = readFileSync(
        path.join(app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`, 'index.js'),
        'utf8',
      );
      expect(bundle.startsWith('"use strict";')).toBe(true); // esbuild's CJS output
      expect(bundle).toMatch(/require\("@aws-sdk\/client-[a-z-]+"\)/);
      expect(bundle).not.toMatch(/\/\/# sourceMappingURL/);
    }
  });

  it('keeps exceljs out of the org and meetings records bundles, in one layer only they use, every bundle under 200 KB', () => {
    const layers = template.findResources('AWS::Lambda::LayerVersion');
    expect(Object.keys(layers)).toHaveLength(1);
    const excelUsers = ['org', 'meetingsRecords', 'duesReports', 'transfersReports'];
    for (const [domain, id] of Object.entries(allFnIds)) {
      const props = resource(id).Properties as { Code: { S3Key: string }; Layers?: unknown[] };
      expect((props.Layers ?? []).length).toBe(excelUsers.includes(domain) ? 1 : 0);
      const file = path.join(app.outdir, `asset.${props.Code.S3Key.replace(/\.zip$/, '')}`, 'index.js');
      const bundle = readFileSync(file, 'utf8');
      // Loaded from the layer: required (org), or imported only when an export runs (meetings records).
      if (excelUsers.includes(domain)) expect(bundle).toMatch(/(require|import)\("exceljs"\)/);
      expect(Buffer.byteLength(bundle) / 1024).toBeLessThanOrEqual(200);
    }
  });

  it('gives the 介绍信 PDF its library and Chinese font through the layer, not the transfersReports bundle', () => {
    const [layerId] = Object.keys(template.findResources('AWS::Lambda::LayerVersion'));
    const layerKey = (resource(layerId!).Properties.Content as { S3Key: string }).S3Key.replace(/\.zip$/, '');
    const modules = path.join(app.outdir, `asset.${layerKey}`, 'nodejs', 'node_modules');
    for (const name of ['pdf-lib', '@pdf-lib/fontkit'])
      expect(existsSync(path.join(modules, name, 'index.js'))).toBe(true);
    const font = path.join(modules, '@fontsource', 'noto-serif-sc');
    expect(existsSync(path.join(font, 'unicode.json'))).toBe(true);
    const woff = readdirSync(path.join(font, 'files'));
    expect(woff.length).toBeGreaterThan(90); // every unicode-range chunk of the regular weight, nothing else
    expect(woff.every((file) => /-400-normal\.woff$/.test(file))).toBe(true);
    const code = resource(fnIds.transfersReports).Properties.Code as { S3Key: string };
    const bundle = readFileSync(path.join(app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`, 'index.js'), 'utf8');
    expect(bundle).toMatch(/(require|import)\("pdf-lib"\)/);
    expect(bundle).not.toContain('PDFDocument.create');
  });

  it('keeps the CDK caches inside the repository, not in the home directory', () => {
    expect(readdirSync(path.join(cdkHome, '.cdk', 'cache', 'fingerprints')).length).toBeGreaterThan(0);
    expect(existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
  });

  it('declares one route per contract route, each integrated with its domain function', () => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>;
    const targetOf = new Map<string, string>();
    for (const route of Object.values(routes)) {
      const join = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integration = resource(join['Fn::Join'][1][1].Ref);
      const uri = integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      targetOf.set(route.Properties.RouteKey as string, uri['Fn::GetAtt'][0]);
    }
    const routeKey = (route: (typeof allRoutes)[number]) => `${route.method.toUpperCase()} ${route.path}`;
    expect(Object.keys(routes)).toHaveLength(allRoutes.length);
    expect(Object.fromEntries(targetOf)).toEqual(
      Object.fromEntries(allRoutes.map((route) => [routeKey(route), fnIds[route.domain]])),
    );
  });

  it('runs the outbox sender every minute from an EventBridge rule, without retries that would overlap runs', () => {
    template.resourceCountIs('AWS::Events::Rule', Object.keys(jobIds).length);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: getAttArn(jobIds.messagesSender!),
          RetryPolicy: { MaximumRetryAttempts: 0 },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAttArn(jobIds.messagesSender!),
      Principal: 'events.amazonaws.com',
    });
    expect(resource(jobIds.messagesSender!).Properties.Timeout).toBe(55);
    expect(JSON.stringify(resource(jobIds.messagesSender!).Properties.Environment)).toContain(
      'WECHAT_SUBSCRIBE_TEMPLATE_ID',
    );
  });

  it('runs the 周二夜学 job hourly from an EventBridge rule, without retries, with a 5-minute timeout', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: getAttArn(jobIds.nightStudy!),
          RetryPolicy: { MaximumRetryAttempts: 0 },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAttArn(jobIds.nightStudy!),
      Principal: 'events.amazonaws.com',
    });
    expect(resource(jobIds.nightStudy!).Properties.Timeout).toBe(300);
  });

  it('runs the 三会一课 reminder job daily from an EventBridge rule, without retries', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({ Arn: getAttArn(jobIds.meetingsCompliance!), RetryPolicy: { MaximumRetryAttempts: 0 } }),
      ],
    });
    expect(resource(jobIds.meetingsCompliance!).Properties.Timeout).toBe(120);
  });

  it('answers CORS preflight for the Authorization, Content-Type and Idempotency-Key headers', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      }),
    });
  });

  it('grants each function only table data access and reading the app secret; meetings also its photos', () => {
    const tableArns = [getAttArn(tableId), { 'Fn::Join': ['', [getAttArn(tableId), '/index/*']] }];
    const policies = template.findResources('AWS::IAM::Policy') as Record<string, Resource>;
    for (const [domain, id] of Object.entries(allFnIds)) {
      const roleId = (resource(id).Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const statements = Object.values(policies)
        .filter((policy) =>
          (policy.Properties.Roles as unknown[]).some(
            (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId }),
          ),
        )
        .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
      const summary = statements.map((statement) => {
        const actions = asArray(statement.Action).sort();
        const services = [...new Set(actions.map((action) => action.split(':')[0]))];
        return { domain, effect: statement.Effect, services, actions, resources: asArray(statement.Resource) };
      });
      for (const granted of summary) {
        if (granted.services[0] === 'dynamodb') {
          // Table and its indexes, never `*`, and never Scan.
          expect(granted).toEqual({ ...granted, effect: 'Allow', services: ['dynamodb'], resources: tableArns });
          expect(granted.actions).toEqual([...TABLE_ACTIONS].sort());
          expect(granted.actions).not.toContain('dynamodb:Scan');
        } else if (granted.services[0] === 's3') {
          // Photos under meeting-photos/ only; ListBucket on the bucket so a missing photo is 404, not 403.
          expect(domain).toBe('meetingsRecords');
          expect(granted).toEqual({
            ...granted,
            effect: 'Allow',
            services: ['s3'],
            ...(granted.actions.includes('s3:ListBucket')
              ? { actions: ['s3:ListBucket'], resources: [getAttArn(photosId)] }
              : {
                  actions: ['s3:GetObject', 's3:PutObject'],
                  resources: [{ 'Fn::Join': ['', [getAttArn(photosId), '/meeting-photos/*']] }],
                }),
          });
        } else {
          // The app secret; and the dues merchant's secret for the functions that talk to WeChat Pay only.
          const paySecret = JSON.stringify(granted.resources) === JSON.stringify([{ Ref: paySecretId }]);
          if (paySecret) expect(['dues', 'duesCash', 'duesNotify']).toContain(domain);
          expect(granted).toEqual({
            ...granted,
            effect: 'Allow',
            services: ['secretsmanager'],
            actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            resources: [{ Ref: paySecret ? paySecretId : secretId }],
          });
        }
      }
      expect([...new Set(summary.flatMap((granted) => granted.services))].sort()).toEqual(
        domain === 'meetingsRecords' ? ['dynamodb', 's3', 'secretsmanager'] : ['dynamodb', 'secretsmanager'],
      );
      // The role's only managed policy is the basic execution role (CloudWatch Logs).
      const role = resource(roleId);
      expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toBe(
        JSON.stringify([
          {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
            ],
          },
        ]),
      );
    }
    expect(JSON.stringify(policies)).not.toContain('"Resource":"*"');
  });

  it('keeps meeting photos in one private, encrypted, TLS-only bucket the meetings function is told about', () => {
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        CorsConfiguration: {
          CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['PUT', 'GET']) })],
        },
        LifecycleConfiguration: {
          Rules: [Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' })],
        },
      },
    });
    // enforceSSL: every request without TLS is denied by the bucket policy.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    for (const [name, id] of Object.entries(allFnIds)) {
      const variables = (resource(id).Properties.Environment as { Variables: Json }).Variables;
      expect(variables.S3_BUCKET).toEqual(name === 'meetingsRecords' ? { Ref: photosId } : undefined);
    }
    template.hasOutput('PhotoBucketName', { Value: { Ref: photosId } });
  });

  it('outputs the API URL, the table name and the alarm topic', () => {
    template.hasOutput('ApiUrl', {});
    template.hasOutput('TableName', { Value: { Ref: tableId } });
    template.hasOutput('AlarmTopicArn', {});
  });

  it('subscribes nobody to the alarm topic without an alarmEmail (alarms and throttling: protection.test.ts)', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

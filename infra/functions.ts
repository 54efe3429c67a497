import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Domain, HANDLER_ENTRIES } from '../shared/http/route';
import { externalsFor, LAYERED_MODULES } from './bundling';
import { ExcelLayer } from './excel-layer';

/** The repository root: entries, the lockfile and esbuild's working directory are resolved from here. */
export const repoRoot = path.resolve(__dirname, '..');

/** `Record<Domain, …>`: a domain added to shared/http/route.ts fails to compile here until it has a function. */
export type DomainFunctions = Record<Domain, NodejsFunction>;

/**
 * One settings object for every function (house style: aws-samples/serverless-typescript-demo). Bundling runs
 * the local esbuild (never Docker); the AWS SDK v3 is external because the Node 22 runtime ships it.
 */
export const functionSettings = {
  runtime: Runtime.NODEJS_22_X,
  architecture: Architecture.ARM_64,
  memorySize: 512,
  timeout: Duration.seconds(10),
  handler: 'handler',
  projectRoot: repoRoot,
  depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
  bundling: {
    forceDockerBundling: false,
    minify: true,
    sourceMap: false,
    target: 'node22',
    // CJS: the handlers use no top-level await, and CJS needs no `createRequire` banner for bundled CJS deps.
    format: OutputFormat.CJS,
    // Chinese messages stay UTF-8 instead of \uXXXX escapes (smaller bundles, readable in the console). This
    // aws-cdk-lib accepts `charset` but never passes it to esbuild (measured: every message escaped, +6 KB on
    // the meetings bundle), so it is given as an argument too.
    charset: Charset.UTF8,
    esbuildArgs: { '--charset': 'utf8' },
  },
} satisfies NodejsFunctionProps;

export interface FunctionsProps {
  /** Settings that depend on other resources (table name, secret ARN, WeChat AppID). */
  readonly environment: Record<string, string>;
}

/** One NodejsFunction per domain, entry `functions/<domain>/handler.ts`, export `handler`. */
export class Functions extends Construct {
  readonly byDomain: DomainFunctions;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const excel = new ExcelLayer(this, 'ExcelLayer', repoRoot);
    const make = (domain: Domain): NodejsFunction => {
      const name = pascal(domain);
      return new NodejsFunction(this, name, {
        ...functionSettings,
        bundling: { ...functionSettings.bundling, externalModules: externalsFor(domain) },
        layers: LAYERED_MODULES[domain] ? [excel] : [],
        entry: path.join(repoRoot, 'functions', HANDLER_ENTRIES[domain]),
        description: `xianfeng ${domain} API`,
        environment: props.environment,
        logGroup: new LogGroup(this, `${name}Logs`, {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      });
    };
    this.byDomain = {
      auth: make('auth'),
      org: make('org'),
      meetings: make('meetings'),
      meetingsAdmin: make('meetingsAdmin'),
      meetingsPlanning: make('meetingsPlanning'),
      meetingsRecords: make('meetingsRecords'),
      study: make('study'),
      notices: make('notices'),
      messages: make('messages'),
      dues: make('dues'),
      duesAdmin: make('duesAdmin'),
      duesCash: make('duesCash'),
      duesNotify: make('duesNotify'),
      duesReports: make('duesReports'),
      transfers: make('transfers'),
      transfersAdmin: make('transfersAdmin'),
      transfersReports: make('transfersReports'),
    };
  }
}

export function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

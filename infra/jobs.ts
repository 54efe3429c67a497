import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { externalsFor } from './bundling';
import { functionSettings, repoRoot } from './functions';

/** Scheduled jobs (DESIGN §3: one function per job, an EventBridge schedule); `npm start` runs them on a timer. */
export interface JobSpec {
  /** Entry under functions/, exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly schedule: Schedule;
  /** Longer than the job's own budget (the sender stops claiming after 40 s; night study after 4 min). */
  readonly timeout: Duration;
}

export const JOBS = {
  messagesSender: {
    entry: 'messages/sender-job.ts',
    description: 'xianfeng: finish stalled notice publications, deliver due messages (WeChat subscribe messages)',
    schedule: Schedule.rate(Duration.minutes(1)),
    timeout: Duration.seconds(55),
  },
  nightStudy: {
    entry: 'meetings/night-study-job.ts',
    description: 'xianfeng: generate the coming weeks of 周二夜学 sessions per branch, remind members before each',
    // Sessions are made weeks ahead and reminded hours ahead: an hourly run is early enough for both.
    schedule: Schedule.rate(Duration.hours(1)),
    // The job stops starting branches after 4 minutes (RUN_BUDGET_MS) and leaves a cursor for the next run.
    timeout: Duration.minutes(5),
  },
  meetingsCompliance: {
    entry: 'meetings/compliance-job.ts',
    description:
      'xianfeng: 三会一课 reminders in the last week of each month/quarter/year to branches lacking a meeting',
    // Daily: the last week is seven runs; each (branch, kind, period) is reminded once, by its message id.
    schedule: Schedule.rate(Duration.days(1)),
    // One Query per branch, plus a roster read and a message per runner where a meeting is lacking.
    timeout: Duration.minutes(2),
  },
  duesMonthly: {
    entry: 'dues/monthly-job.ts',
    description: 'xianfeng: 党费 bills of the month for every branch (idempotent), arrears warnings at 3 and 5 months',
    // 01:00 Asia/Shanghai every day: the 1st issues the month's bills; later runs pick up bases approved since
    // and add nothing else (bills are keyed (member, month), warnings by message id).
    schedule: Schedule.cron({ minute: '0', hour: '17' }),
    // Bills of a 2,000-member branch take seconds; 22 branches and their arrears reads fit well within this.
    timeout: Duration.minutes(10),
  },
  transfersDaily: {
    entry: 'transfers/daily-job.ts',
    description: 'xianfeng: 组织关系转接 — flag steps pending over 7 days, expire letters, remind of missing 回执',
    // 02:00 Asia/Shanghai: a day is the finest grain of all three (7 days, a letter's last day, a month).
    schedule: Schedule.cron({ minute: '0', hour: '18' }),
    // One Query per approving org and per committee: a few dozen reads and a handful of writes.
    timeout: Duration.minutes(2),
  },
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof JOBS;
export type JobFunctions = Record<JobName, NodejsFunction>;

export interface JobsProps {
  readonly environment: Record<string, string>;
}

/** One NodejsFunction per job (the shared settings), each started by its own EventBridge rule. */
export class Jobs extends Construct {
  readonly byName: JobFunctions;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    const make = (name: JobName): NodejsFunction => {
      const spec: JobSpec = JOBS[name];
      const id = name.charAt(0).toUpperCase() + name.slice(1);
      const fn = new NodejsFunction(this, id, {
        ...functionSettings,
        // The jobs use no layered module; the AWS SDK stays external as everywhere.
        bundling: { ...functionSettings.bundling, externalModules: externalsFor('messages') },
        entry: path.join(repoRoot, 'functions', spec.entry),
        description: spec.description,
        timeout: spec.timeout,
        environment: props.environment,
        logGroup: new LogGroup(this, `${id}Logs`, {
          retention: RetentionDays.THREE_MONTHS,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      });
      // A missed run is made up by the next one; EventBridge retrying a failed run would only overlap it.
      new Rule(this, `${id}Schedule`, {
        description: `${name}: ${spec.description}`,
        schedule: spec.schedule,
        targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
      });
      return fn;
    };
    this.byName = {
      messagesSender: make('messagesSender'),
      nightStudy: make('nightStudy'),
      meetingsCompliance: make('meetingsCompliance'),
      duesMonthly: make('duesMonthly'),
      transfersDaily: make('transfersDaily'),
    };
  }
}

/**
 * Scheduled work under `npm start`: the very handlers EventBridge runs in AWS, on a timer (DESIGN §3). A run
 * still going when the next is due is not doubled; each job is idempotent anyway.
 */
import { describeRun as describeDues, runMonthlyJob } from '../functions/dues/monthly-job';
import { describeRun as describeCompliance, runComplianceJob } from '../functions/meetings/compliance-job';
import { describeRun as describeNightStudy, runNightStudyJob } from '../functions/meetings/night-study-job';
import { describeRun, runSenderJob } from '../functions/messages/sender-job';
import { describeRun as describeTransfers, runDailyJob } from '../functions/transfers/daily-job';
import { seedNightStudy } from './seed';

export interface LocalJobs {
  stop(): Promise<void>;
}

let demoWeekSeeded = false;

const JOBS: { readonly name: string; readonly everyMs: number; readonly run: () => Promise<string | null> }[] = [
  // MESSAGE_SENDER_INTERVAL_MS: how often the outbox is delivered locally (default every minute, as in AWS).
  {
    name: 'messages sender',
    everyMs: Number(process.env.MESSAGE_SENDER_INTERVAL_MS ?? 60_000),
    run: async () => describeRun(await runSenderJob()),
  },
  // NIGHT_STUDY_INTERVAL_MS: how often 周二夜学 sessions are generated and reminded locally (default hourly,
  // as in AWS). The first run also gives the demo branches this week's session (scripts/seed.ts).
  {
    name: 'night study',
    everyMs: Number(process.env.NIGHT_STUDY_INTERVAL_MS ?? 3_600_000),
    run: async () => {
      if (!demoWeekSeeded) {
        await seedNightStudy();
        demoWeekSeeded = true;
      }
      return describeNightStudy(await runNightStudyJob());
    },
  },
  // MEETINGS_COMPLIANCE_INTERVAL_MS: 三会一课 reminders (daily in AWS). Hourly here, since a local session rarely
  // lasts a day; a repeat reminds nobody twice (one message id per branch, kind and period).
  {
    name: 'meetings compliance',
    everyMs: Number(process.env.MEETINGS_COMPLIANCE_INTERVAL_MS ?? 3_600_000),
    run: async () => describeCompliance(await runComplianceJob()),
  },
  // DUES_MONTHLY_INTERVAL_MS: the month's 党费 bills and arrears warnings (daily in AWS); hourly here.
  {
    name: 'dues monthly',
    everyMs: Number(process.env.DUES_MONTHLY_INTERVAL_MS ?? 3_600_000),
    run: async () => describeDues(await runMonthlyJob()),
  },
  // TRANSFERS_DAILY_INTERVAL_MS: overdue steps, letter expiry and 回执 reminders (daily in AWS); hourly here.
  {
    name: 'transfers daily',
    everyMs: Number(process.env.TRANSFERS_DAILY_INTERVAL_MS ?? 3_600_000),
    run: async () => describeTransfers(await runDailyJob()),
  },
];

export function startLocalJobs(log: (line: string) => void = () => {}): LocalJobs {
  const running = new Map<string, Promise<unknown>>();
  const tick = (job: (typeof JOBS)[number]) => {
    if (running.has(job.name)) return;
    const run = job
      .run()
      .then((line) => line && log(line))
      .catch((error: unknown) => log(`${job.name} failed: ${String(error)}`))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  const timers = JOBS.map((job) => {
    tick(job);
    return setInterval(() => tick(job), job.everyMs);
  });
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled(running.values());
    },
  };
}

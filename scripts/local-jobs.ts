/**
 * Scheduled work under `npm start`: the very handlers EventBridge runs in AWS, on a timer (DESIGN §3). A run
 * still going when the next is due is not doubled; each job is idempotent anyway.
 */
import { describeRun, runSenderJob } from '../functions/messages/sender-job';

export interface LocalJobs {
  stop(): Promise<void>;
}

const JOBS: { readonly name: string; readonly everyMs: number; readonly run: () => Promise<string | null> }[] = [
  // MESSAGE_SENDER_INTERVAL_MS: how often the outbox is delivered locally (default every minute, as in AWS).
  {
    name: 'messages sender',
    everyMs: Number(process.env.MESSAGE_SENDER_INTERVAL_MS ?? 60_000),
    run: async () => describeRun(await runSenderJob()),
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

/**
 * The 周二夜学 job (EventBridge, hourly; `npm start` runs it on a timer): for every branch of every org tree,
 * its saved schedule or the default, the coming weeks' sessions (./schedule.ts `syncSessions`), then the
 * reminder of each session about to start. Idempotent: two runs at once, or a run repeated, make one session
 * per (branch, date) and send each member one reminder per session.
 * Bounded: at most MAX_BRANCHES_PER_RUN branches and RUN_BUDGET_MS per run; a run that stops early leaves a
 * cursor (./schedule-store.ts) and the next one carries on after it.
 */
import * as org from '../org/service';
import { reminderDue, remindSession } from './night-study-reminders';
import { reminderLeadMinutes, scheduleOf, syncSessions } from './schedule';
import * as scheduleStore from './schedule-store';

export const MAX_BRANCHES_PER_RUN = 500;
/** Well inside the function's timeout (infra/jobs.ts: 5 minutes). */
export const RUN_BUDGET_MS = 240_000;

export interface NightStudyReport {
  readonly branches: number;
  readonly created: number;
  readonly cancelled: number;
  /** Sessions whose reminder went out in this run, and the messages that took. */
  readonly reminded: number;
  readonly messages: number;
  readonly failed: number;
  /** False when the bounds stopped the run before the last branch (the next run continues). */
  readonly complete: boolean;
}

export interface NightStudyOptions {
  readonly maxBranches?: number;
  readonly budgetMs?: number;
}

export async function runNightStudyJob(nowMs = Date.now(), options: NightStudyOptions = {}): Promise<NightStudyReport> {
  const began = Date.now();
  const maxBranches = options.maxBranches ?? MAX_BRANCHES_PER_RUN;
  const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  const lead = reminderLeadMinutes();
  const after = await scheduleStore.jobCursor();
  const todo = (await org.listOrgsOfKind('branch')).filter((branch) => branch.path > after);
  const report = { branches: 0, created: 0, cancelled: 0, reminded: 0, messages: 0, failed: 0 };
  let last = after;
  for (const branch of todo) {
    if (report.branches >= maxBranches || Date.now() - began > budgetMs) break;
    try {
      const { plan } = await scheduleOf(branch.id);
      const sync = await syncSessions(branch, plan, nowMs);
      report.created += sync.created;
      report.cancelled += sync.cancelled;
      for (const session of sync.sessions.filter((s) => reminderDue(s, nowMs, lead))) {
        const sent = await remindSession(session, nowMs);
        if (sent > 0) report.reminded += 1;
        report.messages += sent;
      }
    } catch (error) {
      // One branch's trouble (a throttled write, a bad record) must not starve the others; the next run retries.
      report.failed += 1;
      console.error(
        JSON.stringify({ level: 'error', msg: 'night study branch failed', orgId: branch.id, error: String(error) }),
      );
    }
    report.branches += 1;
    last = branch.path;
  }
  const complete = report.branches === todo.length;
  if (!complete) await scheduleStore.setJobCursor(last, new Date(nowMs).toISOString());
  else if (after) await scheduleStore.setJobCursor('', new Date(nowMs).toISOString());
  return { ...report, complete };
}

/** What a run did, for the logs: only runs that changed something. */
export function describeRun(report: NightStudyReport): string | null {
  if (report.created + report.cancelled + report.messages + report.failed === 0 && report.complete) return null;
  return JSON.stringify({ level: 'info', msg: 'night study', ...report });
}

export const handler = async (): Promise<void> => {
  const line = describeRun(await runNightStudyJob());
  if (line) console.log(line);
};

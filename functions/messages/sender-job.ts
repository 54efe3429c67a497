/**
 * The scheduled Lambda (EventBridge, every minute; `npm start` runs it on a timer): first finishes notice
 * publications whose request died half-way (their members' messages are then in the outbox), then delivers
 * every due message. Idempotent: two runs at once, or a run repeated, send nothing twice.
 */
import { resumeStalledPublications } from '../notices/publish';
import { type SenderOptions, type SenderReport, sendDueMessages } from './sender';

export async function runSenderJob(options: SenderOptions = {}): Promise<SenderReport & { resumed: number }> {
  const resumed = await resumeStalledPublications(options.nowMs);
  return { resumed, ...(await sendDueMessages(options)) };
}

/** What a run did, for the logs: only runs that did something. */
export function describeRun(report: SenderReport & { resumed: number }): string | null {
  if (!Object.values(report).some((n) => n > 0)) return null;
  return JSON.stringify({ level: 'info', msg: 'messages sender', ...report });
}

export const handler = async (): Promise<void> => {
  const line = describeRun(await runSenderJob());
  if (line) console.log(line);
};

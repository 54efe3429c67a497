/**
 * The sender job: delivers each due message once through WeChat's subscribe-message API. Runs every minute
 * (EventBridge in AWS, a timer under `npm start`), and any number of runs may overlap:
 * - a run CLAIMS a message with a conditional update (pending and due → sending, with a lease and the run's
 *   token), so of two runs at the same time exactly one gets it;
 * - WeChat refusing it (an errcode, or no connection at all) puts it back to pending with a backoff
 *   (attempts, dueAt), until DELIVERY.maxAttempts, then failed;
 * - an attempt whose outcome nobody knows (timeout after the request left, a run that died before settling:
 *   its lease runs out) becomes `unknown` and is never retried — a message is never sent twice.
 */
import { randomUUID } from 'node:crypto';
import { afterFailure, DELIVERY, pageOf, templateData, verdictOf } from '../../shared/messages/delivery';
import * as org from '../org/service';
import * as store from './store';
import { type MessageRecord, OUTBOX_SHARDS, type Settlement } from './store';
import { type SendAttempt, sendSubscribeMessage, subscribeTemplateId } from './subscribe';

export interface SenderReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  unknown: number;
}

export interface SenderOptions {
  readonly nowMs?: number;
  /** Stop claiming after this long (the Lambda's timeout is longer). */
  readonly budgetMs?: number;
  /** Messages read per outbox query. */
  readonly batch?: number;
  /** Sends in flight at once. */
  readonly concurrency?: number;
  readonly random?: () => number;
}

type Member = Awaited<ReturnType<typeof org.findMembers>>[number];

function settlementOf(attempt: SendAttempt, message: MessageRecord, nowMs: number, random: number): Settlement {
  if (attempt.kind === 'ambiguous') return { state: 'unknown', error: attempt.error };
  const verdict = attempt.kind === 'answer' ? verdictOf(attempt.errcode) : 'retry';
  if (verdict === 'sent') return { state: 'sent', at: new Date(nowMs).toISOString() };
  const error = attempt.kind === 'answer' ? `errcode ${attempt.errcode} ${attempt.errmsg}`.trim() : attempt.error;
  if (verdict === 'permanent') return { state: 'failed', error };
  const next = afterFailure(message.attempts, nowMs, random);
  return next.retry
    ? { state: 'pending', dueAt: new Date(next.atMs).toISOString(), error }
    : { state: 'failed', error };
}

/** One claimed message: skip it when it cannot be addressed, else send (a refused token is renewed once). */
async function deliver(message: MessageRecord, member: Member | undefined, nowMs: number, random: number) {
  const templateId = subscribeTemplateId();
  if (!templateId) return { state: 'skipped', error: 'WECHAT_SUBSCRIBE_TEMPLATE_ID not set' } as const;
  if (member?.status !== 'active') return { state: 'skipped', error: 'member not active' } as const;
  if (!member.openid) return { state: 'skipped', error: 'member has no WeChat binding' } as const;
  const send = { touser: member.openid, templateId, page: pageOf(message), data: templateData(message) };
  let attempt = await sendSubscribeMessage(send);
  // WeChat refused the token itself: nothing went out, so asking again with a fresh token sends at most once.
  if (attempt.kind === 'answer' && verdictOf(attempt.errcode) === 'token')
    attempt = await sendSubscribeMessage(send, true);
  return settlementOf(attempt, message, nowMs, random);
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

const COUNTED: Record<Settlement['state'], keyof SenderReport> = {
  sent: 'sent',
  pending: 'retried',
  failed: 'failed',
  skipped: 'skipped',
  unknown: 'unknown',
};

export async function sendDueMessages(options: SenderOptions = {}): Promise<SenderReport> {
  const nowMs = options.nowMs ?? Date.now();
  const nowIso = new Date(nowMs).toISOString();
  const leaseEnd = new Date(nowMs + DELIVERY.leaseSeconds * 1000).toISOString();
  const deadline = Date.now() + (options.budgetMs ?? 40_000);
  const batch = options.batch ?? 50;
  const random = options.random ?? Math.random;
  const token = randomUUID();
  const report: SenderReport = { sent: 0, retried: 0, failed: 0, skipped: 0, unknown: 0 };
  const settle = async (message: MessageRecord, claim: string | null, outcome: Settlement) => {
    if (await store.settle(message, claim, outcome, nowIso)) report[COUNTED[outcome.state]] += 1;
  };
  for (let shard = 0; shard < OUTBOX_SHARDS && Date.now() < deadline; shard++) {
    while (Date.now() < deadline) {
      const due = await store.dueMessages(shard, nowIso, batch);
      // A message still `sending` after its lease: its run died mid-send; whether it went out is unknown.
      const expired = due.filter((message) => message.delivery === 'sending');
      await Promise.all(expired.map((message) => settle(message, null, { state: 'unknown', error: 'lease expired' })));
      const pending = due.filter((message) => message.delivery === 'pending');
      const claimed = (await Promise.all(pending.map((m) => store.claim(m, nowIso, leaseEnd, token)))).filter(
        (message): message is MessageRecord => message !== null,
      );
      if (claimed.length > 0) {
        const members = new Map(
          (await org.findMembers([...new Set(claimed.map((m) => m.memberId))])).map((m) => [m.id, m]),
        );
        await inPool(claimed, options.concurrency ?? 5, async (message) => {
          await settle(message, token, await deliver(message, members.get(message.memberId), nowMs, random()));
        });
      }
      // Done with this shard when it had no more, or when another run took everything this one saw.
      if (due.length < batch || (claimed.length === 0 && expired.length === 0)) break;
    }
  }
  return report;
}

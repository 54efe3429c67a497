/**
 * The raw side of bench/study.ts's burst: 完成学习's very transaction (functions/study/completion-store.ts:
 * session completed, check-in, member stats, branch month, item record, roster check) issued straight to DynamoDB, on a
 * key set of its own, and the CPU the node process and the DynamoDB Local JVM spend meanwhile.
 */
import { readFileSync } from 'node:fs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { cancellationReasons, dynamo } from '../functions/commons/dynamo';
import { memberKey } from '../functions/org/store';
import { completionTransaction } from '../functions/study/completion-store';
import { putSession, type StudySessionRecord } from '../functions/study/progress-store';
import { NO_PROGRESS, recordCheckin } from '../shared/study/progress';
import { shanghaiDay } from '../shared/time';
import { pool } from './timing';

/**
 * `count` open sessions with enough credited time, of members that exist only here: each an active roster
 * record of `orgId` (the transaction's ConditionCheck holds the member to it), nothing else.
 */
export async function rawSessions(prefix: string, itemId: string, orgId: string, count: number, concurrency: number) {
  const at = Date.now();
  const sessions: StudySessionRecord[] = Array.from({ length: count }, (_, i) => ({
    id: `ss-${prefix}-${i}`,
    itemId,
    memberId: `m-${prefix}-${i}`,
    requiredSeconds: 1,
    creditedMs: 1500,
    lastBeatMs: at,
    lastVisible: true,
    startedAt: new Date(at - 1500).toISOString(),
    version: 2,
    expiresAt: Math.floor(at / 1000) + 86_400,
  }));
  await pool(sessions, concurrency, async (session) => {
    await putSession(session);
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...memberKey(session.memberId), id: session.memberId, status: 'active', orgId },
      }),
    );
  });
  return sessions;
}

/**
 * Completes each session with the service's transaction, built as completeSession builds it (a first
 * check-in: stats version 0, a new participant of `orgId`'s month), at `concurrency`. A TransactionConflict
 * is retried at once and counted.
 */
export async function rawCompletions(sessions: readonly StudySessionRecord[], orgId: string, concurrency: number) {
  const latencies: number[] = [];
  let conflicts = 0;
  const started = performance.now();
  await pool(sessions, concurrency, async (session) => {
    const at = Date.now();
    const checkin = {
      id: `sc-${session.id}`,
      memberId: session.memberId,
      itemId: session.itemId,
      title: '基准学习',
      category: 'theory',
      orgId,
      day: shanghaiDay(at),
      at: new Date(at).toISOString(),
      seconds: Math.floor(session.creditedMs / 1000),
      sessionId: session.id,
    };
    const { progress, newParticipant } = recordCheckin(NO_PROGRESS, checkin);
    const stats = { ...progress, monthOrgIds: [...progress.monthOrgIds], memberId: session.memberId, version: 1 };
    const transaction = completionTransaction({
      session,
      creditedMs: session.creditedMs,
      checkin,
      memberName: session.memberId,
      stats,
      statsVersion: 0,
      newParticipant,
    });
    for (;;) {
      const t = performance.now();
      try {
        await dynamo().send(transaction);
        latencies.push(performance.now() - t);
        return;
      } catch (error) {
        if (!cancellationReasons(error)?.includes('TransactionConflict')) throw error;
        conflicts += 1;
      }
    }
  });
  return { seconds: (performance.now() - started) / 1000, latencies, conflicts };
}

/** CPU seconds used so far by this process and by `pid` (the DynamoDB Local JVM), from /proc. */
export function cpuSeconds(pid: number | undefined): { node: number; jvm: number } {
  const usage = process.cpuUsage();
  let jvm = Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    jvm = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100/s)
  } catch {
    // no /proc (not Linux): the JVM's share stays unknown
  }
  return { node: (usage.user + usage.system) / 1e6, jvm };
}

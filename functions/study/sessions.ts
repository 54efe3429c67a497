/**
 * Server-timed study (DESIGN §6 Study): a session starts when the member opens an item, heartbeats credit
 * time by the server's clock only (shared/study/heartbeat.ts), and 完成学习 turns a session with enough
 * credited time into the day's check-in for that item — one transaction with the streak, the branch's month
 * and the item's record of the member (./completion-store.ts).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import {
  canComplete,
  creditBeat,
  creditedSeconds,
  HEARTBEAT_INTERVAL_SECONDS,
  MAX_HEARTBEAT_GAP_SECONDS,
  SESSION_LIFETIME_HOURS,
  type StudyClock,
  sessionOpen,
  startClock,
} from '../../shared/study/heartbeat';
import { NO_PROGRESS, recordCheckin } from '../../shared/study/progress';
import type { CompleteStudyResponse, StudyCheckin, StudySession } from '../../shared/study/progress-schemas';
import { streakOn } from '../../shared/study/streak';
import { shanghaiDay } from '../../shared/time';
import { newId } from '../commons/ids';
import * as org from '../org/service';
import { closeSession, writeCompletion } from './completion-store';
import { studySecondsPerMinute } from './config';
import { requireStudyableItem } from './items';
import type { StudyCheckinRecord, StudySessionRecord } from './progress-store';
import * as store from './progress-store';

/** The table forgets a session (TTL) a week after it started; it stops counting after 24 h. */
const SESSION_TTL_SECONDS = 7 * 86_400;

const clockOf = (session: StudySessionRecord): StudyClock => ({
  creditedMs: session.creditedMs,
  lastBeatMs: session.lastBeatMs,
  lastVisible: session.lastVisible,
});

export function toSession(session: StudySessionRecord): StudySession {
  const clock = clockOf(session);
  return {
    id: session.id,
    itemId: session.itemId,
    requiredSeconds: session.requiredSeconds,
    countedSeconds: creditedSeconds(clock),
    canComplete: !session.completedAt && canComplete(clock, session.requiredSeconds),
    startedAt: session.startedAt,
    validUntil: new Date(Date.parse(session.startedAt) + SESSION_LIFETIME_HOURS * 3600_000).toISOString(),
    completed: Boolean(session.completedAt),
    heartbeatSeconds: HEARTBEAT_INTERVAL_SECONDS,
    maxGapSeconds: MAX_HEARTBEAT_GAP_SECONDS,
  };
}

export function toCheckin(record: StudyCheckinRecord): StudyCheckin {
  return { id: record.id, itemId: record.itemId, day: record.day, seconds: record.seconds, at: record.at };
}

export async function startSession(itemId: string, claims: MemberClaims, nowMs: number): Promise<StudySessionRecord> {
  const item = await requireStudyableItem(itemId, claims);
  const session: StudySessionRecord = {
    id: newId('ss'),
    itemId: item.id,
    memberId: claims.memberId,
    requiredSeconds: item.minMinutes * studySecondsPerMinute(),
    ...startClock(nowMs),
    startedAt: new Date(nowMs).toISOString(),
    version: 1,
    expiresAt: Math.floor(nowMs / 1000) + SESSION_TTL_SECONDS,
  };
  await store.putSession(session);
  return session;
}

/** The caller's own session, still open: another member's is 404, a completed one 409, a stale one 422. */
async function requireOpenSession(id: string, claims: MemberClaims, nowMs: number): Promise<StudySessionRecord> {
  const session = await store.getSession(id);
  if (!session || session.memberId !== claims.memberId) throw new DomainError('STUDY_SESSION_NOT_FOUND');
  if (session.completedAt) throw new DomainError('STUDY_SESSION_COMPLETED');
  if (!sessionOpen(Date.parse(session.startedAt), nowMs)) throw new DomainError('STUDY_SESSION_EXPIRED');
  return session;
}

/** Heartbeats racing on one session: each re-reads and re-applies, so no interval is credited twice. */
const MAX_BEAT_ATTEMPTS = 5;

export async function heartbeat(id: string, claims: MemberClaims, visible: boolean, nowMs: number) {
  let session = await requireOpenSession(id, claims, nowMs);
  for (let attempt = 1; ; attempt++) {
    const clock = creditBeat(clockOf(session), nowMs, visible);
    // Older than the last beat taken (a racing request got there first): nothing to add.
    if (clock.lastBeatMs === session.lastBeatMs && clock.creditedMs === session.creditedMs) return session;
    if (await store.saveClock(session, clock)) return { ...session, ...clock, version: session.version + 1 };
    if (attempt >= MAX_BEAT_ATTEMPTS) return session;
    session = await requireOpenSession(id, claims, nowMs);
  }
}

const MAX_COMPLETION_ATTEMPTS = 12;
const backoff = (attempt: number) => new Promise((ok) => setTimeout(ok, 5 + Math.random() * 20 * attempt));

/**
 * → created: the day's new check-in (201); existing: this item's check-in already made today, which the
 * session now points at (200). Too little credited time → 422 STUDY_TOO_SHORT, nothing written.
 */
export async function completeSession(
  id: string,
  tokenClaims: MemberClaims,
  nowMs: number,
): Promise<CompleteStudyResponse & { created: boolean }> {
  try {
    return await complete(id, tokenClaims, nowMs);
  } catch (error) {
    // Refused before the write: the roster still answers first, so a deactivated member only hears that.
    if (error instanceof DomainError && error.code !== 'SESSION_REVOKED') await org.currentClaims(tokenClaims);
    throw error;
  }
}

/** `tokenClaims` are the token's (route rosterCheck: 'transaction'): the transaction holds them to the roster. */
async function complete(id: string, tokenClaims: MemberClaims, nowMs: number) {
  let claims = tokenClaims;
  const at = new Date(nowMs).toISOString();
  const day = shanghaiDay(nowMs);
  for (let attempt = 1; ; attempt++) {
    // The member's stats are read alongside the session: one round trip fewer per completion.
    const [session, previous] = await Promise.all([
      requireOpenSession(id, claims, nowMs),
      store.getMemberStats(claims.memberId),
    ]);
    const item = await requireStudyableItem(session.itemId, claims);
    // Pressing 完成学习 on a visible page is a heartbeat of its own.
    const clock = creditBeat(clockOf(session), nowMs, true);
    if (!canComplete(clock, session.requiredSeconds)) {
      throw new DomainError('STUDY_TOO_SHORT', {
        message: `学习时间还未达到要求：已计 ${creditedSeconds(clock)} 秒，需 ${session.requiredSeconds} 秒，请继续学习`,
      });
    }
    const checkin: StudyCheckinRecord = {
      id: newId('sc'),
      memberId: claims.memberId,
      itemId: item.id,
      title: item.title,
      category: item.category,
      orgId: claims.orgId,
      day,
      at,
      seconds: creditedSeconds(clock),
      sessionId: session.id,
    };
    const { progress, newParticipant } = recordCheckin(previous ?? NO_PROGRESS, checkin);
    const stats = {
      ...progress,
      monthOrgIds: [...progress.monthOrgIds],
      memberId: claims.memberId,
      version: (previous?.version ?? 0) + 1,
    };
    const outcome = await writeCompletion({
      session,
      creditedMs: clock.creditedMs,
      checkin,
      memberName: claims.name,
      stats,
      statsVersion: previous?.version ?? 0,
      newParticipant,
    });
    if (outcome === 'created') return { checkin: toCheckin(checkin), streak: streakOn(stats, day), created: true };
    if (outcome === 'exists') {
      const first = await store.getCheckin(claims.memberId, day, item.id);
      if (first && (await closeSession(session, first.id, at))) {
        const current = await store.getMemberStats(claims.memberId);
        return { checkin: toCheckin(first), streak: streakOn(current ?? NO_PROGRESS, day), created: false };
      }
    }
    // Not on the token's branch any more: the roster decides (SESSION_REVOKED, or the member's branch now).
    if (outcome === 'not_member') claims = await org.currentClaims(tokenClaims);
    // 'stale' (the session or the stats moved since they were read) or 'conflict': read again and retry.
    if (attempt >= MAX_COMPLETION_ATTEMPTS) throw new DomainError('TOO_MANY_REQUESTS');
    if (outcome === 'conflict') await backoff(attempt);
  }
}

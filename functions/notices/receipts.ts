/**
 * Read receipts: opening a notice records the reader's receipt once (repeat and concurrent reads included),
 * its readCount moving in the same transaction; the publisher sees who has not read it and can remind them.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { shanghaiDay } from '../../shared/time';
import { sendOnce } from '../messages/fan-out';
import * as org from '../org/service';
import * as audience from './audience-store';
import type { NoticeRecord } from './store';
import * as store from './store';

const MAX_CONFLICT_RETRIES = 8;
const pause = (attempt: number) => new Promise((ok) => setTimeout(ok, 5 + Math.random() * 20 * (attempt + 1)));

/**
 * Records that `reader` read `notice` (a notice aimed at them, not their own): → when they first read it, and
 * whether this call was the one that counted it. The receipt is one per (notice, member) by key; an audience
 * member's receipt also moves readCount and clears their unread entry, in the same transaction.
 */
export async function recordRead(
  notice: NoticeRecord,
  reader: MemberClaims,
  nowMs: number,
): Promise<{ at: string; counted: boolean }> {
  const existing = await audience.getReceipt(notice.id, reader.memberId);
  if (existing) return { at: existing.at, counted: false };
  const receipt = { memberId: reader.memberId, name: reader.name, at: new Date(nowMs).toISOString() };
  let member = await audience.inAudience(notice.id, reader.memberId);
  for (let attempt = 0; ; attempt++) {
    const outcome = await audience.writeReceipt(notice.id, receipt, member);
    if (outcome === 'created') return { at: receipt.at, counted: member };
    if (outcome === 'not_audience') {
      member = false;
      continue;
    }
    if (outcome === 'exists') {
      const first = await audience.getReceipt(notice.id, reader.memberId);
      if (first) return { at: first.at, counted: false };
    }
    // Another read of the same notice by the same member held the items: look again after a moment.
    if (attempt >= MAX_CONFLICT_RETRIES) throw new DomainError('TOO_MANY_REQUESTS');
    await pause(attempt);
  }
}

/** The receipts' figures: total = read + unread.length (the audience is fixed at publication). */
export async function reads(noticeId: string) {
  const [notice, unread] = await Promise.all([store.getNotice(noticeId, true), audience.unreadMembers(noticeId)]);
  if (!notice) throw new DomainError('NOTICE_NOT_FOUND');
  return {
    total: notice.audience,
    read: notice.readCount,
    unread: unread.map((member) => ({ memberId: member.memberId, name: member.name, orgId: member.orgId })),
  };
}

/**
 * 提醒: a message to each unread member, at most one per member per Asia/Shanghai day (the message's id holds
 * the day, so a second reminder the same day adds nothing). Each transaction records the reminder on the notice
 * with the messages it adds. Members deactivated since publication stay unread in the figures but are not
 * reminded. → sent (added now), skipped (already reminded today).
 */
export async function remind(notice: NoticeRecord, nowMs: number): Promise<{ sent: number; skipped: number }> {
  const nowIso = new Date(nowMs).toISOString();
  const day = shanghaiDay(nowMs).replaceAll('-', '');
  const everyone = await audience.unreadMembers(notice.id);
  const active = new Set(
    (await org.findMembers(everyone.map((member) => member.memberId)))
      .filter((member) => member.status === 'active')
      .map((member) => member.id),
  );
  return sendOnce({
    memberIds: everyone.map((member) => member.memberId).filter((id) => active.has(id)),
    nowIso,
    lead: (members) => store.remindedUpdate(notice.id, nowIso, members),
    message: (memberId) => ({
      id: `rm-${notice.id}-${day}`,
      memberId,
      kind: 'notice_reminder',
      title: '阅读提醒',
      body: `请阅读：${notice.title}`,
      ref: { type: 'notice', id: notice.id },
    }),
  });
}

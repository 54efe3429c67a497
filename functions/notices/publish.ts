/**
 * Publishing a notice: its audience (the active members of every target's subtree, the author excepted) each
 * get an audience entry and a message, in the same transactions as the notice itself.
 *
 * Chunking (DynamoDB takes at most 100 items per transaction; each member needs 3: the audience entry, the
 * message and their inbox counter):
 * - up to ~30 members (a branch): ONE transaction — the notice, its feed entries and every member's items;
 * - more (a committee's notice to the whole hospital): the notice is written first as `publishing` (seen by
 *   nobody) with the first 33 members, the rest in transactions of 33 members (four at a time), and a last
 *   transaction marks it published and writes its feed entries. Every member item is conditional on not
 *   existing yet, so a chunk can be retried and a publication resumed without doubling anything. A
 *   publication interrupted half-way (a Lambda that died) is finished by the minutely job
 *   (resumeStalledPublications) from the roster at that time; until then its notice is seen by nobody.
 */

import { excerptOf } from '../../shared/notices/body';
import { NOTICE_KIND_LABELS } from '../../shared/notices/schemas';
import { cancellationReasons } from '../commons/dynamo';
import { MESSAGE_ITEMS, messageItems } from '../messages/outbox';
import type { TransactItem } from '../org/service';
import * as org from '../org/service';
import { type AudienceMember, audienceIds, audiencePut } from './audience-store';
import type { NoticeRecord } from './store';
import * as store from './store';

const MAX_TRANSACT_ITEMS = 100;
/** Items per member: the audience entry, then the message's items. */
export const ITEMS_PER_MEMBER = 1 + MESSAGE_ITEMS;
/** Members per transaction of a large publication (the first one also holds the notice). */
export const MEMBERS_PER_CHUNK = Math.floor((MAX_TRANSACT_ITEMS - 1) / ITEMS_PER_MEMBER);
const PARALLEL_CHUNKS = 4;
/** A publication still `publishing` this long after it started has lost its request (Lambda timeout: 10 s). */
export const STALLED_AFTER_MS = 2 * 60_000;

/** The active members of the targets' subtrees (targets never overlap: see normalizeTargets), minus the author. */
export async function audienceOf(targets: readonly org.OrgRecord[], authorId: string): Promise<AudienceMember[]> {
  const subtrees = await Promise.all(targets.map((target) => org.listSubtree(target)));
  const orgs = [...new Map(subtrees.flat().map((node) => [node.id, node])).values()];
  const rosters = await Promise.all(orgs.map((node) => org.listActiveMembers(node.id)));
  return rosters
    .flat()
    .filter((member) => member.id !== authorId)
    .map((member) => ({ memberId: member.id, name: member.name, orgId: member.orgId }));
}

/** One member's items: the audience entry (unread) and a message saying a notice is here for them. */
function memberItems(notice: NoticeRecord, member: AudienceMember, nowIso: string) {
  const message = {
    id: `nt-${notice.id}`,
    memberId: member.memberId,
    kind: 'notice' as const,
    title: `${NOTICE_KIND_LABELS[notice.kind]}·${notice.orgName}`,
    body: notice.title,
    ref: { type: 'notice' as const, id: notice.id },
  };
  return [audiencePut(notice, member), ...messageItems(message, nowIso)];
}

function feedItems(notice: NoticeRecord) {
  const excerpt = excerptOf(notice.body);
  return notice.targets.map((target) => store.feedPut(notice, target, excerpt));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Writes `members`' items, leaving out those already written (their audience entry's condition fails) and
 * retrying on a conflict (another transaction on a member's inbox counter). `lead` items go first, once.
 */
async function writeMembers(
  notice: NoticeRecord,
  members: readonly AudienceMember[],
  nowIso: string,
  lead: readonly TransactItem[] = [],
) {
  let pending = [...members];
  for (let attempt = 0; ; attempt++) {
    const items = [...lead, ...pending.flatMap((member) => memberItems(notice, member, nowIso))];
    if (items.length === 0) return;
    try {
      await store.transact(items);
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons || attempt >= 8 || (lead.length > 0 && reasons.slice(0, lead.length).some((r) => r !== 'None'))) {
        throw error;
      }
      const written = (i: number) => reasons[lead.length + i * ITEMS_PER_MEMBER] === 'ConditionalCheckFailed';
      const before = pending.length;
      pending = pending.filter((_, i) => !written(i));
      if (pending.length === before) await pause(10 + Math.random() * 30 * (attempt + 1));
    }
  }
}

export async function publishNotice(draft: NoticeRecord, audience: readonly AudienceMember[], nowMs: number) {
  const nowIso = new Date(nowMs).toISOString();
  const feeds = feedItems(draft);
  if (1 + feeds.length + ITEMS_PER_MEMBER * audience.length <= MAX_TRANSACT_ITEMS) {
    const notice: NoticeRecord = { ...draft, state: 'published', audience: audience.length };
    await writeMembers(notice, audience, nowIso, [store.noticePut(notice), ...feeds]);
    return notice;
  }
  const [first = [], ...rest] = chunks(audience, MEMBERS_PER_CHUNK);
  const publishing: NoticeRecord = { ...draft, state: 'publishing', audience: 0 };
  await writeMembers(publishing, first, nowIso, [store.noticePut(publishing)]);
  for (let i = 0; i < rest.length; i += PARALLEL_CHUNKS) {
    await Promise.all(rest.slice(i, i + PARALLEL_CHUNKS).map((members) => writeMembers(publishing, members, nowIso)));
  }
  await store.transact([store.publishedUpdate(draft.id, audience.length), ...feeds]);
  return { ...draft, state: 'published', audience: audience.length } satisfies NoticeRecord;
}

/**
 * The minutely job's part: finishes publications whose request died half-way. One run holds each by a lease;
 * members already written are kept, the others (the roster now) are added, and the audience is what was written.
 */
export async function resumeStalledPublications(nowMs = Date.now()): Promise<number> {
  const nowIso = new Date(nowMs).toISOString();
  const stalled = await store.stalledPublications(new Date(nowMs - STALLED_AFTER_MS).toISOString());
  let finished = 0;
  for (const notice of stalled) {
    if (!(await store.leaseResume(notice.id, nowIso, new Date(nowMs + 60_000).toISOString()))) continue;
    const targets = (await Promise.all(notice.targets.map((t) => org.findOrg(t.orgId)))).filter(
      (target): target is org.OrgRecord => target !== null,
    );
    const [audience, written] = await Promise.all([audienceOf(targets, notice.authorId), audienceIds(notice.id)]);
    const missing = audience.filter((member) => !written.has(member.memberId));
    for (const members of chunks(missing, MEMBERS_PER_CHUNK)) await writeMembers(notice, members, nowIso);
    const total = (await audienceIds(notice.id)).size;
    await store.transact([store.publishedUpdate(notice.id, total), ...feedItems(notice)]);
    finished += 1;
  }
  return finished;
}

/**
 * Org service: the only way other domains reach members and orgs (they never import the store).
 */
import type { MemberClaims, OrgScope, Role } from '../../shared/auth/roles';
import type { MemberProfile } from '../../shared/auth/schemas';
import { DomainError } from '../../shared/errors';
import { maskIdNumber, maskPhone } from '../../shared/org/rules';
import type { CreateMemberRequest, OrgNode, RosterMember, UpdateMemberRequest } from '../../shared/org/schemas';
import { rollUp } from '../../shared/org/tree';
import { tableName } from '../commons/config';
import { cursorInvalid, decodeCursor, encodeCursor } from '../commons/cursor';
import { cancellationReasons } from '../commons/dynamo';
import { newId } from '../commons/ids';
import type { MemberRecord, OrgRecord, TransactItem } from './store';
import * as store from './store';

export type { MemberRecord, OrgRecord, TransactItem } from './store';

export function scopeOf(org: Pick<OrgRecord, 'id' | 'path'>): OrgScope {
  return { orgId: org.id, orgPath: org.path };
}

export async function requireOrg(orgId: string): Promise<OrgRecord> {
  const org = await store.getOrg(orgId);
  if (!org) throw new DomainError('ORG_NOT_FOUND');
  return org;
}

export async function requireMember(memberId: string): Promise<MemberRecord> {
  const member = await store.getMember(memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  return member;
}

export const findMember = (memberId: string) => store.getMember(memberId, true);

/**
 * The roster's current word on a token's subject (issue #6): one consistent read, so a deactivation, a role
 * change or a transfer applies to the very next request. The token only says who; this says what they may do.
 */
export async function currentClaims(claims: MemberClaims): Promise<MemberClaims> {
  const member = await store.getMember(claims.memberId, true);
  if (member?.status !== 'active') throw new DomainError('SESSION_REVOKED');
  return {
    kind: 'member',
    memberId: member.id,
    name: member.name,
    orgId: member.orgId,
    orgPath: member.orgPath,
    roles: member.roles,
  };
}
export const findOrg = store.getOrg;
export const listActiveMembers = store.listActiveMembers;

/**
 * Active members of an org who hold `role` (a branch's secretaries, a committee's staff), at most `max`: whom a
 * message about the org's work goes to. Roles are not indexed: it reads the org's roster.
 */
export async function activeMembersWithRole(orgId: string, role: Role, max = Number.POSITIVE_INFINITY) {
  return (await store.listActiveMembers(orgId)).filter((member) => member.roles.includes(role)).slice(0, max);
}
/** Members by id (BatchGetItem, 100 keys a request): the message sender looks up many openids at once. */
export const findMembers = store.getMembers;
/** An org and every org under it (one Query on GSI2): a notice's audience. */
export const listSubtree = store.listSubtree;
/** Every org of a kind in every tree, in tree order (one Query on GSI1): the jobs' "every branch". */
export const listOrgsOfKind = store.listOrgsOfKind;

export function profileOf(member: MemberRecord, org: OrgRecord): MemberProfile {
  return {
    id: member.id,
    name: member.name,
    orgId: org.id,
    orgName: org.name,
    orgPath: org.path,
    roles: member.roles,
    category: member.category,
  };
}

/** Adds an org node under `parent` (or a new root). Used by the seed and by committee tooling. */
export async function createOrg(input: {
  id?: string;
  name: string;
  kind: OrgRecord['kind'];
  parent: OrgRecord | null;
}): Promise<OrgRecord> {
  const id = input.id ?? newId('o');
  const org: OrgRecord = {
    id,
    name: input.name,
    kind: input.kind,
    parentId: input.parent?.id ?? null,
    rootId: input.parent?.rootId ?? id,
    path: `${input.parent?.path ?? '/'}${id}/`,
    memberCount: 0,
  };
  await store.transact([store.putOrgItem(org)]);
  return org;
}

export function newMemberRecord(
  org: OrgRecord,
  input: CreateMemberRequest & { id?: string; extraRoles?: MemberRecord['roles'] },
  nowIso: string,
): MemberRecord {
  return {
    id: input.id ?? newId('m'),
    orgId: org.id,
    orgPath: org.path,
    name: input.name,
    gender: input.gender,
    phone: input.phone,
    idNumber: input.idNumber,
    category: input.category,
    joinedAt: input.joinedAt,
    roles: [...new Set(['member' as const, ...(input.roles ?? []), ...(input.extraRoles ?? [])])],
    status: 'active',
    version: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
}

/** Creates one member; the ID number must not be on any roster yet. */
export async function createMember(
  org: OrgRecord,
  input: CreateMemberRequest & { id?: string; extraRoles?: MemberRecord['roles'] },
): Promise<MemberRecord> {
  const member = newMemberRecord(org, input, new Date().toISOString());
  try {
    await store.transact(store.newMemberItems(member));
  } catch (error) {
    // Items: [member, ID-number claim, org count]; a conflicting concurrent write is retried by the caller.
    const reasons = cancellationReasons(error);
    if (reasons?.[1] === 'ConditionalCheckFailed') throw new DomainError('ID_NUMBER_TAKEN', { cause: error });
    if (reasons?.[2] === 'ConditionalCheckFailed') throw new DomainError('ORG_NOT_FOUND', { cause: error });
    throw error;
  }
  return member;
}

/** The transaction item that records a member's openid, only if they have none (auth's bind uses it). */
export function bindOpenidItem(memberId: string, openid: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: store.memberKey(memberId),
      UpdateExpression: 'SET openid = :openid, version = version + :one',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(openid) AND #status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':openid': openid, ':one': 1, ':active': 'active' },
    },
  };
}

/** A transaction item that holds only if the member is active in `orgId` right now (check-in uses it). */
export function activeMemberCheck(memberId: string, orgId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: store.memberKey(memberId),
      ConditionExpression: '#status = :active AND orgId = :org',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active', ':org': orgId },
    },
  };
}

/** `totalMembers` needs the subtree; a node shown alone (a secretary's branch) has only its own members. */
export function toOrgNode(org: OrgRecord, totalMembers = org.memberCount): OrgNode {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    parentId: org.parentId,
    path: org.path,
    memberCount: org.memberCount,
    totalMembers,
  };
}

/** What a roster shows: phone and ID number masked, `bound` instead of the openid. */
export function toRosterMember(member: MemberRecord): RosterMember {
  return {
    id: member.id,
    orgId: member.orgId,
    name: member.name,
    gender: member.gender,
    phoneMasked: maskPhone(member.phone),
    idNumberMasked: maskIdNumber(member.idNumber),
    category: member.category,
    joinedAt: member.joinedAt,
    roles: member.roles,
    status: member.status,
    bound: Boolean(member.openid),
    version: member.version,
    ...(member.leaveReason ? { leaveReason: member.leaveReason } : {}),
    ...(member.leaveNote ? { leaveNote: member.leaveNote } : {}),
    ...(member.leftAt ? { leftAt: member.leftAt } : {}),
  };
}

/** The org tree a caller may see: committee staff their org's subtree, anyone else only their own org. */
export async function visibleTree(claims: MemberClaims): Promise<OrgNode[]> {
  const own = await requireOrg(claims.orgId);
  const nodes = claims.roles.includes('committee') ? await store.listSubtree(own) : [own];
  // The subtree is complete below `own`, so every visible node's roll-up is its true total.
  const totals = rollUp(nodes);
  return nodes
    .map((node) => toOrgNode(node, totals.get(node.id)?.totalMembers))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const DEFAULT_ROSTER_PAGE = 50;

export async function rosterPage(
  orgId: string,
  query: { status?: 'active' | 'inactive' | 'all'; limit?: number; cursor?: string; q?: string },
): Promise<{ items: RosterMember[]; nextCursor: string | null }> {
  const status = query.status ?? 'active';
  if (query.q !== undefined) return searchPage(orgId, status, query.q, query);
  // The cursor is bound to this org AND this status filter: a cursor of another list is refused, not misread.
  const list = `org.roster|org=${orgId}|status=${status}`;
  const page = await store.listRoster(orgId, {
    status,
    limit: query.limit ?? DEFAULT_ROSTER_PAGE,
    startKey: await decodeCursor(query.cursor, list),
  });
  return { items: page.items.map(toRosterMember), nextCursor: await encodeCursor(page.lastKey, list) };
}

/**
 * A name search (`q`): a branch holds at most a few hundred people, so the whole roster of that status is read
 * (every page, GSI1) and filtered here; the cursor is an offset into the filtered list, bound to every filter.
 */
async function searchPage(
  orgId: string,
  status: 'active' | 'inactive' | 'all',
  q: string,
  query: { limit?: number; cursor?: string },
): Promise<{ items: RosterMember[]; nextCursor: string | null }> {
  const list = `org.roster|org=${orgId}|status=${status}|q=${q}`;
  const key = await decodeCursor(query.cursor, list);
  const offset = key === undefined ? 0 : key.offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw cursorInvalid();
  const limit = query.limit ?? DEFAULT_ROSTER_PAGE;
  const needle = q.toLowerCase();
  const matches = (await store.listAllRoster(orgId, status)).filter((m) => m.name.toLowerCase().includes(needle));
  const page = matches.slice(offset, offset + limit);
  const next = offset + limit < matches.length ? { offset: offset + limit } : undefined;
  return { items: page.map(toRosterMember), nextCursor: await encodeCursor(next, list) };
}

/** Every member of an org, active and inactive, in roster order (the export). */
export function allMembers(orgId: string): Promise<MemberRecord[]> {
  return store.listAllRoster(orgId, 'all');
}

/** The member as the editor wants it: their fields, the roles they gave (committee kept), version + 1. */
export function applyUpdate(member: MemberRecord, patch: UpdateMemberRequest, nowIso: string): MemberRecord {
  const { version: _seen, roles, leaveReason, leaveNote, ...fields } = patch;
  const nextRoles: MemberRecord['roles'] = roles
    ? [...new Set(['member' as const, ...roles, ...member.roles.filter((r) => r === 'committee')])]
    : member.roles;
  const { leaveReason: _r, leaveNote: _n, leftAt: _l, ...rest } = member;
  const next: MemberRecord = { ...rest, ...fields, roles: nextRoles, version: member.version + 1, updatedAt: nowIso };
  if (next.status !== 'inactive') return next; // (re)activated: the leave record goes with the status
  if (member.status === 'inactive' && !leaveReason) {
    // Still inactive, reason untouched: keep what was recorded.
    return { ...next, ...pick(member) };
  }
  return {
    ...next,
    leaveReason: leaveReason ?? member.leaveReason ?? 'other',
    ...(leaveNote ? { leaveNote } : {}),
    leftAt: member.status === 'inactive' && member.leftAt ? member.leftAt : nowIso,
  };
}

function pick(member: MemberRecord): Partial<MemberRecord> {
  return {
    ...(member.leaveReason ? { leaveReason: member.leaveReason } : {}),
    ...(member.leaveNote ? { leaveNote: member.leaveNote } : {}),
    ...(member.leftAt ? { leftAt: member.leftAt } : {}),
  };
}

/**
 * Edits or (de)activates a member: one transaction holds the conditional replace (on the version the editor
 * saw) and, when the status changes, the org's memberCount.
 */
export async function updateMember(
  member: MemberRecord,
  patch: UpdateMemberRequest,
  caller: MemberClaims,
): Promise<MemberRecord> {
  if (patch.version !== member.version) throw new DomainError('MEMBER_VERSION_CONFLICT');
  if (patch.status === 'inactive' && member.status === 'active' && member.id === caller.memberId) {
    throw new DomainError('CANNOT_DEACTIVATE_SELF');
  }
  const next = applyUpdate(member, patch, new Date().toISOString());
  const delta = next.status === member.status ? 0 : next.status === 'active' ? 1 : -1;
  const items = [store.replaceMemberItem(next, patch.version)];
  if (delta !== 0) items.push(store.countChange(member.orgId, delta));
  try {
    await store.transact(items);
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons?.[0] === 'ConditionalCheckFailed' || reasons?.includes('TransactionConflict')) {
      throw new DomainError('MEMBER_VERSION_CONFLICT', { cause: error });
    }
    throw error;
  }
  return next;
}

/**
 * A member's move to another branch (组织关系转接), as transaction items: the member (only if unchanged since it
 * was read: same version, still active in the old branch) and both branches' counts. Branch roles (书记, 组织委员)
 * belong to the old branch and stay behind; the past keeps its branch because facts carry their own orgId.
 */
export function moveMemberItems(member: MemberRecord, to: OrgRecord, nowIso: string): TransactItem[] {
  const moved: MemberRecord = {
    ...member,
    orgId: to.id,
    orgPath: to.path,
    roles: member.roles.filter((role) => role !== 'secretary' && role !== 'organizer'),
    version: member.version + 1,
    updatedAt: nowIso,
  };
  const put = store.replaceMemberItem(moved, member.version).Put!;
  return [
    {
      Put: {
        ...put,
        ConditionExpression: `${put.ConditionExpression} AND orgId = :from AND #status = :active`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...put.ExpressionAttributeValues, ':from': member.orgId, ':active': 'active' },
      },
    },
    store.countChange(member.orgId, -1),
    store.countChange(to.id, 1),
  ];
}

/** A member who left the system with a 介绍信 whose 回执 came back: inactive (转出), the branch's count down. */
export function transferOutItems(member: MemberRecord, note: string, nowIso: string): TransactItem[] {
  const left: MemberRecord = {
    ...member,
    status: 'inactive',
    leaveReason: 'transferred_out',
    leaveNote: note.slice(0, 100),
    leftAt: nowIso,
    version: member.version + 1,
    updatedAt: nowIso,
  };
  return [store.replaceMemberItem(left, member.version), store.countChange(member.orgId, -1)];
}

/** A new member's items (member, ID-number claim, count) for a caller's own transaction (转入 from outside). */
export const newMemberTransactItems = store.newMemberItems;

/**
 * 待我审批 (GET /v1/transfers/todo): the steps waiting at the caller's own org — a secretary's branch, committee
 * staff's committee — newest first, ONE Query per page on the to-do index; the badge's count is the maintained
 * counter (one GetItem). And a member's own transfers (GET /v1/me/transfers).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import type { Transfer } from '../../shared/transfers/schemas';
import { isFinal } from '../../shared/transfers/state';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { toTransfer } from './records';
import * as store from './store';

export const DEFAULT_TODO_PAGE = 20;

export async function todoList(
  claims: MemberClaims,
  query: { limit?: number | undefined; cursor?: string | undefined },
  nowMs: number,
): Promise<{ transfers: Transfer[]; nextCursor: string | null; count: number }> {
  // A member holding both roles has one org: the to-do of that org is theirs either way.
  const orgId = claims.orgId;
  const list = `transfers.todo|org=${orgId}`;
  const [page, count] = await Promise.all([
    decodeCursor(query.cursor, list).then((startKey) =>
      store.todoPage(orgId, query.limit ?? DEFAULT_TODO_PAGE, startKey),
    ),
    store.todoCount(orgId),
  ]);
  return {
    transfers: page.records.map((record) => toTransfer(record, nowMs)),
    nextCursor: await encodeCursor(page.lastKey, list),
    count,
  };
}

/** Newest first; `open` is the one still under way (at most one, by the open lock). */
export async function myTransfers(
  claims: MemberClaims,
  nowMs: number,
): Promise<{ transfers: Transfer[]; open: Transfer | null }> {
  const records = await store.getTransfers(await store.memberTransferIds(claims.memberId));
  const transfers = records.map((record) => toTransfer(record, nowMs));
  return { transfers, open: transfers.find((transfer) => !isFinal(transfer.state)) ?? null };
}

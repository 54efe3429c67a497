/**
 * GET /v1/orgs/{orgId}/transfers — the committee view (issue #11 item 7): a month's transfers that touch the org's
 * subtree, newest first, one Query page on the tree's month (filtered to the subtree and the state asked for), and
 * the month's counts by direction and state — a maintained aggregate, one GetItem.
 */

import type { z } from 'zod';
import { monthsBetween, shanghaiMonth } from '../../shared/time';
import type { OrgTransfersResponse as Response } from '../../shared/transfers/admin-schemas';
import type { TransferStateValue } from '../../shared/transfers/schemas';
import { decodeCursor, encodeCursor, type PageKey } from '../commons/cursor';
import { invalidField } from '../commons/invalid-field';
import type { OrgRecord } from '../org/service';
import { monthCounts } from './aggregates';
import { type TransferRecord, toTransfer } from './records';
import { monthPage } from './store';

export const DEFAULT_PAGE = 20;
/** How far back a month may be asked for: the committee's books (and the export) go back ten years. */
export const MONTHS_BACK = 120;

const badMonth = (message: string) => invalidField('month', message);

/** The month asked for, or the current Shanghai month; not in the future, at most ten years back. */
export function viewMonth(asked: string | undefined, nowMs: number): string {
  const current = shanghaiMonth(nowMs);
  const month = asked ?? current;
  const back = monthsBetween(month, current);
  if (back < 0) throw badMonth('不能查询未来的月份');
  if (back > MONTHS_BACK) throw badMonth(`最多查询 ${MONTHS_BACK / 12} 年内的月份`);
  return month;
}

/** The Query filter for "touches this subtree" (and a state): an inbound transfer has no from path, an outbound none to. */
export function subtreeFilter(orgPath: string, state?: TransferStateValue) {
  return {
    expression: `(begins_with(fromOrgPath, :path) OR begins_with(toOrgPath, :path))${state ? ' AND #state = :state' : ''}`,
    ...(state ? { names: { '#state': 'state' } } : {}),
    values: { ':path': orgPath, ...(state ? { ':state': state } : {}) },
  };
}

/** One page of a month's transfers of the subtree (Limit counts items read, so a page may hold fewer). */
export function subtreePage(
  target: OrgRecord,
  month: string,
  limit: number,
  startKey: PageKey | undefined,
  state?: TransferStateValue,
) {
  return monthPage(target.path, month, limit, startKey, subtreeFilter(target.path, state));
}

export async function orgTransfers(
  target: OrgRecord,
  query: { state?: TransferStateValue; month?: string; cursor?: string; limit?: number },
  nowMs: number,
): Promise<z.infer<typeof Response>> {
  const month = viewMonth(query.month, nowMs);
  const list = `transfers.org|org=${target.id}|month=${month}|state=${query.state ?? 'all'}`;
  const startKey = await decodeCursor(query.cursor, list);
  const [page, counts] = await Promise.all([
    subtreePage(target, month, query.limit ?? DEFAULT_PAGE, startKey, query.state),
    monthCounts(target.id, month),
  ]);
  return {
    transfers: page.records.map((record: TransferRecord) => toTransfer(record, nowMs)),
    nextCursor: await encodeCursor(page.lastKey, list),
    counts,
  };
}

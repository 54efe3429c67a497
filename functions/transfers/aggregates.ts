/**
 * The committee view's maintained counts (./keys.ts Stats): by month of application, direction (internal / out /
 * in, seen from each org on either branch's path) and current state, moved in the same transaction as the change.
 * A month of an org is then one GetItem.
 */

import type { z } from 'zod';
import { shanghaiMonth } from '../../shared/time';
import type { TransferCounts as Counts } from '../../shared/transfers/admin-schemas';
import { DIRECTIONS, type Direction, directionsOf } from '../../shared/transfers/directions';
import { tableName } from '../commons/config';
import { statsKey } from './keys';
import type { TransferRecord } from './records';
import { getItem, type TransactItem } from './store';

/** The month a transfer counts in: the Asia/Shanghai month it was applied for (or registered). */
export const countMonth = (record: Pick<TransferRecord, 'createdAt'>) => shanghaiMonth(record.createdAt);

/**
 * The count updates for a transfer going from `before` (null: new) to `after`: −1 on the old state, +1 on the new,
 * for every org on its paths — ONE Update per org, since a transaction may touch an item once (a common ancestor
 * is on both paths).
 */
export function statsItems(before: TransferRecord | null, after: TransferRecord): TransactItem[] {
  if (before && before.state === after.state) return [];
  const month = countMonth(after);
  return directionsOf(after.fromOrgPath, after.toOrgPath).map(({ orgId, direction }) => {
    const moves: [string, number][] = [[`${direction}_${after.state}`, 1]];
    if (before) moves.push([`${direction}_${before.state}`, -1]);
    return {
      Update: {
        TableName: tableName(),
        Key: statsKey(orgId, month),
        UpdateExpression: `SET orgId = :org, #month = :month ADD ${moves.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: {
          '#month': 'month',
          ...Object.fromEntries(moves.map(([name], i) => [`#c${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':org': orgId,
          ':month': month,
          ...Object.fromEntries(moves.map(([, delta], i) => [`:c${i}`, delta])),
        },
      },
    };
  });
}

/** A month's counts of an org, shaped for the API: per direction, the total and each state's count. */
export async function monthCounts(orgId: string, month: string): Promise<z.infer<typeof Counts>> {
  const item = (await getItem<Record<string, unknown>>(statsKey(orgId, month))) ?? {};
  const counts = {} as Record<Direction, { total: number; byState: Record<string, number> }>;
  for (const direction of DIRECTIONS) counts[direction] = { total: 0, byState: {} };
  for (const [name, value] of Object.entries(item)) {
    const split = name.indexOf('_');
    const direction = name.slice(0, split) as Direction;
    if (!DIRECTIONS.includes(direction) || typeof value !== 'number' || value <= 0) continue;
    counts[direction].byState[name.slice(split + 1)] = value;
    counts[direction].total += value;
  }
  return { month, ...counts };
}

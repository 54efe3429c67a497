/**
 * The committee's 转接台账 (GET /v1/orgs/{orgId}/transfers/export?year=): one row per transfer of the org's subtree
 * applied for in the year, read month by month from the tree's month index (bounded), and 按月统计 from the
 * maintained counts — moved in the same transactions as the transfers, so a person can check one against the
 * other. exceljs comes from the Lambda layer, loaded on the first export only.
 */

import { formatShanghai, shanghaiMonth } from '../../shared/time';
import { DIRECTIONS } from '../../shared/transfers/directions';
import { DIRECTION_LABELS, KIND_LABELS, STATE_LABELS } from '../../shared/transfers/labels';
import { duesPaidThroughText } from '../../shared/transfers/letter';
import { isFinal, TRANSFER_STATES } from '../../shared/transfers/state';
import type { PageKey } from '../commons/cursor';
import { newBook } from '../commons/workbook';
import type { OrgRecord } from '../org/service';
import { monthCounts } from './aggregates';
import { subtreePage } from './org-view';
import type { TransferRecord } from './records';

export const LEDGER_HEADERS = [
  '月份',
  '党员',
  '类型',
  '转出',
  '转入或去向',
  '状态',
  '申请时间',
  '完成时间',
  '介绍信编号',
  '有效期至',
  '党费交至',
  '回执',
] as const;
/** A year of a big committee is a few hundred transfers; past this the workbook says it was cut. */
export const MAX_ROWS = 5000;
const PAGE = 500;

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD');
const minute = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD HH:mm');

export function ledgerCells(record: TransferRecord): string[] {
  const letter = record.letter;
  const outbound = record.kind === 'outbound';
  return [
    shanghaiMonth(record.createdAt),
    record.memberName,
    KIND_LABELS[record.kind],
    record.fromOrgName ?? record.inboundLetter?.from ?? '',
    record.toOrgName ?? record.destination?.name ?? '',
    STATE_LABELS[record.state],
    minute(record.createdAt),
    isFinal(record.state) ? minute(record.updatedAt) : '',
    letter?.number ?? '',
    letter && outbound ? day(letter.validUntil) : '',
    letter && outbound ? duesPaidThroughText(letter.duesPaidThrough) : '',
    letter?.receipt ? `${letter.receipt.receivedBy}（${letter.receipt.receivedAt}）` : outbound && letter ? '未回' : '',
  ];
}

/** The months of `year` up to the current one (a year in the past: all twelve). */
export function monthsOfYear(year: number, nowMs: number): string[] {
  const current = shanghaiMonth(nowMs);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (month) => month <= current,
  );
}

async function monthRecords(target: OrgRecord, month: string, room: number): Promise<TransferRecord[]> {
  const found: TransferRecord[] = [];
  let startKey: PageKey | undefined;
  do {
    const page = await subtreePage(target, month, PAGE, startKey);
    found.push(...page.records);
    startKey = page.lastKey;
  } while (startKey && found.length < room);
  // Oldest first within the month, as a ledger reads.
  return found.slice(0, room).reverse();
}

export async function transfersWorkbook(target: OrgRecord, year: number, nowMs: number): Promise<Uint8Array> {
  const book = await newBook();
  const ledger = book.addWorksheet('转接台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ledger.addRow([...LEDGER_HEADERS]);
  ledger.getRow(1).font = { bold: true };
  LEDGER_HEADERS.forEach((header, i) => {
    ledger.getColumn(i + 1).width = ['转出', '转入或去向', '介绍信编号'].includes(header) ? 24 : 14;
  });
  const months = monthsOfYear(year, nowMs);
  let rows = 0;
  for (const month of months) {
    const records = await monthRecords(target, month, MAX_ROWS - rows);
    for (const record of records) ledger.addRow(ledgerCells(record));
    rows += records.length;
    if (rows >= MAX_ROWS) {
      ledger.addRow([`（超过 ${MAX_ROWS} 行，以下从略；请按月查询）`]);
      break;
    }
  }

  const summary = book.addWorksheet('按月统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  const states = TRANSFER_STATES.filter((state) => state !== 'draft');
  summary.addRow([
    '月份',
    ...DIRECTIONS.map((d) => DIRECTION_LABELS[d]),
    '合计',
    ...states.map((s) => STATE_LABELS[s]),
  ]);
  summary.getRow(1).font = { bold: true };
  summary.columns.forEach((column) => {
    column.width = 14;
  });
  for (const month of months) {
    const counts = await monthCounts(target.id, month);
    const byState = (state: string) => DIRECTIONS.reduce((sum, d) => sum + (counts[d].byState[state] ?? 0), 0);
    const totals = DIRECTIONS.map((d) => counts[d].total);
    summary.addRow([month, ...totals, totals.reduce((a, b) => a + b, 0), ...states.map(byState)]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

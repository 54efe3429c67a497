/**
 * Excel exports (issue #9 item 9): a branch's month of attendance — a row per expected member, a column per
 * meeting, totals computed by the same rule as the statistics (countsOf per attendee, attendanceOf over them)
 * — and the 落实率 table. exceljs comes from the Lambda layer and is loaded on the first export, so the other
 * meetings routes never pay for parsing it on a cold start.
 *
 * Above a branch the attendance export is refused (EXPORT_NEEDS_BRANCH): a sheet per branch would read every
 * attendee of a whole 党委's month in one request. Committee staff export any branch of their subtree by its
 * id, and the 落实率 table for the whole subtree.
 */
import type ExcelJS from 'exceljs';
import { DomainError } from '../../shared/errors';
import { type AttendeeFacts, type BoardStatus, boardStatus, countsOf } from '../../shared/meetings/attendee';
import { COMPLIANCE_KINDS, type Frequency, parsePeriod, periodLabel } from '../../shared/meetings/frequency';
import { kindOf, MEETING_KIND_NAMES } from '../../shared/meetings/kinds';
import { type AttendanceFigures, attendanceOf } from '../../shared/meetings/stats-figures';
import type { MeetingStatsResponse } from '../../shared/meetings/stats-schemas';
import { formatShanghai, monthRange } from '../../shared/time';
import { mapWithConcurrency } from '../commons/concurrency';
import { newBook } from '../commons/workbook';
import type { OrgRecord } from '../org/service';
import { ensureFrozen } from './expected';
import * as store from './stats-store';
import type { ActivityRecord } from './store';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STATUS_TEXT: Record<BoardStatus, string> = {
  checked_in: '出席',
  late: '迟到',
  left_early: '早退',
  on_leave: '请假',
  made_up: '补学',
  missing: '缺席',
};
const FREQUENCY_TEXT: Record<Frequency, string> = {
  month: '每月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
};

/** The figure columns both workbooks end with, in the statistics' terms. */
const FIGURE_COLUMNS: [string, keyof AttendanceFigures][] = [
  ['应到', 'expected'],
  ['出席', 'present'],
  ['迟到', 'late'],
  ['早退', 'leftEarly'],
  ['请假', 'onLeave'],
  ['补学', 'madeUp'],
  ['缺席', 'absent'],
  ['补签', 'manual'],
  ['出勤率', 'rate'],
];
const figureCells = (a: AttendanceFigures) => FIGURE_COLUMNS.map(([, key]) => a[key] ?? '—');

function addSheet(book: ExcelJS.Workbook, name: string, headers: string[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  sheet.getColumn(1).width = 16;
  return sheet;
}

/** Rates as percentages; a null rate (nothing due) shows as —. */
function percentColumns(sheet: ExcelJS.Worksheet, headers: string[]) {
  headers.forEach((header, i) => {
    if (header.endsWith('率')) sheet.getColumn(i + 1).numFmt = '0.0%';
  });
}

const bytesOf = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

type Meeting = ActivityRecord;
type Counters = Record<
  'expected' | 'checkedIn' | 'late' | 'onLeave' | 'madeUp' | 'checkedOut' | 'needCheckout' | 'manual',
  number
>;

const zero = (): Counters => ({
  expected: 0,
  checkedIn: 0,
  late: 0,
  onLeave: 0,
  madeUp: 0,
  checkedOut: 0,
  needCheckout: 0,
  manual: 0,
});

/** One attendee added to counters exactly as the aggregates count it (shared/meetings/attendee.ts). */
function add(into: Counters, facts: AttendeeFacts, meeting: Meeting) {
  const counts = countsOf(facts);
  into.expected += 1;
  for (const key of ['checkedIn', 'late', 'onLeave', 'madeUp', 'checkedOut', 'manual'] as const)
    into[key] += counts[key];
  if (meeting.requireCheckout) into.needCheckout += counts.checkedIn;
}

/** A cell's text: the board's status; 迟到 and 早退 together, a check-in still awaiting 签退, 补签 marked. */
function cellText(facts: AttendeeFacts, meeting: Meeting, nowMs: number): string {
  const status = boardStatus(facts, meeting, nowMs);
  let text = status === 'left_early' && facts.late ? '迟到、早退' : STATUS_TEXT[status];
  if ((status === 'checked_in' || status === 'late') && meeting.requireCheckout && !facts.checkedOutAt) {
    text += '（未签退）';
  }
  return facts.manual ? `${text}（补签）` : text;
}

/** A branch's month: one sheet, members by name, meetings by start. */
export async function attendanceWorkbook(branch: OrgRecord, month: string, nowMs: number): Promise<Uint8Array> {
  if (branch.kind !== 'branch') throw new DomainError('EXPORT_NEEDS_BRANCH');
  const { from, to } = monthRange(month);
  const meetings = (await store.meetingsStartingBetween(branch.id, from, to)).filter((m) => m.status !== 'cancelled');
  const budget = { left: store.MAX_EXPORT_ATTENDEES };
  const attendees = await mapWithConcurrency(meetings, 8, async (meeting) => {
    // A started meeting nobody has opened since its start gets its expected set fixed now, as the board would:
    // the sheet and the statistics then count the same people.
    if (!meeting.frozenAt && Date.parse(meeting.startAt) <= nowMs) await ensureFrozen(meeting, nowMs);
    return store.meetingAttendees(meeting.id, budget);
  });
  const members = new Map<string, { name: string; cells: string[]; counters: Counters }>();
  meetings.forEach((meeting, column) => {
    for (const attendee of attendees[column]!) {
      let row = members.get(attendee.memberId);
      if (!row) {
        row = { name: attendee.name, cells: meetings.map(() => '—'), counters: zero() };
        members.set(attendee.memberId, row);
      }
      row.name = attendee.name; // the latest meeting's name wins
      row.cells[column] = cellText(attendee, meeting, nowMs);
      add(row.counters, attendee, meeting);
    }
  });
  const rows = [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const headers = [
    '姓名',
    ...meetings.map((m) => `${formatShanghai(m.startAt, 'M月D日')} ${MEETING_KIND_NAMES[kindOf(m)]}\n${m.title}`),
    ...FIGURE_COLUMNS.map(([header]) => header),
  ];
  const book = await newBook();
  const sheet = addSheet(book, `${month} 考勤`, headers);
  const totals = zero();
  for (const row of rows) {
    sheet.addRow([
      row.name,
      ...row.cells,
      ...figureCells(attendanceOf((name) => row.counters[name as keyof Counters])),
    ]);
    for (const key of Object.keys(totals) as (keyof Counters)[]) totals[key] += row.counters[key];
  }
  sheet.addRow([
    '合计',
    ...meetings.map(() => ''),
    ...figureCells(attendanceOf((name) => totals[name as keyof Counters])),
  ]);
  sheet.lastRow!.font = { bold: true };
  for (let i = 2; i < 2 + meetings.length; i++) sheet.getColumn(i).width = 14;
  percentColumns(sheet, headers);
  return bytesOf(book);
}

/** The 落实率 table: a row per branch (the statistics' rows), a pair of columns per kind, then attendance. */
export async function statsWorkbook(stats: MeetingStatsResponse, orgName: string, nowMs: number): Promise<Uint8Array> {
  const headers = [
    '支部',
    ...COMPLIANCE_KINDS.flatMap((kind) => [
      `${MEETING_KIND_NAMES[kind]}\n已开/应开`,
      `${MEETING_KIND_NAMES[kind]}\n落实率`,
    ]),
    ...FIGURE_COLUMNS.map(([header]) => header),
  ];
  const book = await newBook();
  const sheet = addSheet(book, '落实率', headers);
  const rows = stats.branches ?? [{ ...stats, name: orgName }];
  for (const row of [...rows, ...(stats.branches ? [{ ...stats, name: '合计' }] : [])]) {
    sheet.addRow([
      row.name,
      ...COMPLIANCE_KINDS.flatMap((kind) => {
        const figures = row.byKind[kind];
        return figures.required ? [`${figures.held}/${figures.required}`, figures.rate] : ['—', '—'];
      }),
      ...figureCells(row.attendance),
    ]);
  }
  if (stats.branches) sheet.lastRow!.font = { bold: true };
  percentColumns(sheet, headers);
  const about = book.addWorksheet('说明');
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 48;
  about.addRows([
    ['单位', orgName],
    ['统计期间', periodLabel(parsePeriod(stats.period)!)],
    ['规则版本', stats.rule.version],
    ['依据', stats.rule.source],
    ...COMPLIANCE_KINDS.map((kind) => [MEETING_KIND_NAMES[kind], FREQUENCY_TEXT[stats.rule.frequencies[kind]]]),
    ['说明', '已开：有会议记录的频次周期数；应开：期间内须召开的次数。按组织顺序排列，不作排名。'],
    ['导出时间', formatShanghai(nowMs, 'YYYY-MM-DD HH:mm')],
  ]);
  return bytesOf(book);
}

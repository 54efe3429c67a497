/**
 * The 党费 reconciliation workbook (DESIGN §5.2, GET /v1/orgs/{orgId}/dues/export?year=): a row per bill of the
 * year, and summaries taken from the maintained branch-month figures — the figures and the rows are moved in
 * the same transactions, so the summary equals the sum of the rows, and the sheet lets a person check that.
 *
 * Money: cells are numbers of yuan (so Excel can add them) with the format 0.00, each made from integer fen in
 * one step; every total is summed in fen first and converted once, so no float error ever reaches a total.
 * exceljs comes from the Lambda layer and is loaded on the first export only (a cold start of the other
 * routes never parses it).
 */
import type ExcelJS from 'exceljs';
import { CATEGORY_NAMES, CHANNEL_NAMES } from '../../shared/dues/labels';
import { formatYuan, parseYuan } from '../../shared/dues/money';
import { DomainError } from '../../shared/errors';
import { formatShanghai } from '../../shared/time';
import { mapWithConcurrency } from '../commons/concurrency';
import { newBook } from '../commons/workbook';
import type { OrgRecord } from '../org/service';
import * as org from '../org/service';
import { monthsOf, type PaymentFacts, paymentsByIds, yearBills } from './export-reads';
import type { BillRecord } from './records';
import * as store from './store';

export const DETAIL_HEADERS = [
  '月份',
  '姓名',
  '类别',
  '基数（元）',
  '金额（元）',
  '是否已交',
  '方式',
  '订单号/收据号',
  '缴费时间',
  '缴款人',
] as const;
const DETAIL_MONEY = ['基数（元）', '金额（元）'];
/** A month counts people; a year adds the months up, so it counts member-months (人次). */
const figureHeaders = (people: '人数' | '人次') => [
  '应交（元）',
  '实交（元）',
  `应交${people}`,
  `已交${people}`,
  '自愿多交（元）',
];
const FIGURE_MONEY = ['应交（元）', '实交（元）', '自愿多交（元）'];

type Figures = Pick<store.MonthRecord, 'dueFen' | 'paidFen' | 'members' | 'paidMembers' | 'voluntaryFen'>;
const FIGURE_KEYS = ['dueFen', 'paidFen', 'members', 'paidMembers', 'voluntaryFen'] as const;

const none = (): Figures => ({ dueFen: 0, paidFen: 0, members: 0, paidMembers: 0, voluntaryFen: 0 });
function addInto(into: Figures, more: Partial<Figures>): Figures {
  for (const key of FIGURE_KEYS) into[key] += more[key] ?? 0;
  return into;
}

/** Yuan for a cell: a number Excel adds up, made from integer fen through the decimal string (no float maths). */
const yuan = (fen: number) => Number(formatYuan(fen));
const figureCells = (f: Figures) => [yuan(f.dueFen), yuan(f.paidFen), f.members, f.paidMembers, yuan(f.voluntaryFen)];

function addSheet(book: ExcelJS.Workbook, name: string, headers: readonly string[], money: readonly string[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]);
  sheet.getRow(1).font = { bold: true };
  headers.forEach((header, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, header.length * 2 + 2);
    if (money.includes(header)) column.numFmt = '0.00';
  });
  return sheet;
}

/** 代缴 is recorded as such, never as the member's own payment (§6.1). */
const payerText = (payment: PaymentFacts) =>
  payment.payer.kind === 'proxy' ? `${payment.payer.name}（代缴）` : payment.payer.name;

function detailCells(bill: BillRecord, payment: PaymentFacts | undefined): (string | number)[] {
  const baseFen = bill.computation.base === null ? null : parseYuan(bill.computation.base);
  const paid = bill.status === 'paid';
  return [
    bill.month,
    bill.memberName,
    CATEGORY_NAMES[bill.category] ?? bill.category,
    baseFen === null ? '—' : yuan(baseFen),
    yuan(bill.amountFen),
    paid ? '已交' : '未交',
    paid && bill.channel ? (CHANNEL_NAMES[bill.channel] ?? bill.channel) : '',
    paid && payment ? (payment.outTradeNo ?? payment.receiptNo ?? '') : '',
    paid && bill.paidAt ? formatShanghai(bill.paidAt, 'YYYY-MM-DD HH:mm') : '',
    paid && payment ? payerText(payment) : '',
  ];
}

/**
 * 对账明细: the rows, then two total rows — 应交 (every bill) and 实交 (the paid ones) — in the 金额 column, with
 * the number of bills in the 姓名 column. `branchName` adds the first column 支部 (the committee's sheet).
 */
async function detailSheet(book: ExcelJS.Workbook, bills: BillRecord[], branchName?: (orgId: string) => string) {
  const prefix = branchName ? ['支部'] : [];
  const sheet = addSheet(book, '对账明细', [...prefix, ...DETAIL_HEADERS], DETAIL_MONEY);
  sheet.getColumn(prefix.length + 8).width = 34; // order numbers are up to 32 characters
  sheet.getColumn(prefix.length + 9).width = 18;
  if (branchName) sheet.getColumn(1).width = 20;
  const payments = await paymentsByIds(bills.map((bill) => bill.paymentId));
  const totals = { due: 0, paid: 0, paidCount: 0 };
  for (const bill of bills) {
    const payment = bill.paymentId ? payments.get(bill.paymentId) : undefined;
    sheet.addRow([...(branchName ? [branchName(bill.orgId)] : []), ...detailCells(bill, payment)]);
    totals.due += bill.amountFen;
    if (bill.status === 'paid') {
      totals.paid += bill.amountFen;
      totals.paidCount += 1;
    }
  }
  const blank = prefix.map(() => '');
  sheet.addRow(['合计 应交', ...blank, `${bills.length} 笔`, '', '', yuan(totals.due)]).font = { bold: true };
  sheet.addRow(['合计 实交', ...blank, `${totals.paidCount} 笔`, '', '', yuan(totals.paid), '已交']).font = {
    bold: true,
  };
}

/** 月度汇总: one row per month of the year from the figures, then their total. */
function monthSheet(book: ExcelJS.Workbook, months: string[], figures: Figures[]) {
  const sheet = addSheet(book, '月度汇总', ['月份', ...figureHeaders('人数')], FIGURE_MONEY);
  const sum = none();
  months.forEach((month, i) => {
    sheet.addRow([month, ...figureCells(figures[i]!)]);
    addInto(sum, figures[i]!);
  });
  sheet.addRow(['全年合计', ...figureCells(sum)]).font = { bold: true };
}

function aboutSheet(book: ExcelJS.Workbook, target: OrgRecord, year: number, nowMs: number) {
  const about = book.addWorksheet('说明');
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 72;
  about.addRows([
    ['单位', target.name],
    ['年度', `${year} 年（1–12 月）`],
    ['导出时间', formatShanghai(nowMs, 'YYYY-MM-DD HH:mm')],
    ['对账明细', '每张党费账单一行，按月份、党员顺序排列；金额单位为元。账单记在当月所在支部，转接不改变历史。'],
    ['应交 / 实交', '应交为全部账单金额之和，实交为已交账单金额之和；两者均不含自愿多交。'],
    ['人数', '月度汇总的人数为当月账单数；全年合计与各支部汇总按人次累计（每月各计一次）。'],
    ['自愿多交', '随党费一并交纳的自愿多交部分，另列于月度汇总，不计入账单金额。'],
    ['代缴', '由他人代为交纳时记录代缴人姓名并注明“代缴”；组织不得垫交或代扣。'],
    ['冲正', '已冲正的缴费不再计入，对应账单恢复为未交。'],
    ['排列', '各支部按组织顺序排列，不作排名。'],
  ]);
}

const bytesOf = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

const tooLarge = () =>
  new DomainError('EXPORT_TOO_LARGE', { message: '该年度党费账单过多，无法导出为一个表格，请按党支部分别导出' });

/** A branch's year: 对账明细, 月度汇总 (12 GetItems on the figures), 说明. */
async function branchWorkbook(branch: OrgRecord, year: number, nowMs: number): Promise<Uint8Array> {
  const months = monthsOf(year);
  const [records, bills] = await Promise.all([
    mapWithConcurrency(months, 4, (month) => store.getMonth(branch.id, month)),
    yearBills([branch.id], year),
  ]);
  if (!bills) throw tooLarge();
  const book = await newBook();
  await detailSheet(book, bills);
  monthSheet(
    book,
    months,
    records.map((record) => addInto(none(), store.withZeros(record))),
  );
  aboutSheet(book, branch, year, nowMs);
  return bytesOf(book);
}

/**
 * A committee's year: 各支部汇总 (a row per branch in tree order, never sorted by the figures — §6.1), 月度汇总,
 * 对账明细 over every branch, 说明. The figures are 12 Queries, one per month, over the subtree's branch-months.
 */
async function committeeWorkbook(target: OrgRecord, year: number, nowMs: number): Promise<Uint8Array> {
  const months = monthsOf(year);
  const branches = (await org.listSubtree(target)).filter((node) => node.kind === 'branch');
  const names = new Map(branches.map((branch) => [branch.id, branch.name]));
  const [perMonth, bills] = await Promise.all([
    mapWithConcurrency(months, 4, (month) => store.subtreeMonths(target.rootId, target.path, month)),
    yearBills(
      branches.map((branch) => branch.id),
      year,
    ),
  ]);
  if (!bills) throw tooLarge();
  const byBranch = new Map(branches.map((branch) => [branch.id, none()]));
  const byMonth = perMonth.map((rows) => {
    const sum = none();
    for (const row of rows) {
      const branch = byBranch.get(row.orgId);
      // Only the subtree's branches: a path prefix may also match a sibling's path, and only branches bill.
      if (!branch) continue;
      const figures = store.withZeros(row);
      addInto(branch, figures);
      addInto(sum, figures);
    }
    return sum;
  });

  const book = await newBook();
  const summary = addSheet(book, '各支部汇总', ['支部', ...figureHeaders('人次')], FIGURE_MONEY);
  summary.getColumn(1).width = 24;
  const total = none();
  for (const branch of branches) {
    const figures = byBranch.get(branch.id)!;
    summary.addRow([branch.name, ...figureCells(figures)]);
    addInto(total, figures);
  }
  summary.addRow(['合计', ...figureCells(total)]).font = { bold: true };
  monthSheet(book, months, byMonth);
  await detailSheet(book, bills, (orgId) => names.get(orgId) ?? orgId);
  aboutSheet(book, target, year, nowMs);
  return bytesOf(book);
}

/** The workbook for a branch or for any org above branches (its whole subtree). */
export function duesWorkbook(target: OrgRecord, year: number, nowMs: number): Promise<Uint8Array> {
  return target.kind === 'branch' ? branchWorkbook(target, year, nowMs) : committeeWorkbook(target, year, nowMs);
}

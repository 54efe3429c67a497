/**
 * The 党费 reconciliation workbook (GET /v1/orgs/{orgId}/dues/export?year=) on DynamoDB Local, with the data made
 * through the API: bases declared and approved, bills issued, cash (代缴), WeChat Pay and a reversed transfer.
 * The rows must be the bills as they stand, and every total must equal the maintained figures
 * (GET /v1/orgs/{orgId}/dues?month=) — a branch's months, and a committee's branches in tree order.
 */
import ExcelJS from 'exceljs';
import type { Stack } from '../../scripts/stack';
import { formatShanghai, shanghaiMonth } from '../../shared/time';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
type Cell = string | number;
interface Figures {
  dueFen: number;
  paidFen: number;
  members: number;
  paidMembers: number;
  voluntaryFen: number;
  branches?: (Figures & { orgId: string; name: string })[];
}
interface Bill {
  id: string;
  month: string;
  memberId: string;
}

let stack: Stack;
let api: Api;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const names: Record<string, string> = {};
const now = Date.now();
const year = Number(shanghaiMonth(now).slice(0, 4));
const current = shanghaiMonth(now);
/** January as well, unless that is the current month: a second month of rows for the year. */
const months = [...new Set([`${year}-01`, current])];
const paidAt: Record<string, string> = {};
let outTradeNo = '';

const call = <T = Record<string, unknown>>(method: string, path: string, as: string, body?: unknown) =>
  api.call<T>(method, path, { token: tokens[as], body });
const fail = (why: string): never => {
  throw new Error(why);
};

async function ok<T = Record<string, unknown>>(method: string, path: string, as: string, body?: unknown) {
  const answer = await call<T>(method, path, as, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path} as ${as}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Every sheet of a workbook by name: the header, the rows as plain cells ('' for an empty one). */
async function workbookOf(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheets: Record<string, { header: string[]; rows: Cell[][]; at: (row: Cell[], name: string) => Cell }> = {};
  for (const ws of book.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(Array.from({ length: ws.columnCount }, (_, i) => (values[i] ?? '') as Cell));
    });
    const header = rows[0] as string[];
    sheets[ws.name] = { header, rows: rows.slice(1), at: (row, name) => row[header.indexOf(name)] as Cell };
  }
  const sheet = (name: string) => sheets[name] ?? fail(`no sheet ${name}`);
  return { book, names: book.worksheets.map((one) => one.name), sheet };
}

async function exportOf(orgId: string, as: string, query = `?year=${year}`) {
  const answer = await api.call<ArrayBuffer>('GET', `/v1/orgs/${orgId}/dues/export${query}`, { token: tokens[as] });
  expect(answer.status).toBe(200);
  return { ...(await workbookOf(answer.body)), headers: answer.headers };
}

/** Yuan cells back to fen: the cell holds 81 or 0.2, never a long float, so rounding only drops the binary noise. */
const fen = (cell: Cell) => Math.round(Number(cell) * 100);
const sumFen = (cells: Cell[]) => cells.reduce<number>((sum, cell) => sum + fen(cell), 0);

/** A base declared by the member and approved in the branch (by someone else: never one's own). */
async function approvedBase(member: string, decider: string, body: Record<string, unknown>) {
  const declared = await ok<{ base: { id: string } }>('PUT', `/v1/members/${ids[member]}/dues-base`, member, {
    year,
    fromMonth: `${year}-01`,
    ...body,
  });
  await ok('POST', `/v1/dues/bases/${declared.base.id}/decision`, decider, { approve: true });
}

const billsOf = async (member: string) =>
  (await ok<{ bills: Bill[] }>('GET', `/v1/members/${ids[member]}/dues`, member)).bills.filter((bill) =>
    months.includes(bill.month),
  );

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const people = ['demo-committee', 'demo-secretary-1', 'demo-secretary-2', 'demo-organizer-1', 'demo-organizer-2'];
  const members = ['demo-member-1', 'demo-member-2', 'demo-member-3', 'demo-member-4', 'demo-member-13'];
  for (const openid of [...people, ...members]) {
    const login = await api.loginAs(openid);
    tokens[openid] = login.token;
    ids[openid] = login.member.id;
    names[openid] = login.member.name;
  }
  await approvedBase('demo-member-1', 'demo-secretary-1', { category: 'employed', monthlyBase: '5400.00' });
  await approvedBase('demo-member-2', 'demo-secretary-1', { category: 'employed', monthlyBase: '11500.00' });
  await approvedBase('demo-member-3', 'demo-secretary-1', { category: 'student' });
  await approvedBase('demo-member-4', 'demo-secretary-1', { category: 'retired', monthlyBase: '4000.00' });
  await approvedBase('demo-member-13', 'demo-secretary-2', { category: 'employed', monthlyBase: '5400.00' });
  for (const month of months) {
    await ok('POST', '/v1/orgs/org-branch-1/dues/bills', 'demo-organizer-1', { month });
    await ok('POST', '/v1/orgs/org-branch-2/dues/bills', 'demo-organizer-2', { month });
  }

  // 代缴 in cash: both months in one payment, handed over by someone else.
  const one = await billsOf('demo-member-1');
  const cash = await ok<{ payment: { paidAt: string } }>('POST', '/v1/dues/offline-payments', 'demo-organizer-1', {
    memberId: ids['demo-member-1'],
    billIds: one.map((bill) => bill.id),
    channel: 'cash',
    receiptNo: 'DUES-EXPORT-001',
    payer: { kind: 'proxy', name: '李四' },
  });
  paidAt['demo-member-1'] = cash.payment.paidAt;

  // WeChat Pay: the member's own order for the current month, confirmed by the fake and notified.
  const two = (await billsOf('demo-member-2')).filter((bill) => bill.month === current);
  const order = await ok<{ order: { outTradeNo: string } }>('POST', '/v1/dues/orders', 'demo-member-2', {
    billIds: two.map((bill) => bill.id),
  });
  outTradeNo = order.order.outTradeNo;
  await (await stack.wechat.pay.confirm(outTradeNo)).done;

  // A transfer recorded and then reversed: the bill is unpaid again and counts nowhere as paid.
  const three = (await billsOf('demo-member-3')).filter((bill) => bill.month === current);
  const wrong = await ok<{ payment: { id: string } }>('POST', '/v1/dues/offline-payments', 'demo-organizer-1', {
    memberId: ids['demo-member-3'],
    billIds: three.map((bill) => bill.id),
    channel: 'transfer',
    receiptNo: 'DUES-EXPORT-002',
  });
  await ok('POST', `/v1/dues/payments/${wrong.payment.id}/reversal`, 'demo-organizer-1', { reason: '收据号登记错误' });

  const other = await billsOf('demo-member-13');
  await ok('POST', '/v1/dues/offline-payments', 'demo-organizer-2', {
    memberId: ids['demo-member-13'],
    billIds: other.filter((bill) => bill.month === current).map((bill) => bill.id),
    channel: 'cash',
    receiptNo: 'DUES-EXPORT-003',
  });
}, 120_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/orgs/{orgId}/dues/export', () => {
  it("writes a branch's year as a row per bill, in month then member order, with who paid how", async () => {
    const { names: sheetNames, sheet, headers, book } = await exportOf('org-branch-1', 'demo-organizer-1');
    expect(headers.get('content-type')).toContain('spreadsheetml');
    expect(headers.get('content-disposition')).toContain(`filename="dues-${year}.xlsx"`);
    expect(headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`内科第一党支部${year}年党费对账.xlsx`)}`,
    );
    expect(sheetNames).toEqual(['对账明细', '月度汇总', '说明']);

    const detail = sheet('对账明细');
    expect(detail.header.join(' ')).toBe(
      '月份 姓名 类别 基数（元） 金额（元） 是否已交 方式 订单号/收据号 缴费时间 缴款人',
    );
    const billed = ['demo-member-1', 'demo-member-2', 'demo-member-3', 'demo-member-4'];
    const rows = detail.rows.slice(0, -2);
    const expected = months.flatMap((month) =>
      [...billed].sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1)).map((member) => [month, names[member]]),
    );
    expect(rows.map((row) => [detail.at(row, '月份'), detail.at(row, '姓名')])).toEqual(expected);

    const row = (member: string, month = current) =>
      rows.find((r) => detail.at(r, '月份') === month && detail.at(r, '姓名') === names[member])!;
    expect(row('demo-member-1')).toEqual([
      current,
      names['demo-member-1'],
      '在职',
      5400,
      81,
      '已交',
      '现金',
      'DUES-EXPORT-001',
      formatShanghai(paidAt['demo-member-1']!, 'YYYY-MM-DD HH:mm'),
      '李四（代缴）',
    ]);
    expect(row('demo-member-2').slice(2, 8)).toEqual(['在职', 11500, 230, '已交', '微信支付', outTradeNo]);
    expect(detail.at(row('demo-member-2'), '缴款人')).toBe(names['demo-member-2']);
    expect(detail.at(row('demo-member-2'), '缴费时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Reversed: unpaid again, nothing left of the payment on the row.
    expect(row('demo-member-3')).toEqual([current, names['demo-member-3'], '学生', '—', 0.2, '未交', '', '', '', '']);
    expect(row('demo-member-4').slice(2, 6)).toEqual(['离退休', 4000, 20, '未交']);

    // Money cells are numbers shown with two decimals.
    const cell = book.getWorksheet('对账明细')!.getRow(2).getCell(5);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toBe('0.00');

    const [due, paid] = detail.rows.slice(-2);
    expect(detail.at(due!, '月份')).toBe('合计 应交');
    expect(detail.at(due!, '姓名')).toBe(`${rows.length} 笔`);
    expect(fen(detail.at(due!, '金额（元）'))).toBe(sumFen(rows.map((r) => detail.at(r, '金额（元）'))));
    const paidRows = rows.filter((r) => detail.at(r, '是否已交') === '已交');
    expect(detail.at(paid!, '姓名')).toBe(`${paidRows.length} 笔`);
    expect(fen(detail.at(paid!, '金额（元）'))).toBe(sumFen(paidRows.map((r) => detail.at(r, '金额（元）'))));
  });

  it('sums to the branch figures month by month: 月度汇总 = GET /dues?month= = the detail rows', async () => {
    const { sheet } = await exportOf('org-branch-1', 'demo-secretary-1');
    const detail = sheet('对账明细');
    const summary = sheet('月度汇总');
    expect(summary.header).toEqual(['月份', '应交（元）', '实交（元）', '应交人数', '已交人数', '自愿多交（元）']);
    expect(summary.rows).toHaveLength(13);
    for (const line of summary.rows.slice(0, 12)) {
      const month = String(summary.at(line, '月份'));
      const figures = await ok<Figures>('GET', `/v1/orgs/org-branch-1/dues?month=${month}`, 'demo-secretary-1');
      const own = detail.rows.slice(0, -2).filter((r) => detail.at(r, '月份') === month);
      const ownPaid = own.filter((r) => detail.at(r, '是否已交') === '已交');
      const sheet = {
        dueFen: fen(summary.at(line, '应交（元）')),
        paidFen: fen(summary.at(line, '实交（元）')),
        members: summary.at(line, '应交人数'),
        paidMembers: summary.at(line, '已交人数'),
      };
      expect(sheet).toEqual({
        dueFen: figures.dueFen,
        paidFen: figures.paidFen,
        members: figures.members,
        paidMembers: figures.paidMembers,
      });
      expect(sheet).toEqual({
        dueFen: sumFen(own.map((r) => detail.at(r, '金额（元）'))),
        paidFen: sumFen(ownPaid.map((r) => detail.at(r, '金额（元）'))),
        members: own.length,
        paidMembers: ownPaid.length,
      });
    }
    const total = summary.rows[12]!;
    expect(summary.at(total, '月份')).toBe('全年合计');
    expect(fen(summary.at(total, '应交（元）'))).toBe(fen(detail.at(detail.rows.at(-2)!, '金额（元）')));
    expect(fen(summary.at(total, '实交（元）'))).toBe(fen(detail.at(detail.rows.at(-1)!, '金额（元）')));
  });

  it("gives a committee a row per branch in tree order, equal to the figures and to that branch's rows", async () => {
    const { names: sheetNames, sheet } = await exportOf('org-committee', 'demo-committee');
    expect(sheetNames).toEqual(['各支部汇总', '月度汇总', '对账明细', '说明']);
    const summary = sheet('各支部汇总');
    const detail = sheet('对账明细');
    expect(detail.header[0]).toBe('支部');

    const perMonth = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ok<Figures>(
          'GET',
          `/v1/orgs/org-committee/dues?month=${year}-${String(i + 1).padStart(2, '0')}`,
          'demo-committee',
        ),
      ),
    );
    const branches = perMonth[0]!.branches!;
    expect(summary.rows.map((r) => summary.at(r, '支部'))).toEqual([...branches.map((b) => b.name), '合计']);
    const total = { due: 0, paid: 0 };
    for (const [i, branch] of branches.entries()) {
      const line = summary.rows[i]!;
      const yearRows = perMonth.map((m) => m.branches!.find((b) => b.orgId === branch.orgId)!);
      const due = yearRows.reduce((s, b) => s + b.dueFen, 0);
      const paid = yearRows.reduce((s, b) => s + b.paidFen, 0);
      expect(fen(summary.at(line, '应交（元）'))).toBe(due);
      expect(fen(summary.at(line, '实交（元）'))).toBe(paid);
      expect(summary.at(line, '应交人次')).toBe(yearRows.reduce((s, b) => s + b.members, 0));
      expect(summary.at(line, '已交人次')).toBe(yearRows.reduce((s, b) => s + b.paidMembers, 0));
      const own = detail.rows.slice(0, -2).filter((r) => detail.at(r, '支部') === branch.name);
      expect(sumFen(own.map((r) => detail.at(r, '金额（元）')))).toBe(due);
      const ownPaid = own.filter((r) => detail.at(r, '是否已交') === '已交');
      expect(sumFen(ownPaid.map((r) => detail.at(r, '金额（元）')))).toBe(paid);
      total.due += due;
      total.paid += paid;
    }
    expect(total.due).toBeGreaterThan(0);
    const sum = summary.rows.at(-1)!;
    expect([fen(summary.at(sum, '应交（元）')), fen(summary.at(sum, '实交（元）'))]).toEqual([total.due, total.paid]);
    // Branches 1 and 2 both have rows: the sheet is the whole subtree's.
    expect(new Set(detail.rows.slice(0, -2).map((r) => detail.at(r, '支部')))).toEqual(
      new Set(['内科第一党支部', '外科党支部']),
    );
    expect(fen(detail.at(detail.rows.at(-2)!, '金额（元）'))).toBe(total.due);
  });

  it('exports a general branch over its own branches only, and the current year by default', async () => {
    const { sheet, headers } = await exportOf('org-general-1', 'demo-committee', '');
    expect(headers.get('content-disposition')).toContain(`dues-${year}.xlsx`);
    expect(sheet('各支部汇总').rows.map((r) => r[0])).toEqual(['内科第一党支部', '外科党支部', '合计']);
  });

  it('refuses other branches, members, and years in the future or over ten years back with clear codes', async () => {
    const outside = await call<{ error: { code: string } }>(
      'GET',
      '/v1/orgs/org-branch-1/dues/export',
      'demo-organizer-2',
    );
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('FORBIDDEN_SCOPE');
    expect((await call('GET', '/v1/orgs/org-committee/dues/export', 'demo-secretary-1')).status).toBe(403);
    expect((await call('GET', '/v1/orgs/org-branch-1/dues/export', 'demo-member-1')).status).toBe(403);
    for (const bad of [year + 1, year - 11, 1999, 'abc']) {
      const answer = await call<{ error: { code: string; message: string } }>(
        'GET',
        `/v1/orgs/org-branch-1/dues/export?year=${bad}`,
        'demo-organizer-1',
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      expect(answer.body.error.message).toContain('year');
    }
    // A past year with no bills: an empty sheet whose totals are zero.
    const { sheet } = await exportOf('org-branch-1', 'demo-organizer-1', `?year=${year - 1}`);
    expect(sheet('对账明细').rows.map((r) => [r[0], r[4]])).toEqual([
      ['合计 应交', 0],
      ['合计 实交', 0],
    ]);
  });
});

/** Roster xlsx routes through the local API against DynamoDB Local: import (all or nothing) and export. */
import ExcelJS from 'exceljs';
import { BRANCH_1, BRANCH_2, orgSession } from '../support/org-session';
import { newPerson } from '../support/people';

interface Member {
  id: string;
  name: string;
  phoneMasked: string;
  status: string;
}
interface Answer {
  items: Member[];
  nextCursor: string | null;
  nodes: { id: string; memberCount: number }[];
  imported: number;
  members: Member[];
  error: { code: string; message: string; rows?: { row: number; column: string; message: string }[] };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['姓名', '性别', '手机号', '身份证号', '党员类别', '入党日期'];

const session = orgSession<Answer>(['demo-committee', 'demo-secretary-1', 'demo-member-1']);
const { call, roster, memberCount } = session;

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const upload = (bytes: Uint8Array<ArrayBuffer>, orgId = BRANCH_1) =>
  call('POST', `/v1/orgs/${orgId}/members/import`, 'demo-secretary-1', {
    rawBody: bytes,
    headers: { 'content-type': XLSX },
  });

beforeAll(session.start, 60_000);
afterAll(session.stop);

describe('Route: POST /v1/orgs/{orgId}/members/import', () => {
  const row = (p: ReturnType<typeof newPerson>) => [p.name, '女', p.phone, p.idNumber, '正式党员', p.joinedAt];

  it('imports a good workbook: 201, and the roster and count grow by 5', async () => {
    const size = (await roster()).length;
    const count = await memberCount();
    const people = ['陈晓东', '杨丽娟', '黄志强', '赵海燕', '周俊杰'].map((name) => newPerson(name));
    const answer = await upload(await workbook([HEADER, ...people.map(row)]));
    expect(answer.status).toBe(201);
    expect(answer.body.imported).toBe(5);
    expect(answer.body.members.map((m) => m.name)).toEqual(['陈晓东', '杨丽娟', '黄志强', '赵海燕', '周俊杰']);
    expect(answer.body.members[0]!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await roster()).length).toBe(size + 5);
    expect(await memberCount()).toBe(count + 5);
  });

  it('refuses a workbook with bad rows, listing exactly those rows, and imports nothing', async () => {
    const size = (await roster()).length;
    const count = await memberCount();
    const [a, b, c, d, e, f] = ['徐文斌', '孙红霞', '马明辉', '朱佳怡', '胡建国', '郭秀英'].map((name) =>
      newPerson(name),
    );
    const badChecksum = `${b!.idNumber.slice(0, 17)}${b!.idNumber[17] === '1' ? '2' : '1'}`;
    const rows = [
      row(a!), // row 2
      [b!.name, '女', '1234567', badChecksum, '正式党员', b!.joinedAt], // row 3: checksum + phone
      row(c!), // row 4
      [e!.name, '男', e!.phone, a!.idNumber, '群众', e!.joinedAt], // row 5: duplicate ID + category
      row(d!), // row 6
      row(f!), // row 7
    ];
    const answer = await upload(await workbook([HEADER, ...rows]));
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('IMPORT_INVALID_ROWS');
    expect(answer.body.error.rows!.map((r) => [r.row, r.column])).toEqual([
      [3, '手机号'],
      [3, '身份证号'],
      [5, '身份证号'],
      [5, '党员类别'],
    ]);
    expect(answer.body.error.rows!.find((r) => r.row === 5 && r.column === '身份证号')!.message).toBe(
      '与第 2 行的身份证号重复',
    );
    expect((await roster()).length).toBe(size);
    expect(await memberCount()).toBe(count);
    // The good rows were not written either: importing them now succeeds.
    expect((await upload(await workbook([HEADER, row(a!)]))).status).toBe(201);
  });

  it('writes a large workbook in several transactions whose counts add up', async () => {
    const count = await memberCount('org-branch-3');
    const people = Array.from({ length: 120 }, () => newPerson('冯天宇'));
    const answer = await call('POST', '/v1/orgs/org-branch-3/members/import', 'demo-committee', {
      rawBody: await workbook([HEADER, ...people.map(row)]),
      headers: { 'content-type': XLSX },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.imported).toBe(120);
    expect(await memberCount('org-branch-3')).toBe(count + 120);
    expect((await roster('org-branch-3', 'active')).length).toBe(count + 120);
  });

  it('refuses ID numbers already on a roster', async () => {
    const taken = (await roster()).length;
    const p = newPerson('林振华');
    expect((await call('POST', `/v1/orgs/${BRANCH_1}/members`, 'demo-secretary-1', { body: p })).status).toBe(201);
    const answer = await upload(
      await workbook([HEADER, row(newPerson('林若兰')), row({ ...newPerson(), idNumber: p.idNumber })]),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.rows).toEqual([{ row: 3, column: '身份证号', message: '该身份证号已登记在册' }]);
    expect((await roster()).length).toBe(taken + 1);
  });

  it('answers 400 for a file that is not a workbook, or lacks a column', async () => {
    const csv = await call('POST', `/v1/orgs/${BRANCH_1}/members/import`, 'demo-secretary-1', {
      rawBody: '姓名,性别\n王建国,男\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(400);
    expect(csv.body.error.code).toBe('IMPORT_FILE_UNREADABLE');
    const noPhone = await upload(await workbook([['姓名', '性别', '身份证号', '党员类别', '入党日期']]));
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.message).toContain('手机号');
    const empty = await call('POST', `/v1/orgs/${BRANCH_1}/members/import`, 'demo-secretary-1', {});
    expect(empty.status).toBe(400);
    expect((await upload(await workbook([HEADER]))).body.error.code).toBe('IMPORT_EMPTY');
  });

  it('accepts the workbook as multipart/form-data (wx.uploadFile)', async () => {
    const size = (await roster()).length;
    const form = new FormData();
    form.append(
      'file',
      new Blob([await workbook([HEADER, row(newPerson('曾春生')), row(newPerson('彭玉兰'))])], { type: XLSX }),
      '花名册.xlsx',
    );
    const answer = await call('POST', `/v1/orgs/${BRANCH_1}/members/import`, 'demo-secretary-1', { rawBody: form });
    expect(answer.status).toBe(201);
    expect(answer.body.imported).toBe(2);
    expect((await roster()).length).toBe(size + 2);
  });

  it('refuses other branches and plain members', async () => {
    const bytes = await workbook([HEADER, row(newPerson())]);
    expect((await upload(bytes, BRANCH_2)).body.error.code).toBe('FORBIDDEN_SCOPE');
    const member = await call('POST', `/v1/orgs/${BRANCH_1}/members/import`, 'demo-member-1', {
      rawBody: bytes,
      headers: { 'content-type': XLSX },
    });
    expect(member.body.error.code).toBe('FORBIDDEN_ROLE');
  });
});

describe('Route: GET /v1/orgs/{orgId}/members/export', () => {
  it("downloads the branch's full roster as a workbook exceljs can read back", async () => {
    const members = await roster(BRANCH_1, 'all');
    const answer = await call('GET', `/v1/orgs/${BRANCH_1}/members/export`, 'demo-secretary-1');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(XLSX);
    expect(answer.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('内科第一党支部花名册.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(answer.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER, '状态']);
    const names: string[] = [];
    const phones: string[] = [];
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      names.push(String(r.getCell(1).value));
      phones.push(String(r.getCell(3).value));
    });
    expect(names).toEqual(members.map((m) => m.name));
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d{9}$/); // the official roster is not masked
  });

  it('refuses another branch to a secretary', async () => {
    const answer = await call('GET', `/v1/orgs/${BRANCH_2}/members/export`, 'demo-secretary-1');
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('FORBIDDEN_SCOPE');
  });
});

describe('Function: writeMembers (the data changed between the check and the write)', () => {
  it('removes the chunks already written when a later chunk finds an ID number taken', async () => {
    const { writeMembers } = await import('../../functions/org/importer');
    const { newMemberRecord, requireOrg } = await import('../../functions/org/service');
    const branch = await requireOrg(BRANCH_2);
    const size = (await roster(BRANCH_2)).length;
    const people = Array.from({ length: 60 }, () => newPerson('宋振华'));
    // Someone registers row 57's person after the import checked the file (the 2nd transaction's 7th member).
    expect((await call('POST', `/v1/orgs/${BRANCH_2}/members`, 'demo-committee', { body: people[55] })).status).toBe(
      201,
    );
    const now = new Date().toISOString();
    const pending = people.map((p, i) => ({ row: i + 2, member: newMemberRecord(branch, p, now) }));
    const error = await writeMembers(branch, pending).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'IMPORT_INVALID_ROWS',
      details: { rows: [{ row: 57, column: '身份证号', message: '该身份证号已登记在册' }] },
    });
    expect((await roster(BRANCH_2)).length).toBe(size + 1);
    expect(await memberCount(BRANCH_2)).toBe((await roster(BRANCH_2, 'active')).length);
    // The first chunk's ID numbers were released again.
    const again = await call('POST', `/v1/orgs/${BRANCH_2}/members`, 'demo-committee', { body: people[0] });
    expect(again.status).toBe(201);
  });
});

import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/errors';
import { withIdChecksum } from '../../shared/org/rules';
import { plainCell, readRosterWorkbook, writeRosterWorkbook } from './roster-xlsx';
import type { MemberRecord } from './store';

async function workbook(
  rows: ExcelJS.CellValue[][],
  configure?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const HEADER = ['姓名', '性别', '手机号', '身份证号', '党员类别', '入党日期'];
const ID = withIdChecksum('33022519800101123');

describe('Function: plainCell', () => {
  it('reads formulas by their result, rich text and hyperlinks by their text, errors as empty', () => {
    expect(plainCell({ formula: 'A1', result: 13812345678 } as ExcelJS.CellValue)).toBe(13812345678);
    expect(plainCell({ richText: [{ text: '王' }, { text: '建国' }] })).toBe('王建国');
    expect(plainCell({ text: '李四', hyperlink: 'mailto:x' })).toBe('李四');
    expect(plainCell({ error: '#N/A' } as ExcelJS.CellValue)).toBeNull();
    expect(plainCell(undefined)).toBeNull();
  });
});

describe('Function: readRosterWorkbook', () => {
  it('reads the rows by header text, in any column order, with their workbook row numbers', async () => {
    const bytes = await workbook([
      ['内科第一党支部花名册'],
      ['入党日期', '身份证号', '姓名', '备注', '手机号', '党员类别', '性别'],
      [new Date('2001-07-01T00:00:00Z'), ID, ' 王建国 ', '老同志', 13812345678, '正式党员', '男'],
      [],
      ['2019/7/1', ID, '李秀英', null, '13912345678', '预备党员', '女'],
    ]);
    const rows = await readRosterWorkbook(bytes);
    expect(rows).toEqual([
      {
        row: 3,
        cells: {
          name: '王建国',
          gender: '男',
          phone: 13812345678,
          idNumber: ID,
          category: '正式党员',
          joinedAt: new Date('2001-07-01T00:00:00Z'),
        },
      },
      {
        row: 5,
        cells: {
          name: '李秀英',
          gender: '女',
          phone: '13912345678',
          idNumber: ID,
          category: '预备党员',
          joinedAt: '2019/7/1',
        },
      },
    ]);
  });

  it('names a missing column', async () => {
    const error = await failure(
      readRosterWorkbook(await workbook([['姓名', '性别', '身份证号', '党员类别', '入党日期']])),
    );
    expect(error.code).toBe('IMPORT_FILE_UNREADABLE');
    expect(error.message).toBe('花名册缺少列：手机号');
  });

  it('refuses a file that is not a workbook, and a missing file', async () => {
    expect((await failure(readRosterWorkbook(new TextEncoder().encode('姓名,性别\n王建国,男')))).code).toBe(
      'IMPORT_FILE_UNREADABLE',
    );
    expect((await failure(readRosterWorkbook(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).code).toBe(
      'IMPORT_FILE_UNREADABLE',
    );
    expect((await failure(readRosterWorkbook(undefined))).code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('calls a sheet without data rows empty', async () => {
    expect((await failure(readRosterWorkbook(await workbook([HEADER])))).code).toBe('IMPORT_EMPTY');
    expect((await failure(readRosterWorkbook(await workbook([])))).code).toBe('IMPORT_EMPTY');
  });

  it('refuses more than 5000 data rows as too large', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => [
      '王建国',
      '男',
      `138${String(i).padStart(8, '0')}`,
      ID,
      '正式党员',
      '2001-07-01',
    ]);
    expect((await failure(readRosterWorkbook(await workbook([HEADER, ...many])))).code).toBe('IMPORT_TOO_LARGE');
    expect(await readRosterWorkbook(await workbook([HEADER, ...many.slice(0, 5000)]))).toHaveLength(5000);
  }, 30_000);
});

describe('Function: writeRosterWorkbook', () => {
  const member = (n: number, status: MemberRecord['status']): MemberRecord => ({
    id: `m${n}`,
    orgId: 'b1',
    orgPath: '/c/b1/',
    name: ['王建国', '李秀英'][n]!,
    gender: n === 0 ? 'male' : 'female',
    phone: `1381234567${n}`,
    idNumber: withIdChecksum(`3302251980010112${n}`),
    category: n === 0 ? 'full' : 'probationary',
    joinedAt: '2001-07-01',
    roles: ['member'],
    status,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('writes the full roster with a bold header and a 状态 column, and reads back as an import', async () => {
    const members = [member(0, 'active'), member(1, 'inactive')];
    const bytes = await writeRosterWorkbook('内科第一党支部', members);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('内科第一党支部');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER, '状态']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '王建国',
      '男',
      '13812345670',
      members[0]!.idNumber,
      '正式党员',
      new Date('2001-07-01T00:00:00Z'),
      '在册',
    ]);
    expect(sheet.getRow(3).getCell(7).value).toBe('停用');
    const rows = await readRosterWorkbook(bytes);
    expect(rows.map((r) => r.cells.name)).toEqual(['王建国', '李秀英']);
  });
});

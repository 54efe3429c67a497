/** Issue #6: the roster reader refuses zip bombs before inflating them, stops at the row cap, and yields. */
import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/errors';
import { checkRoster } from '../../shared/org/roster-rows';
import { withIdChecksum } from '../../shared/org/rules';
import { CHECK_TURN_MS, checkRosterInSlices } from './importer';
import { readRosterWorkbook } from './roster-xlsx';
import {
  bombWorkbook,
  handBuiltWorkbook,
  lyingWorkbook,
  measureBlocking,
  ROSTER_HEADER,
  rosterRow,
  zip,
} from './xlsx-fixtures';
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './xlsx-limits';

const MB = 1024 * 1024;
const ID = withIdChecksum('33022519800101123');

async function refusal(bytes: Uint8Array): Promise<{ error: DomainError; ms: number; maxBlockMs: number }> {
  const { result, ms, maxBlockMs } = await measureBlocking(() => readRosterWorkbook(bytes));
  expect(result).toBeInstanceOf(DomainError);
  return { error: result as DomainError, ms, maxBlockMs };
}

async function book(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('Function: readRosterWorkbook (limits)', () => {
  it('refuses the reproduced bomb (~90 MB of sheet from a few hundred KB) before inflating it', async () => {
    const bomb = await bombWorkbook();
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    const { error, ms, maxBlockMs } = await refusal(bomb);
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.status).toBe(422);
    expect(ms).toBeLessThan(500);
    expect(maxBlockMs).toBeLessThan(200);
  }, 30_000);

  it('refuses a zip whose central directory lies about the sheet size, after inflating only what it declared', async () => {
    const { error, ms } = await refusal(await lyingWorkbook());
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(String((error.cause as Error).message)).toMatch(/too many bytes/);
    expect(ms).toBeLessThan(500);
  }, 30_000);

  it('adds up the entries it reads: shared strings and sheet within the limit each, over it together', async () => {
    const half = MAX_UNCOMPRESSED_BYTES / 2;
    const over = await handBuiltWorkbook({ rows: 2, padding: half, stringsPadding: half });
    expect((await refusal(over)).error.code).toBe('IMPORT_TOO_LARGE');
    // Just under the limit is the largest workbook allowed: read in full, and the event loop stays free.
    const largest = await handBuiltWorkbook({ rows: 1, padding: half, stringsPadding: half - 8 * 1024 });
    const { result, maxBlockMs } = await measureBlocking(() => readRosterWorkbook(largest));
    expect(result).toEqual([expect.objectContaining({ row: 2 })]);
    expect(maxBlockMs).toBeLessThan(250);
  }, 30_000);

  it('stops at the first data row past 5000, however many follow', async () => {
    const rows = await handBuiltWorkbook({ rows: 90_000 }); // ~17 MB of sheet, within the byte limit
    const { error, ms } = await refusal(rows);
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(ms).toBeLessThan(1500);
  }, 30_000);

  it('refuses a zip of more than 1000 entries, and a zip that is not a workbook', async () => {
    const parts = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `x/${i}.xml`, chunks: ['<a/>'] }));
    expect((await refusal(await zip(parts))).error.code).toBe('IMPORT_TOO_LARGE');
    const notABook = await zip([{ name: 'readme.txt', chunks: ['hello'] }]);
    expect((await refusal(notABook)).error.code).toBe('IMPORT_FILE_UNREADABLE');
    const good = await handBuiltWorkbook({ rows: 1 });
    expect((await refusal(good.slice(0, good.byteLength - 30))).error.code).toBe('IMPORT_FILE_UNREADABLE');
    const corrupt = good.slice();
    corrupt.fill(0xff, 900, 1100); // inside the deflated parts
    expect((await refusal(corrupt)).error.code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('reads a hand-built workbook (shared strings first, part names with or without a leading /)', async () => {
    const slashed = await readRosterWorkbook(await handBuiltWorkbook({ rows: 1, prefix: '/' }));
    expect(await readRosterWorkbook(await handBuiltWorkbook({ rows: 1 }))).toEqual(slashed);
    expect(slashed).toEqual([
      {
        row: 2,
        cells: {
          name: '王建国',
          gender: '男',
          phone: 13812345678,
          idNumber: ID,
          category: '正式党员',
          joinedAt: '2015-07-01',
        },
      },
    ]);
  });
});

describe('Function: readRosterWorkbook (cells as exceljs reads them)', () => {
  it('reads rich text, formula results, hyperlinks, booleans and date formats', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('花名册');
      sheet.addRow([...ROSTER_HEADER, '备注']);
      sheet.addRow([
        { richText: [{ text: '王', font: { bold: true } }, { text: '建国' }] },
        { formula: 'IF(1,"男","女")', result: '男' },
        { formula: '13812345678+0', result: 13812345678 },
        { text: ID, hyperlink: 'https://example.org' },
        '正式党员',
        new Date('2001-07-01T00:00:00Z'),
        true,
      ]);
      sheet.getCell('F2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    expect(await readRosterWorkbook(bytes)).toEqual([
      {
        row: 2,
        cells: {
          name: '王建国',
          gender: '男',
          phone: 13812345678,
          idNumber: ID,
          category: '正式党员',
          joinedAt: new Date('2001-07-01T00:00:00Z'),
        },
      },
    ]);
  });

  it('decodes Chinese text split across inflated chunks', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `党员${'中华人民共和国'.slice(0, (i % 7) + 1)}${i}`);
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('花名册');
      sheet.addRow(ROSTER_HEADER);
      for (const name of names) sheet.addRow([name, '男', '13812345678', ID, '正式党员', '2015-07-01']);
    });
    expect((await readRosterWorkbook(bytes)).map((r) => r.cells.name)).toEqual(names);
  }, 30_000);

  it('reads the first sheet in workbook order (here sheet2.xml), as exceljs reads worksheets[0]', async () => {
    const bytes = await book((workbook) => {
      workbook.addWorksheet('说明').addRow(['这不是花名册']);
      const roster = workbook.addWorksheet('花名册');
      roster.addRow(ROSTER_HEADER);
      roster.addRow(rosterRow(0));
      (roster as unknown as { orderNo: number }).orderNo = -1; // listed first in workbook.xml, written as sheet2.xml
    });
    expect((await readRosterWorkbook(bytes)).map((r) => r.row)).toEqual([2]);
  });
});

describe('Function: checkRosterInSlices', () => {
  it("gives checkRoster's answer, duplicates across slices included, without holding the event loop", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      row: i + 2,
      cells: Object.fromEntries(
        ['name', 'gender', 'phone', 'idNumber', 'category', 'joinedAt'].map((key, k) => [key, rosterRow(i)[k]!]),
      ),
    }));
    rows.push({ ...rows[3]!, row: 9999 }); // the same person again, many turns later
    const { result, maxBlockMs } = await measureBlocking(() => checkRosterInSlices(rows));
    expect(result).toEqual(checkRoster(rows));
    expect((result as ReturnType<typeof checkRoster>).problems.map((p) => [p.row, p.message])).toEqual([
      [9999, '与第 5 行的手机号重复'],
      [9999, '与第 5 行的身份证号重复'],
    ]);
    expect(maxBlockMs).toBeLessThan(CHECK_TURN_MS + 100);
  }, 30_000);
});

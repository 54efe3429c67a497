/**
 * The roster workbook (花名册) in and out, with exceljs. Reading streams the first worksheet under the limits of
 * xlsx-limits.ts (issue #6) and stops at the first row past MAX_IMPORT_ROWS; it turns cells into plain values
 * and finds the columns by their header text. Every rule about what a value may be lives in
 * shared/org/roster-rows.ts.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/errors';
import { locateColumns, MAX_IMPORT_ROWS, type RosterCell, type RosterRowInput } from '../../shared/org/roster-rows';
import { CATEGORY_LABELS, GENDER_LABELS, ROSTER_COLUMNS, type RosterColumnKey } from '../../shared/org/rules';
import type { MemberRecord } from './store';
import { tooLarge, unreadable, XlsxPackage } from './xlsx-limits';
import { firstSheetRows } from './xlsx-sheet';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The header is the first row naming a roster column, among the first few non-empty rows (a title may sit above). */
const HEADER_SEARCH_ROWS = 10;

/** An exceljs cell value → text, number, boolean, date or null (formulas give their result, rich text its text). */
export function plainCell(value: ExcelJS.CellValue | undefined): RosterCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value; // an error result of a formula
  if (value instanceof Date || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return plainCell(value.text as ExcelJS.CellValue);
  }
  return null; // error cells (#N/A…) and anything unknown read as empty
}

/** A row's cells by column number (trimmed text), or null when every cell is empty. */
function cellsOf(row: ExcelJS.Row): RosterCell[] | null {
  const cells: RosterCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = plainCell(cell.value);
    cells[column] = typeof value === 'string' ? value.trim() : value;
  });
  return cells.some((cell) => cell !== null && cell !== undefined && cell !== '') ? cells : null;
}

const noHeader = () => unreadable(`未找到表头：第一行应为 ${ROSTER_COLUMNS.map((c) => c.header).join('、')}`);

/** Finds the header and collects the data rows as they stream in; stops at the first row over the cap. */
async function collectRows(rows: AsyncIterable<ExcelJS.Row>): Promise<RosterRowInput[]> {
  let positions: ReturnType<typeof locateColumns>['positions'] | null = null;
  let beforeHeader = 0;
  const data: { row: number; cells: RosterCell[] }[] = [];
  for await (const row of rows) {
    const cells = cellsOf(row);
    if (!cells) continue;
    if (positions) {
      if (data.length === MAX_IMPORT_ROWS) throw tooLarge(`more than ${MAX_IMPORT_ROWS} data rows`);
      data.push({ row: row.number, cells });
      continue;
    }
    const located = locateColumns(cells);
    if (located.missing.length < ROSTER_COLUMNS.length) {
      if (located.missing.length > 0) throw unreadable(`花名册缺少列：${located.missing.join('、')}`);
      positions = located.positions;
    } else if (++beforeHeader === HEADER_SEARCH_ROWS) {
      throw noHeader();
    }
  }
  if (!positions && beforeHeader > 0) throw noHeader();
  if (!positions || data.length === 0) throw new DomainError('IMPORT_EMPTY');
  const at = positions;
  return data.map(({ row, cells }) => ({
    row,
    cells: Object.fromEntries(ROSTER_COLUMNS.map(({ key }) => [key, cells[at[key]!] ?? null])),
  }));
}

/**
 * The data rows of the first worksheet, each with its workbook row number and its cells by column.
 * Throws IMPORT_FILE_UNREADABLE (not a workbook, no header, a column missing), IMPORT_EMPTY, and
 * IMPORT_TOO_LARGE (over MAX_UNCOMPRESSED_BYTES inflated, or over MAX_IMPORT_ROWS data rows).
 */
export async function readRosterWorkbook(bytes: Uint8Array | undefined): Promise<RosterRowInput[]> {
  if (!bytes || bytes.byteLength === 0) throw unreadable('请上传花名册文件（.xlsx）');
  // An .xlsx is a zip: anything else (csv, old .xls, a picture) is refused before the zip reader tries it.
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable();
  const pkg = await XlsxPackage.open(bytes);
  try {
    return await collectRows(firstSheetRows(pkg));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(undefined, error); // malformed XML, a broken deflate stream…
  } finally {
    pkg.close();
  }
}

const COLUMN_WIDTHS: Record<string, number> = {
  姓名: 12,
  性别: 6,
  手机号: 15,
  身份证号: 22,
  党员类别: 10,
  入党日期: 12,
  状态: 8,
};
const STATUS_LABELS = { active: '在册', inactive: '停用' } as const;

/** The official roster: full phone and ID numbers (as text, so Excel keeps every digit), then 状态. */
export async function writeRosterWorkbook(
  sheetName: string,
  members: readonly MemberRecord[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '先锋';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || '花名册', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = [...ROSTER_COLUMNS.map((c) => c.header), '状态'];
  sheet.columns = headers.map((header) => ({ header, width: COLUMN_WIDTHS[header] ?? 12 }));
  const columnOf = (key: string) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
  sheet.getColumn(columnOf('phone')).numFmt = '@';
  sheet.getColumn(columnOf('idNumber')).numFmt = '@';
  sheet.getColumn(columnOf('joinedAt')).numFmt = 'yyyy-mm-dd';
  sheet.getRow(1).font = { bold: true };
  for (const member of members) {
    const values: Record<RosterColumnKey, ExcelJS.CellValue> = {
      name: member.name,
      gender: GENDER_LABELS[member.gender],
      phone: member.phone,
      idNumber: member.idNumber,
      category: CATEGORY_LABELS[member.category],
      joinedAt: new Date(`${member.joinedAt}T00:00:00.000Z`),
    };
    sheet.addRow([...ROSTER_COLUMNS.map((c) => values[c.key]), STATUS_LABELS[member.status]]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

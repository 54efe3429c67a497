/**
 * The roster workbook (花名册) in and out, with exceljs. Reading turns cells into plain values and finds the
 * columns by their header text; every rule about what a value may be lives in shared/org/roster-rows.ts.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/errors';
import { locateColumns, MAX_IMPORT_ROWS, type RosterCell, type RosterRowInput } from '../../shared/org/roster-rows';
import { CATEGORY_LABELS, GENDER_LABELS, ROSTER_COLUMNS, type RosterColumnKey } from '../../shared/org/rules';
import type { MemberRecord } from './store';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The header is the first row naming a roster column, among the first few non-empty rows (a title may sit above). */
const HEADER_SEARCH_ROWS = 10;

/** An exceljs cell value → text, number, boolean, date or null (formulas give their result, rich text its text). */
export function plainCell(value: ExcelJS.CellValue | undefined): RosterCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return plainCell(value.text as ExcelJS.CellValue);
  }
  return null; // error cells (#N/A…) and anything unknown read as empty
}

function unreadable(message?: string): DomainError {
  return new DomainError('IMPORT_FILE_UNREADABLE', message ? { message } : {});
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // An .xlsx is a zip: anything else (csv, old .xls, a picture) is refused before exceljs tries it.
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer); // exceljs types its input as an ArrayBuffer
  } catch (error) {
    throw new DomainError('IMPORT_FILE_UNREADABLE', { cause: error });
  }
  return workbook;
}

/**
 * The data rows of the first worksheet, each with its workbook row number and its cells by column.
 * Throws IMPORT_FILE_UNREADABLE (not a workbook, no header, a column missing), IMPORT_EMPTY, IMPORT_TOO_MANY_ROWS.
 */
export async function readRosterWorkbook(bytes: Uint8Array | undefined): Promise<RosterRowInput[]> {
  if (!bytes || bytes.byteLength === 0) throw unreadable('请上传花名册文件（.xlsx）');
  const sheet = (await loadWorkbook(bytes)).worksheets[0];
  if (!sheet) throw new DomainError('IMPORT_EMPTY');

  const lines: { row: number; cells: RosterCell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RosterCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = plainCell(cell.value);
      cells[column] = typeof value === 'string' ? value.trim() : value;
    });
    if (cells.some((cell) => cell !== null && cell !== undefined && cell !== '')) lines.push({ row: rowNumber, cells });
  });
  if (lines.length === 0) throw new DomainError('IMPORT_EMPTY');

  const headerIndex = lines
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((line) => locateColumns(line.cells).missing.length < ROSTER_COLUMNS.length);
  if (headerIndex < 0) {
    throw unreadable(`未找到表头：第一行应为 ${ROSTER_COLUMNS.map((c) => c.header).join('、')}`);
  }
  const { positions, missing } = locateColumns(lines[headerIndex]!.cells);
  if (missing.length > 0) throw unreadable(`花名册缺少列：${missing.join('、')}`);

  const data = lines.slice(headerIndex + 1);
  if (data.length === 0) throw new DomainError('IMPORT_EMPTY');
  if (data.length > MAX_IMPORT_ROWS) throw new DomainError('IMPORT_TOO_MANY_ROWS');
  return data.map(({ row, cells }) => ({
    row,
    cells: Object.fromEntries(ROSTER_COLUMNS.map(({ key }) => [key, cells[positions[key]!] ?? null])),
  }));
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

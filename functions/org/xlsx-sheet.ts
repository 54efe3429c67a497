/**
 * The first worksheet's rows, streamed, with exceljs's own part parsers (so cells read exactly as exceljs
 * reads them: shared strings, rich text, formula results, dates by their number format) fed from entries that
 * XlsxPackage inflates under its limits. Each parser works chunk by chunk, so the event loop is never held
 * for a whole part.
 *
 * Why not `new ExcelJS.stream.xlsx.WorkbookReader(stream)` as such: it unzips with unzipper from the local
 * headers (no size limit, entries the central directory does not list), and when the sheet comes before the
 * shared strings — as in Excel's own files — it writes the sheet to a temp file first. So its part parsers are
 * called here one by one: internal API of exceljs 4.4.0 (pinned), typed below and covered by the unit tests.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unreadable, type XlsxPackage } from './xlsx-limits';

/** What this module uses of exceljs 4.4.0's lib/stream/xlsx/workbook-reader.js. */
interface PartParsers {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  /** With sharedStrings 'cache' it yields nothing and fills the reader's cache. */
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

async function required(pkg: XlsxPackage, name: string): Promise<Readable> {
  const stream = await pkg.text(name);
  if (!stream) throw unreadable(); // a zip, but not a workbook
  return stream;
}

/** The first sheet in workbook order, as exceljs's `workbook.worksheets[0]` (chart sheets are not worksheets). */
function firstSheet(reader: PartParsers, pkg: XlsxPackage): { path: string; sheetNo: string } | null {
  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  for (const sheet of reader.model?.sheets ?? []) {
    const target = targets.get(sheet.rId);
    if (target === undefined) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`; // exceljs's own rule for the part name
    const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1];
    if (sheetNo && pkg.has(path)) return { path, sheetNo };
  }
  return null;
}

/**
 * The rows of the first worksheet (empty rows included: the caller skips them), or none if there is no
 * worksheet. Every entry is reserved before it is inflated, the sheet before the shared strings and styles:
 * a workbook declaring more than the limit is refused having inflated only workbook.xml and its rels.
 */
export async function* firstSheetRows(pkg: XlsxPackage): AsyncGenerator<ExcelJS.Row> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // a date cell is a number with a date format: without styles it would read as a number
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as PartParsers;
  pkg.reserve(WORKBOOK, WORKBOOK_RELS);
  await reader._parseRels(await required(pkg, WORKBOOK_RELS));
  await reader._parseWorkbook(await required(pkg, WORKBOOK));
  const sheet = firstSheet(reader, pkg);
  if (!sheet) return;
  pkg.reserve(sheet.path, SHARED_STRINGS, STYLES);
  const strings = await pkg.text(SHARED_STRINGS);
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const styles = await pkg.text(STYLES);
  if (styles) await reader._parseStyles(styles);
  for (const { value } of reader._parseWorksheet(await required(pkg, sheet.path), sheet.sheetNo)) yield* value;
}

/**
 * Pure roster-import rules: which header is which column, how a spreadsheet cell becomes a field, and every
 * problem of every row (by its row number in the workbook, header = 1). No spreadsheet library here: the
 * reader in functions/ turns cells into `RosterCell`s first.
 */
import { orgErrors } from './errors';
import {
  CATEGORY_LABELS,
  categoryFromLabel,
  GENDER_LABELS,
  genderFromLabel,
  ROSTER_COLUMNS,
  type RosterColumnKey,
} from './rules';
import { CreateMemberRequest } from './schemas';

/** A cell as the reader sees it: text, a number, a boolean, a date (UTC midnight of the day) or empty. */
export type RosterCell = string | number | boolean | Date | null;
export type RosterCells = Partial<Record<RosterColumnKey, RosterCell>>;

export interface RosterRowInput {
  /** The row number in the workbook (the header row is usually 1). */
  readonly row: number;
  readonly cells: RosterCells;
}

export interface RosterProblem {
  readonly row: number;
  /** The column's header text, e.g. 身份证号. */
  readonly column: string;
  readonly message: string;
}

export interface ParsedRosterRow {
  readonly row: number;
  readonly member: CreateMemberRequest;
}

/** Data rows one import may hold; past it the reader stops (IMPORT_TOO_LARGE, issue #6). */
export const MAX_IMPORT_ROWS = 5000;

const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<RosterColumnKey, string>;

/** Other names people give the same column in their own templates. */
const HEADER_ALIASES: Record<string, RosterColumnKey> = {
  姓名: 'name',
  性别: 'gender',
  手机号: 'phone',
  手机号码: 'phone',
  手机: 'phone',
  联系电话: 'phone',
  身份证号: 'idNumber',
  身份证号码: 'idNumber',
  公民身份号码: 'idNumber',
  党员类别: 'category',
  人员类别: 'category',
  入党日期: 'joinedAt',
  入党时间: 'joinedAt',
};

/** `* 手机号（必填）` → `手机号`: spaces, required-markers and a trailing parenthesised hint are ignored. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s*＊]/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .trim();
}

export function columnOfHeader(text: string): RosterColumnKey | null {
  return HEADER_ALIASES[normalizeHeader(text)] ?? null;
}

/**
 * Maps header cells (any order, extra columns allowed) to roster columns. `positions` holds the index of each
 * known column in `headerCells`; `missing` lists the header texts not found, in template order.
 */
export function locateColumns(headerCells: readonly RosterCell[]): {
  positions: Partial<Record<RosterColumnKey, number>>;
  missing: string[];
} {
  const positions: Partial<Record<RosterColumnKey, number>> = {};
  headerCells.forEach((cell, index) => {
    const key = typeof cell === 'string' ? columnOfHeader(cell) : null;
    if (key && positions[key] === undefined) positions[key] = index;
  });
  const missing = ROSTER_COLUMNS.filter((c) => positions[c.key] === undefined).map((c) => c.header);
  return { positions, missing };
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Excel's day 0 in the 1900 date system (serial 61 = 1900-03-01; the fictitious 1900-02-29 is ignored). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A 入党日期 cell → YYYY-MM-DD, or null when it is not a real date. Accepts date cells, Excel serial numbers,
 * 20210701, and text `2021-07-01`, `2021/7/1`, `2021.7.1`, `2021年7月1日`.
 */
export function toIsoDate(cell: RosterCell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // A date cell's value is UTC midnight of the day; round so a time-of-day fraction cannot shift the day.
    const day = new Date(Math.round(cell.getTime() / 86_400_000) * 86_400_000);
    return isoFromParts(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 29_991_231) {
      return isoFromParts(Math.floor(cell / 10_000), Math.floor(cell / 100) % 100, cell % 100);
    }
    if (cell >= 61 && cell < 2_958_466) return toIsoDate(new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86_400_000));
    return null;
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  const separated = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (separated) return isoFromParts(Number(separated[1]), Number(separated[2]), Number(separated[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoFromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
}

function cellText(cell: RosterCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return toIsoDate(cell) ?? '';
  return String(cell).trim();
}

export function isBlankRow(cells: RosterCells): boolean {
  return ROSTER_COLUMNS.every((c) => cellText(cells[c.key]) === '');
}

type FieldResult = { value: unknown } | { error: string };

function field(key: Exclude<RosterColumnKey, 'gender' | 'category'>, input: string): FieldResult {
  const result = CreateMemberRequest.shape[key].safeParse(input);
  return result.success ? { value: result.data } : { error: result.error.issues[0]?.message ?? '格式不正确' };
}

function readField(key: RosterColumnKey, cell: RosterCell | undefined): FieldResult {
  const text = cellText(cell);
  if (text === '') return { error: `${HEADER_OF[key]}不能为空` };
  switch (key) {
    case 'gender': {
      const gender = genderFromLabel(text);
      return gender ? { value: gender } : { error: `性别应填“${GENDER_LABELS.male}”或“${GENDER_LABELS.female}”` };
    }
    case 'category': {
      const category = categoryFromLabel(text);
      return category
        ? { value: category }
        : { error: `党员类别应填“${CATEGORY_LABELS.full}”或“${CATEGORY_LABELS.probationary}”` };
    }
    case 'phone':
      return field('phone', typeof cell === 'number' ? String(cell) : text.replace(/[\s-]/g, ''));
    case 'idNumber':
      if (typeof cell === 'number') return { error: '身份证号请以文本格式填写（数字格式会丢失末几位）' };
      return field('idNumber', text.replace(/\s/g, ''));
    case 'joinedAt': {
      const iso = toIsoDate(typeof cell === 'string' ? text : (cell ?? null));
      return iso ? field('joinedAt', iso) : { error: '入党日期应为有效日期，如 2021-07-01 或 2021/7/1' };
    }
    default:
      return field(key, text);
  }
}

function readRow(cells: RosterCells): {
  values: Record<string, unknown>;
  errors: { column: string; message: string }[];
} {
  const values: Record<string, unknown> = {};
  const errors: { column: string; message: string }[] = [];
  for (const { key, header } of ROSTER_COLUMNS) {
    const result = readField(key, cells[key]);
    if ('error' in result) errors.push({ column: header, message: result.error });
    else values[key] = result.value;
  }
  return { values, errors };
}

interface RowAnalysis {
  readonly member: CreateMemberRequest | null;
  readonly errors: { column: string; message: string }[];
  /** The fields that were readable, even when others were not. */
  readonly values: Record<string, unknown>;
}

function analyseRow(cells: RosterCells): RowAnalysis {
  const { values, errors } = readRow(cells);
  if (errors.length > 0) return { member: null, errors, values };
  const parsed = CreateMemberRequest.safeParse(values);
  if (parsed.success) return { member: parsed.data, errors: [], values };
  const issues = parsed.error.issues.map((issue) => ({
    column: HEADER_OF[issue.path[0] as RosterColumnKey] ?? String(issue.path[0] ?? ''),
    message: issue.message,
  }));
  return { member: null, errors: issues, values };
}

/** One data row → a CreateMemberRequest, or every column's problem (Chinese, ready to show). */
export function parseRosterRow(cells: RosterCells): {
  member: CreateMemberRequest | null;
  errors: { column: string; message: string }[];
} {
  const { member, errors } = analyseRow(cells);
  return { member, errors };
}

const COLUMN_ORDER = new Map<string, number>(ROSTER_COLUMNS.map((c, i) => [c.header, i]));

export function sortProblems(problems: readonly RosterProblem[]): RosterProblem[] {
  return [...problems].sort(
    (a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99),
  );
}

export interface RosterCheck {
  readonly members: ParsedRosterRow[];
  readonly problems: RosterProblem[];
  readonly idNumbers: string[];
}

/**
 * checkRoster one slice of rows at a time (the same result): a 5000-row import takes ~2 s of validation, so
 * the importer checks it in slices and lets other requests run in between (issue #6).
 */
export function rosterCheck(taken: ReadonlySet<string> = new Set()): {
  add(rows: readonly RosterRowInput[]): void;
  result(): RosterCheck;
} {
  const members: ParsedRosterRow[] = [];
  const problems: RosterProblem[] = [];
  const firstRowOfId = new Map<string, number>();
  const firstRowOfPhone = new Map<string, number>();
  const add = (rows: readonly RosterRowInput[]): void => {
    for (const { row, cells } of rows) {
      if (isBlankRow(cells)) continue;
      const { member, errors, values } = analyseRow(cells);
      const rowProblems: RosterProblem[] = errors.map((e) => ({ row, ...e }));
      // Duplicates and taken numbers are checked on every readable ID / phone, even in a row with other errors.
      const idNumber = typeof values.idNumber === 'string' ? values.idNumber : null;
      const phone = typeof values.phone === 'string' ? values.phone : null;
      if (idNumber !== null) {
        const first = firstRowOfId.get(idNumber);
        if (first !== undefined) {
          rowProblems.push({ row, column: HEADER_OF.idNumber, message: `与第 ${first} 行的身份证号重复` });
        } else {
          firstRowOfId.set(idNumber, row);
          if (taken.has(idNumber)) {
            rowProblems.push({ row, column: HEADER_OF.idNumber, message: orgErrors.ID_NUMBER_TAKEN.message });
          }
        }
      }
      if (phone !== null) {
        const first = firstRowOfPhone.get(phone);
        if (first !== undefined)
          rowProblems.push({ row, column: HEADER_OF.phone, message: `与第 ${first} 行的手机号重复` });
        else firstRowOfPhone.set(phone, row);
      }
      if (member && rowProblems.length === 0) members.push({ row, member });
      problems.push(...rowProblems);
    }
  };
  const result = (): RosterCheck => ({
    members,
    problems: sortProblems(problems),
    idNumbers: [...firstRowOfId.keys()],
  });
  return { add, result };
}

/**
 * Every row of an import, all at once: field problems, the same ID number or phone twice in the file (the
 * later row is the bad one), and ID numbers already on a roster (`taken`). Blank rows are skipped.
 * `idNumbers` are the distinct readable ID numbers (to look up which are taken).
 */
export function checkRoster(rows: readonly RosterRowInput[], taken: ReadonlySet<string> = new Set()): RosterCheck {
  const check = rosterCheck(taken);
  check.add(rows);
  return check.result();
}

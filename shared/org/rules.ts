/** Pure roster rules: masking, ID-number checks, and the import template's columns. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643-1999 citizen ID: 17 digits + checksum (0-9 or X), with a real birth date. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  return ID_CHECK_CHARS[sum % 11] === value[17];
}

/** Appends the checksum to 17 digits (used by the demo seed and tests to make valid numbers). */
export function withIdChecksum(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + ID_CHECK_CHARS[sum % 11];
}

/** YYYY-MM-DD naming a day that exists (no 2021-02-30), from 1900 on. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** 138****5678: enough to recognise, not enough to misuse. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}

/** 330225********123X: region and last four only. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` : '***';
}

/** The roster workbook's header row, in order (import reads by header text, export writes these). */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'phone', header: '手机号' },
  { key: 'idNumber', header: '身份证号' },
  { key: 'category', header: '党员类别' },
  { key: 'joinedAt', header: '入党日期' },
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export const GENDER_LABELS = { male: '男', female: '女' } as const;
export const CATEGORY_LABELS = { full: '正式党员', probationary: '预备党员' } as const;

export function genderFromLabel(label: string): 'male' | 'female' | null {
  if (label === '男') return 'male';
  if (label === '女') return 'female';
  return null;
}

export function categoryFromLabel(label: string): 'full' | 'probationary' | null {
  if (label === '正式党员' || label === '正式') return 'full';
  if (label === '预备党员' || label === '预备') return 'probationary';
  return null;
}

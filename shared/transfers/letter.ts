/**
 * 介绍信 rules, pure: numbers unique per committee per year (e.g. 象医党转〔2026〕第012号, the sequence kept by a
 * counter item), validity as a versioned setting (§6.1: sources say 10 days in town, 30 days elsewhere, at most 3
 * months, some allow 6 across provinces — default 3 months, a committee may choose within the range), computed
 * on the Asia/Shanghai calendar.
 */
import { toShanghai } from '../time';

export interface LetterValidityRule {
  readonly version: string;
  /** First month (YYYY-MM) it applies to. */
  readonly effectiveFrom: string;
  readonly defaultDays: number;
  /** What a committee may choose. */
  readonly minDays: number;
  readonly maxDays: number;
}

export const LETTER_VALIDITY_RULES: readonly LetterValidityRule[] = [
  // 3 months by default; from 10 days (same city) up to 6 months (across provinces, where allowed).
  { version: '2018-01', effectiveFrom: '2018-01', defaultDays: 90, minDays: 10, maxDays: 180 },
];

export function validityRuleFor(month: string, rules = LETTER_VALIDITY_RULES): LetterValidityRule {
  const found = [...rules]
    .filter((rule) => rule.effectiveFrom <= month)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);
  if (!found) throw new Error(`no letter validity rule for ${month}`);
  return found;
}

/** A committee's chosen validity, held to the rule's range (null: the rule's default). */
export function validityDays(rule: LetterValidityRule, chosen: number | null): number {
  if (chosen === null) return rule.defaultDays;
  if (!Number.isInteger(chosen) || chosen < rule.minDays || chosen > rule.maxDays) {
    throw new RangeError(`validity ${chosen} days is outside ${rule.minDays}–${rule.maxDays}`);
  }
  return chosen;
}

/**
 * Valid through the end of the Shanghai day `days` after the issue day (issued 2026-11-24 with 90 days → valid
 * until 2027-02-22 23:59:59.999 +08:00), as an ISO instant.
 */
export function validUntil(issuedAt: string | number, days: number): string {
  return toShanghai(issuedAt).startOf('day').add(days, 'day').endOf('day').toISOString();
}

export function isExpired(validUntilIso: string, nowMs: number): boolean {
  return nowMs > Date.parse(validUntilIso);
}

/** The year a letter's number counts in: the Shanghai year of issue. */
export const letterYear = (issuedAt: string | number) => toShanghai(issuedAt).year();

/** 象医党转〔2026〕第012号: the committee's prefix, the year, the sequence (at least 3 digits). */
export function letterNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad letter sequence ${sequence}`);
  return `${prefix}〔${year}〕第${String(sequence).padStart(3, '0')}号`;
}

/** 党费交至 as the letter states it: 2026年10月 (or 未缴 when nothing was ever paid). */
export function duesPaidThroughText(month: string | null): string {
  return month ? `${month.slice(0, 4)}年${month.slice(5, 7)}月` : '未缴';
}

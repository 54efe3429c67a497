/**
 * How often each of the 三会一课 must be held (DESIGN §6, §6.1), and the periods 落实率 is counted over.
 *
 * Frequencies are versioned data with an effective month, never constants in code: a new document adds a rule
 * version here, and every figure names the version it was computed with. A committee may choose within the
 * legal range (ALLOWED_FREQUENCIES: 党课 quarterly or half-yearly); such a choice becomes part of the version.
 *
 * Periods are Asia/Shanghai calendar months grouped as `2026-11` (month), `2026-Q4`, `2026-H2` and `2026`.
 * required = how many of a kind's frequency periods lie wholly inside the period (a quarterly meeting is not
 * due in a month view); held = how many of those had at least one meeting of the kind with a saved record.
 */
import { monthsBetween, shanghaiMonth, toShanghai } from '../time';
import type { MeetingKind } from './kinds';

export type Frequency = 'month' | 'quarter' | 'half_year' | 'year';
export type PeriodKind = Frequency;

/** Months in one period of each length. */
const SPAN: Record<Frequency, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** The kinds 落实率 counts: every kind but 周二夜学, which is a branch's own study, not one of the 三会一课. */
export const COMPLIANCE_KINDS = [
  'party_congress',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
] as const satisfies readonly MeetingKind[];
export type ComplianceKind = (typeof COMPLIANCE_KINDS)[number];

export interface FrequencyRule {
  readonly version: string;
  /** The first month (YYYY-MM) the rule applies to. */
  readonly effectiveFrom: string;
  readonly source: string;
  readonly frequencies: Readonly<Record<ComplianceKind, Frequency>>;
}

/** Oldest first. A period is judged by the rule in force in its first month. */
export const FREQUENCY_RULES: readonly FrequencyRule[] = [
  {
    version: 'v1',
    effectiveFrom: '2018-10',
    source: '《中国共产党支部工作条例（试行）》（2018）',
    frequencies: {
      party_congress: 'quarter',
      committee_meeting: 'month',
      group_meeting: 'month',
      party_lecture: 'quarter',
      theme_day: 'month',
      life_meeting: 'year',
    },
  },
];

/** What a committee may choose per kind (§6.1: 党课 quarterly, or twice a year by some sources). */
export const ALLOWED_FREQUENCIES: Readonly<Record<ComplianceKind, readonly Frequency[]>> = {
  party_congress: ['quarter'],
  committee_meeting: ['month'],
  group_meeting: ['month'],
  party_lecture: ['quarter', 'half_year'],
  theme_day: ['month'],
  life_meeting: ['year'],
};

/** A committee's setting: from `effectiveFrom` (YYYY-MM) on, `kind` is due once per `frequency`. */
export interface FrequencyOverride {
  readonly kind: ComplianceKind;
  readonly frequency: Frequency;
  readonly effectiveFrom: string;
}

export const isAllowedOverride = (o: FrequencyOverride) => ALLOWED_FREQUENCIES[o.kind].includes(o.frequency);

/** The rule in force in `month` (the oldest one for months before any rule), with the committee's settings. */
export function ruleFor(
  month: string,
  overrides: readonly FrequencyOverride[] = [],
  rules: readonly FrequencyRule[] = FREQUENCY_RULES,
): FrequencyRule {
  const base = rules.filter((rule) => rule.effectiveFrom <= month).at(-1) ?? rules[0]!;
  const frequencies = { ...base.frequencies };
  const applied: string[] = [];
  // The newest allowed setting per kind that is in force in `month`; anything outside the legal range is ignored.
  const inForce = overrides
    .filter((o) => o.effectiveFrom <= month && isAllowedOverride(o))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  for (const o of inForce) frequencies[o.kind] = o.frequency;
  for (const kind of COMPLIANCE_KINDS) {
    if (frequencies[kind] !== base.frequencies[kind]) applied.push(`${kind}=${frequencies[kind]}`);
  }
  return applied.length ? { ...base, version: `${base.version}+${applied.join(',')}`, frequencies } : base;
}

export interface Period {
  /** `2026-11`, `2026-Q4`, `2026-H2` or `2026`. */
  readonly key: string;
  readonly kind: PeriodKind;
  /** Its months, YYYY-MM, in order. */
  readonly months: readonly string[];
}

export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function monthsFrom(year: string, firstMonth: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${year}-${pad(firstMonth + i)}`);
}

/** `2026-11` | `2026-Q4` | `2026-H2` | `2026` → the period, or null when it is none of these. */
export function parsePeriod(text: string): Period | null {
  if (!PERIOD_PATTERN.test(text)) return null;
  const year = text.slice(0, 4);
  const rest = text.slice(5);
  if (!rest) return { key: text, kind: 'year', months: monthsFrom(year, 1, 12) };
  if (rest[0] === 'Q')
    return { key: text, kind: 'quarter', months: monthsFrom(year, (Number(rest[1]) - 1) * 3 + 1, 3) };
  if (rest[0] === 'H')
    return { key: text, kind: 'half_year', months: monthsFrom(year, (Number(rest[1]) - 1) * 6 + 1, 6) };
  return { key: text, kind: 'month', months: [text] };
}

/** The period of length `kind` that contains `month` (YYYY-MM). */
export function periodOf(kind: PeriodKind, month: string): Period {
  const year = month.slice(0, 4);
  const index = Number(month.slice(5, 7)) - 1;
  const key = {
    month,
    quarter: `${year}-Q${Math.floor(index / 3) + 1}`,
    half_year: `${year}-H${Math.floor(index / 6) + 1}`,
    year,
  }[kind];
  return parsePeriod(key)!;
}

/** The periods of `frequency` lying wholly inside `period`, each as its months. */
export function subPeriods(frequency: Frequency, period: Period): string[][] {
  if (SPAN[frequency] > period.months.length) return [];
  const groups = new Map<string, string[]>();
  for (const month of period.months) {
    const key = periodOf(frequency, month).key;
    groups.set(key, [...(groups.get(key) ?? []), month]);
  }
  return [...groups.values()].filter((months) => months.length === SPAN[frequency]);
}

/** How many meetings of `kind` the rule requires in `period` (month: monthly 1, others 0; year: 12/4/2/1). */
export function required(kind: ComplianceKind, period: Period, rule: FrequencyRule): number {
  return subPeriods(rule.frequencies[kind], period).length;
}

/** How many of the required frequency periods had ≥ 1 meeting with a saved record (`recordsIn` per month). */
export function held(
  kind: ComplianceKind,
  period: Period,
  rule: FrequencyRule,
  recordsIn: (month: string) => number,
): number {
  return subPeriods(rule.frequencies[kind], period).filter((months) => months.some((m) => recordsIn(m) > 0)).length;
}

/** A share rounded to 0.001, or null when nothing was due (no 0/0 shown as 0 % or 100 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

/** How far back statistics go: the current period and the 5 years before it. */
export const STATS_YEARS_BACK = 5;

/** A period statistics answer for: it has begun, and it ends within the last STATS_YEARS_BACK years. */
export function isStatsPeriod(text: string, nowMs: number): boolean {
  const period = parsePeriod(text);
  if (!period) return false;
  const current = shanghaiMonth(nowMs);
  const first = period.months[0]!;
  const last = period.months.at(-1)!;
  return first <= current && monthsBetween(last, current) < STATS_YEARS_BACK * 12;
}

/** Days before a period's end at which its reminders start: the last 7 days of its last month. */
export const LAST_WEEK_DAYS = 7;

/** Whether `nowMs` falls in the period's last week (Asia/Shanghai): its last month's final 7 days. */
export function inLastWeek(period: Period, nowMs: number): boolean {
  const now = toShanghai(nowMs);
  if (now.format('YYYY-MM') !== period.months.at(-1)) return false;
  return now.date() > now.daysInMonth() - LAST_WEEK_DAYS;
}

/**
 * What is due now: for each kind, the frequency period containing today, when today is in its last week. The
 * reminder job asks each branch about exactly these (kind, period) pairs.
 */
export function dueForReminder(nowMs: number, rule: FrequencyRule): { kind: ComplianceKind; period: Period }[] {
  const month = shanghaiMonth(nowMs);
  return COMPLIANCE_KINDS.map((kind) => ({ kind, period: periodOf(rule.frequencies[kind], month) })).filter((due) =>
    inLastWeek(due.period, nowMs),
  );
}

const QUARTERS = ['一', '二', '三', '四'];

/** How a person reads a period: 2026年11月, 2026年第四季度, 2026年下半年, 2026年度. */
export function periodLabel(period: Period): string {
  const year = period.key.slice(0, 4);
  const part = period.key.slice(5);
  if (period.kind === 'year') return `${year}年度`;
  if (period.kind === 'quarter') return `${year}年第${QUARTERS[Number(part[1]) - 1]}季度`;
  if (period.kind === 'half_year') return `${year}年${part === 'H1' ? '上' : '下'}半年`;
  return `${year}年${Number(part)}月`;
}

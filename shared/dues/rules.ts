/**
 * How much 党费 a member owes a month (DESIGN §6 党费, §6.1).
 *
 * The bands, flat amounts and rounding are versioned data with the first month they apply to, never constants
 * in code: a new document (or a province's rule) adds a DuesRuleSet, and every computation names the version it
 * used, so a bill keeps saying how it was computed after the rule changes.
 *
 * The rate applies to the WHOLE base, not progressively: 5400 yuan is in the ≤ 10000 band, so 5400 × 1.5%.
 * Each band includes its upper bound (5000.00 → 1%, 5000.01 → 1.5%). Everything is integer fen; the share
 * base × rate is rounded once, with integer arithmetic.
 */

import { formatYuan, formatYuanCn } from './money';
import type { Computation, DuesCategory } from './schemas';

/** A band of the base: up to `upToFen` inclusive (null: no upper bound), the rate in basis points (0.5% = 50). */
export interface RateBand {
  readonly upToFen: number | null;
  readonly rateBp: number;
}

/** There is no central rounding rule (§6): half-up by default, a setting otherwise. */
export type Rounding = 'half_up' | 'down' | 'up';

export interface DuesRuleSet {
  readonly version: string;
  /** The first month (YYYY-MM) the rule applies to. */
  readonly effectiveFrom: string;
  readonly document: string;
  /** 在职: monthly after-tax regular pay. Ascending; the last band has no upper bound. */
  readonly employed: readonly RateBand[];
  /** 离退休: the basic pension only (组电明字〔2017〕5号: allowances are not part of the base). */
  readonly retired: readonly RateBand[];
  /** 学生, and 无业 / 低保 / 救济 recipients: a fixed amount a month. */
  readonly flatFen: { readonly student: number; readonly unemployed: number };
  /** 农民: the branch sets an amount within this range. */
  readonly farmerFen: { readonly min: number; readonly max: number };
  readonly rounding: Rounding;
}

/** Oldest first. A month is computed with the newest rule in force in it. */
export const DUES_RULES: readonly DuesRuleSet[] = [
  {
    version: '2008-04',
    effectiveFrom: '2008-04',
    document: '中组发〔2008〕3号',
    employed: [
      { upToFen: 300_000, rateBp: 50 },
      { upToFen: 500_000, rateBp: 100 },
      { upToFen: 1_000_000, rateBp: 150 },
      { upToFen: null, rateBp: 200 },
    ],
    retired: [
      { upToFen: 500_000, rateBp: 50 },
      { upToFen: null, rateBp: 100 },
    ],
    flatFen: { student: 20, unemployed: 20 },
    farmerFen: { min: 20, max: 100 },
    rounding: 'half_up',
  },
];

/** The rule in force in `month` (YYYY-MM): the newest with effectiveFrom ≤ month. Throws for months before all. */
export function ruleFor(month: string, rules: readonly DuesRuleSet[] = DUES_RULES): DuesRuleSet {
  let found: DuesRuleSet | undefined;
  for (const rule of rules) {
    if (rule.effectiveFrom <= month && (!found || rule.effectiveFrom >= found.effectiveFrom)) found = rule;
  }
  if (!found) throw new Error(`${month} 没有适用的党费标准`);
  return found;
}

/** How a computation names its rule: 中组发〔2008〕3号（2008-04 起）. */
export function ruleLabel(rule: DuesRuleSet): string {
  return `${rule.document}（${rule.effectiveFrom} 起）`;
}

/** What is wrong with a rule set (for a committee's own version): empty when it can be used. */
export function ruleProblems(rule: DuesRuleSet): string[] {
  const problems: string[] = [];
  const isFen = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  for (const [name, bands] of [
    ['在职', rule.employed],
    ['离退休', rule.retired],
  ] as const) {
    if (bands.length === 0 || bands.at(-1)!.upToFen !== null) problems.push(`${name}档次的最后一档须不设上限`);
    if (bands.some((b) => !isFen(b.rateBp) || b.rateBp > 10_000)) problems.push(`${name}比例须在 0–100% 之间`);
    // Only the last band may be open; the others' upper bounds strictly ascend.
    const bounds = bands.map((b) => b.upToFen);
    const last = bounds.length - 1;
    if (bounds.some((b, i) => (b === null ? i !== last : !isFen(b) || (i > 0 && b <= (bounds[i - 1] ?? -1)))))
      problems.push(`${name}档次上限须为递增的整数分`);
  }
  if (!isFen(rule.flatFen.student) || !isFen(rule.flatFen.unemployed)) problems.push('固定金额须为整数分');
  if (!isFen(rule.farmerFen.min) || !isFen(rule.farmerFen.max) || rule.farmerFen.min > rule.farmerFen.max)
    problems.push('农民党员金额范围不正确');
  return problems;
}

/** The rate of the band holding the whole base; bands ascending, each inclusive of its upper bound. */
export function rateFor(bands: readonly RateBand[], baseFen: number): number {
  const band = bands.find((b) => b.upToFen === null || baseFen <= b.upToFen);
  if (!band) throw new Error(`基数 ${baseFen} 分超出所有档次`);
  return band.rateBp;
}

const BP = 10_000n;

/**
 * baseFen × rateBp / 10000, rounded, exactly. BigInt: the product can pass 2^53 for large bases and rates, and
 * a float division would misjudge a remainder of exactly half.
 */
export function roundedShare(baseFen: number, rateBp: number, rounding: Rounding): number {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0) throw new Error(`基数须为非负整数分：${baseFen}`);
  if (!Number.isSafeInteger(rateBp) || rateBp < 0) throw new Error(`比例须为非负整数基点：${rateBp}`);
  const product = BigInt(baseFen) * BigInt(rateBp);
  const quotient = product / BP;
  const remainder = product % BP;
  const bump = rounding === 'up' ? remainder > 0n : rounding === 'half_up' ? remainder * 2n >= BP : false;
  return Number(bump ? quotient + 1n : quotient);
}

/** 150 → "1.5%", 100 → "1%", 50 → "0.5%", 125 → "1.25%". */
export function formatRate(rateBp: number): string {
  const fraction = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${Math.floor(rateBp / 100)}${fraction ? `.${fraction}` : ''}%`;
}

export interface AmountInput {
  readonly category: DuesCategory;
  /** 在职 / 离退休: the monthly base in fen. */
  readonly baseFen?: number | null;
  /** 农民: the amount the branch set. */
  readonly farmerFen?: number | null;
  /** 减交: the amount the committee approved. */
  readonly reducedFen?: number | null;
}

export interface Amount {
  readonly amountFen: number;
  /** The rate applied, or null for a flat amount. */
  readonly rateBp: number | null;
  readonly computation: Computation;
}

const CATEGORY_TEXT = { student: '学生党员', unemployed: '无业、低保党员', farmer: '农民党员' } as const;

/** The monthly amount under `rule`, with how it was computed. Throws when the input lacks what its category needs. */
export function duesAmount(input: AmountInput, rule: DuesRuleSet): Amount {
  const flat = (amountFen: number, text: string): Amount => ({
    amountFen,
    rateBp: null,
    computation: { base: null, rate: null, amountFen, rule: ruleLabel(rule), text },
  });
  switch (input.category) {
    case 'employed':
    case 'retired': {
      const baseFen = input.baseFen;
      // The request schema requires a base for these; a missing one is a bug, not a member's mistake.
      if (baseFen == null || !Number.isSafeInteger(baseFen) || baseFen < 0)
        throw new Error(`${input.category} 须有非负整数分的月基数`);
      const rateBp = rateFor(input.category === 'employed' ? rule.employed : rule.retired, baseFen);
      const amountFen = roundedShare(baseFen, rateBp, rule.rounding);
      const rate = formatRate(rateBp);
      return {
        amountFen,
        rateBp,
        computation: {
          base: formatYuan(baseFen),
          rate,
          amountFen,
          rule: ruleLabel(rule),
          text: `${formatYuanCn(baseFen)} × ${rate} = ${formatYuanCn(amountFen)}`,
        },
      };
    }
    case 'student':
    case 'unemployed': {
      const amountFen = rule.flatFen[input.category];
      return flat(amountFen, `${CATEGORY_TEXT[input.category]}每月 ${formatYuanCn(amountFen)}`);
    }
    case 'farmer': {
      const fen = input.farmerFen;
      const { min, max } = rule.farmerFen;
      // Not clamped: an amount outside the range means the branch's setting is wrong, and silently changing it
      // would bill the member something nobody decided.
      if (fen == null || !Number.isSafeInteger(fen) || fen < min || fen > max)
        throw new Error(`农民党员每月交纳 ${formatYuanCn(min)}–${formatYuanCn(max)}，收到 ${fen}`);
      return flat(fen, `${CATEGORY_TEXT.farmer}每月 ${formatYuanCn(fen)}（由支部确定）`);
    }
    case 'exempt':
      return flat(0, '免交');
    case 'reduced': {
      const fen = input.reducedFen;
      if (fen == null || !Number.isSafeInteger(fen) || fen < 0) throw new Error('减交须有非负整数分的金额');
      return flat(fen, `减交，每月 ${formatYuanCn(fen)}`);
    }
    default: {
      const never: never = input.category;
      throw new Error(`未知的党费类别：${never}`);
    }
  }
}

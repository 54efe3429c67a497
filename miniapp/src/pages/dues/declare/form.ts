/**
 * The 申报基数 form: what was typed (yuan as text), checked locally with the contract's own pattern, turned into
 * the request (integer fen through parseYuan, never a float), and the monthly amount it would give, computed by
 * the same rules the server uses (shared/dues/rules.ts).
 */
import { formatYuan, parseYuan } from '../../../../../shared/dues/money';
import { type Amount, type DuesRuleSet, duesAmount, formatRate, ruleFor } from '../../../../../shared/dues/rules';
import { type DuesCategory, type PutDuesBaseRequest, YUAN_PATTERN } from '../../../../../shared/dues/schemas';

export interface DeclareForm {
  year: number;
  category: DuesCategory | null;
  /** 在职 / 离退休: yuan a month, as typed. */
  base: string;
  /** 农民: yuan a month, as typed. */
  farmer: string;
  /** 减交: yuan a month, as typed. */
  reduced: string;
  fromMonth: string;
  note: string;
}

export type DeclareField = 'category' | 'base' | 'farmer' | 'reduced' | 'fromMonth' | 'note';
export type DeclareErrors = Partial<Record<DeclareField, string>>;

export const needsBase = (category: DuesCategory | null) => category === 'employed' || category === 'retired';
export const needsNote = (category: DuesCategory | null) => category === 'exempt' || category === 'reduced';

const YUAN_HINT = '请填写金额，最多两位小数，例如 5400.00';

/** Text → fen, or null when it is not a plain yuan amount (YUAN_PATTERN: no sign, ≤ 2 decimals). */
export function fenOf(text: string): number | null {
  const trimmed = text.trim();
  return YUAN_PATTERN.test(trimmed) ? parseYuan(trimmed) : null;
}

function ruleOf(form: DeclareForm): DuesRuleSet | null {
  try {
    return ruleFor(form.fromMonth);
  } catch {
    return null;
  }
}

export function validate(form: DeclareForm): DeclareErrors {
  const errors: DeclareErrors = {};
  const rule = ruleOf(form);
  if (!form.category) errors.category = '请选择党员类别';
  if (!form.fromMonth.startsWith(`${form.year}-`)) errors.fromMonth = '起算月份须在申报年度之内';
  if (needsBase(form.category)) {
    if (!form.base.trim()) errors.base = form.category === 'retired' ? '请填写每月基本养老金' : '请填写每月工资收入';
    else if (fenOf(form.base) === null) errors.base = YUAN_HINT;
  }
  if (form.category === 'farmer') {
    const fen = fenOf(form.farmer);
    const range = rule?.farmerFen ?? { min: 20, max: 100 };
    const words = `农民党员每月交纳 ${formatYuan(range.min)}–${formatYuan(range.max)} 元`;
    if (fen === null || fen < range.min || fen > range.max) errors.farmer = words;
  }
  if (form.category === 'reduced') {
    const fen = fenOf(form.reduced);
    if (fen === null || fen < 1 || fen > 100_000) errors.reduced = '请填写减交后的每月金额（0.01–1000.00 元）';
  }
  if (needsNote(form.category) && !form.note.trim()) errors.note = '减交、免交须说明理由';
  return errors;
}

/** The request for a form `validate` passed. */
export function toRequest(form: DeclareForm): PutDuesBaseRequest {
  const category = form.category!;
  const note = form.note.trim();
  return {
    year: form.year,
    category,
    fromMonth: form.fromMonth,
    ...(needsBase(category) ? { monthlyBase: formatYuan(fenOf(form.base)!) } : {}),
    ...(category === 'farmer' ? { farmerFen: fenOf(form.farmer)! } : {}),
    ...(category === 'reduced' ? { reducedFen: fenOf(form.reduced)! } : {}),
    ...(note ? { note } : {}),
  };
}

/** The monthly amount the form gives now, or null while something it needs is missing or invalid. */
export function preview(form: DeclareForm): Amount | null {
  const rule = ruleOf(form);
  if (!rule || !form.category) return null;
  try {
    return duesAmount(
      {
        category: form.category,
        baseFen: needsBase(form.category) ? fenOf(form.base) : null,
        farmerFen: form.category === 'farmer' ? fenOf(form.farmer) : null,
        reducedFen: form.category === 'reduced' ? fenOf(form.reduced) : null,
      },
      rule,
    );
  } catch {
    return null;
  }
}

/** The bands in words for 在职 / 离退休 (from the rule in force, never hard-coded): "3000.00 元及以下 0.5%"… */
export function bandLines(form: DeclareForm): string[] {
  const rule = ruleOf(form);
  if (!rule || !needsBase(form.category)) return [];
  const bands = form.category === 'retired' ? rule.retired : rule.employed;
  return bands.map((band, i) => {
    const previous = bands[i - 1]?.upToFen;
    const rate = formatRate(band.rateBp);
    if (band.upToFen === null) return `${formatYuan(previous ?? 0)} 元以上：${rate}`;
    if (previous == null) return `${formatYuan(band.upToFen)} 元及以下：${rate}`;
    return `${formatYuan(previous)}–${formatYuan(band.upToFen)} 元：${rate}`;
  });
}

/** Where a server field error belongs ('monthlyBase' → base). */
export function fieldOf(path: string): DeclareField | null {
  const head = path.split('.')[0];
  if (head === 'monthlyBase') return 'base';
  if (head === 'farmerFen') return 'farmer';
  if (head === 'reducedFen') return 'reduced';
  if (head === 'category' || head === 'fromMonth' || head === 'note') return head;
  return null;
}

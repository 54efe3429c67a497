import fc from 'fast-check';
import { formatYuan, parseYuan } from './money';
import {
  DUES_RULES,
  type DuesRuleSet,
  duesAmount,
  formatRate,
  type Rounding,
  rateFor,
  roundedShare,
  ruleFor,
  ruleLabel,
  ruleProblems,
} from './rules';
import { Computation } from './schemas';

const rule = ruleFor('2026-11');
const employed = (yuan: string) => duesAmount({ category: 'employed', baseFen: parseYuan(yuan) }, rule);
const retired = (yuan: string) => duesAmount({ category: 'retired', baseFen: parseYuan(yuan) }, rule);
const ROUNDINGS: Rounding[] = ['down', 'half_up', 'up'];

/** Bases a YUAN_PATTERN string can hold, weighted toward the band edges where mistakes live. */
const baseArb = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999_999 }),
  fc.integer({ min: 0, max: 1_500_000 }),
  fc.constantFrom(300_000, 500_000, 1_000_000).chain((edge) => fc.integer({ min: edge - 3, max: edge + 3 })),
);

/** The exact rational rounding, written differently from the code under test: from the fraction n / 10000. */
function reference(baseFen: number, rateBp: number, rounding: Rounding): bigint {
  const n = BigInt(baseFen) * BigInt(rateBp);
  if (rounding === 'down') return n / 10_000n;
  if (rounding === 'up') return (n + 9_999n) / 10_000n;
  return (2n * n + 10_000n) / 20_000n; // floor(n/10000 + 1/2)
}

describe('Rule: 党费 amounts (中组发〔2008〕3号)', () => {
  it('applies the whole-base rate of the band, each band including its upper bound (在职)', () => {
    const cases: [string, number][] = [
      ['3000.00', 1_500],
      ['3000.01', 3_000],
      ['5000', 5_000],
      ['5400', 8_100],
      ['10000', 15_000],
      ['10000.01', 20_000],
      ['11500', 23_000],
    ];
    for (const [yuan, fen] of cases) expect([yuan, employed(yuan).amountFen]).toEqual([yuan, fen]);
  });

  it('uses the basic pension with the retirees’ bands (组电明字〔2017〕5号)', () => {
    expect(retired('5000').amountFen).toBe(2_500);
    expect(retired('5000.01').amountFen).toBe(5_000);
    expect(retired('5000.01').rateBp).toBe(100);
  });

  it('charges students and the unemployed 0.20 yuan, farmers what the branch set within 0.20–1.00', () => {
    expect(duesAmount({ category: 'student' }, rule).amountFen).toBe(20);
    expect(duesAmount({ category: 'unemployed' }, rule).amountFen).toBe(20);
    expect(duesAmount({ category: 'farmer', farmerFen: 50 }, rule).amountFen).toBe(50);
    expect(duesAmount({ category: 'farmer', farmerFen: 20 }, rule).amountFen).toBe(20);
    expect(duesAmount({ category: 'farmer', farmerFen: 100 }, rule).amountFen).toBe(100);
    for (const farmerFen of [19, 101, null, undefined, 50.5]) {
      expect(() => duesAmount({ category: 'farmer', farmerFen }, rule)).toThrow();
    }
  });

  it('charges nothing when exempt and the approved amount when reduced', () => {
    expect(duesAmount({ category: 'exempt' }, rule)).toMatchObject({ amountFen: 0, rateBp: null });
    expect(duesAmount({ category: 'exempt' }, rule).computation.text).toBe('免交');
    expect(duesAmount({ category: 'reduced', reducedFen: 1_200 }, rule).amountFen).toBe(1_200);
    expect(() => duesAmount({ category: 'reduced' }, rule)).toThrow();
  });

  it('needs a base for the employed and retired', () => {
    for (const category of ['employed', 'retired'] as const) {
      expect(() => duesAmount({ category }, rule)).toThrow(Error);
      expect(() => duesAmount({ category, baseFen: null }, rule)).toThrow(Error);
      expect(() => duesAmount({ category, baseFen: -1 }, rule)).toThrow(Error);
      expect(() => duesAmount({ category, baseFen: 1.5 }, rule)).toThrow(Error);
    }
  });

  it('explains itself in the contract’s Computation shape, naming the rule version', () => {
    const { computation } = employed('5400');
    expect(Computation.parse(computation)).toEqual({
      base: '5400.00',
      rate: '1.5%',
      amountFen: 8_100,
      rule: '中组发〔2008〕3号（2008-04 起）',
      text: '5400.00 元 × 1.5% = 81.00 元',
    });
    expect(employed('11500').computation.text).toBe('11500.00 元 × 2% = 230.00 元');
    expect(duesAmount({ category: 'student' }, rule).computation).toMatchObject({
      base: null,
      rate: null,
      amountFen: 20,
      text: '学生党员每月 0.20 元',
    });
    expect(duesAmount({ category: 'unemployed' }, rule).computation.text).toBe('无业、低保党员每月 0.20 元');
    expect(duesAmount({ category: 'farmer', farmerFen: 50 }, rule).computation.text).toBe(
      '农民党员每月 0.50 元（由支部确定）',
    );
    expect(duesAmount({ category: 'reduced', reducedFen: 1_200 }, rule).computation.text).toBe('减交，每月 12.00 元');
    expect(['0.5%', '1%', '1.5%', '2%', '1.25%', '0.05%']).toEqual([50, 100, 150, 200, 125, 5].map(formatRate));
  });
});

describe('Rule: amounts are exact integers, whatever the base', () => {
  const amountOf = (fen: number) => duesAmount({ category: 'employed', baseFen: fen }, rule).amountFen;

  it('is never negative, and never falls as the base rises within a band', () => {
    fc.assert(
      fc.property(baseArb, fc.nat(1_000_000), fc.constantFrom('employed' as const, 'retired' as const), (a, d, c) => {
        const lower = duesAmount({ category: c, baseFen: a }, rule);
        expect(lower.amountFen).toBeGreaterThanOrEqual(0);
        const b = Math.min(a + d, 9_999_999_999);
        const higher = duesAmount({ category: c, baseFen: b }, rule);
        if (higher.rateBp === lower.rateBp) expect(higher.amountFen).toBeGreaterThanOrEqual(lower.amountFen);
        // Across bands the rate only rises.
        expect(higher.rateBp!).toBeGreaterThanOrEqual(lower.rateBp!);
      }),
    );
  });

  it('is the same for equal decimal strings however written', () => {
    fc.assert(
      fc.property(baseArb, (fen) => {
        const whole = String(Math.floor(fen / 100));
        const cents = String(fen % 100).padStart(2, '0');
        const forms = [`${whole}.${cents}`];
        if (cents.endsWith('0')) forms.push(`${whole}.${cents[0]}`);
        if (cents === '00') forms.push(whole);
        const amounts = forms.map((text) => amountOf(parseYuan(text)!));
        expect(new Set(amounts).size).toBe(1);
      }),
    );
    expect(['5400', '5400.0', '5400.00'].map((t) => employed(t).amountFen)).toEqual([8_100, 8_100, 8_100]);
  });

  it('equals the exact rational rounding of base × rate, in every mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...ROUNDINGS),
        (base, bp, rounding) => {
          expect(BigInt(roundedShare(base, bp, rounding))).toBe(reference(base, bp, rounding));
        },
      ),
    );
    fc.assert(
      fc.property(baseArb, (fen) => {
        expect(BigInt(amountOf(fen))).toBe(reference(fen, rateFor(rule.employed, fen), 'half_up'));
      }),
    );
  });

  it('orders the rounding modes: down ≤ half_up ≤ up, at most one fen apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 10_000 }), (base, bp) => {
        const [down, half, up] = ROUNDINGS.map((r) => roundedShare(base, bp, r)) as [number, number, number];
        expect(down).toBeLessThanOrEqual(half);
        expect(half).toBeLessThanOrEqual(up);
        expect(up - down).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rounds a half fen up by default, and stays exact past 2^53', () => {
    expect(roundedShare(1, 5_000, 'half_up')).toBe(1); // 0.5 fen
    expect(roundedShare(1, 4_999, 'half_up')).toBe(0);
    expect(roundedShare(1, 1, 'up')).toBe(1);
    expect(roundedShare(9_999, 1, 'down')).toBe(0);
    // 2^53 + 1 fen at 100%: a float product would lose the last fen.
    expect(roundedShare(Number.MAX_SAFE_INTEGER, 10_000, 'down')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => roundedShare(-1, 50, 'half_up')).toThrow();
    expect(() => roundedShare(1, 0.5, 'half_up')).toThrow();
  });

  it('keeps the computation text consistent with the amount', () => {
    fc.assert(
      fc.property(baseArb, (fen) => {
        const { amountFen, computation } = duesAmount({ category: 'employed', baseFen: fen }, rule);
        expect(computation.amountFen).toBe(amountFen);
        expect(computation.base).toBe(formatYuan(fen));
        expect(computation.text.endsWith(`= ${formatYuan(amountFen)} 元`)).toBe(true);
      }),
    );
  });
});

describe('Rule: versioned 党费 rules', () => {
  it('uses 中组发〔2008〕3号 from April 2008 on, and has nothing before it', () => {
    expect(ruleFor('2026-11')).toBe(DUES_RULES[0]);
    expect(ruleFor('2008-04').version).toBe('2008-04');
    expect(() => ruleFor('2008-03')).toThrow();
    expect(ruleLabel(rule)).toBe('中组发〔2008〕3号（2008-04 起）');
  });

  it('applies a newer rule from its effective month only, whatever the list order', () => {
    const next: DuesRuleSet = { ...DUES_RULES[0]!, version: '2027-01', effectiveFrom: '2027-01', rounding: 'down' };
    expect(ruleFor('2026-12', [...DUES_RULES, next]).version).toBe('2008-04');
    expect(ruleFor('2027-01', [...DUES_RULES, next]).version).toBe('2027-01');
    expect(ruleFor('2030-05', [next, ...DUES_RULES]).version).toBe('2027-01');
    expect(ruleLabel(next)).toBe('中组发〔2008〕3号（2027-01 起）');
  });

  it('holds well-formed data: ascending bands, an open top band, sane amounts', () => {
    for (const r of DUES_RULES) expect(ruleProblems(r)).toEqual([]);
    const broken: DuesRuleSet = {
      ...rule,
      employed: [
        { upToFen: 500_000, rateBp: 50 },
        { upToFen: 300_000, rateBp: 100 },
      ],
      retired: [{ upToFen: null, rateBp: 20_000 }],
      farmerFen: { min: 100, max: 20 },
    };
    expect(ruleProblems(broken)).toHaveLength(4);
  });

  it('finds the band inclusive of its upper bound', () => {
    expect(rateFor(rule.employed, 0)).toBe(50);
    expect(rateFor(rule.employed, 300_000)).toBe(50);
    expect(rateFor(rule.employed, 300_001)).toBe(100);
    expect(rateFor(rule.employed, 1_000_000)).toBe(150);
    expect(rateFor(rule.employed, 1_000_001)).toBe(200);
    expect(() => rateFor([{ upToFen: 10, rateBp: 1 }], 11)).toThrow();
  });
});

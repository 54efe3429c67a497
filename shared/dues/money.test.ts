import fc from 'fast-check';
import { formatYuan, formatYuanCn, parseYuan } from './money';

/** A fen amount any YUAN_PATTERN string can hold: up to 99,999,999.99 yuan. */
const fenArb = fc.integer({ min: 0, max: 9_999_999_999 });

/** The same amount written the ways a person might: "5400", "5400.0", "5400.00", "0.5", "00012.30". */
const spellings = (fen: number): string[] => {
  const whole = String(Math.floor(fen / 100));
  const cents = String(fen % 100).padStart(2, '0');
  const out = [`${whole}.${cents}`];
  if (cents[1] === '0') out.push(`${whole}.${cents[0]}`);
  if (cents === '00') out.push(whole);
  if (whole.length < 8) out.push(`${'0'.repeat(8 - whole.length)}${whole}.${cents}`);
  return out;
};

describe('Rule: yuan strings ↔ integer fen, without floating point', () => {
  it('reads yuan however many decimals are written', () => {
    expect(['5400', '5400.0', '5400.00'].map(parseYuan)).toEqual([540_000, 540_000, 540_000]);
    expect(parseYuan('0.2')).toBe(20);
    expect(parseYuan('0.20')).toBe(20);
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('3000.01')).toBe(300_001);
    expect(parseYuan('99999999.99')).toBe(9_999_999_999);
    expect(parseYuan('0')).toBe(0);
  });

  it('gets the cases floats get wrong exactly right', () => {
    // 0.29 * 100 === 28.999999999999996 and 1.15 * 100 === 114.99999999999999 in IEEE doubles.
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
  });

  it('rejects signs, a third decimal, separators, spaces and other forms', () => {
    for (const bad of [
      '-1',
      '+1',
      '1.234',
      '1,000',
      ' 1',
      '1 ',
      '',
      '.5',
      '5.',
      '1e3',
      '0x10',
      '１２',
      '123456789',
      'NaN',
      'Infinity',
      '5400元',
    ]) {
      expect(parseYuan(bad)).toBeNull();
    }
  });

  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(540_000)).toBe('5400.00');
    expect(formatYuan(8_100)).toBe('81.00');
    expect(formatYuan(20)).toBe('0.20');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-150)).toBe('-1.50');
    expect(formatYuanCn(8_100)).toBe('81.00 元');
    expect(() => formatYuan(1.5)).toThrow();
    expect(() => formatYuan(Number.NaN)).toThrow();
  });

  it('round-trips every amount, and every spelling of it reads the same', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
        for (const text of spellings(fen)) expect(parseYuan(text)).toBe(fen);
      }),
    );
  });

  it('agrees with exact decimal arithmetic on random digit strings', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,8}$/),
        fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
        (whole, fraction) => {
          const text = fraction === undefined ? whole : `${whole}.${fraction}`;
          const exact = BigInt(whole) * 100n + BigInt((fraction ?? '').padEnd(2, '0'));
          expect(BigInt(parseYuan(text)!)).toBe(exact);
        },
      ),
    );
  });
});

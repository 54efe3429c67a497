import fc from 'fast-check';
import { isSafeText, safeText } from './text';

describe('Function: isSafeText', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['right-to-left override', '主题\u202E党日'],
    ['left-to-right isolate', '主题\u2066党日'],
    ['zero-width space', '会议\u200B室'],
    ['line separator', 'a\u2028b'],
    ['byte-order mark', '\uFEFF标题'],
    ['escape', 'a\u001bb'],
  ])('refuses a %s', (_what, text) => {
    expect(isSafeText(text)).toBe(false);
  });

  it('accepts ordinary Chinese, Latin, digits and punctuation', () => {
    expect(isSafeText('2026年11月主题党日：学习二十届四中全会精神（第一次）·A-1')).toBe(true);
  });

  it('allows line breaks only in multi-line text', () => {
    expect(isSafeText('第一行\n第二行', false)).toBe(false);
    expect(isSafeText('第一行\n第二行\t缩进', true)).toBe(true);
  });

  it('never accepts a string that holds a bidi override, wherever it stands', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom('\u202A', '\u202B', '\u202D', '\u202E', '\u2067'),
        (a, b, c) => {
          expect(isSafeText(a + c + b)).toBe(false);
          expect(safeText(0, 1000).safeParse(`x${a}${c}${b}x`).success).toBe(false);
        },
      ),
    );
  });
});

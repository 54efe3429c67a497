import { chunkBytes, chunkOf, drawable, parseRanges } from './letter-font';

describe('letter font', () => {
  it('reads unicode-range lists as inclusive code point ranges', () => {
    expect(parseRanges('U+4e16,U+4e91-4e92, U+0000-00FF')).toEqual([
      [0x4e16, 0x4e16],
      [0x4e91, 0x4e92],
      [0x00, 0xff],
    ]);
  });

  it('finds a chunk for every character of a letter, and the chunk file exists', () => {
    for (const char of '中国共产党党员组织关系介绍信象医党转〔2026〕第012号（男，正式党员）：X*') {
      const chunk = chunkOf(char);
      expect(chunk).not.toBeNull();
      expect(chunkBytes(chunk!).length).toBeGreaterThan(1000);
    }
  });

  it('draws a box for a character the font lacks', () => {
    expect(drawable('\u{F0000}')).toEqual({ char: '□', chunk: chunkOf('□') });
    expect(chunkOf('□')).not.toBeNull();
  });
});

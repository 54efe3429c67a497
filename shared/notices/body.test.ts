import fc from 'fast-check';
import { excerptOf, hasMarkup, isPlainBody } from './body';
import { CreateNoticeRequest } from './schemas';

describe('Rule: a notice body is plain text', () => {
  it.each([
    '<script>alert(1)</script>',
    '正文<img src=x onerror=alert(1)>',
    '</p>结束',
    '<!-- 注释 -->',
    '<?xml version="1.0"?>',
    '<svg/onload=alert(1)>',
  ])('refuses markup: %s', (text) => {
    expect(hasMarkup(text)).toBe(true);
    expect(isPlainBody(text)).toBe(false);
  });

  it.each(['血压<140 mmHg 为正常', 'a < b，且 b > c', '第一段\n\n第二段\t缩进', '《党章》第三条'])(
    'keeps plain text: %s',
    (text) => {
      expect(isPlainBody(text)).toBe(true);
    },
  );

  it('refuses control and bidirectional-override characters', () => {
    expect(isPlainBody('通知\u202e文本')).toBe(false);
    expect(isPlainBody('通知\u0000')).toBe(false);
  });

  it('accepts 50,000 characters and refuses 50,001, and an empty title', () => {
    const base = { kind: 'notice', title: '通知' } as const;
    expect(CreateNoticeRequest.safeParse({ ...base, body: '党'.repeat(50_000) }).success).toBe(true);
    expect(CreateNoticeRequest.safeParse({ ...base, body: '党'.repeat(50_001) }).success).toBe(false);
    expect(CreateNoticeRequest.safeParse({ ...base, title: '  ', body: '正文' }).success).toBe(false);
  });

  it('makes a one-line excerpt of at most the given length plus an ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (body, length) => {
        const excerpt = excerptOf(body, length);
        expect(excerpt).not.toMatch(/\s{2,}|\n/);
        expect(Array.from(excerpt).length).toBeLessThanOrEqual(length + 1);
      }),
    );
    expect(excerptOf('第一段\n\n第二段', 100)).toBe('第一段 第二段');
  });
});

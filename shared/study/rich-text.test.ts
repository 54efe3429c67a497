import fc from 'fast-check';
import { HeartbeatRequest } from './progress-schemas';
import { decodeEntities, isHttpsUrl, sanitizeArticle, summaryOf } from './rich-text';
import { CreateStudyItemRequest } from './schemas';

const clean = (input: string) => {
  const result = sanitizeArticle(input);
  if (!result.ok) throw new Error(`refused: ${result.detail}`);
  return result.html;
};

/** Every tag the output may hold. */
const ALLOWED_TAG = /^<(\/?(h2|h3|h4|p|strong)|br|img src="https:[^"<>]*"( alt="[^"<>]*")?)>$/;

describe('Rule: article bodies are rewritten to the allow-list', () => {
  it('keeps headings, paragraphs, bold, line breaks and https images', () => {
    const input =
      '<h2>一、学习要点</h2><p>坚持<b>人民至上</b><br>生命至上</p><img src="https://img.example.cn/a.png" alt="合影">';
    expect(clean(input)).toBe(
      '<h2>一、学习要点</h2><p>坚持<strong>人民至上</strong><br>生命至上</p><img src="https://img.example.cn/a.png" alt="合影">',
    );
  });

  it('unwraps other markup, drops attributes and comments, and wraps loose text in a paragraph', () => {
    expect(clean('<div class="x" style="color:red">正文<span>内容</span></div><!-- 备注 -->')).toBe('<p>正文内容</p>');
    expect(clean('<h1>标题</h1>没有段落的文字')).toBe('<h2>标题</h2><p>没有段落的文字</p>');
    expect(clean('<ul><li>一</li><li>二</li></ul>')).toBe('<p>一</p><p>二</p>');
    expect(clean('1 < 2 && 3 > 2')).toBe('<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>');
    expect(clean('<p>零\u200b宽\u202e字符</p>')).toBe('<p>零宽字符</p>');
  });

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<p>正文</p><SCRIPT src="https://x.cn/a.js"></SCRIPT>', '<script>'],
    ['<img src="https://x.cn/a.png" onerror="alert(1)">', 'onerror='],
    ['<p onclick="x()">点我</p>', 'onclick='],
    ['<a href="javascript:alert(1)">链接</a>', 'href='],
    ['<a href="java&#115;cript:alert(1)">链接</a>', 'href='],
    ['<iframe src="https://x.cn"></iframe>', '<iframe>'],
    ['<style>p{}</style>', '<style>'],
    ['<svg onload="x()"></svg>', '<svg>'],
  ])('refuses %s', (input, detail) => {
    const result = sanitizeArticle(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail.toLowerCase()).toContain(detail.replace(/[<>]/g, ''));
  });

  it.each(['http://img.example.cn/a.png', 'data:image/png;base64,AAAA', '//img.example.cn/a.png', 'https://', ''])(
    'refuses an image at %s',
    (src) => {
      const result = sanitizeArticle(`<img src="${src}">`);
      expect(result.ok).toBe(false);
    },
  );

  const fragment = fc.constantFrom(
    '<script>',
    '</script>',
    '<p>',
    '</p>',
    '<h2>',
    '</h3>',
    '<b>',
    '</strong>',
    '<br/>',
    '<img src="https://a.cn/x.png">',
    '<img src="https://a.cn/x.png" alt="a&quot;b">',
    '<div>',
    '<span title="<p>">',
    '<!--',
    '-->',
    '<',
    '>',
    '&',
    '&lt;',
    '&#60;script&#62;',
    '"',
    "'",
    ' onload=',
    'javascript:',
    '学习',
    'text',
    '\n',
  );
  const html = fc
    .array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('outputs only allow-listed tags, refuses or accepts any input, and is stable when run again', () => {
    fc.assert(
      fc.property(html, (input) => {
        const result = sanitizeArticle(input);
        if (!result.ok) return;
        for (const tag of result.html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(ALLOWED_TAG);
        // Text may say "javascript:" or " onload="; only a tag could act on it, and no tag does.
        expect(result.html.toLowerCase()).not.toMatch(/<script|<iframe|<svg|<style/);
        for (const tag of result.html.match(/<[^>]*>/g) ?? [])
          expect(tag.toLowerCase()).not.toMatch(/javascript:|\son\w+=/);
        expect(sanitizeArticle(result.html)).toEqual(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps plain text as it is, in a paragraph', () => {
    const text = fc
      .string({ unit: fc.constantFrom(...'学习党章 abc123，。！>"\''), minLength: 1, maxLength: 60 })
      .filter((value) => value.trim() !== '');
    fc.assert(
      fc.property(text, (value) => {
        const result = sanitizeArticle(value);
        expect(result.ok && result.text).toBe(value.trim());
        expect(result.ok && decodeEntities(result.html)).toBe(`<p>${value}</p>`);
      }),
    );
  });

  it('stays linear on hostile input (no quadratic scan)', () => {
    const started = Date.now();
    sanitizeArticle('<a "'.repeat(12_000));
    sanitizeArticle('<a'.repeat(25_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('summarises the text', () => {
    expect(summaryOf('一二三四五', 3)).toBe('一二…');
    expect(summaryOf(' 短 文 ')).toBe('短 文');
  });
});

describe('Schema: study requests', () => {
  const valid = { title: '学习', category: 'theory', kind: 'article', body: '<p>正文</p>', minMinutes: 5 };

  it('accepts https video links only', () => {
    expect(isHttpsUrl('https://v.example.cn/a.mp4')).toBe(true);
    for (const url of [
      'http://v.example.cn/a.mp4',
      'javascript:alert(1)',
      'ftp://x',
      'https://u:p@x.cn/',
      'https://x.cn/a b',
    ]) {
      expect(isHttpsUrl(url)).toBe(false);
    }
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ minMinutes: 0 }, 'minMinutes'],
    [{ minMinutes: 121 }, 'minMinutes'],
    [{ minMinutes: 1.5 }, 'minMinutes'],
    [{ body: 'x'.repeat(50_001) }, 'body'],
    [{ kind: 'video', body: undefined, videoUrl: 'http://v.cn/a.mp4' }, 'videoUrl'],
    [{ kind: 'video', body: undefined }, 'videoUrl'],
    [{ body: undefined }, 'body'],
    [{ category: 'THEORY!' }, 'category'],
  ])('refuses %j at %s', (change, path) => {
    const result = CreateStudyItemRequest.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('asks a heartbeat only whether the page is visible: a client clock is refused', () => {
    expect(HeartbeatRequest.safeParse({ visible: true }).success).toBe(true);
    expect(HeartbeatRequest.safeParse({ visible: true, at: Date.now() }).success).toBe(false);
  });
});

import fc from 'fast-check';
import { htmlToMarkup, markupToHtml } from './markup';
import { sanitizeArticle } from './rich-text';

describe('article markup', () => {
  it('writes headings, paragraphs with line breaks, bold and images', () => {
    const html = markupToHtml(
      '# 一、学习要点\n第一行 **重点** 内容\n第二行\n\n![合影](https://example.com/a.jpg)\n\n## 小结\n### 附\n结束',
    );
    expect(html).toBe(
      '<h2>一、学习要点</h2><p>第一行 <strong>重点</strong> 内容<br>第二行</p>' +
        '<p><img src="https://example.com/a.jpg" alt="合影"></p><h3>小结</h3><h4>附</h4><p>结束</p>',
    );
  });

  it('escapes what the author types: markup cannot smuggle a tag', () => {
    const html = markupToHtml('<script>alert(1)</script> & **<b>**\n![x" onerror="y](https://e.com/a.png)');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    const checked = sanitizeArticle(html);
    expect(checked.ok).toBe(true);
  });

  it('leaves an unmatched ** as typed', () => {
    expect(markupToHtml('a ** b')).toBe('<p>a ** b</p>');
  });

  it('reads the sanitised HTML back for editing, images in a paragraph on their own line', () => {
    const stored =
      '<h2>标题</h2><p>甲 <strong>乙</strong><br>丙 &amp; 丁</p><p>前<img src="https://e.com/1.png" alt="图">后</p>';
    expect(htmlToMarkup(stored)).toBe('# 标题\n\n甲 **乙**\n丙 & 丁\n\n前\n![图](https://e.com/1.png)\n后');
  });

  it('opening a stored article for editing and saving it unchanged stores the same HTML', () => {
    const word = fc.stringMatching(/^[\u4e00-\u4e0fa-z0-9 &<>"']{1,12}$/);
    const line = fc.oneof(
      word,
      word.map((w) => `# ${w}`),
      word.map((w) => `## ${w}`),
      word.map((w) => `**${w.replace(/\*/g, '')}**`),
      word.map((w) => `![${w.replace(/[\][()]/g, '')}](https://example.com/${encodeURIComponent(w)}.png)`),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const html = markupToHtml(lines.join('\n'));
        const sanitized = sanitizeArticle(html);
        if (!sanitized.ok) throw new Error(`refused ${html}`);
        expect(sanitizeArticle(markupToHtml(htmlToMarkup(sanitized.html)))).toEqual(sanitized);
      }),
    );
  });
});

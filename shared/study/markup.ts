/**
 * The article editor's plain-text markup, for a secretary typing on a phone: the mini-program has no rich
 * editor that works on both weapp and H5, and a handful of line rules is what a 50-year-old can learn from
 * the toolbar. The server still sanitises what arrives (./rich-text.ts); this only writes that HTML subset.
 *
 *   # 小标题        → <h2>    ## → <h3>    ### → <h4>
 *   ![说明](https://…) alone on a line → <img>
 *   **加粗**        → <strong>
 *   lines together  → one <p>, joined by <br>; a blank line starts the next paragraph
 */

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');
const HEADING = /^(#{1,3})\s+(.+)$/;
const IMAGE = /^!\[([^\]]*)\]\((\S+)\)$/;
const HEADING_TAGS = ['h2', 'h3', 'h4'] as const;

/** `**bold**` inside a line; an unmatched `**` stays as typed. */
function inline(line: string): string {
  return line
    .split(/(\*\*[^*]+\*\*)/)
    .map((part) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4
        ? `<strong>${escapeText(part.slice(2, -2))}</strong>`
        : escapeText(part),
    )
    .join('');
}

export function markupToHtml(markup: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${paragraph.join('<br>')}</p>`);
    paragraph = [];
  };
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const image = IMAGE.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      const tag = HEADING_TAGS[(heading[1] ?? '#').length - 1];
      out.push(`<${tag}>${inline((heading[2] ?? '').trim())}</${tag}>`);
    } else if (image) {
      flush();
      out.push(
        `<p><img src="${escapeAttribute(image[2] ?? '')}" alt="${escapeAttribute((image[1] ?? '').trim())}"></p>`,
      );
    } else paragraph.push(inline(line));
  }
  flush();
  return out.join('');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const unescapeHtml = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => NAMED[name] ?? '');

/** Back from the sanitised HTML the server keeps (./rich-text.ts output) to markup, for editing. */
export function htmlToMarkup(html: string): string {
  const blocks: string[] = [];
  for (const found of html.matchAll(/<(h2|h3|h4|p)>([\s\S]*?)<\/\1>/g)) {
    const tag = found[1] ?? 'p';
    const text = (found[2] ?? '')
      // An image inside a paragraph becomes its own line: the markup gives it a block of its own.
      .replace(/<img src="([^"]*)"(?: alt="([^"]*)")?\s*\/?>/g, (_, src: string, alt = '') => `\n![${alt}](${src})\n`)
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/?strong>/g, '**')
      .replace(/<[^>]*>/g, '');
    const lines = unescapeHtml(text)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    const level = HEADING_TAGS.indexOf(tag as (typeof HEADING_TAGS)[number]);
    blocks.push(level >= 0 ? `${'#'.repeat(level + 1)} ${lines.join(' ')}` : lines.join('\n'));
  }
  return blocks.join('\n\n');
}

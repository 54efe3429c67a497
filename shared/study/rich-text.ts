/**
 * An article's body (issue 8): a limited rich text — headings, paragraphs, bold, line breaks and images by
 * https URL — written as HTML (what an editor or a paste produces) and rewritten here to an allow-list.
 *
 * The output holds only `<h2> <h3> <h4> <p> <strong> <br> <img src="https://…" alt="…">`, balanced, with
 * every text escaped; it is what the mini-program's rich-text renders. Anything that could run is refused, not
 * quietly dropped, so the author learns why: script/style/iframe-like elements, `on…` handler attributes, and
 * `javascript:` / `vbscript:` / `data:` values. Other markup is unwrapped (its text kept): `div`, `section`,
 * `li` and `blockquote` become paragraphs, `b` bold, `h1` a `h2`, `h5`/`h6` a `h4`; attributes other than an
 * image's `src` and `alt` go. Invisible and control characters are removed from the text.
 */

export const MAX_BODY_CHARS = 50_000;
export const MAX_IMAGE_URL_CHARS = 1000;

export type BodyProblem = 'unsafe' | 'image_url';
export type SanitizedBody =
  | { readonly ok: true; readonly html: string; readonly text: string; readonly images: number }
  | { readonly ok: false; readonly problem: BodyProblem; readonly detail: string };

/** Elements whose presence means the body tries to run or embed something: refused. */
const FORBIDDEN = new Set(
  'script style iframe frame frameset object embed applet link meta base form input button textarea select option svg math template noscript xml xmp plaintext title head audio video source track canvas portal'.split(
    ' ',
  ),
);
const BLOCKS: Record<string, 'h2' | 'h3' | 'h4' | 'p'> = {
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  p: 'p',
  div: 'p',
  section: 'p',
  article: 'p',
  blockquote: 'p',
  li: 'p',
};
const BOLD = new Set(['strong', 'b']);
const DANGEROUS_VALUE = /^(javascript|vbscript|data|livescript):/;
// C0/C1 controls (tab and newlines become spaces first), zero-width and bidi controls, BOM.
const INVISIBLE_RANGES =
  '\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufff9-\\ufffb';
const INVISIBLE = new RegExp(`[${INVISIBLE_RANGES}]`, 'gu');
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references decoded: numeric ones and the few names HTML editors write; others stay as typed. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');
const cleanText = (value: string) => value.replace(/[\t\r\n]/g, ' ').replace(INVISIBLE, '');

/** Whether a value is an https URL a phone can load (host required, no credentials, no spaces). */
export function isHttpsUrl(value: string): boolean {
  if (value.length > MAX_IMAGE_URL_CHARS || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: Map<string, string>;
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseTag(source: string): Tag | null {
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*?)\/?>$/.exec(source);
  if (!match) return null;
  const attributes = new Map<string, string>();
  for (const found of (match[3] ?? '').matchAll(ATTRIBUTE)) {
    const name = (found[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(found[2] ?? found[3] ?? found[4] ?? ''));
  }
  return { name: (match[2] ?? '').toLowerCase(), closing: match[1] === '/', attributes };
}

/** Longer than this, a `<…` is text: no real tag needs it, and it bounds the scan (no quadratic input). */
const MAX_TAG_CHARS = 2000;

/** The end of the tag starting at `start` (the index after its `>`), honouring quoted attribute values. */
function tagEnd(source: string, start: number): number {
  let quote: string | null = null;
  const stop = Math.min(source.length, start + MAX_TAG_CHARS);
  for (let i = start + 1; i < stop; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return -1;
}

function refusal(tag: Tag): SanitizedBody | null {
  if (FORBIDDEN.has(tag.name)) return { ok: false, problem: 'unsafe', detail: `<${tag.name}>` };
  for (const [name, value] of tag.attributes) {
    if (name.startsWith('on')) return { ok: false, problem: 'unsafe', detail: `${name}=` };
    if (DANGEROUS_VALUE.test(value.replace(INVISIBLE, '').replace(/\s/g, '').toLowerCase())) {
      return { ok: false, problem: 'unsafe', detail: `${name}="${value.slice(0, 20)}"` };
    }
  }
  return null;
}

/** Rewrites `input` to the allow-list, or says why it cannot be accepted. */
export function sanitizeArticle(input: string): SanitizedBody {
  const out: string[] = [];
  const text: string[] = [];
  let block: string | null = null;
  let bold = false;
  let images = 0;
  const closeBold = () => {
    if (bold) out.push('</strong>');
    bold = false;
  };
  const closeBlock = () => {
    closeBold();
    if (block) out.push(`</${block}>`);
    if (block) text.push('\n');
    block = null;
  };
  const openBlock = (name: string) => {
    closeBlock();
    out.push(`<${name}>`);
    block = name;
  };
  const addText = (raw: string) => {
    const value = cleanText(decodeEntities(raw));
    if (!block && value.trim() === '') return;
    if (!block) openBlock('p');
    out.push(escapeText(value));
    text.push(value);
  };
  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt === -1) {
      addText(input.slice(i));
      break;
    }
    if (lt > i) addText(input.slice(i, lt));
    const next = input[lt + 1] ?? '';
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      i = end === -1 ? input.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = input.indexOf('>', lt);
      i = end === -1 ? input.length : end + 1;
      continue;
    }
    const end = /[a-zA-Z/]/.test(next) ? tagEnd(input, lt) : -1;
    const tag = end === -1 ? null : parseTag(input.slice(lt, end));
    if (!tag) {
      addText('<');
      i = lt + 1;
      continue;
    }
    i = end;
    const refused = refusal(tag);
    if (refused) return refused;
    const mapped = BLOCKS[tag.name];
    if (mapped) {
      if (!tag.closing) openBlock(mapped);
      else if (block === mapped) closeBlock();
    } else if (BOLD.has(tag.name)) {
      if (tag.closing) closeBold();
      else if (!bold) {
        if (!block) openBlock('p');
        out.push('<strong>');
        bold = true;
      }
    } else if (tag.name === 'br' && !tag.closing) {
      if (block) out.push('<br>');
      if (block) text.push('\n');
    } else if (tag.name === 'img' && !tag.closing) {
      const src = (tag.attributes.get('src') ?? '').trim();
      if (!isHttpsUrl(src)) return { ok: false, problem: 'image_url', detail: src.slice(0, 80) };
      const alt = cleanText(tag.attributes.get('alt') ?? '')
        .trim()
        .slice(0, 200);
      out.push(`<img src="${escapeAttribute(src)}"${alt ? ` alt="${escapeAttribute(alt)}"` : ''}>`);
      images += 1;
    }
    // Anything else (span, em, a, ul, table…) is unwrapped: its text stays, the tag goes.
  }
  closeBlock();
  return { ok: true, html: out.join(''), text: text.join('').replace(/\n+/g, '\n').trim(), images };
}

/** The first words of a body's text, for a list (no markup). */
export function summaryOf(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A notice's body is plain text (paragraphs separated by line breaks), shown as text by the mini-program and
 * never as HTML. Anything that would start a tag (`<script`, `<img onerror=…>`, `</p>`, `<!--`) is refused
 * rather than stripped, so the author sees what is wrong; `血压<140` or `a < b` stay, they start no tag.
 */
import { isSafeText } from '../http/text';

export const NOTICE_BODY_MAX = 50_000;
export const NOTICE_TITLE_MAX = 60;
/** Characters of the body a list item shows. */
export const EXCERPT_LENGTH = 60;

const MARKUP = /<[A-Za-z!/?]/;

/** True when the text contains the start of an HTML/XML tag, comment or processing instruction. */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

/** Plain multi-line text: no markup, no control or bidirectional-override characters. */
export function isPlainBody(text: string): boolean {
  return !hasMarkup(text) && isSafeText(text, true);
}

/** The first `length` characters of the body on one line, with an ellipsis when cut. */
export function excerptOf(body: string, length = EXCERPT_LENGTH): string {
  const line = body.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= length ? line : `${chars.slice(0, length).join('')}…`;
}

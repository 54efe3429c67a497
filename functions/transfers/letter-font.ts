/**
 * The 介绍信's Chinese font: Noto Serif SC (SIL OFL) from @fontsource/noto-serif-sc, which ships the font as about a
 * hundred unicode-range chunks. A letter uses the few chunks its characters fall in, each embedded as a subset, so
 * the PDF stays small and its text extracts back to Chinese (each subset carries its ToUnicode map). Locally the
 * files come from node_modules; in AWS from the reports layer (infra/excel-layer.ts copies them there).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const FONT_PACKAGE = '@fontsource/noto-serif-sc';
/** Regular weight, WOFF 1.0 (zlib): fontkit subsets its TrueType outlines (WOFF2's transformed tables it embeds whole). */
export const FONT_FILE = /^noto-serif-sc-(.+)-400-normal\.woff$/;
/** Shown for a character no chunk has (a rare character outside the font): a box, as a browser would. */
const MISSING = '□';

interface Chunk {
  readonly name: string;
  readonly ranges: readonly (readonly [number, number])[];
}

let chunks: Chunk[] | undefined;
const files = new Map<string, Uint8Array>();

const fontDir = () => path.dirname(require.resolve(`${FONT_PACKAGE}/unicode.json`));

/** "U+4e16,U+4e91-4e92" → [[0x4e16, 0x4e16], [0x4e91, 0x4e92]]. */
export function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)];
  });
}

function allChunks(): Chunk[] {
  if (!chunks) {
    const table = JSON.parse(readFileSync(path.join(fontDir(), 'unicode.json'), 'utf8')) as Record<string, string>;
    // "[116]" names the file noto-serif-sc-116-400-normal.woff; "latin" names …-latin-400-normal.woff.
    chunks = Object.entries(table).map(([key, ranges]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      ranges: parseRanges(ranges),
    }));
  }
  return chunks;
}

/** The chunk that has the character's glyph, or null. */
export function chunkOf(char: string): string | null {
  const code = char.codePointAt(0)!;
  return allChunks().find((chunk) => chunk.ranges.some(([from, to]) => code >= from && code <= to))?.name ?? null;
}

/** The character as it can be drawn: itself, or the box for one the font lacks. */
export function drawable(char: string): { char: string; chunk: string } {
  const chunk = chunkOf(char);
  if (chunk) return { char, chunk };
  return { char: MISSING, chunk: chunkOf(MISSING) ?? 'latin' };
}

/** A chunk's bytes, read once per container. */
export function chunkBytes(name: string): Uint8Array {
  let bytes = files.get(name);
  if (!bytes) {
    bytes = readFileSync(path.join(fontDir(), 'files', `noto-serif-sc-${name}-400-normal.woff`));
    files.set(name, bytes);
  }
  return bytes;
}

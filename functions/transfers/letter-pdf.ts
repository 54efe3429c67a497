/**
 * The 介绍信 as a PDF (GET /v1/transfers/{id}/letter/pdf): the very paragraphs of the printable page, on A4, in a
 * real Chinese font (./letter-font.ts) so it prints anywhere and its text can be searched and copied. pdf-lib and
 * fontkit come from the reports layer and are loaded on the first letter only (the workbook route never pays).
 */
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { chunkBytes, drawable } from './letter-font';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { x: 72, top: 96 };
const TEXT_WIDTH = A4.width - 2 * MARGIN.x;
const RED = { r: 0.72, g: 0.05, b: 0.05 };
/** Characters a line must not start with (Chinese typesetting): they hang at the end of the line before. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕’”%．,.;:?!)']);

interface Run {
  readonly text: string;
  readonly font: PDFFont;
}

/** Draws text in the chunk fonts its characters need, embedding each chunk once per document (as a subset). */
class Writer {
  private readonly fonts = new Map<string, PDFFont>();

  constructor(
    private readonly doc: PDFDocument,
    readonly page: PDFPage,
  ) {}

  private async runs(text: string): Promise<Run[]> {
    const runs: { text: string; chunk: string }[] = [];
    for (const original of text) {
      const { char, chunk } = drawable(original);
      const last = runs.at(-1);
      if (last?.chunk === chunk) runs[runs.length - 1] = { text: last.text + char, chunk };
      else runs.push({ text: char, chunk });
    }
    const result: Run[] = [];
    for (const run of runs) {
      let font = this.fonts.get(run.chunk);
      if (!font) {
        font = await this.doc.embedFont(chunkBytes(run.chunk), { subset: true });
        this.fonts.set(run.chunk, font);
      }
      result.push({ text: run.text, font });
    }
    return result;
  }

  async width(text: string, size: number): Promise<number> {
    return (await this.runs(text)).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  async draw(text: string, x: number, y: number, size: number, color = { r: 0, g: 0, b: 0 }): Promise<void> {
    const { rgb } = await import('pdf-lib');
    let at = x;
    for (const run of await this.runs(text)) {
      this.page.drawText(run.text, { x: at, y, size, font: run.font, color: rgb(color.r, color.g, color.b) });
      at += run.font.widthOfTextAtSize(run.text, size);
    }
  }

  /** Lines of at most `width`, first line indented; Latin words and numbers stay whole. */
  async wrap(text: string, size: number, width: number, indent: number): Promise<string[]> {
    const tokens = text.match(/[A-Za-z0-9*-]+|./gsu) ?? [];
    const lines: string[] = [];
    let line = '';
    let room = width - indent;
    for (const token of tokens) {
      const fits = (await this.width(line + token, size)) <= room;
      if (fits || line === '' || NO_LINE_START.has(token)) {
        line += token;
        continue;
      }
      lines.push(line);
      line = token;
      room = width;
    }
    if (line) lines.push(line);
    return lines;
  }
}

/**
 * [title, number, addressee, body, validity, signature, date] (shared/transfers/letter-text.ts) laid out like the
 * paper form: a red rule under the title, the number on the right, the body indented by two characters, the
 * signature and date on the right.
 */
export async function letterPdf(
  paragraphs: readonly string[],
  meta: { title: string; subject: string },
): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setCreator('先锋');
  doc.setProducer('先锋');
  const writer = new Writer(doc, doc.addPage([A4.width, A4.height]));
  const [title = '', number = '', addressee = '', body = '', validity = '', signature = '', date = ''] = paragraphs;
  const right = async (text: string, y: number, size: number) =>
    writer.draw(text, A4.width - MARGIN.x - (await writer.width(text, size)), y, size);

  let y = A4.height - MARGIN.top;
  await writer.draw(title, (A4.width - (await writer.width(title, 22))) / 2, y, 22, RED);
  y -= 28;
  await right(number, y, 12);
  y -= 10;
  writer.page.drawLine({
    start: { x: MARGIN.x, y },
    end: { x: A4.width - MARGIN.x, y },
    thickness: 1.2,
    color: (await import('pdf-lib')).rgb(RED.r, RED.g, RED.b),
  });
  y -= 40;
  const size = 14;
  const leading = 28;
  await writer.draw(addressee, MARGIN.x, y, size);
  y -= leading;
  for (const paragraph of [body, validity]) {
    const lines = await writer.wrap(paragraph, size, TEXT_WIDTH, 2 * size);
    for (const [i, line] of lines.entries()) {
      await writer.draw(line, MARGIN.x + (i === 0 ? 2 * size : 0), y, size);
      y -= leading;
    }
  }
  y -= 2 * leading;
  await right(signature, y, size);
  y -= leading;
  await right(date, y, size);
  // Plain objects (no object streams): every PDF reader and text extractor takes it.
  return doc.save({ useObjectStreams: false });
}

/**
 * A PDF shown in the browser or WeChat's viewer. RFC 6266: `filename` must be ASCII, so old clients get
 * `fallback`; current ones read the Chinese name from `filename*` (RFC 8187, UTF-8 percent-encoded).
 */
export function pdfResponse(bytes: Uint8Array, filename: string, fallback: string): Response {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`,
      'cache-control': 'private, no-store',
    },
  });
}

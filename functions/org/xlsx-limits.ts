/**
 * The .xlsx zip, opened with limits (issue #6: a 341 KB workbook inflated to 89 MB and stalled the API).
 * Entries are found through the central directory only; the entries the reader inflates may declare at most
 * MAX_UNCOMPRESSED_BYTES together, checked BEFORE inflating them; and inflation itself stops at each entry's
 * declared size (yauzl's validateEntrySizes) and at the budget, so a zip that lies about its sizes gets no
 * further. zlib inflates on the libuv thread pool: the event loop only sees one small chunk at a time.
 */
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import * as yauzl from 'yauzl';
import { DomainError } from '../../shared/errors';

/** Uncompressed bytes the reader may inflate from one workbook, over all the entries it reads. */
export const MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;
/** Excel writes 10–30 parts; far more is not a roster (and every entry costs a central directory read). */
export const MAX_ZIP_ENTRIES = 1000;

export function tooLarge(why: string): DomainError {
  return new DomainError('IMPORT_TOO_LARGE', { cause: new Error(why) });
}

export function unreadable(message?: string, cause?: unknown): DomainError {
  return new DomainError('IMPORT_FILE_UNREADABLE', { ...(message ? { message } : {}), cause });
}

/** Counts the inflated bytes against the budget, and fails the stream the moment they exceed it. */
class Budgeted extends Transform {
  constructor(private readonly budget: { left: number }) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.budget.left -= chunk.byteLength;
    if (this.budget.left < 0) done(tooLarge('inflated past the budget'));
    else done(null, chunk);
  }
}

export class XlsxPackage {
  private readonly budget = { left: MAX_UNCOMPRESSED_BYTES };
  /** Declared sizes of the entries reserved so far (refused before inflating if over the budget). */
  private reserved = 0;
  private readonly reservedNames = new Set<string>();
  private readonly streams = new Set<Readable>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  /** Reads the central directory (no entry is inflated). Not a zip → IMPORT_FILE_UNREADABLE. */
  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        validateEntrySizes: true,
        decodeStrings: false, // names are decoded below: yauzl would refuse `/xl/…`, which exceljs accepts
      });
    } catch (error) {
      throw unreadable(undefined, error);
    }
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw tooLarge(`${zip.entryCount} zip entries`);
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        const flags = entry.generalPurposeBitFlag;
        const name = yauzl.getFileNameLowLevel(flags, entry.fileNameRaw, entry.extraFields, false).replace(/^\/+/, '');
        if (!entries.has(name)) entries.set(name, entry);
      }
    } catch (error) {
      throw unreadable(undefined, error);
    }
    return new XlsxPackage(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Adds entries to what will be inflated: IMPORT_TOO_LARGE now if their declared sizes exceed the budget. */
  reserve(...names: string[]): void {
    for (const name of names) {
      if (this.reservedNames.has(name)) continue;
      this.reservedNames.add(name);
      this.reserved += this.entries.get(name)?.uncompressedSize ?? 0;
    }
    if (this.reserved > MAX_UNCOMPRESSED_BYTES) throw tooLarge(`${this.reserved} bytes declared`);
  }

  /**
   * An entry's text as a stream of UTF-8-decoded strings (decoded across chunk boundaries), or null when the
   * zip has no such entry.
   */
  async text(name: string): Promise<Readable | null> {
    if (!this.reservedNames.has(name)) throw new Error(`${name}: reserve() it before inflating it`);
    const entry = this.entries.get(name);
    if (!entry) return null;
    let inflated: Readable;
    try {
      inflated = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw unreadable(undefined, error);
    }
    const out = new Budgeted(this.budget);
    out.setEncoding('utf8');
    // The reader sees errors through its own listener; this one keeps a late error from crashing the process.
    out.on('error', () => {});
    this.streams.add(out);
    inflated.on('error', (error: Error) => {
      // yauzl's validateEntrySizes: the entry inflates past the size the central directory declared.
      const lied = /^too many bytes in the stream/.test(error.message);
      out.destroy(lied ? tooLarge(error.message) : unreadable(undefined, error));
    });
    out.on('close', () => {
      inflated.destroy(); // stops inflating when the reader stops early
      this.streams.delete(out);
    });
    inflated.pipe(out);
    return out;
  }

  /** Stops every inflation still running (after an early stop: too many rows, a bad header). */
  close(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    this.zip.close();
  }
}

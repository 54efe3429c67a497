/**
 * Workbooks for the import-limit tests and the bench (issue #6), never loaded by the handler: legitimate
 * rosters of any size, and hostile zips — a sheet that inflates far beyond the limit from a small upload, and
 * a central directory that lies about the sizes. The zips are written by hand (stored sizes are ours to choose).
 */
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { withIdChecksum } from '../../shared/org/rules';

export const ROSTER_HEADER = ['姓名', '性别', '手机号', '身份证号', '党员类别', '入党日期'];

const DAY_MS = 86_400_000;

/** Row `i` of a valid roster: distinct phone and ID number for every i < 100,000 (`area` keeps runs apart). */
export function rosterRow(i: number, area = '650102'): string[] {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 999) * DAY_MS).toISOString().slice(0, 10);
  const sequence = String((i % 999) + 1).padStart(3, '0');
  return [
    ['王建国', '李秀英', '张伟', '刘洋'][i % 4]!,
    i % 2 === 0 ? '男' : '女',
    `1${3 + (i % 7)}${String(i).padStart(9, '0')}`,
    withIdChecksum(`${area}${birth.replaceAll('-', '')}${sequence}`),
    '正式党员',
    '2015-07-01',
  ];
}

/** A roster workbook as exceljs writes it (shared strings, styles), header + `count` rows. */
export async function rosterWorkbook(count: number, area?: string): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(ROSTER_HEADER);
  for (let i = 0; i < count; i++) sheet.addRow(rosterRow(i, area));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export interface ZipPart {
  readonly name: string;
  readonly chunks: Iterable<string>;
  /** The uncompressed size to write in the headers instead of the true one (a lying zip). */
  readonly declaredSize?: number;
}

async function deflate(chunks: Iterable<string>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (b: Buffer) => out.push(b));
  const ended = once(deflater, 'end');
  let crc = 0;
  let size = 0;
  for (const text of chunks) {
    const bytes = Buffer.from(text);
    crc = crc32(bytes, crc);
    size += bytes.byteLength;
    if (!deflater.write(bytes)) await once(deflater, 'drain');
  }
  deflater.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/** A plain zip (deflate, no data descriptors, no zip64), every size as the parts say. */
export async function zip(parts: readonly ZipPart[]): Promise<Uint8Array<ArrayBuffer>> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const { data, crc, size } = await deflate(part.chunks);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.byteLength, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.byteLength, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.byteLength + name.byteLength + data.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The shared strings: the header, then the repeated row's text cells. */
const STRINGS = [...ROSTER_HEADER, '王建国', '男', withIdChecksum('33022519800101123'), '正式党员', '2015-07-01'];
const xmlRow = (r: number, strings: readonly number[], numbers: Record<number, string> = {}) =>
  `<row r="${r}" spans="1:6">${strings
    .map((s, i) => {
      const ref = `${'ABCDEF'[i]}${r}`;
      const number = numbers[i];
      return number === undefined ? `<c r="${ref}" t="s"><v>${s}</v></c>` : `<c r="${ref}"><v>${number}</v></c>`;
    })
    .join('')}</row>`;

function* spaces(count: number): Generator<string> {
  for (let left = count; left > 0; left -= 1 << 20) yield ' '.repeat(Math.min(left, 1 << 20));
}

function* sheetXml(rows: number, padding: number): Generator<string> {
  yield `${XML}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:F${rows + 1}"/><sheetData>`;
  yield xmlRow(1, [0, 1, 2, 3, 4, 5]);
  yield* spaces(padding); // whitespace between rows is legal XML and compresses ~1000:1
  // Every repeated row says it is row 2: identical bytes deflate ~1000:1, as a row-numbered copy would not.
  const row = xmlRow(2, [6, 7, -1, 8, 9, 10], { 2: '13812345678' });
  for (let left = rows; left > 0; left -= 5000) yield row.repeat(Math.min(left, 5000));
  yield '</sheetData></worksheet>';
}

/**
 * A hand-built roster workbook: the rows are one member repeated (as in the reproduced attack), `padding`
 * bytes of whitespace before them (`stringsPadding` in the shared strings), and `declaredSheetSize` (if
 * given) as the sheet's size in the zip headers.
 */
export function handBuiltWorkbook(
  options: {
    rows: number;
    padding?: number;
    stringsPadding?: number;
    declaredSheetSize?: number;
    /** Before every part name: `/` as some generators write them. */
    prefix?: string;
  } = { rows: 3 },
): Promise<Uint8Array<ArrayBuffer>> {
  const strings = STRINGS.map((s) => `<si><t>${s}</t></si>`).join('');
  const sst = `${XML}<sst xmlns="${MAIN_NS}" count="${STRINGS.length}" uniqueCount="${STRINGS.length}">`;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      chunks: [
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '</Types>',
      ],
    },
    {
      name: '_rels/.rels',
      chunks: [
        `${XML}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/workbook.xml',
      chunks: [
        `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: [
        `${XML}<Relationships xmlns="${PKG_REL_NS}">` +
          `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/sharedStrings.xml',
      chunks: [sst, ...spaces(options.stringsPadding ?? 0), `${strings}</sst>`],
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: sheetXml(options.rows, options.padding ?? 0),
      ...(options.declaredSheetSize === undefined ? {} : { declaredSize: options.declaredSheetSize }),
    },
  ];
  return zip(parts.map((part) => ({ ...part, name: `${options.prefix ?? ''}${part.name}` })));
}

/** The reproduced attack: a few hundred KB of upload whose sheet inflates to ~90 MB of repeated rows. */
export const bombWorkbook = () => handBuiltWorkbook({ rows: 500_000 });

/** A sheet of ~60 MB of whitespace and a few rows whose central directory says it is 4 KB. */
export const lyingWorkbook = () => handBuiltWorkbook({ rows: 3, padding: 60 << 20, declaredSheetSize: 4096 });

/**
 * The longest the event loop was held while `work` ran (a 1 ms interval timer, its largest gap minus 1 ms):
 * how long any other request would have waited. Also the peak resident memory above the start, sampled there.
 */
export async function measureBlocking<T>(
  work: () => Promise<T>,
): Promise<{ result: T | Error; ms: number; maxBlockMs: number; peakRssMb: number }> {
  const rssAtStart = process.memoryUsage.rss();
  let peakRss = rssAtStart;
  let maxBlockMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last - 1);
    last = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 1);
  const started = performance.now();
  const result = await work().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5)); // a stall just before the end shows in the next tick
  clearInterval(timer);
  return { result, ms, maxBlockMs, peakRssMb: (peakRss - rssAtStart) / 2 ** 20 };
}

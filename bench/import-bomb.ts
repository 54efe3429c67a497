/**
 * Issue #6: the roster import against a zip bomb and against the largest roster it accepts, in-process (the
 * reader and the validation, not the DynamoDB writes). "Block" is the longest the event loop was held — how
 * long any other request of the API would have waited. Called by bench/checkin.ts; alone:
 * `npx tsx -e "require('./bench/import-bomb').measureImportBomb().then(console.log)"`.
 */
import { checkRosterInSlices } from '../functions/org/importer';
import { readRosterWorkbook } from '../functions/org/roster-xlsx';
import {
  bombWorkbook,
  handBuiltWorkbook,
  lyingWorkbook,
  measureBlocking,
  rosterWorkbook,
} from '../functions/org/xlsx-fixtures';
import { MAX_UNCOMPRESSED_BYTES } from '../functions/org/xlsx-limits';
import { MAX_IMPORT_ROWS } from '../shared/org/roster-rows';

const round = (n: number) => Math.round(n * 10) / 10;

/** What the import does before writing: read the workbook, then check every row. */
async function readAndCheck(bytes: Uint8Array): Promise<number> {
  const rows = await readRosterWorkbook(bytes);
  const checked = await checkRosterInSlices(rows);
  if (checked.problems.length > 0) throw new Error(`the bench roster has problems: ${checked.problems[0]?.message}`);
  return checked.members.length;
}

async function refused(bytes: Uint8Array): Promise<{ ms: number; maxBlockMs: number; peakRssMb: number }> {
  const measured = await measureBlocking(() => readRosterWorkbook(bytes));
  const code = (measured.result as { code?: string }).code;
  if (code !== 'IMPORT_TOO_LARGE') throw new Error(`expected IMPORT_TOO_LARGE, got ${code ?? 'rows'}`);
  return measured;
}

export async function measureImportBomb() {
  const bomb = await bombWorkbook();
  const lying = await lyingWorkbook();
  const legit = await rosterWorkbook(MAX_IMPORT_ROWS);
  const half = MAX_UNCOMPRESSED_BYTES / 2;
  // The most bytes allowed: ~20 MB of shared strings and sheet (whitespace) around one member.
  const widest = await handBuiltWorkbook({ rows: 1, padding: half, stringsPadding: half - 8 * 1024 });
  await readAndCheck(await rosterWorkbook(20)); // warm-up: module loading and first-call compilation

  const bombRun = await refused(bomb);
  const lyingRun = await refused(lying);
  const legitRun = await measureBlocking(() => readAndCheck(legit));
  if (legitRun.result !== MAX_IMPORT_ROWS) throw new Error(`legit roster: ${String(legitRun.result)}`);
  const widestRun = await measureBlocking(() => readRosterWorkbook(widest));
  if (widestRun.result instanceof Error) throw widestRun.result;
  return {
    import_bomb_upload_kb: round(bomb.byteLength / 1024),
    import_bomb_refuse_ms: round(bombRun.ms),
    import_bomb_max_block_ms: round(bombRun.maxBlockMs),
    import_bomb_peak_rss_mb: round(bombRun.peakRssMb),
    import_lying_zip_refuse_ms: round(lyingRun.ms),
    import_lying_zip_max_block_ms: round(lyingRun.maxBlockMs),
    import_max_allowed_upload_kb: round(legit.byteLength / 1024),
    import_max_allowed_ms: round(legitRun.ms),
    import_max_allowed_max_block_ms: round(legitRun.maxBlockMs),
    import_max_allowed_peak_rss_mb: round(legitRun.peakRssMb),
    import_max_bytes_ms: round(widestRun.ms),
    import_max_bytes_max_block_ms: round(widestRun.maxBlockMs),
    import_max_bytes_peak_rss_mb: round(widestRun.peakRssMb),
  };
}

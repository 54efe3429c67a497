import { FONT_FILE, FONT_PACKAGE } from '../functions/transfers/letter-font';
import type { Domain } from '../shared/http/route';

/**
 * Modules a domain loads from a Lambda layer instead of its bundle: exceljs is ~1.1 MB minified and only the
 * roster import/export and the meetings' Excel exports need it, so it stays out of the org and meetings
 * bundles (and out of cold starts of their other routes, which never load it); yauzl (~23 KB, the import's
 * zip limits) goes with it, keeping the org bundle under 200 KB. The benchmark measures bundles with the
 * same externals.
 */
export const LAYERED_MODULES: Partial<Record<Domain, readonly string[]>> = {
  org: ['exceljs', 'yauzl'],
  meetingsRecords: ['exceljs'],
  duesReports: ['exceljs'],
  // The 介绍信 PDF: pdf-lib (~500 KB) and fontkit (~1 MB) would each break the 200 KB budget on their own.
  transfersReports: ['exceljs', 'pdf-lib', '@pdf-lib/fontkit'],
};

/**
 * Packages of files, not code, that a domain reads from the layer at run time: the 介绍信's Chinese font
 * (Noto Serif SC, regular, ~6 MB of unicode-range chunks). Copied as they are, never bundled.
 */
export const LAYERED_FILES: Partial<Record<Domain, readonly { module: string; files: RegExp }[]>> = {
  transfersReports: [
    {
      module: FONT_PACKAGE,
      files: new RegExp(`^(package\\.json|LICENSE|unicode\\.json|files/${FONT_FILE.source.slice(1, -1)})$`),
    },
  ],
};

export const SDK_EXTERNALS = ['@aws-sdk/*'] as const;

export function externalsFor(domain: Domain): string[] {
  return [
    ...SDK_EXTERNALS,
    ...(LAYERED_MODULES[domain] ?? []),
    ...(LAYERED_FILES[domain] ?? []).map((files) => files.module),
  ];
}

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
};

export const SDK_EXTERNALS = ['@aws-sdk/*'] as const;

export function externalsFor(domain: Domain): string[] {
  return [...SDK_EXTERNALS, ...(LAYERED_MODULES[domain] ?? [])];
}

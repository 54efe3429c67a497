/**
 * Meeting statistics and 落实率 (GET /v1/orgs/{orgId}/meeting-stats, DESIGN §5.2, §6): figures from the
 * maintained BranchMonth aggregates only — a branch is one Query on its own months, a committee or 党总支 one
 * Query on GSI1 for the whole subtree — so the cost grows with the rows returned, never with members or
 * meetings. The rule of figures is shared/meetings/stats-figures.ts; frequencies are versioned data
 * (shared/meetings/frequency.ts) and the answer names the version used.
 */
import { type FrequencyRule, type Period, parsePeriod } from '../../shared/meetings/frequency';
import { branchFigures, type MonthRow, sumFigures } from '../../shared/meetings/stats-figures';
import type { MeetingStatsResponse } from '../../shared/meetings/stats-schemas';
import { shanghaiMonth } from '../../shared/time';
import type { OrgRecord } from '../org/service';
import * as org from '../org/service';
import { ruleOfTree } from './settings';
import * as store from './stats-store';

/** The org tree changes rarely: a warm container keeps a subtree's branches for a minute. */
const SUBTREE_CACHE_MS = 60_000;
const subtreeCache = new Map<string, { branches: OrgRecord[]; until: number }>();

const byPath = (a: OrgRecord, b: OrgRecord) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every branch under `target`, in tree order (path order is depth-first), whether it has figures or not. */
export async function branchesUnder(target: OrgRecord, nowMs: number): Promise<OrgRecord[]> {
  const cached = subtreeCache.get(target.id);
  if (cached && cached.until > nowMs) return cached.branches;
  const branches = (await org.listSubtree(target)).filter((node) => node.kind === 'branch').sort(byPath);
  if (subtreeCache.size > 200) subtreeCache.clear();
  subtreeCache.set(target.id, { branches, until: nowMs + SUBTREE_CACHE_MS });
  return branches;
}

/** The asked period, or the current Asia/Shanghai month (the query schema has already checked the text). */
export function periodOrCurrent(text: string | undefined, nowMs: number): Period {
  return parsePeriod(text ?? shanghaiMonth(nowMs))!;
}

/** The rule as the answer shows it (DESIGN §6.1: a figure keeps the rule version it was computed with). */
function ruleView(rule: FrequencyRule) {
  return {
    version: rule.version,
    source: rule.source,
    effectiveFrom: rule.effectiveFrom,
    frequencies: rule.frequencies,
  };
}

/**
 * A branch: its own figures. Above a branch: one row per branch of the subtree in tree order — never sorted
 * by the figures (§6.1: no rankings) — and the totals as the rows' sums.
 */
export async function meetingStats(
  target: OrgRecord,
  periodText: string | undefined,
  nowMs: number,
): Promise<MeetingStatsResponse> {
  const period = periodOrCurrent(periodText, nowMs);
  const first = period.months[0]!;
  const last = period.months.at(-1)!;
  // Every branch is judged by the rule in force in the period's first month, with its committee's settings.
  const rule = await ruleOfTree(target.path, first);
  const head = { orgId: target.id, period: period.key, months: [...period.months], rule: ruleView(rule) };
  if (target.kind === 'branch') {
    const rows = await store.branchMonths(target.id, first, last);
    return { ...head, ...branchFigures(rows, period, rule) };
  }
  const [branches, rows] = await Promise.all([
    branchesUnder(target, nowMs),
    store.subtreeMonths(target.path, first, last),
  ]);
  const byOrg = new Map<string, MonthRow[]>();
  for (const row of rows) byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), row]);
  const branchRows = branches.map((branch) => ({
    orgId: branch.id,
    name: branch.name,
    ...branchFigures(byOrg.get(branch.id) ?? [], period, rule),
  }));
  return { ...head, ...sumFigures(branchRows), branches: branchRows };
}

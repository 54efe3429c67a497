/** Meeting statistics, 落实率 and their Excel exports (DESIGN §5.2 Meetings; §6.1: no ranking, versioned rules). */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { MONTH_PATTERN } from '../time';
import { COMPLIANCE_KINDS, isStatsPeriod, PERIOD_PATTERN, STATS_YEARS_BACK } from './frequency';
import { MeetingKind } from './kinds';

export const StatsOrgIdParams = z.strictObject({ orgId: z.string().regex(ID_PATTERN, '编号格式不正确') });

const inRange = [
  (text: string) => isStatsPeriod(text, Date.now()),
  `须为已开始的期间，且在近 ${STATS_YEARS_BACK} 年之内`,
] as const;

/** `2026-11` (month), `2026-Q4` (quarter), `2026-H2` (half-year) or `2026` (year); default the current month. */
export const StatsPeriod = z
  .string()
  .regex(PERIOD_PATTERN, { message: '统计期间格式应为 2026-11、2026-Q4 或 2026', abort: true })
  .refine(...inRange);
export const MeetingStatsQuery = z.strictObject({ period: StatsPeriod.optional() });

export const ExportMonth = z
  .string()
  .regex(MONTH_PATTERN, { message: '月份格式应为 YYYY-MM，例如 2026-11', abort: true })
  .refine(...inRange);
export const AttendanceExportQuery = z.strictObject({ month: ExportMonth.optional() });

const Count = z.number().int();
const Rate = z.number().nullable();
const ComplianceKind = z.enum(COMPLIANCE_KINDS);

export const KindFigures = z.object({ required: Count, held: Count, rate: Rate, recorded: Count });
export const AttendanceFigures = z.object({
  expected: Count,
  present: Count,
  late: Count,
  onLeave: Count,
  madeUp: Count,
  absent: Count,
  leftEarly: Count,
  manual: Count,
  rate: Rate,
});
const Figures = z.object({
  /** 落实率 per kind of the 三会一课 (周二夜学 is not one of them). */
  byKind: z.record(ComplianceKind, KindFigures),
  attendance: AttendanceFigures,
  /** Meetings scheduled (not cancelled) per kind, 周二夜学 included. */
  meetings: z.record(MeetingKind, Count),
});

export const MeetingStatsRow = Figures.extend({ orgId: z.string(), name: z.string() });
export const MeetingStatsResponse = Figures.extend({
  orgId: z.string(),
  period: z.string(),
  /** The period's months, YYYY-MM (Asia/Shanghai). */
  months: z.array(z.string()),
  /** The frequency rule the figures were computed with (DESIGN §6.1). */
  rule: z.object({
    version: z.string(),
    source: z.string(),
    effectiveFrom: z.string(),
    frequencies: z.record(ComplianceKind, z.enum(['month', 'quarter', 'half_year', 'year'])),
  }),
  /** Above a branch: one row per branch of the subtree, in tree order, empty ones included; never ranked. */
  branches: z.array(MeetingStatsRow).optional(),
});
export type MeetingStatsResponse = z.infer<typeof MeetingStatsResponse>;

/** An .xlsx body (the route's responseKind says so; OpenAPI shows it as a file). */
export const XlsxWorkbook = z.string().describe('xlsx workbook');

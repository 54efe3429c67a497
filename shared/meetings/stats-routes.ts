/** Routes of the meetings domain's stats part (DESIGN §5.2); spread into meetingsRoutes. */
import { defineRoute } from '../http/route';
import {
  AttendanceExportQuery,
  MeetingStatsQuery,
  MeetingStatsResponse,
  StatsOrgIdParams,
  XlsxWorkbook,
} from './stats-schemas';

/** Who reads a branch's figures: its secretary and 组织委员, and committee staff above it. */
const READERS = ['secretary', 'organizer', 'committee'] as const;

export const meetingStats = defineRoute({
  id: 'meetings.meetingStats',
  domain: 'meetingsRecords',
  method: 'get',
  path: '/v1/orgs/{orgId}/meeting-stats',
  summary: '会议统计（?period=2026-11|2026-Q4|2026）：三会一课落实率与出勤；党委、党总支按支部分行',
  access: READERS,
  scoped: true,
  params: StatsOrgIdParams,
  query: MeetingStatsQuery,
  response: MeetingStatsResponse,
  status: 200,
});

export const exportAttendance = defineRoute({
  id: 'meetings.exportAttendance',
  domain: 'meetingsRecords',
  method: 'get',
  path: '/v1/orgs/{orgId}/attendance/export',
  summary: '导出支部某月考勤（xlsx，?month=YYYY-MM）：每人一行，每次会议一列，合计与统计一致',
  access: READERS,
  scoped: true,
  params: StatsOrgIdParams,
  query: AttendanceExportQuery,
  response: XlsxWorkbook,
  responseKind: 'xlsx',
  status: 200,
});

export const exportMeetingStats = defineRoute({
  id: 'meetings.exportMeetingStats',
  domain: 'meetingsRecords',
  method: 'get',
  path: '/v1/orgs/{orgId}/meeting-stats/export',
  summary: '导出三会一课落实率表（xlsx，?period=）：每个支部一行',
  access: READERS,
  scoped: true,
  params: StatsOrgIdParams,
  query: MeetingStatsQuery,
  response: XlsxWorkbook,
  responseKind: 'xlsx',
  status: 200,
});

export const statsRoutes = [meetingStats, exportAttendance, exportMeetingStats] as const;

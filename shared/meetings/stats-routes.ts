/** Routes of the meetings domain's stats part (DESIGN §5.2); spread into meetingsRoutes. */
import { defineRoute } from '../http/route';
import { RUNNERS_AND_COMMITTEE } from './access';
import {
  AttendanceExportQuery,
  MeetingStatsQuery,
  MeetingStatsResponse,
  StatsOrgIdParams,
  XlsxWorkbook,
} from './stats-schemas';

export const meetingStats = defineRoute({
  id: 'meetings.meetingStats',
  domain: 'meetingsRecords',
  method: 'get',
  path: '/v1/orgs/{orgId}/meeting-stats',
  summary: '会议统计（?period=2026-11|2026-Q4|2026）：三会一课落实率与出勤；党委、党总支按支部分行',
  access: RUNNERS_AND_COMMITTEE,
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
  access: RUNNERS_AND_COMMITTEE,
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
  access: RUNNERS_AND_COMMITTEE,
  scoped: true,
  params: StatsOrgIdParams,
  query: MeetingStatsQuery,
  response: XlsxWorkbook,
  responseKind: 'xlsx',
  status: 200,
});

export const statsRoutes = [meetingStats, exportAttendance, exportMeetingStats] as const;

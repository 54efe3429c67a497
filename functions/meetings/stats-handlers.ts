import type { Hono } from 'hono';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import * as routes from '../../shared/meetings/stats-routes';
import { shanghaiMonth } from '../../shared/time';
import { mount, requireScope } from '../commons/http';
import { hit } from '../commons/rate-limit';
import { xlsx } from '../commons/xlsx-response';
import * as org from '../org/service';
import { attendanceWorkbook, statsWorkbook } from './export';
import { meetingStats } from './stats';

/** Mounts the stats routes (shared/meetings/stats-routes.ts) on the meetings app. */
export function mountStats(app: Hono): void {
  mount(app, routes.meetingStats, async ({ params, query, claims, now }) => {
    const target = await org.requireOrg(params.orgId);
    requireScope(claims, routes.meetingStats, org.scopeOf(target));
    return meetingStats(target, query.period, now);
  });

  mount(app, routes.exportAttendance, async ({ params, query, claims, now }) => {
    const target = await org.requireOrg(params.orgId);
    requireScope(claims, routes.exportAttendance, org.scopeOf(target));
    await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
    const month = query.month ?? shanghaiMonth(now);
    const bytes = await attendanceWorkbook(target, month, now);
    return xlsx(bytes, `${target.name}${month}考勤.xlsx`, `attendance-${month}.xlsx`);
  });

  mount(app, routes.exportMeetingStats, async ({ params, query, claims, now }) => {
    const target = await org.requireOrg(params.orgId);
    requireScope(claims, routes.exportMeetingStats, org.scopeOf(target));
    await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
    const stats = await meetingStats(target, query.period, now);
    const bytes = await statsWorkbook(stats, target.name, now);
    return xlsx(bytes, `${target.name}${stats.period}落实率.xlsx`, `meeting-stats-${stats.period}.xlsx`);
  });
}

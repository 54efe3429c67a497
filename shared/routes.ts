import { authRoutes } from './auth/routes';
import { duesAdminRoutes } from './dues/admin-routes';
import { duesReportRoutes } from './dues/report-routes';
import { duesRoutes } from './dues/routes';
import type { RouteDef } from './http/route';
import { attendanceRoutes } from './meetings/attendance-routes';
import { recordRoutes } from './meetings/record-routes';
import { meetingsRoutes } from './meetings/routes';
import { runnerRoutes } from './meetings/runner-routes';
import { scheduleRoutes } from './meetings/schedule-routes';
import { settingsRoutes } from './meetings/settings';
import { statsRoutes } from './meetings/stats-routes';
import { messagesRoutes } from './messages/routes';
import { noticesRoutes } from './notices/routes';
import { orgRoutes } from './org/routes';
import { studyRoutes } from './study/routes';
import { transfersAdminRoutes } from './transfers/admin-routes';
import { transfersReportRoutes } from './transfers/report-routes';
import { transfersRoutes } from './transfers/routes';

/** Every route of the API: the single source for handlers, the client, the authorisation matrix and OpenAPI. */
export const allRoutes: readonly RouteDef[] = [
  ...authRoutes,
  ...orgRoutes,
  ...meetingsRoutes,
  ...runnerRoutes,
  ...attendanceRoutes,
  // The meetings domain's second Lambda (meetingsAdmin): schedules, records and photos, figures and exports.
  ...scheduleRoutes,
  ...recordRoutes,
  ...statsRoutes,
  ...settingsRoutes,
  ...studyRoutes,
  ...noticesRoutes,
  ...messagesRoutes,
  ...duesRoutes,
  ...duesAdminRoutes,
  ...duesReportRoutes,
  ...transfersRoutes,
  ...transfersAdminRoutes,
  ...transfersReportRoutes,
];

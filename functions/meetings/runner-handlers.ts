import type { Hono } from 'hono';
import * as routes from '../../shared/meetings/attendance-routes';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { mount, requireScope } from '../commons/http';
import { recordAttendance, remindMissing } from './admin';
import { branchLeaves } from './attendees-store';
import { activityLeaves, decideLeave, refToLeave, requireLeaveRef } from './leaves';
import * as meetings from './service';

/** The runners' side: changes, 补签, leave decisions, reminders (the `meetingsAdmin` Lambda). */
export function mountRunnerAttendance(app: Hono): void {
  mount(app, routes.recordAttendance, async ({ params, body, claims, now }) => {
    const activity = await meetings.freshActivity(params.id);
    requireScope(claims, routes.recordAttendance, activity);
    const result = await recordAttendance(activity, claims, body, now);
    return meetings.created(result.created, { checkin: meetings.toCheckin(result.checkin) });
  });

  mount(app, routes.activityLeaves, async ({ params, claims }) => {
    const activity = await meetings.freshActivity(params.id);
    requireScope(claims, routes.activityLeaves, activity);
    return { items: await activityLeaves(activity) };
  });

  mount(app, routes.decideLeave, async ({ params, body, claims, now }) => {
    const ref = await requireLeaveRef(params.id);
    requireScope(claims, routes.decideLeave, ref);
    return { leave: await decideLeave(ref, claims, body, now) };
  });

  mount(app, routes.branchLeaves, async ({ params, query, claims }) => {
    requireScope(claims, routes.branchLeaves, await meetings.branchScope(params.orgId));
    const list = `meetings.leaves|org=${params.orgId}|status=${query.status ?? ''}`;
    const startKey = await decodeCursor(query.cursor, list);
    const page = await branchLeaves(params.orgId, query.limit ?? 20, startKey, query.status);
    return { items: page.items.map(refToLeave), nextCursor: await encodeCursor(page.lastKey, list) };
  });

  mount(app, routes.remindMissing, async ({ params, claims, now }) => {
    const activity = await meetings.freshActivity(params.id);
    requireScope(claims, routes.remindMissing, activity);
    return remindMissing(activity, now);
  });
}

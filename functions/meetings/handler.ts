import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/meetings/routes';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { createDomainApp, mount, requireScope, WithStatus } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { myAttendance } from './attendance';
import { checkIn } from './checkin';
import { mountRecord } from './record-handlers';
import { mountSchedule } from './schedule-handlers';
import * as meetings from './service';
import { mountStats } from './stats-handlers';
import * as store from './store';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.createActivity, async ({ body, claims, now }) => {
  const branch = await org.requireOrg(body.orgId);
  requireScope(claims, routes.createActivity, org.scopeOf(branch));
  if (branch.kind !== 'branch') throw new DomainError('NOT_A_BRANCH');
  return { activity: meetings.toActivity(await meetings.createActivity(body, claims, now), claims) };
});

mount(app, routes.listActivities, async ({ query, claims }) => {
  const orgId = query.orgId ?? claims.orgId;
  if (orgId !== claims.orgId) requireScope(claims, routes.listActivities, org.scopeOf(await org.requireOrg(orgId)));
  const list = `meetings.activities|org=${orgId}`;
  const page = await store.listActivities(orgId, query.limit ?? 20, await decodeCursor(query.cursor, list));
  return {
    items: page.items.map((activity) => meetings.toActivity(activity, claims)),
    nextCursor: await encodeCursor(page.lastKey, list),
  };
});

mount(app, routes.getActivity, async ({ params, claims, now }) => {
  const activity = await store.getActivity(params.id);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  requireScope(claims, routes.getActivity, activity);
  return {
    activity: meetings.toActivity(activity, claims),
    ...meetings.describe(activity, now),
    myCheckin: await meetings.myCheckin(activity.id, claims.memberId),
  };
});

mount(app, routes.activityQr, async ({ params, claims, now }) => {
  const activity = await meetings.requireActivity(params.id, now);
  requireScope(claims, routes.activityQr, activity);
  return meetings.qrFor(activity, now);
});

mount(app, routes.checkIn, async ({ params, body, claims, now }) => {
  const activity = await meetings.requireActivity(params.id, now);
  const { checkin, created } = await checkIn(activity, claims, body, now);
  const response = { checkin: meetings.toCheckin(checkin) };
  return created ? response : new WithStatus(200, response);
});

mount(app, routes.activityBoard, async ({ params, claims }) => {
  // A fresh read, not the cached one: the board shows the live counters, and the same item gives the scope.
  const activity = await store.getActivity(params.id, true);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  requireScope(claims, routes.activityBoard, activity);
  return meetings.board(activity);
});

// The caller's own meetings (their branch now, and any other they checked in to): no scope beyond themselves.
mount(app, routes.myAttendance, ({ query, claims, now }) => myAttendance(claims, query.month, now));

mountSchedule(app);
mountRecord(app);
mountStats(app);

export const handler = lambdaHandler(app);
export { app };

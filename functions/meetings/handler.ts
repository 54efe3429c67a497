import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/meetings/routes';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { createDomainApp, mount, requireScope, WithStatus } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { myAttendance } from './attendance';
import { checkIn } from './checkin';
import { mountMemberAttendance } from './member-handlers';
import * as meetings from './service';
import * as store from './store';

/** The members' meetings Lambda (`meetings`): lists, detail, check-in, 签退, leave, 补学, 我的签到. */
const app = createDomainApp({ currentClaims: org.currentClaims });

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

async function myParts(activity: store.ActivityRecord, claims: MemberClaims, now: number) {
  const [myCheckin, me] = await Promise.all([
    meetings.myCheckin(activity.id, claims.memberId),
    meetings.myMeeting(activity, claims, now),
  ]);
  return { myCheckin, me };
}

mount(app, routes.getActivity, async ({ params, claims, now }) => {
  const activity = await store.getActivity(params.id);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  requireScope(claims, routes.getActivity, activity);
  return {
    activity: meetings.toActivity(activity, claims),
    ...meetings.describe(activity, now),
    ...(await myParts(activity, claims, now)),
  };
});

mount(app, routes.checkIn, async ({ params, body, claims, now }) => {
  const activity = await meetings.requireActivity(params.id, now);
  const { checkin, created } = await checkIn(activity, claims, body, now);
  const response = { checkin: meetings.toCheckin(checkin) };
  return created ? response : new WithStatus(200, response);
});

// The caller's own meetings (their branch now, and any other they checked in to): no scope beyond themselves.
mount(app, routes.myAttendance, ({ query, claims, now }) => myAttendance(claims, query.month, now));

mountMemberAttendance(app);

export const handler = lambdaHandler(app);
export { app };

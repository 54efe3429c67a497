import type { Hono } from 'hono';
import * as routes from '../../shared/meetings/attendance-routes';
import { mount, requireScope } from '../commons/http';
import { checkOut } from './checkout';
import { requestLeave } from './leaves';
import { makeUp } from './makeups';
import * as meetings from './service';

/** The members' side of attendance beyond the check-in: 签退, 请假, 补学 (the `meetings` Lambda). */
export function mountMemberAttendance(app: Hono): void {
  mount(app, routes.checkOut, async ({ params, body, claims, now }) => {
    const activity = await meetings.requireActivity(params.id, now);
    const { checkout, created: isNew } = await checkOut(activity, claims, body, now);
    return meetings.created(isNew, { checkout });
  });

  mount(app, routes.requestLeave, async ({ params, body, claims, now }) => {
    const activity = await meetings.freshActivity(params.id);
    requireScope(claims, routes.requestLeave, activity);
    const { leave, created: isNew } = await requestLeave(activity, claims, body.reason, now);
    return meetings.created(isNew, { leave });
  });

  mount(app, routes.makeUp, async ({ params, claims, now }) => {
    const activity = await meetings.freshActivity(params.id);
    requireScope(claims, routes.makeUp, activity);
    const { makeup, created: isNew } = await makeUp(activity, claims, now);
    return meetings.created(isNew, { makeup });
  });
}

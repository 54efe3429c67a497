/**
 * The meetings domain's planning Lambda (shared/http/route.ts `meetingsPlanning`): creating a meeting of any
 * kind, changing or cancelling it, and the 周二夜学 schedule that generates sessions.
 */
import { DomainError } from '../../shared/errors';
import { patchActivity as patchRoute } from '../../shared/meetings/attendance-routes';
import * as routes from '../../shared/meetings/runner-routes';
import * as settingsRoutes from '../../shared/meetings/settings';
import { createDomainApp, mount, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { createActivity, patchActivity } from './lifecycle';
import { mountSchedule } from './schedule-handlers';
import * as meetings from './service';
import { readSettings, setFrequency } from './settings';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.createActivity, async ({ body, claims, now }) => {
  const branch = await org.requireOrg(body.orgId);
  requireScope(claims, routes.createActivity, org.scopeOf(branch));
  if (branch.kind !== 'branch') throw new DomainError('NOT_A_BRANCH');
  return { activity: meetings.toActivity(await createActivity(body, claims, now), claims) };
});

mount(app, patchRoute, async ({ params, body, claims, now }) => {
  const activity = await meetings.freshActivity(params.id);
  requireScope(claims, patchRoute, activity);
  const changed = await patchActivity(activity, body, { memberId: claims.memberId, name: claims.name }, now);
  meetings.forget(activity.id);
  return { activity: meetings.toActivity(changed, claims) };
});

mountSchedule(app);

mount(app, settingsRoutes.getMeetingSettings, async ({ params, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, settingsRoutes.getMeetingSettings, org.scopeOf(target));
  return readSettings(target.path, now);
});

// Settings hold for a whole tree: only staff of its root committee may set them.
mount(app, settingsRoutes.putMeetingSettings, async ({ params, body, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, settingsRoutes.putMeetingSettings, org.scopeOf(target));
  if (target.parentId !== null) throw new DomainError('FORBIDDEN_SCOPE');
  return setFrequency(target.path, body, claims, now);
});

export const handler = lambdaHandler(app);
export { app };

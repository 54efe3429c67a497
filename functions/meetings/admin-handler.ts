/**
 * The meetings domain's runners' Lambda (shared/http/route.ts `meetingsAdmin`): what the secretary and the
 * 组织委员 do while running meetings — show the QR, watch the board, 补签, decide leave, remind.
 */
import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/meetings/runner-routes';
import { createDomainApp, mount, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { board } from './board';
import { mountRunnerAttendance } from './runner-handlers';
import * as meetings from './service';
import * as store from './store';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.activityQr, async ({ params, query, claims, now }) => {
  const activity = await meetings.requireActivity(params.id, now);
  requireScope(claims, routes.activityQr, activity);
  return meetings.qrFor(activity, now, query.purpose);
});

mount(app, routes.activityBoard, async ({ params, claims, now }) => {
  // A fresh read, not the cached one: the board shows the live counters, and the same item gives the scope.
  const activity = await store.getActivity(params.id, true);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  requireScope(claims, routes.activityBoard, activity);
  return board(activity, now);
});

mountRunnerAttendance(app);

export const handler = lambdaHandler(app);
export { app };

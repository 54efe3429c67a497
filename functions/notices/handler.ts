import type { MemberClaims } from '../../shared/auth/roles';
import type { RouteDef } from '../../shared/http/route';
import * as routes from '../../shared/notices/routes';
import { createDomainApp, mount, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { reads, remind } from './receipts';
import * as notices from './service';

const app = createDomainApp({ currentClaims: org.currentClaims });

// Targets are checked against the author's subtree in the service (outside: 403 NOTICE_TARGET_OUT_OF_SCOPE).
mount(app, routes.createNotice, async ({ body, claims, now }) => ({
  notice: notices.toNotice(await notices.createNotice(body, claims, now)),
}));

mount(app, routes.listNotices, async ({ query, claims }) => {
  let view = { orgId: claims.orgId, orgPath: claims.orgPath };
  if (query.orgId !== undefined && query.orgId !== claims.orgId) {
    const target = await org.requireOrg(query.orgId);
    requireScope(claims, routes.listNotices, org.scopeOf(target));
    view = { orgId: target.id, orgPath: target.path };
  }
  return notices.listNotices(claims, view, query);
});

mount(app, routes.getNotice, ({ params, claims, now }) => notices.readNotice(params.id, claims, now));

/** Receipts and reminders: the caller's scope must cover every org the notice was aimed at. */
async function managedNotice(id: string, claims: MemberClaims, route: RouteDef) {
  const notice = await notices.requireNotice(id);
  for (const target of notice.targets) requireScope(claims, route, target);
  return notice;
}

mount(app, routes.noticeReads, async ({ params, claims }) => {
  await managedNotice(params.id, claims, routes.noticeReads);
  return reads(params.id);
});

mount(app, routes.remindNotice, async ({ params, claims, now }) =>
  remind(await managedNotice(params.id, claims, routes.remindNotice), now),
);

export const handler = lambdaHandler(app);
export { app };

import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/study/routes';
import { createDomainApp, mount, requireScope, WithStatus } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { completions, myStudy, studyStats } from './figures';
import * as items from './items';
import * as library from './library';
import * as sessions from './sessions';
import * as store from './store';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.studyCategories, async () => ({ categories: await items.categories() }));

mount(app, routes.listStudyItems, ({ query, claims, now }) => library.feed(claims, query, now));

mount(app, routes.getStudyItem, ({ params, claims, now }) => library.itemDetail(claims, params.id, now));

// Scope: every target must lie within the author's reach (checked per target by the service).
mount(app, routes.createStudyItem, async ({ body, claims, now }) => ({
  item: await items.toStudyItem(await items.createItem(body, claims, now)),
}));

mount(app, routes.updateStudyItem, async ({ params, body, claims, now }) => {
  const item = await store.getItem(params.id, true); // consistent: the version is compared
  if (!item) throw new DomainError('STUDY_ITEM_NOT_FOUND');
  requireScope(claims, routes.updateStudyItem, { orgId: item.ownerOrgId, orgPath: item.ownerOrgPath });
  return { item: await items.toStudyItem(await items.updateItem(item, body, claims, now)) };
});

mount(app, routes.listOrgStudyItems, async ({ params, query, claims, now }) => {
  const owner = await org.requireOrg(params.orgId);
  requireScope(claims, routes.listOrgStudyItems, org.scopeOf(owner));
  return library.orgItems(owner, claims, query, now);
});

mount(app, routes.studyCompletions, async ({ params, query, claims }) => {
  const within = await org.requireOrg(query.orgId ?? claims.orgId);
  requireScope(claims, routes.studyCompletions, org.scopeOf(within));
  return completions(params.id, within);
});

mount(app, routes.startStudySession, async ({ params, claims, now }) => ({
  session: sessions.toSession(await sessions.startSession(params.id, claims, now)),
}));

mount(app, routes.studyHeartbeat, async ({ params, body, claims, now }) => ({
  session: sessions.toSession(await sessions.heartbeat(params.id, claims, body.visible, now)),
}));

mount(app, routes.completeStudySession, async ({ params, claims, now }) => {
  const { created, ...response } = await sessions.completeSession(params.id, claims, now);
  return created ? response : new WithStatus(200, response);
});

// The caller's own progress: no scope beyond themselves.
mount(app, routes.myStudy, ({ query, claims, now }) => myStudy(claims, query, now));

mount(app, routes.studyStats, async ({ params, query, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.studyStats, org.scopeOf(target));
  return studyStats(target, query.month, now);
});

export const handler = lambdaHandler(app);
export { app };

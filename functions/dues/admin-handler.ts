/**
 * The `duesAdmin` Lambda (shared/http/route.ts): the branch and committee side of 党费 — declaring and deciding
 * bases, issuing bills, totals, arrears and the branch's settings. Offline money is ./cash-handler.ts.
 */
import * as routes from '../../shared/dues/admin-routes';
import { DomainError } from '../../shared/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { shanghaiMonth } from '../../shared/time';
import { createDomainApp, mount } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import { hit } from '../commons/rate-limit';
import { scopedOrg } from '../org/scoped';
import * as org from '../org/service';
import { decideBase, declareBase } from './bases';
import { generateBills } from './bills';
import { arrears, monthTotals } from './figures';
import { toBase } from './records';
import { billsMonthAllowed, readSettings, saveSettings } from './settings';
import * as store from './store';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.putDuesBase, async ({ params, body, claims, now }) => ({
  base: toBase(await declareBase(params.id, body, claims, now)),
}));

mount(app, routes.decideBase, async ({ params, body, claims, now }) => ({
  base: toBase(await decideBase(params.id, body, claims, now)),
}));

mount(app, routes.listBases, async ({ params, query, claims }) => {
  const target = await scopedOrg(params.orgId, claims, routes.listBases);
  const page = await store.pendingBases(target, query.limit ?? 20, query.cursor);
  return { bases: page.bases.map(toBase), nextCursor: page.nextCursor };
});

mount(app, routes.generateBills, async ({ params, body, claims, now }) => {
  const target = await scopedOrg(params.orgId, claims, routes.generateBills);
  if (target.kind !== 'branch')
    throw new DomainError('DUES_NOT_BRANCH_MEMBER', { message: '账单按支部生成，请选择一个党支部' });
  await billsMonthAllowed(target.id, body.month, now);
  return { month: body.month, ...(await generateBills(target, body.month, now)) };
});

mount(app, routes.duesTotals, async ({ params, query, claims, now }) => {
  const target = await scopedOrg(params.orgId, claims, routes.duesTotals);
  return monthTotals(target, query.month ?? shanghaiMonth(now), { limit: query.limit, cursor: query.cursor });
});

mount(app, routes.duesArrears, async ({ params, claims, now }) => {
  const target = await scopedOrg(params.orgId, claims, routes.duesArrears);
  // Above a branch it reads 12 months of every branch: fenced like an export.
  if (target.kind !== 'branch') await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
  return arrears(target, now);
});

mount(app, routes.getDuesSettings, async ({ params, claims }) => {
  const target = await scopedOrg(params.orgId, claims, routes.getDuesSettings);
  return { settings: await readSettings(target.id) };
});

mount(app, routes.putDuesSettings, async ({ params, body, claims, now }) => {
  const target = await scopedOrg(params.orgId, claims, routes.putDuesSettings);
  return { settings: await saveSettings(target, body, claims, now) };
});

export const handler = lambdaHandler(app);
export { app };

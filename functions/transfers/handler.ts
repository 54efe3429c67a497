/**
 * The `transfers` Lambda (shared/http/route.ts): 组织关系转接 — applying, each step (the committee's approval of a
 * transfer out of the system issues its letter), where a transfer stands, 待我审批, my transfers. The committee's
 * side (letters, 回执, incoming members, the org view, settings) is ./admin-handler.ts; PDF and Excel
 * ./reports-handler.ts — each bundle under its 200 KB budget.
 */
import { createDomainApp } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { mountCore } from './core-routes';

const app = createDomainApp({ currentClaims: org.currentClaims });
mountCore(app);

export const handler = lambdaHandler(app);
export { app };

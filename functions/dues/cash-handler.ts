/**
 * The `duesCash` Lambda (shared/http/route.ts): offline money recorded by the 组织委员 and reversals. It carries
 * the WeChat Pay client: an order still open for the bills is settled with WeChat before cash is recorded.
 */
import * as routes from '../../shared/dues/admin-routes';
import { createDomainApp, mount } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { recordOffline, reversePayment } from './cash';
import { toPayment } from './records';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.recordOfflinePayment, async ({ body, claims, now }) => ({
  payment: toPayment(await recordOffline(body, claims, now)),
}));

mount(app, routes.reversePayment, async ({ params, body, claims, now }) => {
  const { reversal, payment } = await reversePayment(params.id, body.reason, claims, now);
  return { reversal, payment: toPayment(payment) };
});

export const handler = lambdaHandler(app);
export { app };

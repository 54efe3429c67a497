/**
 * The `dues` Lambda (shared/http/route.ts): a member's dues and paying with WeChat Pay. WeChat Pay's notification
 * is ./notify-handler.ts; the branch's side ./admin-handler.ts and ./cash-handler.ts; the workbook ./reports-handler.ts.
 */
import * as routes from '../../shared/dues/routes';
import { createDomainApp, mount, WithStatus } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { memberDues } from './member-view';
import { createOrder, ownOrder, resignOrder } from './orders';
import { toOrder } from './records';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.memberDues, ({ params, claims, now }) => memberDues(params.id, claims, now));

mount(
  app,
  routes.createOrder,
  async ({ body, claims, now }) => {
    const created = await createOrder(body, claims, now);
    const answer = { order: toOrder(created.order), payParams: created.payParams };
    // The same bills tapped again: their open order, not a second one.
    return created.reused ? new WithStatus(200, answer) : answer;
  },
  {
    reissue: async ({ claims, now }, stored) => {
      const id = (stored.body as { order?: { id?: string } }).order?.id ?? '';
      const again = await resignOrder(id, claims, now);
      return { order: toOrder(again.order), payParams: again.payParams };
    },
  },
);

mount(app, routes.getOrder, async ({ params, claims }) => ({ order: toOrder(await ownOrder(params.id, claims)) }));

export const handler = lambdaHandler(app);
export { app };

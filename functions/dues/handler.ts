/**
 * The `dues` Lambda (shared/http/route.ts): a member's dues, declaring a base, paying with WeChat Pay, and
 * WeChat Pay's notification. The branch's side is ./admin-handler.ts; the workbook is ./reports-handler.ts.
 */
import * as routes from '../../shared/dues/routes';
import { createDomainApp, mount, sourceIp, WithStatus } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { memberDues } from './member-view';
import { handleNotification } from './notify';
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

mount(app, routes.wechatPayNotify, async ({ c, file, now }) => {
  const headers: Record<string, string | undefined> = {};
  for (const name of ['wechatpay-serial', 'wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce']) {
    headers[name] = c.req.header(name);
  }
  const answer = await handleNotification(headers, file, sourceIp(c), now);
  if (answer.status === 204) return c.body(null, 204);
  return c.json(answer.body, answer.status as 400);
});

export const handler = lambdaHandler(app);
export { app };

/**
 * The `duesNotify` Lambda (shared/http/route.ts): WeChat Pay v3's payment notifications, public and signed — a
 * function of its own, so WeChat's callbacks (retried for ~24 h) never queue behind members' requests and its
 * errors and alarms are its own.
 */
import * as routes from '../../shared/dues/routes';
import { createDomainApp, mount, sourceIp } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { handleNotification } from './notify';

const app = createDomainApp({ currentClaims: org.currentClaims });

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

/** Letters and 回执, incoming members, the committee view and its settings (issue #11 items 2, 7). */
import type { Hono } from 'hono';
import * as routes from '../../shared/transfers/admin-routes';
import { mount } from '../commons/http';
import { scopedOrg } from '../org/scoped';
import * as org from '../org/service';
import { registerInbound } from './inbound';
import { readableLetter, toLetter } from './letter-view';
import { orgTransfers } from './org-view';
import { recordReceipt } from './receipt';
import { toTransfer } from './records';
import { readSettings, requireIssuer, saveSettings, toSettings } from './settings';

export function mountLetters(app: Hono): void {
  mount(app, routes.getLetter, async ({ params, claims }) => ({
    letter: await toLetter(await readableLetter(params.id, claims)),
  }));

  mount(app, routes.recordReceipt, async ({ params, body, claims, now }) => {
    const record = await recordReceipt(params.id, body, claims, now);
    return { transfer: toTransfer(record, now), letter: await toLetter(record) };
  });

  mount(app, routes.registerInbound, async ({ body, claims, now }) => {
    const { record, member } = await registerInbound(body, claims, now);
    return { transfer: toTransfer(record, now), member: org.toRosterMember(member) };
  });

  mount(app, routes.orgTransfers, async ({ params, query, claims, now }) =>
    orgTransfers(await scopedOrg(params.orgId, claims, routes.orgTransfers), query, now),
  );

  mount(app, routes.getTransferSettings, async ({ params, claims, now }) => {
    const target = await scopedOrg(params.orgId, claims, routes.getTransferSettings);
    requireIssuer(target);
    return { settings: toSettings(await readSettings(target.id), now) };
  });

  mount(app, routes.putTransferSettings, async ({ params, body, claims, now }) => {
    const target = await scopedOrg(params.orgId, claims, routes.putTransferSettings);
    requireIssuer(target);
    return { settings: toSettings(await saveSettings(target, body, claims, now), now) };
  });
}

/** Applying, each step's decision, where a transfer stands, 待我审批, my transfers (issue #11 items 1, 3–6). */
import type { Hono } from 'hono';
import * as routes from '../../shared/transfers/routes';
import { mount } from '../commons/http';
import { applyTransfer } from './apply';
import { destinations } from './destinations';
import { toTransfer } from './records';
import { decide } from './steps';
import { myTransfers, todoList } from './todo';
import { transferDetail } from './views';

export function mountCore(app: Hono): void {
  mount(app, routes.applyTransfer, async ({ body, claims, now }) => ({
    transfer: toTransfer(await applyTransfer(body, claims, now), now),
  }));
  // The literal paths before /v1/transfers/{id}, so `todo` is never read as an id.
  mount(app, routes.transferTodo, ({ claims, query, now }) => todoList(claims, query, now));
  mount(app, routes.transferDestinations, ({ claims }) => destinations(claims));
  mount(app, routes.getTransfer, ({ params, claims, now }) => transferDetail(params.id, claims, now));
  mount(app, routes.approveTransfer, async ({ params, body, claims, now }) => ({
    transfer: toTransfer(await decide(params.id, { action: 'approve', ...body }, claims, now), now),
  }));
  mount(app, routes.rejectTransfer, async ({ params, body, claims, now }) => ({
    transfer: toTransfer(await decide(params.id, { action: 'reject', ...body }, claims, now), now),
  }));
  mount(app, routes.withdrawTransfer, async ({ params, body, claims, now }) => ({
    transfer: toTransfer(await decide(params.id, { action: 'withdraw', ...body }, claims, now), now),
  }));
  mount(app, routes.myTransfers, ({ claims, now }) => myTransfers(claims, now));
}

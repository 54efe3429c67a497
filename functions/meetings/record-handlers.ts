import type { Hono } from 'hono';
import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/meetings/record-routes';
import { mount, requireScope } from '../commons/http';
import * as org from '../org/service';
import * as record from './record';

/** Mounts the record routes (shared/meetings/record-routes.ts) on the meetings app. */
export function mountRecord(app: Hono): void {
  mount(
    app,
    routes.createUpload,
    async ({ body, claims, now }) => {
      const branch = await org.requireOrg(body.orgId ?? claims.orgId);
      requireScope(claims, routes.createUpload, org.scopeOf(branch));
      if (branch.kind !== 'branch') throw new DomainError('NOT_A_BRANCH');
      return record.createUpload(body, branch.id, claims, now);
    },
    // A replay gets the same key with a freshly signed URL (the stored answer holds no URL).
    { reissue: ({ now }, stored) => record.resignUpload(stored.body, now) },
  );

  mount(app, routes.saveRecord, async ({ params, body, claims, now }) => {
    const activity = await record.requireActivity(params.id);
    requireScope(claims, routes.saveRecord, activity);
    return { record: await record.saveRecord(activity, body, claims, now) };
  });

  mount(app, routes.getRecord, async ({ params, claims, now }) => {
    const activity = await record.requireActivity(params.id);
    requireScope(claims, routes.getRecord, activity);
    return { record: await record.findRecord(activity.id, now) };
  });
}

import type { Hono } from 'hono';
import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/meetings/schedule-routes';
import { mount, requireScope } from '../commons/http';
import * as org from '../org/service';
import { readSchedule, saveSchedule } from './schedule';

/** Only a branch meets weekly; a 党委 or 党总支 has no 周二夜学 of its own. */
const NOT_A_BRANCH_MESSAGE = '只有党支部才有周二夜学安排';

/** Mounts the schedule routes (shared/meetings/schedule-routes.ts) on the meetings app. */
export function mountSchedule(app: Hono): void {
  mount(app, routes.getNightStudySchedule, async ({ params, claims, now }) => {
    const branch = await org.requireOrg(params.orgId);
    requireScope(claims, routes.getNightStudySchedule, org.scopeOf(branch));
    if (branch.kind !== 'branch') throw new DomainError('NOT_A_BRANCH', { message: NOT_A_BRANCH_MESSAGE });
    return { schedule: await readSchedule(branch, now) };
  });

  mount(app, routes.putNightStudySchedule, async ({ params, body, claims, now }) => {
    const branch = await org.requireOrg(params.orgId);
    requireScope(claims, routes.putNightStudySchedule, org.scopeOf(branch));
    if (branch.kind !== 'branch') throw new DomainError('NOT_A_BRANCH', { message: NOT_A_BRANCH_MESSAGE });
    return { schedule: await saveSchedule(branch, body, claims, now) };
  });
}

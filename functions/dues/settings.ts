/** A branch's 党费 settings (prepayment, §6: only with the branch's consent) and which months may be billed. */
import type { MemberClaims } from '../../shared/auth/roles';
import { billableMonth } from '../../shared/dues/months';
import { DomainError } from '../../shared/errors';
import { shanghaiMonth } from '../../shared/time';
import type { OrgRecord } from '../org/service';
import * as store from './store';

export async function readSettings(orgId: string) {
  const settings = await store.getSettings(orgId);
  return { ...settings };
}

export async function saveSettings(
  target: OrgRecord,
  body: { prepayMonths: number; version?: number | undefined },
  claims: MemberClaims,
  nowMs: number,
) {
  if (target.kind !== 'branch')
    throw new DomainError('DUES_NOT_BRANCH_MEMBER', { message: '预缴设置按支部设定，请选择一个党支部' });
  const current = await store.getSettings(target.id);
  if (body.version !== undefined && body.version !== current.version) {
    throw new DomainError('DUES_SETTINGS_STALE');
  }
  const next = {
    orgId: target.id,
    prepayMonths: body.prepayMonths,
    version: current.version + 1,
    updatedBy: claims.name,
    updatedAt: new Date(nowMs).toISOString(),
  };
  if (!(await store.putSettings(next, current.version))) {
    throw new DomainError('DUES_SETTINGS_STALE');
  }
  return next;
}

/** Bills are issued from 12 months back up to the month the branch lets members prepay to. */
export async function billsMonthAllowed(orgId: string, month: string, nowMs: number): Promise<void> {
  const settings = await store.getSettings(orgId);
  if (!billableMonth(month, shanghaiMonth(nowMs), settings.prepayMonths))
    throw new DomainError('DUES_MONTH_OUT_OF_RANGE');
}

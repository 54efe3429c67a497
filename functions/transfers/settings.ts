/**
 * A committee's 介绍信 settings (./keys.ts Settings): the number's prefix (象医党转) and the validity it chooses
 * within the versioned rule's range (§6.1; null = the rule's default). Saved on the version read: two committee
 * staff editing at once cannot overwrite each other.
 */

import type { z } from 'zod';
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { shanghaiMonth } from '../../shared/time';
import type { TransferSettings as Settings } from '../../shared/transfers/admin-schemas';
import { type LetterValidityRule, validityRuleFor } from '../../shared/transfers/letter';
import { tableName } from '../commons/config';
import { invalidField } from '../commons/invalid-field';
import type { OrgRecord } from '../org/service';
import { settingsKey } from './keys';
import { getItem, transact } from './store';

/** Until a committee sets its own (the demo seed sets 象医党转). */
export const DEFAULT_LETTER_PREFIX = '党转';

export interface SettingsRecord {
  readonly orgId: string;
  readonly letterPrefix: string;
  readonly validityDays: number | null;
  readonly version: number;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export async function readSettings(orgId: string, consistent = false): Promise<SettingsRecord> {
  const saved = await getItem<SettingsRecord>(settingsKey(orgId), consistent);
  return saved ?? { orgId, letterPrefix: DEFAULT_LETTER_PREFIX, validityDays: null, version: 0 };
}

/**
 * The days a letter issued now is valid: the committee's choice held to the rule in force (a rule changed since the
 * choice was saved may have narrowed the range), else the rule's default.
 */
export function chosenDays(rule: LetterValidityRule, chosen: number | null): number {
  if (chosen === null) return rule.defaultDays;
  return Math.min(rule.maxDays, Math.max(rule.minDays, chosen));
}

export function toSettings(record: SettingsRecord, nowMs: number): z.infer<typeof Settings> {
  const rule = validityRuleFor(shanghaiMonth(nowMs));
  return {
    orgId: record.orgId,
    letterPrefix: record.letterPrefix,
    validityDays: record.validityDays,
    rule: { version: rule.version, defaultDays: rule.defaultDays, minDays: rule.minDays, maxDays: rule.maxDays },
    version: record.version,
  };
}

/** Letters are issued by a 党委 (or a 党总支 over both branches); a branch has no settings of its own. */
export function requireIssuer(target: OrgRecord): void {
  if (target.kind === 'branch') {
    const message = '介绍信设置由党委或党总支设定，请选择党委或党总支';
    throw invalidField('orgId', message);
  }
}

export async function saveSettings(
  target: OrgRecord,
  body: { letterPrefix: string; validityDays: number | null; version: number },
  claims: MemberClaims,
  nowMs: number,
): Promise<SettingsRecord> {
  const rule = validityRuleFor(shanghaiMonth(nowMs));
  if (body.validityDays !== null && (body.validityDays < rule.minDays || body.validityDays > rule.maxDays)) {
    const message = `有效期须在 ${rule.minDays}–${rule.maxDays} 天之间（规则 ${rule.version}，默认 ${rule.defaultDays} 天）`;
    throw invalidField('validityDays', message);
  }
  const next: SettingsRecord = {
    orgId: target.id,
    letterPrefix: body.letterPrefix,
    validityDays: body.validityDays,
    version: body.version + 1,
    updatedBy: claims.name,
    updatedAt: new Date(nowMs).toISOString(),
  };
  const reasons = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...settingsKey(target.id), ...next },
        ...(body.version === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': body.version } }),
      },
    },
  ]);
  if (reasons) throw new DomainError('TRANSFER_SETTINGS_STALE');
  return next;
}

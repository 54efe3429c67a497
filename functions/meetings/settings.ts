/** The committee's meeting frequency settings (shared/meetings/settings.ts): read, and a new one from a month on. */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { type FrequencyRule, isAllowedOverride, ruleFor } from '../../shared/meetings/frequency';
import { shanghaiMonth } from '../../shared/time';
import { rootOf } from './aggregates';
import { getSettings, putSettings, type SettingsRecord } from './settings-store';

/** The rule in force in `month` for the tree `orgPath` belongs to, with its committee's settings. */
export async function ruleOfTree(orgPath: string, month: string): Promise<FrequencyRule> {
  return ruleFor(month, (await getSettings(rootOf(orgPath))).overrides);
}

export function settingsView(settings: SettingsRecord, nowMs: number) {
  const rule = ruleFor(shanghaiMonth(nowMs), settings.overrides);
  return {
    settings: {
      orgId: settings.rootId,
      overrides: settings.overrides.map(({ setBy: _setBy, ...o }) => o),
      version: settings.version,
    },
    rule: { version: rule.version, frequencies: rule.frequencies },
  };
}

export async function readSettings(orgPath: string, nowMs: number) {
  return settingsView(await getSettings(rootOf(orgPath), true), nowMs);
}

export async function setFrequency(
  orgPath: string,
  input: { kind: string; frequency: string; effectiveFrom?: string | undefined; version?: number | undefined },
  claims: MemberClaims,
  nowMs: number,
) {
  const current = await getSettings(rootOf(orgPath), true);
  if (input.version !== undefined && input.version !== current.version) {
    throw new DomainError('SETTINGS_VERSION_CONFLICT');
  }
  const thisMonth = shanghaiMonth(nowMs);
  const effectiveFrom = input.effectiveFrom ?? thisMonth;
  if (effectiveFrom < thisMonth) throw new DomainError('SETTING_IN_THE_PAST');
  const override = {
    kind: input.kind,
    frequency: input.frequency,
    effectiveFrom,
  } as SettingsRecord['overrides'][number];
  if (!isAllowedOverride(override)) throw new DomainError('FREQUENCY_NOT_ALLOWED');
  const next: SettingsRecord = {
    rootId: current.rootId,
    overrides: [
      ...current.overrides,
      { ...override, setAt: new Date(nowMs).toISOString(), setBy: claims.memberId, setByName: claims.name },
    ],
    version: current.version + 1,
  };
  await putSettings(next, current.version);
  return settingsView(next, nowMs);
}

/**
 * Settings  pk MEETSETTINGS#<rootId>  sk SETTINGS   overrides (every one ever set, oldest first), version
 *   - read: GetItem (statistics and the compliance job; cached a minute per container)
 *   - a new setting: Put on the version read (attribute_not_exists for the first), so two at once cannot both win
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors';
import type { FrequencyOverride } from '../../shared/meetings/frequency';
import { tableName } from '../commons/config';
import { dynamo, isConditionFailure, withoutKeys } from '../commons/dynamo';

export interface StoredOverride extends FrequencyOverride {
  readonly setAt: string;
  readonly setBy: string;
  readonly setByName: string;
}

export interface SettingsRecord {
  readonly rootId: string;
  readonly overrides: readonly StoredOverride[];
  readonly version: number;
}

const key = (rootId: string) => ({ pk: `MEETSETTINGS#${rootId}`, sk: 'SETTINGS' });
const CACHE_MS = 60_000;
const cache = new Map<string, { settings: SettingsRecord; until: number }>();

export async function getSettings(rootId: string, fresh = false): Promise<SettingsRecord> {
  const cached = cache.get(rootId);
  if (!fresh && cached && cached.until > Date.now()) return cached.settings;
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: key(rootId), ConsistentRead: fresh }),
  );
  const settings = withoutKeys<SettingsRecord>(result.Item) ?? { rootId, overrides: [], version: 0 };
  cache.set(rootId, { settings, until: Date.now() + CACHE_MS });
  return settings;
}

export async function putSettings(next: SettingsRecord, expectedVersion: number): Promise<void> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key(next.rootId), ...next },
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':version': expectedVersion } }),
      }),
    );
    cache.set(next.rootId, { settings: next, until: Date.now() + CACHE_MS });
  } catch (error) {
    if (isConditionFailure(error)) throw new DomainError('SETTINGS_VERSION_CONFLICT');
    throw error;
  }
}

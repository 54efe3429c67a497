import type { DynamoLocal } from '../../scripts/dynamo-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __testDynamo?: DynamoLocal }).__testDynamo?.stop('SIGKILL');
}

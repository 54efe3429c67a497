/**
 * One benchmark's stack, the same for every benchmark: a fresh DynamoDB Local, the table, secrets, and the
 * local API in-process exactly as `npm start` runs it; `measure` returns the metrics, written to
 * bench/results/<name>.json; everything is stopped after, and a failure exits non-zero.
 */
import { resolve } from 'node:path';
import { resetConfigForTests, tableName } from '../functions/commons/config';
import { resetDynamoForTests } from '../functions/commons/dynamo';
import { startDynamoLocal } from '../scripts/dynamo-local';
import { startLocalApi } from '../scripts/local-api';
import { randomSecret } from '../scripts/local-secrets';
import { ensureTable } from '../scripts/table';
import { writeResult } from './timing';

export interface BenchStack {
  readonly api: Awaited<ReturnType<typeof startLocalApi>>;
  readonly db: Awaited<ReturnType<typeof startDynamoLocal>>;
}

export function runBench(
  name: string,
  measure: (stack: BenchStack) => Promise<Record<string, unknown>>,
  env: Record<string, string> = {},
): void {
  const main = async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // Node 20 here, 22 on Lambda
    const db = await startDynamoLocal();
    Object.assign(process.env, {
      TABLE_NAME: 'bench',
      DYNAMO_ENDPOINT: db.endpoint,
      JWT_SECRET: randomSecret(),
      QR_SECRET: randomSecret(),
      ...env,
    });
    resetConfigForTests();
    resetDynamoForTests();
    await ensureTable(db.endpoint, tableName());
    const api = await startLocalApi(0);
    try {
      writeResult(resolve(__dirname, '..'), name, await measure({ api, db }));
    } finally {
      await api.close();
      await db.stop('SIGKILL');
    }
  };
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * `npm start`: the whole stack on this machine — DynamoDB Local (data under .data/), the table, demo data,
 * object storage (s3rver, data under .data/s3), the local API, the fake WeChat server and the H5 build of the
 * mini-program. Ctrl-C stops everything.
 */

import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_ACCOUNTS_HELP } from './demo-data';
import { startH5Server } from './h5-server';
import { startLocalJobs } from './local-jobs';
import { seedDues } from './seed-dues';
import { seedTransfers } from './seed-transfers';
import { startStack } from './stack';

const root = resolve(__dirname, '..');
const h5Dist = join(root, 'miniapp/dist/h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Build the H5 app when it is missing or older than its sources (a first start takes ~30 s more). */
function ensureH5Build(): void {
  const index = join(h5Dist, 'index.html');
  const sources = Math.max(newestMtime(join(root, 'miniapp/src')), newestMtime(join(root, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('building the H5 mini-program (miniapp/dist/h5)…');
  execSync('npm run build:h5', { cwd: root, stdio: 'inherit', env: { ...process.env, API_BASE: '' } });
}

async function main(): Promise<void> {
  const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  ensureH5Build();
  const stack = await startStack({
    dbPath: join(root, '.data/dynamodb'),
    secretsFile: join(root, '.data/secrets.json'),
    dynamoPort: port('DYNAMO_PORT', 8000),
    apiPort: port('PORT', 3000),
    wechatPort: port('WECHAT_PORT', 3001),
    // Meeting photos: s3rver with its objects under .data/s3, like the database under .data/dynamodb.
    s3Port: port('S3_PORT', 4569),
    s3Dir: join(root, '.data/s3'),
    log: (line) => console.log(`  ${line}`),
  });
  // Demo 党费 (bases, six months of bills and receipts), once; not in the test seed (tests count from zero).
  if (stack.seed && (await seedDues(stack.seed.branchIds))) console.log('  demo dues seeded');
  // Demo transfers (one waiting for a branch secretary, one for the committee), once; not in the test seed.
  if (stack.seed && (await seedTransfers())) console.log('  demo transfers seeded');
  // Scheduled jobs (the outbox sender), as EventBridge runs them in AWS.
  const jobs = startLocalJobs((line) => console.log(`  ${line}`));
  const h5 = await startH5Server({ port: port('H5_PORT', 10086), distDir: h5Dist, apiUrl: stack.apiUrl });
  console.log(`
先锋 is running
  小程序 (H5)   ${h5.url}     ← open this
  API           ${stack.apiUrl}
  Fake WeChat   ${stack.wechatUrl}  (subscribe messages sent: ${stack.wechatUrl}/fake/subscribe-messages)
  DynamoDB      ${stack.dynamoEndpoint}  (data in .data/dynamodb)
  Object store  ${stack.s3Endpoint}  (s3rver, bucket ${stack.s3Bucket}, data in .data/s3)

Demo accounts (tap one on the login page; login code = mock-<openid>):
${DEMO_ACCOUNTS_HELP.map((line) => `  ${line}`).join('\n')}

Ctrl-C stops everything; data survives restarts.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await jobs.stop();
    await h5.close();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

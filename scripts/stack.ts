/**
 * The whole local back end in one call: DynamoDB Local (or an existing endpoint), the table, the demo seed,
 * the fake WeChat server and the local API running the Lambda handlers. Used by `npm start`, tests and bench.
 */
import { dirname, join } from 'node:path';
import { resetConfigForTests } from '../functions/commons/config';
import { resetDynamoForTests } from '../functions/commons/dynamo';
import { resetInMemoryLimits } from '../functions/commons/rate-limit';
import { resetStorageForTests } from '../functions/commons/storage';
import { resetAccessTokenForTests } from '../functions/commons/wechat-token';
import { resetPayConfigForTests } from '../functions/dues/wechatpay/config';
import { seedNotices } from './demo-notices';
import { type DynamoLocal, startDynamoLocal } from './dynamo-local';
import { type FakeWechat, startFakeWechat } from './fake-wechat';
import { generatePayKeys, loadOrCreatePayKeys, type PayKeys } from './fake-wechat-pay';
import { startLocalApi } from './local-api';
import { loadOrCreateSecrets, randomSecret } from './local-secrets';
import { ensureBucket, type S3Local, startS3Local } from './s3-local';
import { type SeedResult, seedDemo } from './seed';
import { seedStudyLibrary } from './seed-study';
import { ensureTable } from './table';

export interface StackOptions {
  /** Use this DynamoDB endpoint instead of starting one. */
  dynamoEndpoint?: string;
  /** In-memory database (tests); otherwise data is kept under dbPath. */
  inMemory?: boolean;
  dbPath?: string;
  dynamoPort?: number;
  apiPort?: number;
  wechatPort?: number;
  tableName?: string;
  /** Use this object storage (s3rver) endpoint instead of starting one. */
  s3Endpoint?: string;
  /** Where a started s3rver keeps objects (`npm start`: .data/s3); default: a temporary directory. */
  s3Dir?: string;
  s3Port?: number;
  /** The photo bucket (created if missing); default S3_BUCKET, else the table's name. */
  s3Bucket?: string;
  seed?: boolean;
  /** Where local secrets are kept across restarts (npm start: .data/secrets.json); default: random per process. */
  secretsFile?: string;
  log?: (line: string) => void;
}

export interface Stack {
  readonly apiUrl: string;
  readonly wechatUrl: string;
  /** The fake WeChat server, with what it received (subscribe messages); `wechat.pay` is the fake WeChat Pay. */
  readonly wechat: FakeWechat;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  readonly dynamo: DynamoLocal | null;
  /** Object storage (s3rver) and the photo bucket the API presigns for. */
  readonly s3Endpoint: string;
  readonly s3Bucket: string;
  readonly seed: SeedResult | null;
  stop(): Promise<void>;
}

const FAKE_APPID = 'wx-local-demo';
/** The subscribe-message template the fake accepts (a real one comes from the WeChat console). */
const FAKE_SUBSCRIBE_TEMPLATE = 'local-notice-template';

// These machines run Node 20 (Lambda runs 22): the SDK's once-per-process upgrade notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * Local secrets (issue #6: none in the repository). Given in env, they are used as they are; otherwise they
 * come from `secretsFile` (created once with random values, kept across restarts: `npm start` keeps it in
 * .data/), or, for tests and the bench, are drawn at random for this process.
 */
function localSecrets(secretsFile: string | undefined): void {
  if (process.env.JWT_SECRET && process.env.QR_SECRET) return;
  const secrets = secretsFile
    ? loadOrCreateSecrets(secretsFile)
    : { jwtSecret: randomSecret(), qrSecret: randomSecret() };
  process.env.JWT_SECRET ??= secrets.jwtSecret;
  process.env.QR_SECRET ??= secrets.qrSecret;
}

/** The real code2Session is used only when both WeChat credentials are given. */
function realWechat(): boolean {
  return Boolean(process.env.WECHAT_APPID && process.env.WECHAT_SECRET && process.env.WECHAT_APPID !== FAKE_APPID);
}

let processPayKeys: PayKeys | undefined;
/** The mchid this process put into WECHATPAY_MCHID: a later stack re-points it, a merchant given in env stays. */
let fakeMchid: string | undefined;

/** The fake WeChat Pay's keys: next to the secrets file (npm start: .data/wechatpay-keys.json), else per process. */
function fakePayKeys(secretsFile: string | undefined): PayKeys {
  const appid = process.env.WECHATPAY_APPID ?? (realWechat() ? process.env.WECHAT_APPID! : FAKE_APPID);
  if (secretsFile) return loadOrCreatePayKeys(join(dirname(secretsFile), 'wechatpay-keys.json'), appid);
  processPayKeys ??= generatePayKeys(appid);
  return { ...processPayKeys, appid };
}

/** WeChat Pay is the fake unless a merchant is given (WECHATPAY_MCHID and the rest of WECHATPAY_*). */
function usesFakePay(): boolean {
  return !process.env.WECHATPAY_MCHID || process.env.WECHATPAY_MCHID === fakeMchid;
}

function localPayEnv(keys: PayKeys, wechatUrl: string): void {
  if (!usesFakePay()) return;
  process.env.WECHATPAY_APPID = keys.appid;
  process.env.WECHATPAY_MCHID = keys.mchid;
  process.env.WECHATPAY_MERCHANT_SERIAL = keys.merchantSerial;
  process.env.WECHATPAY_MERCHANT_KEY = keys.merchantPrivateKey;
  process.env.WECHATPAY_APIV3_KEY = keys.apiV3Key;
  process.env.WECHATPAY_PLATFORM_SERIAL = keys.platformSerial;
  process.env.WECHATPAY_PLATFORM_KEY = keys.platformPublicKey;
  process.env.WECHATPAY_BASE_URL = wechatUrl;
  delete process.env.WECHATPAY_NOTIFY_URL; // the API's own, set once it listens
  fakeMchid = keys.mchid;
}

function localEnv(tableName: string, dynamoEndpoint: string, wechat: FakeWechat, secretsFile?: string): void {
  const wechatUrl = wechat.url;
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMO_ENDPOINT = dynamoEndpoint;
  localSecrets(secretsFile);
  localPayEnv(wechat.pay.keys, wechatUrl);
  if (!realWechat()) {
    process.env.WECHAT_API_BASE = wechatUrl;
    process.env.WECHAT_APPID = FAKE_APPID;
    process.env.WECHAT_SECRET = randomSecret(); // the fake accepts any; nothing real is signed with it
    process.env.WECHAT_SUBSCRIBE_TEMPLATE_ID = FAKE_SUBSCRIBE_TEMPLATE;
  }
  resetConfigForTests();
  resetDynamoForTests();
  resetInMemoryLimits();
  resetAccessTokenForTests();
  resetStorageForTests();
  resetPayConfigForTests();
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => {});
  const tableName = options.tableName ?? process.env.TABLE_NAME ?? 'xianfeng';
  let dynamo: DynamoLocal | null = null;
  let endpoint = options.dynamoEndpoint;
  if (!endpoint) {
    dynamo = await startDynamoLocal({
      port: options.dynamoPort,
      dbPath: options.inMemory ? undefined : (options.dbPath ?? '.data/dynamodb'),
    });
    endpoint = dynamo.endpoint;
    log(`DynamoDB Local  ${endpoint}${options.inMemory ? ' (in memory)' : ''}`);
  }
  const payKeys = fakePayKeys(options.secretsFile);
  const wechat = await startFakeWechat(options.wechatPort ?? 0, '127.0.0.1', { payKeys });
  localEnv(tableName, endpoint, wechat, options.secretsFile);
  log(`table ${tableName}: ${await ensureTable(endpoint, tableName)}`);
  let s3: S3Local | null = null;
  let s3Endpoint = options.s3Endpoint;
  if (!s3Endpoint) {
    s3 = await startS3Local({ port: options.s3Port, directory: options.s3Dir });
    s3Endpoint = s3.endpoint;
    log(`object storage  ${s3Endpoint} (${options.s3Dir ? `data in ${options.s3Dir}` : 'temporary'})`);
  }
  // Bucket names are lower-case letters, digits, dots and dashes.
  const s3Bucket = options.s3Bucket ?? process.env.S3_BUCKET ?? tableName.toLowerCase().replace(/[^a-z0-9.-]/g, '-');
  process.env.S3_ENDPOINT = s3Endpoint;
  process.env.S3_BUCKET = s3Bucket;
  resetStorageForTests();
  log(`bucket ${s3Bucket}: ${await ensureBucket(s3Bucket)}`);
  const seed = options.seed === false ? null : await seedDemo();
  if (seed) log(seed.seeded ? 'demo data seeded' : 'demo data already present');
  if (seed && (await seedStudyLibrary())) log('study library seeded');
  if (seed && (await seedNotices(seed.committeeId))) log('demo notices seeded');
  const api = await startLocalApi(options.apiPort ?? 0);
  if (usesFakePay()) {
    process.env.WECHATPAY_NOTIFY_URL = `${api.url}/v1/dues/notify/wechatpay`;
    resetPayConfigForTests();
  }
  return {
    apiUrl: api.url,
    wechatUrl: wechat.url,
    wechat,
    dynamoEndpoint: endpoint,
    tableName,
    dynamo,
    s3Endpoint,
    s3Bucket,
    seed,
    async stop() {
      await api.close();
      await wechat.close();
      await s3?.stop();
      await dynamo?.stop();
    },
  };
}

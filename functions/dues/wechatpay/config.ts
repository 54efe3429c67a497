/**
 * The dues merchant's WeChat Pay v3 configuration (the committee's dedicated 党费 merchant account).
 * In AWS: DUES_PAY_SECRET_ARN names a Secrets Manager JSON secret with the PayConfig fields (baseUrl and
 * notifyUrl may also come from WECHATPAY_BASE_URL / WECHATPAY_NOTIFY_URL, appid from WECHATPAY_APPID or
 * WECHAT_APPID). Locally: the WECHATPAY_* env that scripts/stack.ts sets from the fake's keys.
 * Cached per container; a failed fetch is forgotten, so the next call tries again.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface PayConfig {
  readonly appid: string;
  readonly mchid: string;
  /** Serial number of the merchant's API certificate (serial_no of Authorization). */
  readonly merchantSerial: string;
  /** The merchant's API private key (PEM). */
  readonly merchantPrivateKey: string;
  /** 32 ASCII characters. */
  readonly apiV3Key: string;
  /** 微信支付公钥 ID (PUB_KEY_ID_…): the Wechatpay-Serial WeChat signs with. */
  readonly platformSerial: string;
  /** 微信支付公钥 (PEM). */
  readonly platformPublicKey: string;
  /** https://api.mch.weixin.qq.com, or the local fake. */
  readonly baseUrl: string;
  readonly notifyUrl: string;
}

export const WECHATPAY_API = 'https://api.mch.weixin.qq.com';

let cached: Promise<PayConfig> | undefined;

export function payConfig(): Promise<PayConfig> {
  cached ??= loadPayConfig().catch((error: unknown) => {
    cached = undefined; // a failed cold-start fetch must not poison the container
    throw error;
  });
  return cached;
}

/** Test hook: forget the cached configuration after changing env. */
export function resetPayConfigForTests(): void {
  cached = undefined;
}

/** PEM keys given in one-line env values carry `\n` escapes. */
function pem(value: string | undefined): string {
  return (value ?? '').replace(/\\n/g, '\n').trim();
}

function env(name: string): string | undefined {
  const value = process.env[name];
  return value?.trim() ? value.trim() : undefined;
}

type Fields = { [K in keyof PayConfig]?: string };

async function loadPayConfig(): Promise<PayConfig> {
  const arn = env('DUES_PAY_SECRET_ARN');
  let fields: Fields;
  if (arn) {
    const result = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    const saved = JSON.parse(result.SecretString ?? '{}') as Fields;
    fields = {
      ...saved,
      appid: saved.appid ?? env('WECHATPAY_APPID') ?? env('WECHAT_APPID'),
      baseUrl: saved.baseUrl ?? env('WECHATPAY_BASE_URL') ?? WECHATPAY_API,
      notifyUrl: saved.notifyUrl ?? env('WECHATPAY_NOTIFY_URL'),
    };
  } else {
    fields = {
      appid: env('WECHATPAY_APPID') ?? env('WECHAT_APPID'),
      mchid: env('WECHATPAY_MCHID'),
      merchantSerial: env('WECHATPAY_MERCHANT_SERIAL'),
      merchantPrivateKey: env('WECHATPAY_MERCHANT_KEY'),
      apiV3Key: env('WECHATPAY_APIV3_KEY'),
      platformSerial: env('WECHATPAY_PLATFORM_SERIAL'),
      platformPublicKey: env('WECHATPAY_PLATFORM_KEY'),
      baseUrl: env('WECHATPAY_BASE_URL') ?? WECHATPAY_API,
      notifyUrl: env('WECHATPAY_NOTIFY_URL'),
    };
  }
  return checked(fields, arn ? 'the dues pay secret' : 'WECHATPAY_* env');
}

function checked(fields: Fields, source: string): PayConfig {
  const missing = (
    [
      'appid',
      'mchid',
      'merchantSerial',
      'merchantPrivateKey',
      'apiV3Key',
      'platformSerial',
      'platformPublicKey',
      'baseUrl',
      'notifyUrl',
    ] as const
  ).filter((name) => !fields[name]);
  if (missing.length) throw new Error(`WeChat Pay is not configured: ${source} lacks ${missing.join(', ')}`);
  if (Buffer.byteLength(fields.apiV3Key!, 'utf8') !== 32) throw new Error(`${source}: apiV3Key must be 32 bytes`);
  return {
    appid: fields.appid!,
    mchid: fields.mchid!,
    merchantSerial: fields.merchantSerial!,
    merchantPrivateKey: pem(fields.merchantPrivateKey),
    apiV3Key: fields.apiV3Key!,
    platformSerial: fields.platformSerial!,
    platformPublicKey: pem(fields.platformPublicKey),
    baseUrl: fields.baseUrl!.replace(/\/+$/, ''),
    notifyUrl: fields.notifyUrl!,
  };
}

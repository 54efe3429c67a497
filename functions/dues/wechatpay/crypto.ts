/**
 * WeChat Pay API v3 signatures and resource encryption (node:crypto only, no state, no I/O).
 * - Requests: `Authorization: WECHATPAY2-SHA256-RSA2048 …`, SHA256withRSA with the merchant's API key over
 *   `METHOD\npathWithQuery\ntimestamp\nnonce\nbody\n`.
 * - Answers and notifications: Wechatpay-Serial/-Signature/-Timestamp/-Nonce, SHA256withRSA with WeChat Pay's
 *   key (微信支付公钥) over `timestamp\nnonce\nbody\n`.
 * - Notification resources: AEAD_AES_256_GCM with the APIv3 key; the 16-byte tag ends the base64 ciphertext.
 * - wx.requestPayment: paySign over `appId\ntimeStamp\nnonceStr\npackage\n`.
 */
import { createCipheriv, createDecipheriv, randomBytes, sign, verify } from 'node:crypto';

/** The parts of a PayConfig the signatures need (a PayConfig fits). */
export interface SigningConfig {
  readonly appid: string;
  readonly mchid: string;
  readonly merchantSerial: string;
  readonly merchantPrivateKey: string;
}
export interface VerifyingConfig {
  readonly platformSerial: string;
  readonly platformPublicKey: string;
}

/** WeChat refuses a signature older (or newer) than five minutes; so do we. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random characters from [A-Za-z0-9] (nonces). */
export function randomNonce(length = 32): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return out;
}

/** Base64 SHA256withRSA (PKCS#1 v1.5) of `message` with a PEM private key. */
export function signWithKey(privateKeyPem: string, message: string): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKeyPem).toString('base64');
}

/** Whether `signature` (base64) is a SHA256withRSA signature of `message` under the PEM public key. */
export function verifyWithKey(publicKeyPem: string, message: string, signature: string): boolean {
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), publicKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    return false; // a malformed key or signature is simply not a valid signature
  }
}

/** The Authorization header of one API request; `pathWithQuery` is the URL's path and query as sent. */
export function authorization(
  cfg: SigningConfig,
  method: string,
  pathWithQuery: string,
  body: string,
  nowMs: number,
  nonce: string = randomNonce(),
): string {
  const timestamp = String(Math.floor(nowMs / 1000));
  const message = `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
  const signature = signWithKey(cfg.merchantPrivateKey, message);
  return (
    `WECHATPAY2-SHA256-RSA2048 mchid="${cfg.mchid}",nonce_str="${nonce}",signature="${signature}",` +
    `timestamp="${timestamp}",serial_no="${cfg.merchantSerial}"`
  );
}

/** Parses an Authorization header back into its fields (the fake uses it to check the merchant's requests). */
export function parseAuthorization(header: string | undefined): Record<string, string> | null {
  const match = /^WECHATPAY2-SHA256-RSA2048\s+(.+)$/.exec(header ?? '');
  if (!match) return null;
  const fields: Record<string, string> = {};
  for (const part of match[1]!.matchAll(/(\w+)="([^"]*)"/g)) fields[part[1]!] = part[2]!;
  return fields;
}

export interface PayParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: `prepay_id=${string}`;
  signType: 'RSA';
  paySign: string;
}

/** The parameters of wx.requestPayment for a prepay_id. */
export function payParams(
  cfg: SigningConfig,
  prepayId: string,
  nowMs: number,
  nonce: string = randomNonce(),
): PayParams {
  const timeStamp = String(Math.floor(nowMs / 1000));
  const pkg = `prepay_id=${prepayId}` as const;
  const paySign = signWithKey(cfg.merchantPrivateKey, `${cfg.appid}\n${timeStamp}\n${nonce}\n${pkg}\n`);
  return { appId: cfg.appid, timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign };
}

export type NotifyVerdict = 'ok' | 'missing_headers' | 'unknown_serial' | 'stale' | 'bad_signature';

/**
 * Verifies a body signed by WeChat Pay (a notification, or an API answer) against its Wechatpay-* headers
 * (names in lower case). Only 'ok' may be trusted.
 */
export function verifySigned(
  cfg: VerifyingConfig,
  headers: Record<string, string | undefined>,
  body: string,
  nowMs: number,
): NotifyVerdict {
  const serial = headers['wechatpay-serial'];
  const signature = headers['wechatpay-signature'];
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  if (!serial || !signature || !timestamp || !nonce) return 'missing_headers';
  if (serial !== cfg.platformSerial) return 'unknown_serial';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return 'stale';
  }
  return verifyWithKey(cfg.platformPublicKey, `${timestamp}\n${nonce}\n${body}\n`, signature) ? 'ok' : 'bad_signature';
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  nonce: string;
  associated_data: string;
  original_type: string;
}

const TAG_BYTES = 16;

function aesKey(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  return key;
}

/** Decrypts a notification's resource; throws when the key, nonce, associated data or ciphertext do not match. */
export function decryptResource(apiV3Key: string, resource: EncryptedResource): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length < TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(apiV3Key), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
  return plain.toString('utf8');
}

/** Encrypts as WeChat Pay does (the fake uses it; original_type 'transaction'). */
export function encryptResource(
  apiV3Key: string,
  plaintext: string,
  associatedData: string,
  nonce: string = randomNonce(12),
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', aesKey(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    nonce,
    associated_data: associatedData,
    original_type: 'transaction',
  };
}

/** A JSAPI transaction as WeChat Pay describes it (query answer, decrypted notification resource). */
export interface WechatTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  /** WeChat's order number; absent while the order is unpaid (NOTPAY, CLOSED). */
  transaction_id?: string;
  trade_type?: string;
  trade_state: 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  /** Absent while the order is unpaid. */
  payer?: { openid: string };
  amount: { total: number; payer_total?: number; currency: string; payer_currency?: string };
}

export interface NotificationBody {
  id: string;
  create_time: string;
  resource_type: 'encrypt-resource';
  event_type: string;
  summary: string;
  resource: EncryptedResource;
}

import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  authorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  payParams,
  signWithKey,
  verifySigned,
} from './crypto';

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const merchant = pem();
const platform = pem();
const cfg = {
  appid: 'wx1234567890abcdef',
  mchid: '1900000109',
  merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  merchantPrivateKey: merchant.privateKey,
  platformSerial: 'PUB_KEY_ID_0114232134912410000000000000',
  platformPublicKey: platform.publicKey,
};
const API_V3_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const NOW = Date.UTC(2026, 10, 5, 12, 0, 0);

const rsaVerify = (publicKey: string, message: string, signature: string) =>
  verify('sha256', Buffer.from(message), createPublicKey(publicKey), Buffer.from(signature, 'base64'));

/** Headers as WeChat Pay signs a body at `ts` seconds. */
function signedHeaders(body: string, ts = Math.floor(NOW / 1000), nonce = 'n0nce') {
  return {
    'wechatpay-serial': cfg.platformSerial,
    'wechatpay-signature': signWithKey(platform.privateKey, `${ts}\n${nonce}\n${body}\n`),
    'wechatpay-timestamp': String(ts),
    'wechatpay-nonce': nonce,
  };
}

describe('request Authorization', () => {
  it('signs METHOD\\npath?query\\ntimestamp\\nnonce\\nbody\\n with the merchant key', () => {
    const body = '{"mchid":"1900000109"}';
    const header = authorization(cfg, 'post', '/v3/pay/transactions/out-trade-no/D2026_1/close', body, NOW, 'ABC');
    expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
    const fields = parseAuthorization(header)!;
    expect(fields).toMatchObject({
      mchid: cfg.mchid,
      nonce_str: 'ABC',
      timestamp: String(NOW / 1000),
      serial_no: cfg.merchantSerial,
    });
    const message = `POST\n/v3/pay/transactions/out-trade-no/D2026_1/close\n${NOW / 1000}\nABC\n${body}\n`;
    expect(rsaVerify(merchant.publicKey, message, fields.signature!)).toBe(true);
  });

  it('signs an empty body for GET and draws a fresh 32-character nonce', () => {
    const a = parseAuthorization(authorization(cfg, 'GET', '/v3/x?mchid=1', '', NOW))!;
    const b = parseAuthorization(authorization(cfg, 'GET', '/v3/x?mchid=1', '', NOW))!;
    expect(a.nonce_str).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a.nonce_str).not.toBe(b.nonce_str);
    expect(rsaVerify(merchant.publicKey, `GET\n/v3/x?mchid=1\n${NOW / 1000}\n${a.nonce_str}\n\n`, a.signature!)).toBe(
      true,
    );
  });

  it('parses nothing out of another scheme', () => {
    expect(parseAuthorization('Bearer x')).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
});

describe('wx.requestPayment parameters', () => {
  it('signs appId\\ntimeStamp\\nnonceStr\\npackage\\n (DESIGN §6), timeStamp in seconds as a string', () => {
    const params = payParams(cfg, 'wx201410272009395522657a690389285100', NOW + 999, 'N1');
    expect(params).toMatchObject({
      appId: cfg.appid,
      timeStamp: String(NOW / 1000),
      nonceStr: 'N1',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    });
    const message = `${cfg.appid}\n${NOW / 1000}\nN1\nprepay_id=wx201410272009395522657a690389285100\n`;
    expect(rsaVerify(merchant.publicKey, message, params.paySign)).toBe(true);
    expect(rsaVerify(merchant.publicKey, message.replace('N1', 'N2'), params.paySign)).toBe(false);
  });
});

describe('verifySigned (notifications and API answers)', () => {
  const body = '{"id":"EV-2018022511223320873","event_type":"TRANSACTION.SUCCESS"}';

  it('accepts a body signed with the platform key', () => {
    expect(verifySigned(cfg, signedHeaders(body), body, NOW)).toBe('ok');
    expect(verifySigned(cfg, signedHeaders(''), '', NOW)).toBe('ok');
  });

  it('refuses a flipped signature byte, a changed body and another key', () => {
    const headers = signedHeaders(body);
    const flipped = Buffer.from(headers['wechatpay-signature'], 'base64');
    flipped[0] = flipped[0]! ^ 0x01;
    expect(verifySigned(cfg, { ...headers, 'wechatpay-signature': flipped.toString('base64') }, body, NOW)).toBe(
      'bad_signature',
    );
    expect(verifySigned(cfg, headers, body.replace('SUCCESS', 'SUCCESs'), NOW)).toBe('bad_signature');
    expect(verifySigned(cfg, { ...headers, 'wechatpay-nonce': 'other' }, body, NOW)).toBe('bad_signature');
    const forged = signWithKey(merchant.privateKey, `${NOW / 1000}\nn0nce\n${body}\n`);
    expect(verifySigned(cfg, { ...headers, 'wechatpay-signature': forged }, body, NOW)).toBe('bad_signature');
    expect(verifySigned(cfg, { ...headers, 'wechatpay-signature': 'not base64 at all' }, body, NOW)).toBe(
      'bad_signature',
    );
  });

  it('refuses a timestamp more than 300 s away, either way', () => {
    const ts = NOW / 1000;
    expect(verifySigned(cfg, signedHeaders(body, ts - 300), body, NOW)).toBe('ok');
    expect(verifySigned(cfg, signedHeaders(body, ts - 301), body, NOW)).toBe('stale');
    expect(verifySigned(cfg, signedHeaders(body, ts + 301), body, NOW)).toBe('stale');
    expect(verifySigned(cfg, { ...signedHeaders(body), 'wechatpay-timestamp': 'soon' }, body, NOW)).toBe('stale');
  });

  it('names missing headers and an unknown serial', () => {
    const headers = signedHeaders(body);
    for (const name of Object.keys(headers)) {
      expect(verifySigned(cfg, { ...headers, [name]: undefined }, body, NOW)).toBe('missing_headers');
    }
    expect(verifySigned(cfg, { ...headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' }, body, NOW)).toBe('unknown_serial');
  });
});

describe('AEAD_AES_256_GCM resources', () => {
  const plaintext = JSON.stringify({ out_trade_no: 'D202611_0001', trade_state: 'SUCCESS', desc: '党费 2026年11月' });

  it('round-trips, with the 16-byte tag at the tail of the ciphertext', () => {
    const resource = encryptResource(API_V3_KEY, plaintext, 'transaction', 'fdasflkja484');
    expect(resource).toMatchObject({
      algorithm: 'AEAD_AES_256_GCM',
      nonce: 'fdasflkja484',
      associated_data: 'transaction',
      original_type: 'transaction',
    });
    expect(Buffer.from(resource.ciphertext, 'base64').length).toBe(Buffer.byteLength(plaintext) + 16);
    expect(decryptResource(API_V3_KEY, resource)).toBe(plaintext);
    expect(encryptResource(API_V3_KEY, plaintext, 'transaction').nonce).toMatch(/^[A-Za-z0-9]{12}$/);
  });

  it('throws on a tampered ciphertext or tag, other associated data, nonce or key', () => {
    const resource = encryptResource(API_V3_KEY, plaintext, 'transaction');
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    const body = Buffer.from(bytes);
    body[3] = body[3]! ^ 0x01;
    const tag = Buffer.from(bytes);
    tag[tag.length - 1] = tag[tag.length - 1]! ^ 0x01;
    expect(() => decryptResource(API_V3_KEY, { ...resource, ciphertext: body.toString('base64') })).toThrow();
    expect(() => decryptResource(API_V3_KEY, { ...resource, ciphertext: tag.toString('base64') })).toThrow();
    expect(() => decryptResource(API_V3_KEY, { ...resource, associated_data: 'certificate' })).toThrow();
    expect(() => decryptResource(API_V3_KEY, { ...resource, nonce: 'xxxxxxxxxxxx' })).toThrow();
    expect(() => decryptResource('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', resource)).toThrow();
    expect(() => decryptResource('short', resource)).toThrow('32 bytes');
    expect(() => decryptResource(API_V3_KEY, { ...resource, ciphertext: 'AAAA' })).toThrow();
  });
});

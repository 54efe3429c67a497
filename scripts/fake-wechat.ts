/**
 * A local stand-in for WeChat's servers, speaking their protocol:
 * - GET /sns/jscode2session turns a login code `mock-<openid>` into that openid (errcode 40029 for any other
 *   code, as WeChat answers a bad code);
 * - POST /cgi-bin/stable_token issues the mini-program's access_token (appid + secret, as WeChat checks them);
 * - POST /cgi-bin/message/subscribe/send?access_token=… takes a subscribe message and RECORDS it: tests read
 *   `subscribeMessages` (or GET /fake/subscribe-messages) to see exactly what WeChat would have delivered.
 *   `failNext(openid, errcode, times)` makes the next sends to that openid fail with that errcode (not recorded).
 * - /v3/pay/… and /fake/pay/…: WeChat Pay v3 JSAPI and its notifications (scripts/fake-wechat-pay.ts, as `pay`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createFakeWechatPay, type FakeWechatPay, generatePayKeys, type PayKeys } from './fake-wechat-pay';

/** A subscribe message as WeChat received it. */
export interface ReceivedSubscribeMessage {
  readonly at: string;
  readonly touser: string;
  readonly template_id: string;
  readonly page?: string;
  readonly data: Record<string, { value: string }>;
  readonly miniprogram_state?: string;
  readonly lang?: string;
}

export interface FakeWechat {
  readonly url: string;
  /** Every subscribe message accepted (errcode 0), in order. */
  readonly subscribeMessages: readonly ReceivedSubscribeMessage[];
  /** The next `times` sends to `openid` answer `errcode` and are not delivered. */
  failNext(openid: string, errcode: number, times?: number): void;
  /** WeChat Pay v3: the merchant API, the payment notifications and the H5 模拟支付 endpoints. */
  readonly pay: FakeWechatPay;
  close(): Promise<void>;
}

function send(res: ServerResponse, body: unknown, status = 200): void {
  res.statusCode = status;
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        ok(parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null);
      } catch {
        ok(null);
      }
    });
    req.on('error', () => ok(null));
  });
}

function code2Session(url: URL, res: ServerResponse): void {
  const code = url.searchParams.get('js_code') ?? '';
  const match = /^mock-([A-Za-z0-9_-]{1,64})$/.exec(code);
  if (!url.searchParams.get('appid') || url.searchParams.get('grant_type') !== 'authorization_code') {
    send(res, { errcode: 40013, errmsg: 'invalid appid' });
  } else if (!match) {
    send(res, { errcode: 40029, errmsg: 'invalid code' });
  } else {
    const openid = match[1]!;
    const sessionKey = createHash('sha256').update(`session:${openid}`).digest('base64').slice(0, 24);
    send(res, { openid, session_key: sessionKey });
  }
}

export interface FakeWechatOptions {
  /** The merchant and platform keys of the fake WeChat Pay; default: generated once per process. */
  payKeys?: PayKeys;
}

let processPayKeys: PayKeys | undefined;

export async function startFakeWechat(
  port: number,
  host = '127.0.0.1',
  options: FakeWechatOptions = {},
): Promise<FakeWechat> {
  if (!options.payKeys) processPayKeys ??= generatePayKeys('wx-local-demo');
  const pay = createFakeWechatPay(options.payKeys ?? processPayKeys!);
  const received: ReceivedSubscribeMessage[] = [];
  const failures = new Map<string, { errcode: number; times: number }>();
  const tokens = new Set<string>();
  let current: string | undefined;

  const stableToken = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJson(req);
    if (body?.grant_type !== 'client_credential') return send(res, { errcode: 40002, errmsg: 'invalid grant_type' });
    if (!body.appid || !body.secret) return send(res, { errcode: 40013, errmsg: 'invalid appid' });
    if (!current || body.force_refresh === true) {
      current = randomBytes(24).toString('base64url');
      tokens.add(current);
    }
    send(res, { access_token: current, expires_in: 7200 });
  };

  const subscribeSend = async (url: URL, req: IncomingMessage, res: ServerResponse) => {
    if (!tokens.has(url.searchParams.get('access_token') ?? '')) {
      return send(res, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    }
    const body = await readJson(req);
    if (!body) return send(res, { errcode: 47001, errmsg: 'data format error' });
    const touser = typeof body.touser === 'string' ? body.touser : '';
    if (!touser) return send(res, { errcode: 40003, errmsg: 'invalid openid' });
    if (typeof body.template_id !== 'string' || !body.template_id) {
      return send(res, { errcode: 40037, errmsg: 'invalid template_id' });
    }
    if (!body.data || typeof body.data !== 'object') return send(res, { errcode: 47003, errmsg: 'argument invalid' });
    const failure = failures.get(touser);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return send(res, { errcode: failure.errcode, errmsg: 'failure injected by the fake' });
    }
    received.push({
      at: new Date().toISOString(),
      touser,
      template_id: body.template_id,
      page: typeof body.page === 'string' ? body.page : undefined,
      data: body.data as Record<string, { value: string }>,
      miniprogram_state: typeof body.miniprogram_state === 'string' ? body.miniprogram_state : undefined,
      lang: typeof body.lang === 'string' ? body.lang : undefined,
    });
    send(res, { errcode: 0, errmsg: 'ok', msgid: received.length });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('content-type', 'application/json');
    if (url.pathname.startsWith('/v3/pay/') || url.pathname.startsWith('/fake/pay/')) {
      return void pay.handle(req, res, url);
    }
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /sns/jscode2session') return code2Session(url, res);
    if (route === 'POST /cgi-bin/stable_token') return void stableToken(req, res);
    if (route === 'POST /cgi-bin/message/subscribe/send') return void subscribeSend(url, req, res);
    if (route === 'GET /fake/subscribe-messages') return send(res, { messages: received });
    send(res, { errcode: 40066, errmsg: 'invalid url' }, 404);
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actual}`,
    subscribeMessages: received,
    failNext(openid, errcode, times = 1) {
      failures.set(openid, { errcode, times });
    },
    pay,
    close: () =>
      new Promise((ok) => {
        pay.close();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

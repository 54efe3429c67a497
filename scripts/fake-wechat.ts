/**
 * A local stand-in for WeChat's servers, speaking their protocol: GET /sns/jscode2session turns a login code
 * `mock-<openid>` into that openid (errcode 40029 for any other code, as WeChat answers a bad code).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface FakeWechat {
  readonly url: string;
  close(): Promise<void>;
}

export async function startFakeWechat(port: number, host = '127.0.0.1'): Promise<FakeWechat> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      res.end(JSON.stringify({ errcode: 40066, errmsg: 'invalid url' }));
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    const match = /^mock-([A-Za-z0-9_-]{1,64})$/.exec(code);
    if (!url.searchParams.get('appid') || url.searchParams.get('grant_type') !== 'authorization_code') {
      res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
      return;
    }
    if (!match) {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
      return;
    }
    const openid = match[1]!;
    const sessionKey = createHash('sha256').update(`session:${openid}`).digest('base64').slice(0, 24);
    res.end(JSON.stringify({ openid, session_key: sessionKey }));
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actual}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * The local API: an HTTP server that turns each request into an API Gateway v2 event and invokes the very
 * Lambda handler that serves the route in AWS (routing by the shared route table, as API Gateway does).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResult } from 'aws-lambda';
import { handler as auth } from '../functions/auth/handler';
import { handler as duesAdmin } from '../functions/dues/admin-handler';
import { handler as duesCash } from '../functions/dues/cash-handler';
import { handler as dues } from '../functions/dues/handler';
import { handler as duesNotify } from '../functions/dues/notify-handler';
import { handler as duesReports } from '../functions/dues/reports-handler';
import { handler as meetingsAdmin } from '../functions/meetings/admin-handler';
import { handler as meetings } from '../functions/meetings/handler';
import { handler as meetingsPlanning } from '../functions/meetings/planning-handler';
import { handler as meetingsRecords } from '../functions/meetings/records-handler';
import { handler as messages } from '../functions/messages/handler';
import { handler as notices } from '../functions/notices/handler';
import { handler as org } from '../functions/org/handler';
import { handler as study } from '../functions/study/handler';
import { handler as transfersAdmin } from '../functions/transfers/admin-handler';
import { handler as transfers } from '../functions/transfers/handler';
import { handler as transfersReports } from '../functions/transfers/reports-handler';
import { errorCatalog } from '../shared/errors';
import type { Domain } from '../shared/http/route';
import { allRoutes } from '../shared/routes';

type LambdaResult = APIGatewayProxyResult & { headers?: Record<string, string>; cookies?: string[] };
type Lambda = (event: APIGatewayProxyEventV2) => Promise<LambdaResult>;
const lambdas: Record<Domain, Lambda> = {
  auth: auth as unknown as Lambda,
  org: org as unknown as Lambda,
  meetings: meetings as unknown as Lambda,
  meetingsAdmin: meetingsAdmin as unknown as Lambda,
  meetingsPlanning: meetingsPlanning as unknown as Lambda,
  meetingsRecords: meetingsRecords as unknown as Lambda,
  study: study as unknown as Lambda,
  notices: notices as unknown as Lambda,
  messages: messages as unknown as Lambda,
  dues: dues as unknown as Lambda,
  duesAdmin: duesAdmin as unknown as Lambda,
  duesCash: duesCash as unknown as Lambda,
  duesNotify: duesNotify as unknown as Lambda,
  duesReports: duesReports as unknown as Lambda,
  transfers: transfers as unknown as Lambda,
  transfersAdmin: transfersAdmin as unknown as Lambda,
  transfersReports: transfersReports as unknown as Lambda,
};

const table = allRoutes.map((route) => ({
  route,
  method: route.method.toUpperCase(),
  pattern: new RegExp(`^${route.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
  'access-control-max-age': '600',
};
const TEXT_TYPES = /^(application\/json|text\/|application\/x-www-form-urlencoded)/i;

/** API Gateway refuses bodies over 10 MB before any Lambda runs; so do we. */
const GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => ok(size > GATEWAY_BODY_LIMIT ? null : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  routeKey: string,
  pathParameters: Record<string, string>,
) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const isText = TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const now = Date.now();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: req.headers.cookie ? req.headers.cookie.split(/;\s*/) : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
  return event;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  res.writeHead(status, { ...CORS, ...headers });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  send(
    res,
    status,
    { 'content-type': 'application/json; charset=UTF-8' },
    JSON.stringify({ error: { code, message } }),
  );
}

/**
 * `/__fake/wechatpay/…` → the fake WeChat Pay's `/fake/pay/…` (the H5 模拟支付 page knows only the API base).
 * Only while WECHATPAY_BASE_URL is the local fake; never a Lambda route.
 */
async function fakePayProxy(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const base = process.env.WECHATPAY_BASE_URL ?? '';
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(base)) {
    return sendError(res, 404, 'ROUTE_NOT_FOUND', errorCatalog.ROUTE_NOT_FOUND.message);
  }
  const body = await readBody(req);
  const target = `${base.replace(/\/$/, '')}/fake/pay/${url.pathname.slice('/__fake/wechatpay/'.length)}${url.search}`;
  const answer = await fetch(target, {
    method: req.method,
    headers: { 'content-type': 'application/json' },
    body: req.method === 'GET' || req.method === 'HEAD' || !body?.length ? undefined : body.toString('utf8'),
    signal: AbortSignal.timeout(30_000),
  });
  send(res, answer.status, { 'content-type': 'application/json; charset=UTF-8' }, await answer.text());
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  if (req.method === 'OPTIONS') return send(res, 204, {}, '');
  if (url.pathname === '/health') return send(res, 200, { 'content-type': 'text/plain' }, 'ok');
  if (url.pathname.startsWith('/__fake/wechatpay/')) return fakePayProxy(req, res, url);
  let match: { route: (typeof table)[number]['route']; params: Record<string, string> } | undefined;
  let pathMatched = false;
  for (const entry of table) {
    const found = entry.pattern.exec(url.pathname);
    if (!found) continue;
    pathMatched = true;
    if (entry.method === req.method) {
      match = { route: entry.route, params: { ...found.groups } };
      break;
    }
  }
  if (!match) {
    return pathMatched
      ? sendError(res, 405, 'METHOD_NOT_ALLOWED', errorCatalog.METHOD_NOT_ALLOWED.message)
      : sendError(res, 404, 'ROUTE_NOT_FOUND', errorCatalog.ROUTE_NOT_FOUND.message);
  }
  const body = await readBody(req);
  if (body === null) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
  const routeKey = `${req.method} ${match.route.path}`;
  const result = await lambdas[match.route.domain](toEvent(req, url, body, routeKey, match.params));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  const payload = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  send(res, result.statusCode, headers, payload);
}

export interface LocalApi {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startLocalApi(port: number, host = '127.0.0.1'): Promise<LocalApi> {
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      console.error('local api error', error);
      if (!res.headersSent) sendError(res, 502, 'INTERNAL', '服务器开小差了，请稍后再试');
      else res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actual}`,
    server,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

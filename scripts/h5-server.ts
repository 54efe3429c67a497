/**
 * Serves the mini-program's H5 build (miniapp/dist/h5) and proxies every `/v1/*` request (and the 模拟支付 page's
 * `/__fake/wechatpay/*`) to the API, so the page calls the API on its own origin (built with API_BASE ''). Used
 * by `npm start` and the e2e tests.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface H5ServerOptions {
  port: number;
  host?: string;
  /** The H5 build: miniapp/dist/h5. */
  distDir: string;
  /** Where `/v1/*` goes, e.g. http://127.0.0.1:3000. */
  apiUrl: string;
}

export interface H5Server {
  readonly url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Hop-by-hop headers are for one connection only (RFC 9110 §7.6.1); they are not forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forwardableHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function proxy(req: IncomingMessage, res: ServerResponse, api: URL): void {
  // Keep a base path the API URL may have (an API Gateway stage such as /prod).
  const target = new URL(`${api.pathname.replace(/\/$/, '')}${req.url ?? '/'}`, api.origin);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = forwardableHeaders(req.headers);
  headers.host = target.host;
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, forwardableHeaders(answer.headers));
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'API_UNAVAILABLE', message: '暂时无法连接服务器，请稍后再试' } }));
    } else {
      res.destroy();
    }
  });
  req.pipe(upstream);
}

async function fileAt(distDir: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(distDir, `.${path.posix.normalize(decoded)}`);
  if (file !== distDir && !file.startsWith(distDir + path.sep)) return null; // no escaping the build
  try {
    const info = await stat(file);
    return info.isFile() ? file : null;
  } catch {
    return null;
  }
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = new URL(req.url ?? '/', 'http://local').pathname;
  // Unknown paths get the app (its router is hash-based, but a refresh on any path still works).
  const file = (urlPath !== '/' && (await fileAt(distDir, urlPath))) || path.join(distDir, 'index.html');
  const ext = path.extname(file).toLowerCase();
  const isIndex = file === path.join(distDir, 'index.html');
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 build not found: run npm run build:h5');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-length': size,
    // index.html names the hashed bundles of the current build: never cache it; the bundles may be cached.
    'cache-control': isIndex ? 'no-cache, no-store, must-revalidate' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

export async function startH5Server(opts: H5ServerOptions): Promise<H5Server> {
  const distDir = path.resolve(opts.distDir);
  const api = new URL(opts.apiUrl);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    // `/__fake/wechatpay/*`: the 模拟支付 page reaching the fake WeChat Pay through the local API (never in AWS).
    if (pathname === '/v1' || pathname.startsWith('/v1/') || pathname.startsWith('/__fake/wechatpay/')) {
      proxy(req, res, api);
      return;
    }
    serveStatic(req, res, distDir).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

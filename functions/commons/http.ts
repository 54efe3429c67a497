import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { authorize, type BindClaims, hasRole, type MemberClaims, type OrgScope } from '../../shared/auth/roles';
import { DomainError, type ErrorCode, errorCatalog } from '../../shared/errors';
import type { ErrorBody } from '../../shared/http/errors';
import { JSON_BODY_LIMIT, type RouteDef, type RouteResponse } from '../../shared/http/route';
import { withIdempotency } from './idempotency';
import { bearerToken, verifyToken } from './tokens';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;
type ClaimsFor<R extends RouteDef> = R['access'] extends 'public'
  ? undefined
  : R['access'] extends 'bind'
    ? BindClaims
    : MemberClaims;

export interface RouteContext<R extends RouteDef> {
  readonly params: Infer<R['params']>;
  readonly query: Infer<R['query']>;
  readonly body: Infer<R['body']>;
  /** The uploaded workbook, for `bodyKind: 'xlsx'` routes. */
  readonly file: Uint8Array | undefined;
  readonly claims: ClaimsFor<R>;
  readonly now: number;
  readonly c: Context;
}

/** A response whose status differs from the route's default (e.g. 200 for a repeated check-in). */
export class WithStatus<T> {
  constructor(
    readonly status: 200 | 201,
    readonly body: T,
  ) {}
}

type RouteResult<R extends RouteDef> = RouteResponse<R> | WithStatus<RouteResponse<R>> | Response;

export function errorResponse(c: Context, status: number, body: ErrorBody): Response {
  return c.json(body, status as 400);
}

function toErrorBody(error: DomainError): ErrorBody {
  const details = error.details ?? {};
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(Array.isArray(details.fields) ? { fields: details.fields as { path: string; message: string }[] } : {}),
      ...(Array.isArray(details.rows)
        ? { rows: details.rows as { row: number; column: string; message: string }[] }
        : {}),
    },
  };
}

/** A Hono app for one domain, with the error shape of DESIGN §5 for everything that can go wrong. */
export function createDomainApp(): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof DomainError) return errorResponse(c, error.status, toErrorBody(error));
    if (error instanceof HTTPException && error.status < 500) {
      const code: ErrorCode = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
      return errorResponse(c, error.status, { error: { code, message: errorCatalog[code].message } });
    }
    console.error(
      JSON.stringify({ level: 'error', path: c.req.path, error: String(error), stack: (error as Error).stack }),
    );
    return errorResponse(c, 500, { error: { code: 'INTERNAL', message: errorCatalog.INTERNAL.message } });
  });
  app.notFound((c) =>
    errorResponse(c, 404, { error: { code: 'ROUTE_NOT_FOUND', message: errorCatalog.ROUTE_NOT_FOUND.message } }),
  );
  return app;
}

function validationError(error: z.ZodError): DomainError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('；');
  return new DomainError('VALIDATION_FAILED', { message: `请求内容有误：${summary}`, details: { fields } });
}

function parseWith<S extends z.ZodType | undefined>(schema: S, input: unknown): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data as Infer<S>;
}

async function authenticate(route: RouteDef, c: Context): Promise<MemberClaims | BindClaims | undefined> {
  if (route.access === 'public') return undefined;
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new DomainError('UNAUTHENTICATED');
  const claims = await verifyToken(token);
  if (route.access === 'bind') {
    if (claims.kind !== 'bind') throw new DomainError('FORBIDDEN_ROLE'); // a bound member has nothing to bind
    return claims;
  }
  if (claims.kind !== 'member') throw new DomainError('BINDING_REQUIRED');
  if (!hasRole(claims, route.access)) throw new DomainError('FORBIDDEN_ROLE');
  return claims;
}

async function readBody(route: RouteDef, c: Context): Promise<{ json: unknown; file: Uint8Array | undefined }> {
  const limit = route.bodyLimit ?? JSON_BODY_LIMIT;
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new DomainError('PAYLOAD_TOO_LARGE');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > limit) throw new DomainError('PAYLOAD_TOO_LARGE');
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (route.bodyKind === 'xlsx') return { json: undefined, file: await xlsxFromRequest(type, bytes) };
  if (!route.body) return { json: undefined, file: undefined };
  if (bytes.byteLength === 0) return { json: undefined, file: undefined };
  if (!type.startsWith('application/json')) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  try {
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), file: undefined };
  } catch (error) {
    throw new DomainError('MALFORMED_JSON', { cause: error });
  }
}

/** wx.uploadFile sends multipart/form-data with the file under `file`; scripts may send the raw workbook. */
async function xlsxFromRequest(type: string, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array | undefined> {
  if (bytes.byteLength === 0) return undefined;
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(bytes, { headers: { 'content-type': type } }).formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') throw new DomainError('IMPORT_FILE_UNREADABLE');
    return new Uint8Array(await file.arrayBuffer());
  }
  return bytes;
}

/** Registers one route of the shared table: authenticate → read → validate → run → answer. */
export function mount<R extends RouteDef>(
  app: Hono,
  route: R,
  run: (ctx: RouteContext<R>) => Promise<RouteResult<R>>,
): void {
  const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(route.method.toUpperCase(), honoPath, async (c) => {
    const claims = await authenticate(route, c);
    const { json, file } = await readBody(route, c);
    const ctx = {
      params: parseWith(route.params, c.req.param()),
      query: parseWith(route.query, c.req.query()),
      body: route.body ? parseWith(route.body, json) : undefined,
      file,
      claims,
      now: Date.now(),
      c,
    } as RouteContext<R>;
    const execute = async () => {
      const result = await run(ctx);
      if (result instanceof Response) return result;
      const [status, body] = result instanceof WithStatus ? [result.status, result.body] : [route.status, result];
      if (process.env.VALIDATE_RESPONSES === '1') route.response.parse(body);
      return c.json(body as object, status);
    };
    const key = c.req.header('idempotency-key');
    if (route.method !== 'post' || !key || !claims) return execute();
    const subject = claims.kind === 'member' ? claims.memberId : claims.openid;
    // The fingerprint covers an uploaded file too: the same key with another workbook is a different request.
    const upload = file ? createHash('sha256').update(file).digest('base64url') : null;
    const fingerprint = JSON.stringify([c.req.path, json, upload]);
    return withIdempotency({ subject, routeId: route.id, key, fingerprint }, execute);
  });
}

/** Role AND scope for a resource of a branch; throws the matching 403. */
export function requireScope(claims: MemberClaims, route: RouteDef, target: OrgScope): void {
  if (route.access === 'public' || route.access === 'bind') return;
  const result = authorize(claims, route.access, target);
  if (result !== 'ok') throw new DomainError(result);
}

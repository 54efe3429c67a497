import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Hono } from 'hono/tiny';
import type { z } from 'zod';
import { authorize, type BindClaims, hasRole, type MemberClaims, type OrgScope } from '../../shared/auth/roles';
import { DomainError, type ErrorCode, errorCatalog } from '../../shared/errors';
import type { ErrorBody } from '../../shared/http/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import type { RouteDef, RouteResponse } from '../../shared/http/route';
import { type Replayed, withIdempotency } from './idempotency';
import { hit, hitInMemory } from './rate-limit';
import { readBody } from './request-body';
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
  /**
   * Who calls. For member routes these are the roster's current facts (status, branch, roles), re-read for
   * this request — unless the route checks them inside its own transaction (`rosterCheck: 'transaction'`),
   * where they are the token's.
   */
  readonly claims: ClaimsFor<R>;
  /** The caller's address as API Gateway saw it (rate limits). */
  readonly ip: string;
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

export interface DomainAppOptions {
  /** Re-reads a member token's subject: the roster's current claims, or SESSION_REVOKED (DESIGN §5, issue #6). */
  readonly currentClaims: (claims: MemberClaims) => Promise<MemberClaims>;
}

const appOptions = new WeakMap<Hono, DomainAppOptions>();

export function errorResponse(c: Context, status: number, body: ErrorBody, headers?: Record<string, string>): Response {
  return c.json(body, status as 400, headers);
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

/**
 * DynamoDB refuses a request it cannot run (a key that does not fit, an oversized value) with a
 * ValidationException. Input is validated long before, so this is a gap in our checks; it is still the
 * caller's request that cannot be served, so it answers 400 and is logged — it never trips the 5xx alarm.
 */
function isStoreValidation(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException';
}

/** A Hono app for one domain, with the error shape of DESIGN §5 for everything that can go wrong. */
export function createDomainApp(options: DomainAppOptions): Hono {
  const app = new Hono();
  appOptions.set(app, options);
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      const retryAfter = error.details?.retryAfter;
      const headers = typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : undefined;
      return errorResponse(c, error.status, toErrorBody(error), headers);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code: ErrorCode = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
      return errorResponse(c, error.status, { error: { code, message: errorCatalog[code].message } });
    }
    const log = { path: c.req.path, error: String(error), stack: (error as Error).stack };
    if (isStoreValidation(error)) {
      console.warn(JSON.stringify({ level: 'warn', msg: 'store refused a request', ...log }));
      return errorResponse(c, 400, { error: { code: 'BAD_REQUEST', message: errorCatalog.BAD_REQUEST.message } });
    }
    console.error(JSON.stringify({ level: 'error', ...log }));
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

/** The token's claims (role from the token only narrows what is even worth a roster read). */
async function tokenClaims(route: RouteDef, c: Context): Promise<MemberClaims | BindClaims | undefined> {
  if (route.access === 'public') return undefined;
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw new DomainError('UNAUTHENTICATED');
  const claims = await verifyToken(token);
  if (route.access === 'bind') {
    if (claims.kind !== 'bind') throw new DomainError('FORBIDDEN_ROLE'); // a bound member has nothing to bind
    return claims;
  }
  if (claims.kind !== 'member') throw new DomainError('BINDING_REQUIRED');
  return claims;
}

/** Holds a member token to the roster as the route asks, and counts the member's writes. */
async function rosterClaims(route: RouteDef, claims: MemberClaims, options: DomainAppOptions): Promise<MemberClaims> {
  const roles = route.access as readonly MemberClaims['roles'][number][];
  if (route.method === 'get') hitInMemory(RATE_LIMITS.readsPerMember, claims.memberId);
  const countWrite = route.method !== 'get' && !route.ownRateLimit;
  const [current] = await Promise.all([
    route.rosterCheck === 'transaction' ? claims : options.currentClaims(claims),
    countWrite ? hit(RATE_LIMITS.writesPerMember, claims.memberId) : undefined,
  ]);
  if (!hasRole(current, roles)) throw new DomainError('FORBIDDEN_ROLE');
  return current;
}

export function sourceIp(c: Context): string {
  const env = c.env as { requestContext?: { http?: { sourceIp?: string } } } | undefined;
  return env?.requestContext?.http?.sourceIp ?? 'unknown';
}

export interface MountOptions<R extends RouteDef> {
  /** For `credentials` routes: a fresh answer for an Idempotency-Key replay, from the stored (redacted) one. */
  readonly reissue?: (ctx: RouteContext<R>, stored: Replayed) => Promise<RouteResponse<R>>;
}

/** Registers one route of the shared table: authenticate → hold to the roster → read → validate → run → answer. */
export function mount<R extends RouteDef>(
  app: Hono,
  route: R,
  run: (ctx: RouteContext<R>) => Promise<RouteResult<R>>,
  mountOptions: MountOptions<R> = {},
): void {
  const options = appOptions.get(app);
  if (!options) throw new Error('mount() needs an app made by createDomainApp()');
  const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(route.method.toUpperCase(), honoPath, async (c) => {
    let claims = await tokenClaims(route, c);
    if (claims?.kind === 'member') claims = await rosterClaims(route, claims, options);
    const { json, file } = await readBody(route, c);
    const ctx = {
      params: parseWith(route.params, c.req.param()),
      query: parseWith(route.query, c.req.query()),
      body: route.body ? parseWith(route.body, json) : undefined,
      file,
      claims,
      ip: sourceIp(c),
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
    const reissue = mountOptions.reissue;
    return withIdempotency({
      subject,
      routeId: route.id,
      key,
      fingerprint,
      execute,
      ...(route.credentials
        ? {
            credentials: true,
            reissue: async (stored: Replayed) => {
              if (!reissue) throw new Error(`${route.id} carries credentials but has no reissue`);
              return c.json((await reissue(ctx, stored)) as object, stored.status as 200);
            },
          }
        : {}),
    });
  });
}

/** Role AND scope for a resource of a branch; throws the matching 403. */
export function requireScope(claims: MemberClaims, route: RouteDef, target: OrgScope): void {
  if (route.access === 'public' || route.access === 'bind') return;
  const result = authorize(claims, route.access, target);
  if (result !== 'ok') throw new DomainError(result);
}

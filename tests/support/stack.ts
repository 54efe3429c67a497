/**
 * Integration-test harness: a fresh table (with the demo seed) on the run's DynamoDB Local, a fresh bucket on its
 * s3rver, and an API client.
 */
import { randomBytes } from 'node:crypto';
import { type Stack, startStack } from '../../scripts/stack';

export async function startTestStack(options: { seed?: boolean } = {}): Promise<Stack> {
  process.env.VALIDATE_RESPONSES = '1'; // every response is checked against its shared schema
  const endpoint = process.env.TEST_DYNAMO_ENDPOINT;
  const s3Endpoint = process.env.TEST_S3_ENDPOINT;
  const tableName = `t-${randomBytes(6).toString('hex')}`;
  return startStack({
    ...(endpoint ? { dynamoEndpoint: endpoint } : { inMemory: true }),
    // The run's s3rver (or one of this stack's own); a bucket per stack, like the table.
    ...(s3Endpoint ? { s3Endpoint } : {}),
    s3Bucket: tableName,
    tableName,
    seed: options.seed ?? true,
  });
}

export interface ApiAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export function apiClient(apiUrl: string) {
  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(apiUrl + path, { method, headers, body });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : await response.arrayBuffer();
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  async function loginAs(
    openid: string,
  ): Promise<{ token: string; member: { id: string; orgId: string; orgPath: string; roles: string[]; name: string } }> {
    const answer = await call<{ token: string; member: never }>('POST', '/v1/auth/login', {
      body: { code: `mock-${openid}` },
    });
    if (answer.status !== 200)
      throw new Error(`login ${openid} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  /** These demo logins' tokens, by login (one after another: logins are throttled per IP). */
  async function tokensOf(openids: readonly string[]): Promise<Record<string, string>> {
    const tokens: Record<string, string> = {};
    for (const openid of openids) tokens[openid] = (await loginAs(openid)).token;
    return tokens;
  }
  return { call, loginAs, tokensOf };
}

/**
 * Fuzz every route with generated bad bodies, params, query strings and headers: never a 5xx, and every
 * refusal carries the error shape of DESIGN §5.
 */
import fc from 'fast-check';
import type { Stack } from '../../scripts/stack';
import { ErrorBody } from '../../shared/http/errors';
import { allRoutes } from '../../shared/routes';
import { apiClient, startTestStack } from '../support/stack';

let stack: Stack;
let tokens: string[];

beforeAll(async () => {
  stack = await startTestStack();
  const api = apiClient(stack.apiUrl);
  const secretary = await api.loginAs('demo-secretary-1');
  const member = await api.loginAs('demo-member-1');
  const committee = await api.loginAs('demo-committee');
  tokens = [secretary.token, member.token, committee.token];
}, 60_000);

afterAll(() => stack.stop());

const junkJson = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.object().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom(
    '{',
    '{"qr":',
    'null',
    '[]',
    '{"a":1}',
    '\u0000',
    '{"orgId":{"$ne":1}}',
    `{"title":"${'长'.repeat(2000)}"}`,
  ),
  fc
    .record({
      code: fc.oneof(fc.string(), fc.integer()),
      qr: fc.string(),
      orgId: fc.string(),
      name: fc.string(),
      version: fc.double(),
    })
    .map((v) => JSON.stringify(v)),
);
const junkParam = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom('..', '%', 'org-branch-1', 'm-demo-member-1', 'a'.repeat(300), '中文', ' '),
);
const junkHeaders = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
    ),
    'idempotency-key': fc.string(),
    authorization: fc.oneof(fc.string(), fc.constant('Bearer '), fc.constant('Bearer a.b.c')),
  },
  { requiredKeys: [] },
);

describe('Fuzz: every route with generated bad input', () => {
  it.each(allRoutes.map((r) => [r.id, r] as const))(
    '%s never answers 5xx and always with the error shape',
    async (_id, route) => {
      await fc.assert(
        fc.asyncProperty(
          junkJson,
          junkParam,
          fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string(), { maxKeys: 3 }),
          junkHeaders,
          fc.option(fc.nat(2)),
          async (body, param, query, headers, tokenIndex) => {
            const path = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(param));
            const search = Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
            const finalHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(headers)) {
              if (/^[\t\x20-\x7e]*$/.test(value)) finalHeaders[name] = value; // fetch refuses non-ASCII header values
            }
            if (tokenIndex !== null) finalHeaders.authorization = `Bearer ${tokens[tokenIndex]}`;
            const response = await fetch(stack.apiUrl + path + search, {
              method: route.method.toUpperCase(),
              headers: finalHeaders,
              body: route.method === 'get' ? undefined : body,
            });
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) {
              const parsed = ErrorBody.safeParse(await response.json());
              expect(parsed.success).toBe(true);
            } else {
              await response.arrayBuffer();
            }
          },
        ),
        { numRuns: 40 },
      );
    },
    120_000,
  );
});

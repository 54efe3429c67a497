/** `npm run openapi` → docs/openapi.json, generated from the shared route table (zod → JSON Schema). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { errorCatalog } from '../shared/errors';
import { ErrorBody } from '../shared/http/errors';
import { allRoutes } from '../shared/routes';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of allRoutes) {
    const parameters = [
      ...Object.keys(route.params?.shape ?? {}).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...Object.entries(route.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'query',
        required: false,
        schema: schema(s as z.ZodType),
      })),
    ];
    const body =
      route.bodyKind === 'xlsx'
        ? {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
              },
            },
          }
        : route.bodyKind === 'raw'
          ? // WeChat Pay's signed notification: verified over its exact bytes (DESIGN §6 WeChat Pay v3 facts).
            { required: true, content: { 'application/json': { schema: { type: 'object' } } } }
          : route.body
            ? { required: true, content: { 'application/json': { schema: schema(route.body) } } }
            : undefined;
    const ok =
      route.responseKind === 'xlsx'
        ? {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          }
        : route.responseKind === 'pdf'
          ? { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }
          : { 'application/json': { schema: schema(route.response) } };
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.domain],
      'x-roles': route.access,
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        [route.status]: { description: 'OK', content: ok },
        default: { description: 'Error', content: { 'application/json': { schema: schema(ErrorBody) } } },
      },
      ...(route.access === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '先锋 API',
      version: '1.0.0',
      description: `党建工作小程序接口。错误码：${Object.keys(errorCatalog).join(', ')}`,
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

if (require.main === module) {
  const out = resolve(__dirname, '../docs/openapi.json');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
  console.log(`wrote ${out} (${allRoutes.length} operations)`);
}

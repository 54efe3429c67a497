/** Reading a request body: size limits before parsing, exact content types, JSON or an uploaded workbook. */
import type { Context } from 'hono';
import { DomainError } from '../../shared/errors';
import { JSON_BODY_LIMIT, type RouteDef } from '../../shared/http/route';

/** `type/subtype` and its parameters, lower-cased; `application/jsonx` is not `application/json`. */
export function mediaType(header: string | undefined): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = (header ?? '').split(';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0)
      params[part.slice(0, eq).trim().toLowerCase()] = part
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '');
  }
  return { type: type.trim().toLowerCase(), params };
}

function isJson(header: string | undefined): boolean {
  const { type, params } = mediaType(header);
  const charset = params.charset?.toLowerCase();
  return type === 'application/json' && (charset === undefined || charset === 'utf-8' || charset === 'utf8');
}

export async function readBody(route: RouteDef, c: Context): Promise<{ json: unknown; file: Uint8Array | undefined }> {
  const limit = route.bodyLimit ?? JSON_BODY_LIMIT;
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new DomainError('PAYLOAD_TOO_LARGE');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > limit) throw new DomainError('PAYLOAD_TOO_LARGE');
  const header = c.req.header('content-type');
  if (route.bodyKind === 'xlsx') return { json: undefined, file: await xlsxFromRequest(header, bytes) };
  if (route.bodyKind === 'raw') return { json: undefined, file: bytes };
  if (!route.body) return { json: undefined, file: undefined };
  if (bytes.byteLength === 0) return { json: undefined, file: undefined };
  if (!isJson(header)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  try {
    return { json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), file: undefined };
  } catch (error) {
    throw new DomainError('MALFORMED_JSON', { cause: error });
  }
}

/** wx.uploadFile sends multipart/form-data with the file under `file`; scripts may send the raw workbook. */
async function xlsxFromRequest(
  header: string | undefined,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array | undefined> {
  if (bytes.byteLength === 0) return undefined;
  const { type } = mediaType(header);
  if (type === 'multipart/form-data') {
    const form = await new Response(bytes, { headers: { 'content-type': header ?? '' } }).formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') throw new DomainError('IMPORT_FILE_UNREADABLE');
    return new Uint8Array(await file.arrayBuffer());
  }
  // Any other type: the bytes themselves must be a workbook (the reader checks the zip signature and says so).
  return bytes;
}

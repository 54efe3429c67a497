/** How every workbook leaves an API: the bytes as a download, never cached (the figures change by the minute). */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A workbook download. RFC 6266: `filename` must be ASCII, so old clients get `fallback`; current ones read the
 * Chinese name from `filename*` (RFC 8187, UTF-8 percent-encoded).
 */
export function xlsx(bytes: Uint8Array, filename: string, fallback: string): Response {
  // encodeURIComponent leaves ' ( ) * ! alone; RFC 8187's attr-char allows only ! of them (an org name may hold "(").
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`,
      'cache-control': 'no-store',
    },
  });
}

/**
 * 介绍信 and committee-view fixtures: outbound transfers brought to the committee's step through the API (the
 * secretary applies for a member of the branch and approves the out-branch step), a PDF's text as a reader
 * extracts it, and a member's messages of one kind about one transfer.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { apiClient } from './stack';
import { type Json, outbound } from './transfers';

type Api = ReturnType<typeof apiClient>;

async function ok(api: Api, method: string, url: string, token: string, body?: unknown): Promise<Json> {
  const answer = await api.call<Json>(method, url, { token, body });
  if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** An outbound transfer of `memberId` waiting at the 党委's step: → its id. */
export async function outboundAtCommittee(
  api: Api,
  secretaryToken: string,
  memberId: string,
  extra: Json = {},
): Promise<string> {
  const { transfer } = await ok(api, 'POST', '/v1/transfers', secretaryToken, outbound({ memberId, ...extra }));
  await ok(api, 'POST', `/v1/transfers/${transfer.id}/approve`, secretaryToken, { comment: '同意转出' });
  return transfer.id;
}

/** The committee's approval with the reason dues are short (the demo members have no bills): → the transfer. */
export async function issued(api: Api, committeeToken: string, id: string): Promise<Json> {
  const { transfer } = await ok(api, 'POST', `/v1/transfers/${id}/approve`, committeeToken, {
    duesOverride: { reason: '已与接收单位约定到新单位补交' },
  });
  return transfer;
}

/**
 * The text of a PDF as a reader extracts it (PDF.js through unpdf), page by page. In a child process: PDF.js is an
 * ES module, which jest's CommonJS sandbox cannot import.
 */
export function pdfText(bytes: ArrayBuffer): string {
  const script = `
    const { extractText, getDocumentProxy } = require('unpdf');
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', async () => {
      const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
      const { text } = await extractText(pdf, { mergePages: true });
      process.stdout.write(text);
    });`;
  return execFileSync(process.execPath, ['-e', script], {
    input: Buffer.from(bytes),
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** The caller's messages of `kind` about transfer `id` (every page, bounded). */
export async function messagesAbout(api: Api, token: string, kind: string, id: string): Promise<Json[]> {
  const found: Json[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const body = await ok(api, 'GET', `/v1/me/messages?limit=50${query}`, token);
    found.push(...(body.items as Json[]).filter((message) => message.kind === kind && message.ref?.id === id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return found;
}

/** Sequence numbers of letter numbers: 象医党转〔2026〕第012号 → 12. */
export const seqOf = (number: string) => Number(/第(\d+)号$/.exec(number)?.[1]);

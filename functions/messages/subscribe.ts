/**
 * WeChat's subscribe-message API: `POST /cgi-bin/message/subscribe/send?access_token=…` with touser (the
 * openid), template_id, page, data, miniprogram_state and lang. One call per message; the answer is sorted
 * into what the sender may do next, keeping apart "WeChat said no" (safe to retry) from "nobody knows"
 * (never retried: the message might have gone out).
 */
import { accessToken, WechatTokenError, wechatApiBase } from '../commons/wechat-token';

export interface SubscribeSend {
  readonly touser: string;
  readonly templateId: string;
  readonly page: string;
  readonly data: Record<string, { value: string }>;
}

export type SendAttempt =
  /** WeChat answered: errcode 0 is delivered, anything else was refused (nothing sent). */
  | { readonly kind: 'answer'; readonly errcode: number; readonly errmsg: string }
  /** The request never reached WeChat (no connection, or no access token): nothing was sent. */
  | { readonly kind: 'unreachable'; readonly error: string }
  /** The request left but no usable answer came back (timeout, broken reply): it may have been delivered. */
  | { readonly kind: 'ambiguous'; readonly error: string };

/** Failures of the connection itself, before any byte of the request could be taken by WeChat. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function connectionCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code;
}

/** The settings a real deployment sets (the template from the WeChat console); none: nothing is sent. */
export function subscribeTemplateId(): string | undefined {
  return process.env.WECHAT_SUBSCRIBE_TEMPLATE_ID || undefined;
}

export async function sendSubscribeMessage(message: SubscribeSend, forceToken = false): Promise<SendAttempt> {
  let token: string;
  try {
    token = await accessToken(forceToken);
  } catch (error) {
    if (error instanceof WechatTokenError) return { kind: 'unreachable', error: error.message };
    throw error;
  }
  const url = new URL('/cgi-bin/message/subscribe/send', wechatApiBase());
  url.searchParams.set('access_token', token);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: process.env.WECHAT_MINIPROGRAM_STATE ?? 'formal',
        lang: 'zh_CN',
      }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    const code = connectionCode(error);
    if (code && NOT_CONNECTED.has(code)) return { kind: 'unreachable', error: code };
    return { kind: 'ambiguous', error: code ?? String(error) };
  }
  try {
    const answer = (await response.json()) as { errcode?: number; errmsg?: string };
    if (!response.ok || typeof answer !== 'object' || answer === null) throw new Error(`HTTP ${response.status}`);
    return { kind: 'answer', errcode: answer.errcode ?? 0, errmsg: answer.errmsg ?? '' };
  } catch (error) {
    return { kind: 'ambiguous', error: String(error) };
  }
}

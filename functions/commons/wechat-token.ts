/**
 * The mini-program's access_token for WeChat's server APIs (subscribe messages), from the stable-token
 * endpoint: `POST /cgi-bin/stable_token` returns the same token to every caller while it is valid, so several
 * containers never invalidate each other's token (the older `/cgi-bin/token` would). Cached per container until
 * five minutes before it expires; `force` fetches a new one after WeChat refused the cached one.
 */
import { appSecrets } from './config';

interface StableTokenAnswer {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

/** WeChat could not be asked, or refused to issue a token: nothing was sent with it. */
export class WechatTokenError extends Error {
  override readonly name = 'WechatTokenError';
}

let cached: { token: string; until: number } | undefined;

export function wechatApiBase(): string {
  return process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com';
}

export async function accessToken(force = false, nowMs = Date.now()): Promise<string> {
  if (!force && cached && cached.until > nowMs) return cached.token;
  const { wechatSecret } = await appSecrets();
  let answer: StableTokenAnswer;
  try {
    const response = await fetch(new URL('/cgi-bin/stable_token', wechatApiBase()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: process.env.WECHAT_APPID ?? '',
        secret: wechatSecret ?? '',
        force_refresh: force,
      }),
      signal: AbortSignal.timeout(5000),
    });
    answer = (await response.json()) as StableTokenAnswer;
  } catch (error) {
    throw new WechatTokenError('stable_token unreachable', { cause: error });
  }
  if (answer.errcode || !answer.access_token) {
    throw new WechatTokenError(`stable_token refused: ${answer.errcode} ${answer.errmsg ?? ''}`);
  }
  const seconds = answer.expires_in ?? 7200;
  cached = { token: answer.access_token, until: nowMs + Math.max(60, seconds - 300) * 1000 };
  return cached.token;
}

/** Test hook: forget the cached token (a new fake WeChat issues new ones). */
export function resetAccessTokenForTests(): void {
  cached = undefined;
}

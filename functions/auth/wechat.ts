/** code2Session against WeChat (or the local fake that speaks the same protocol). */
import { DomainError } from '../../shared/errors';
import { appSecrets } from '../commons/config';

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

export async function code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
  const base = process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com';
  const appid = process.env.WECHAT_APPID ?? '';
  const { wechatSecret } = await appSecrets();
  const url = new URL('/sns/jscode2session', base);
  url.search = new URLSearchParams({
    appid,
    secret: wechatSecret ?? '',
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  let answer: Code2SessionAnswer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    answer = (await response.json()) as Code2SessionAnswer;
  } catch (error) {
    throw new DomainError('WECHAT_UNAVAILABLE', { cause: error });
  }
  if (!answer.errcode && answer.openid) return { openid: answer.openid, unionid: answer.unionid };
  if (answer.errcode === 40029 || answer.errcode === 40163) throw new DomainError('WECHAT_CODE_INVALID');
  if (answer.errcode === 45011) throw new DomainError('WECHAT_RATE_LIMITED');
  console.error(JSON.stringify({ level: 'error', msg: 'code2Session failed', errcode: answer.errcode }));
  throw new DomainError('WECHAT_UNAVAILABLE');
}

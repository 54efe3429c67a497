import { bind, issueBindingCode, login, me } from '../../../shared/auth/routes';
import { request } from './client';

export const authApi = {
  /** wx.login code, or locally `mock-<openid>`. */
  login: (code: string) => request(login, { body: { code } }),
  bind: (bindingCode: string) => request(bind, { body: { bindingCode } }),
  me: () => request(me, {}),
  issueBindingCode: (memberId: string) => request(issueBindingCode, { params: { id: memberId } }),
};

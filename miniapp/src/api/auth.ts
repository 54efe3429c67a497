import { bind, issueBindingCode, login, logout, me, revokeBindingCode } from '../../../shared/auth/routes';
import { request } from './client';

export const authApi = {
  /** wx.login code, or locally `mock-<openid>`. */
  login: (code: string) => request(login, { body: { code } }),
  bind: (bindingCode: string) => request(bind, { body: { bindingCode } }),
  /** Ends the session on the server (its refresh token stops working). Renewal is api/session-refresh.ts. */
  logout: (refreshToken: string) => request(logout, { body: { refreshToken } }),
  me: () => request(me, {}),
  /** A new code; the member's previous unused code stops working. */
  issueBindingCode: (memberId: string) => request(issueBindingCode, { params: { id: memberId } }),
  /** 作废绑定码: `revoked` false when there was no usable code. */
  revokeBindingCode: (memberId: string) => request(revokeBindingCode, { params: { id: memberId } }),
};

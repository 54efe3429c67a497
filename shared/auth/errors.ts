import { defineErrors } from '../http/errors';

export const authErrors = defineErrors({
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已使用，请重新登录' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信登录太频繁，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 502, message: '暂时无法连接微信服务，请稍后再试' },
  /** Unknown, used and expired codes answer alike, so a guesser learns nothing (issue #6). */
  BINDING_CODE_INVALID: {
    status: 404,
    message: '绑定码无效、已使用或已过期，请核对后重新输入，或联系支部书记重新获取',
  },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  ALREADY_BOUND: { status: 409, message: '该微信已绑定党员身份' },
  MEMBER_ALREADY_BOUND: { status: 409, message: '该党员已绑定其他微信，请联系支部书记' },
  MEMBER_INACTIVE: { status: 403, message: '该党员账号已停用，请联系支部书记' },
});

import { defineRoute } from '../http/route';
import {
  BindingCodeResponse,
  BindRequest,
  BindResponse,
  LoginRequest,
  LoginResponse,
  LogoutRequest,
  LogoutResponse,
  MemberIdParams,
  MeResponse,
  RefreshRequest,
  RefreshResponse,
  RevokeBindingCodeResponse,
} from './schemas';

export const login = defineRoute({
  id: 'auth.login',
  domain: 'auth',
  method: 'post',
  path: '/v1/auth/login',
  summary: '微信登录：用 wx.login 的 code 换取令牌',
  access: 'public',
  scoped: false,
  body: LoginRequest,
  response: LoginResponse,
  status: 200,
  credentials: true,
});

export const bind = defineRoute({
  id: 'auth.bind',
  domain: 'auth',
  method: 'post',
  path: '/v1/auth/bind',
  summary: '用支部书记发放的绑定码把微信绑定到党员',
  access: 'bind',
  scoped: false,
  body: BindRequest,
  response: BindResponse,
  status: 200,
  credentials: true,
  ownRateLimit: true,
});

export const refresh = defineRoute({
  id: 'auth.refresh',
  domain: 'auth',
  method: 'post',
  path: '/v1/auth/refresh',
  summary: '用刷新令牌换取新的访问令牌（重新读取党员状态和角色；刷新令牌只能用一次）',
  access: 'public',
  scoped: false,
  body: RefreshRequest,
  response: RefreshResponse,
  status: 200,
  credentials: true,
});

export const logout = defineRoute({
  id: 'auth.logout',
  domain: 'auth',
  method: 'post',
  path: '/v1/auth/logout',
  summary: '退出登录：作废这次登录的刷新令牌',
  access: 'public',
  scoped: false,
  body: LogoutRequest,
  response: LogoutResponse,
  status: 200,
});

export const issueBindingCode = defineRoute({
  id: 'auth.issueBindingCode',
  domain: 'auth',
  method: 'post',
  path: '/v1/members/{id}/binding-code',
  summary: '为党员生成一次性绑定码（24 小时有效；新码生成后旧码作废）',
  access: ['secretary', 'committee'],
  scoped: true,
  params: MemberIdParams,
  response: BindingCodeResponse,
  status: 201,
  // A binding code lets its holder bind a WeChat account: it is a credential, never kept in a stored answer.
  credentials: true,
});

export const revokeBindingCode = defineRoute({
  id: 'auth.revokeBindingCode',
  domain: 'auth',
  method: 'post',
  path: '/v1/members/{id}/binding-code/revoke',
  summary: '作废党员当前未使用的绑定码（可重复调用）',
  access: ['secretary', 'committee'],
  scoped: true,
  params: MemberIdParams,
  response: RevokeBindingCodeResponse,
  status: 200,
});

export const me = defineRoute({
  id: 'auth.me',
  domain: 'auth',
  method: 'get',
  path: '/v1/me',
  summary: '当前党员的资料、所在组织和角色',
  access: ['member'],
  scoped: false,
  response: MeResponse,
  status: 200,
});

export const authRoutes = [login, bind, refresh, logout, issueBindingCode, revokeBindingCode, me] as const;

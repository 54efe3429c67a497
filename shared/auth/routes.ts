import { defineRoute } from '../http/route';
import {
  BindingCodeResponse,
  BindRequest,
  BindResponse,
  LoginRequest,
  LoginResponse,
  MemberIdParams,
  MeResponse,
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
});

export const issueBindingCode = defineRoute({
  id: 'auth.issueBindingCode',
  domain: 'auth',
  method: 'post',
  path: '/v1/members/{id}/binding-code',
  summary: '为党员生成一次性绑定码（24 小时有效）',
  access: ['secretary', 'committee'],
  scoped: true,
  params: MemberIdParams,
  response: BindingCodeResponse,
  status: 201,
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

export const authRoutes = [login, bind, issueBindingCode, me] as const;

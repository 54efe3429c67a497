import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { Role } from './roles';

export const MemberProfile = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgPath: z.string(),
  roles: z.array(Role),
  category: z.enum(['full', 'probationary']),
});
export type MemberProfile = z.infer<typeof MemberProfile>;

export const LoginRequest = z.strictObject({
  /** wx.login() code; locally `mock-<openid>`. */
  code: z.string().trim().min(1).max(128),
});
export const LoginResponse = z.object({
  /** The access token: short-lived (ACCESS_TOKEN_TTL_SECONDS, 15 min by default). */
  token: z.string(),
  /** When `token` expires (ISO-8601); the client refreshes before then. */
  expiresAt: z.string(),
  /**
   * Exchanged at POST /v1/auth/refresh for a new pair; each one works once (rotation). null for an unbound
   * WeChat user, whose token may only bind.
   */
  refreshToken: z.string().nullable(),
  /** null: this WeChat user is not bound yet; the token may only call bind. */
  member: MemberProfile.nullable(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** 8 characters from an alphabet without 0/O/1/I, so it can be read out over the phone. */
export const BINDING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const BindingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/, '绑定码为 8 位字母或数字');

export const BindRequest = z.strictObject({ bindingCode: BindingCode });
export const BindResponse = LoginResponse.extend({ member: MemberProfile, refreshToken: z.string() });

/** `<sessionId>.<secret>`: opaque to the client. */
export const RefreshToken = z
  .string()
  .trim()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, '格式不正确');
export const RefreshRequest = z.strictObject({ refreshToken: RefreshToken });
export const RefreshResponse = BindResponse;
export const LogoutRequest = z.strictObject({ refreshToken: RefreshToken });
export const LogoutResponse = z.object({ ok: z.literal(true) });

export const MemberIdParams = z.strictObject({ id: z.string().regex(ID_PATTERN, '编号格式不正确') });
export const BindingCodeResponse = z.object({ bindingCode: z.string(), expiresAt: z.string() });
/** `revoked: false`: there was no usable code (none issued, already used, revoked or expired). */
export const RevokeBindingCodeResponse = z.object({ revoked: z.boolean() });

export const MeResponse = z.object({
  member: MemberProfile,
  branch: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
});

/**
 * Client state only: who is signed in. Server data (activities, rosters…) is fetched through api/, never
 * cached here. Persisted to Taro storage so a restart keeps the session: the access token is short-lived
 * (15 min by default) and api/session-refresh.ts renews it with the single-use refresh token.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { MemberProfile } from '../../../shared/auth/schemas';

const STORAGE_KEY = 'xianfeng.session';

/** What login, bind and refresh answer with, besides the member. */
export interface TokenPair {
  token: string;
  /** When `token` expires (ISO-8601, server clock). */
  expiresAt: string;
  /** Single-use; null for an unbound WeChat user (bind-only token). */
  refreshToken: string | null;
}

interface Persisted {
  token: string | null;
  expiresAt: string | null;
  refreshToken: string | null;
  /**
   * When to renew before a request (this phone's clock, ms): computed on receipt from the token's lifetime as
   * this phone measures it, so a phone whose clock is off does not refresh before every request.
   */
  refreshAfter: number | null;
  member: MemberProfile | null;
  branchName: string | null;
}

export interface SessionState extends Persisted {
  /** A token for an openid not yet bound to a member: it may only call bind. */
  readonly bindOnly: boolean;
  signIn(tokens: TokenPair, member: MemberProfile | null): void;
  /** A refresh's answer: the new pair and the member as the server re-read them. */
  renew(tokens: TokenPair, member: MemberProfile): void;
  setBranchName(name: string): void;
  setMember(member: MemberProfile, branchName: string): void;
  signOut(): void;
}

const SIGNED_OUT: Persisted = {
  token: null,
  expiresAt: null,
  refreshToken: null,
  refreshAfter: null,
  member: null,
  branchName: null,
};

/** Renew 60 s before expiry, or halfway through a shorter life; never early for a token that seems dead. */
const REFRESH_MARGIN_MS = 60_000;
export function refreshAfterFor(expiresAt: string, receivedAt = Date.now()): number | null {
  const lifetime = Date.parse(expiresAt) - receivedAt;
  if (!(lifetime > 0)) return null; // clock far ahead (or no expiry): leave it to the server's TOKEN_EXPIRED
  return receivedAt + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function load(): Persisted {
  try {
    const saved = Taro.getStorageSync(STORAGE_KEY) as Partial<Persisted> | '';
    if (saved && typeof saved === 'object' && typeof saved.token === 'string') {
      return {
        token: saved.token,
        expiresAt: text(saved.expiresAt),
        refreshToken: text(saved.refreshToken),
        refreshAfter: typeof saved.refreshAfter === 'number' ? saved.refreshAfter : null,
        member: saved.member ?? null,
        branchName: saved.branchName ?? null,
      };
    }
  } catch {
    // unreadable storage: start signed out
  }
  return SIGNED_OUT;
}

function save(state: Persisted): void {
  try {
    if (state.token) Taro.setStorageSync(STORAGE_KEY, state);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // storage full or unavailable: the session lives in memory only
  }
}

function persisted(state: SessionState): Persisted {
  const { token, expiresAt, refreshToken, refreshAfter, member, branchName } = state;
  return { token, expiresAt, refreshToken, refreshAfter, member, branchName };
}

const initial = load();

export const useSession = create<SessionState>()((set, get) => {
  function update(patch: Partial<Persisted>, extra: Partial<SessionState> = {}): void {
    const next = { ...persisted(get()), ...patch };
    save(next);
    set({ ...next, ...extra });
  }
  function tokenFields(tokens: TokenPair): Partial<Persisted> {
    return {
      token: tokens.token,
      expiresAt: tokens.expiresAt,
      refreshToken: tokens.refreshToken,
      refreshAfter: refreshAfterFor(tokens.expiresAt),
    };
  }
  return {
    ...initial,
    bindOnly: initial.token !== null && initial.member === null,
    signIn(tokens, member) {
      update(
        { ...tokenFields(tokens), member, branchName: member ? member.orgName : null },
        { bindOnly: member === null },
      );
    },
    renew(tokens, member) {
      // Roles or the branch may have changed since (the server re-read the roster).
      update({ ...tokenFields(tokens), member, branchName: member.orgName }, { bindOnly: false });
    },
    setBranchName(branchName) {
      update({ branchName });
    },
    setMember(member, branchName) {
      update({ member, branchName }, { bindOnly: false });
    },
    signOut() {
      update(SIGNED_OUT, { bindOnly: false });
    },
  };
});

export function hasAnyRole(member: MemberProfile | null, roles: readonly string[]): boolean {
  return !!member && member.roles.some((role) => roles.includes(role));
}

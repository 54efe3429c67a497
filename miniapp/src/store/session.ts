/**
 * Client state only: who is signed in. Server data (activities, rosters…) is fetched through api/, never
 * cached here. Persisted to Taro storage so a restart keeps the session until the token expires (401).
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { MemberProfile } from '../../../shared/auth/schemas';

const STORAGE_KEY = 'xianfeng.session';

interface Persisted {
  token: string | null;
  member: MemberProfile | null;
  branchName: string | null;
}

export interface SessionState extends Persisted {
  /** A token for an openid not yet bound to a member: it may only call bind. */
  readonly bindOnly: boolean;
  signIn(token: string, member: MemberProfile | null): void;
  setBranchName(name: string): void;
  setMember(member: MemberProfile, branchName: string): void;
  signOut(): void;
}

function load(): Persisted {
  try {
    const saved = Taro.getStorageSync(STORAGE_KEY) as Partial<Persisted> | '';
    if (saved && typeof saved === 'object' && typeof saved.token === 'string') {
      return { token: saved.token, member: saved.member ?? null, branchName: saved.branchName ?? null };
    }
  } catch {
    // unreadable storage: start signed out
  }
  return { token: null, member: null, branchName: null };
}

function save(state: Persisted): void {
  try {
    if (state.token) Taro.setStorageSync(STORAGE_KEY, state);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // storage full or unavailable: the session lives in memory only
  }
}

const initial = load();

export const useSession = create<SessionState>()((set, get) => ({
  ...initial,
  bindOnly: initial.token !== null && initial.member === null,
  signIn(token, member) {
    const next = { token, member, branchName: member ? member.orgName : null };
    save(next);
    set({ ...next, bindOnly: member === null });
  },
  setBranchName(branchName) {
    const { token, member } = get();
    save({ token, member, branchName });
    set({ branchName });
  },
  setMember(member, branchName) {
    const { token } = get();
    save({ token, member, branchName });
    set({ member, branchName, bindOnly: false });
  },
  signOut() {
    save({ token: null, member: null, branchName: null });
    set({ token: null, member: null, branchName: null, bindOnly: false });
  },
}));

export function hasAnyRole(member: MemberProfile | null, roles: readonly string[]): boolean {
  return !!member && member.roles.some((role) => roles.includes(role));
}

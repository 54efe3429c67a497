/** The e2e world: the local stack, the H5 build behind scripts/h5-server.ts, and API shortcuts for setup. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startH5Server } from '../../../scripts/h5-server';
import { startStack } from '../../../scripts/stack';

export const ROOT = path.resolve(__dirname, '../../..');
export const H5_DIST = path.join(ROOT, 'miniapp/dist/h5');
/** miniapp/src/store/session.ts keeps the session under this storage key. */
export const SESSION_STORAGE_KEY = 'xianfeng.session';

/** `npm test` builds the H5 app before jest; a lone `jest --selectProjects e2e` builds it here if missing. */
export function ensureH5Build(): void {
  if (existsSync(path.join(H5_DIST, 'index.html'))) return;
  execSync('npm run build:h5', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, API_BASE: '', LOCAL_MODE: '1' } });
}

export async function startWorld() {
  const stack = await startStack({ inMemory: true, apiPort: 0, wechatPort: 0, dynamoPort: 0 });
  const h5 = await startH5Server({ port: 0, distDir: H5_DIST, apiUrl: stack.apiUrl });
  return {
    stack,
    h5,
    api: apiFor(stack.apiUrl),
    async stop() {
      await h5.close();
      await stack.stop();
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;

function apiFor(apiUrl: string) {
  async function call<T>(
    method: string,
    route: string,
    token?: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(apiUrl + route, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
  async function ok<T>(method: string, route: string, token?: string, body?: unknown): Promise<T> {
    const answer = await call<T>(method, route, token, body);
    if (answer.status >= 300) throw new Error(`${method} ${route} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  return {
    call,
    async login(openid: string): Promise<{ token: string; orgId: string; orgName: string }> {
      const { token } = await ok<{ token: string }>('POST', '/v1/auth/login', undefined, { code: `mock-${openid}` });
      const me = await ok<{ member: { orgId: string; orgName: string } }>('GET', '/v1/me', token);
      return { token, orgId: me.member.orgId, orgName: me.member.orgName };
    },
    /**
     * An activity of the branch whose check-in window contains now (started 5 minutes ago; no place unless
     * `extra` gives one, with any other create field such as qrSlotSeconds).
     */
    async createOngoingActivity(
      token: string,
      orgId: string,
      title: string,
      extra: Record<string, unknown> = {},
    ): Promise<string> {
      const now = Date.now();
      const startAt = new Date(now - 5 * 60_000).toISOString();
      const endAt = new Date(now + 2 * 3600_000).toISOString();
      const { activity } = await ok<{ activity: { id: string } }>('POST', '/v1/activities', token, {
        orgId,
        title,
        startAt,
        endAt,
        ...extra,
      });
      return activity.id;
    },
    checkIn: (
      token: string,
      id: string,
      body: { qr: string; location?: { lat: number; lng: number; accuracy?: number } },
    ) => ok<{ checkin: { id: string } }>('POST', `/v1/activities/${id}/checkins`, token, body),
    /** 停用 a member (PATCH with the version the roster shows), as a secretary or committee staff. */
    async deactivate(token: string, orgId: string, memberId: string): Promise<void> {
      const roster = await ok<{ items: { id: string; version: number }[] }>(
        'GET',
        `/v1/orgs/${orgId}/members?limit=200`,
        token,
      );
      const record = roster.items.find((item) => item.id === memberId);
      if (!record) throw new Error(`member ${memberId} is not in the roster of ${orgId}`);
      await ok('PATCH', `/v1/members/${memberId}`, token, {
        status: 'inactive',
        leaveReason: 'other',
        version: record.version,
      });
    },
    qr: (token: string, id: string) =>
      ok<{ payload: string; refreshAt: string }>('GET', `/v1/activities/${id}/qr`, token),
    board: (token: string, id: string) =>
      ok<{ total: number; checkedIn: number; late: number; missing: number }>(
        'GET',
        `/v1/activities/${id}/board`,
        token,
      ),
  };
}

/** Taro's <Button> is a `taro-button-core` element on H5 (no button role): find it by its exact label. */
export function button(page: Page, label: string) {
  return page.locator('.action-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

/**
 * Reloads the app with `patch` applied to its stored session (Taro's H5 storage wraps it in `{data}`). The
 * patch is applied once, before the app's scripts run, so nothing the app saves meanwhile (a profile read, a
 * token refresh) can write the old values back over it.
 */
export async function reloadWithStoredSession(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.addInitScript(
    ({ key, patch }) => {
      if (window.sessionStorage.getItem('e2e-session-patched')) return;
      window.sessionStorage.setItem('e2e-session-patched', '1');
      const saved = JSON.parse(window.localStorage.getItem(key) ?? 'null');
      Object.assign(saved?.data ?? saved, patch);
      window.localStorage.setItem(key, JSON.stringify(saved));
    },
    { key: SESSION_STORAGE_KEY, patch },
  );
  await page.reload();
}

/** The session as the app stored it (null when signed out). */
export async function storedSession<T = Record<string, unknown>>(page: Page): Promise<T | null> {
  return page.evaluate((key) => {
    const saved = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    return saved?.data ?? saved;
  }, SESSION_STORAGE_KEY);
}

/** The tab bar at the bottom (首页 · 学习 · 活动 · 我的). */
export async function tapTab(page: Page, text: string): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: text }).click();
}

/** The login page lists the demo accounts in local mode: tap one. */
export async function loginByTapping(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.getByText(openid, { exact: true }).click();
  await page.locator('.home .section-title', { hasText: '今日活动' }).waitFor();
}

/** From 首页 › 今日活动, open the activity with this title. */
export async function openTodayActivity(page: Page, title: string): Promise<void> {
  await page.getByText(title, { exact: true }).first().click();
  await page.getByText('我的签到', { exact: true }).waitFor();
}

/**
 * End to end: short sessions (issue #6). Access tokens live a few seconds here; the app renews them with the
 * single-use refresh token without the member noticing, and only a member taken off the roster is sent back
 * to the login page. Screenshots: test-results/e2e/3x-*.png (and *-320.png at 320 px wide).
 */
import type { Browser, Page } from 'playwright-core';
import { signToken } from '../../functions/commons/tokens';
import type { MemberProfile } from '../../shared/auth/schemas';
import { messageFor } from '../../shared/errors';
import {
  ensureH5Build,
  loginByTapping,
  reloadWithStoredSession,
  startWorld,
  storedSession,
  tapTab,
  type World,
} from './support/app';
import { launchBrowser, NARROW, newPhone, screenshot } from './support/browser';

// The in-process stack reads this each time it signs an access token: set before the world starts.
const TTL_SECONDS = 8;
const previousTtl = process.env.ACCESS_TOKEN_TTL_SECONDS;
process.env.ACCESS_TOKEN_TTL_SECONDS = String(TTL_SECONDS);

jest.setTimeout(90_000);

const SECRETARY = 'demo-secretary-1';
// Branch 1, like demo-secretary-1 (DESIGN §5.1: 12 per branch, in order).
const MEMBER = 'demo-member-3';

interface StoredSession {
  token: string;
  refreshToken: string;
  member: MemberProfile;
}

let world: World;
let browser: Browser;
let secretary: { token: string; orgId: string };
let title: string;

beforeAll(async () => {
  ensureH5Build();
  world = await startWorld();
  browser = await launchBrowser();
  secretary = await world.api.login(SECRETARY);
  title = `主题党日 会话 ${Date.now().toString(36)}`;
  await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
  if (previousTtl === undefined) delete process.env.ACCESS_TOKEN_TTL_SECONDS;
  else process.env.ACCESS_TOKEN_TTL_SECONDS = previousTtl;
});

/** What the page sends to /v1/auth/refresh (how many, the most at once, the answers) and which calls got 401. */
function watchSession(page: Page) {
  const seen = {
    refreshes: 0,
    inFlight: 0,
    mostAtOnce: 0,
    refreshStatuses: [] as number[],
    /** The error codes of other calls' 401 answers (bodies are read asynchronously: await them). */
    refused: [] as Promise<string>[],
  };
  const isRefresh = (url: string) => url.endsWith('/v1/auth/refresh');
  page.on('request', (request) => {
    if (!isRefresh(request.url())) return;
    seen.refreshes += 1;
    seen.inFlight += 1;
    seen.mostAtOnce = Math.max(seen.mostAtOnce, seen.inFlight);
  });
  page.on('requestfailed', (request) => {
    if (isRefresh(request.url())) seen.inFlight -= 1;
  });
  page.on('response', (response) => {
    if (isRefresh(response.url())) {
      seen.inFlight -= 1;
      seen.refreshStatuses.push(response.status());
    } else if (response.status() === 401 && response.url().includes('/v1/')) {
      seen.refused.push(
        response
          .json()
          .then((body: { error?: { code?: string } }) => body.error?.code ?? '?')
          .catch(() => '?'),
      );
    }
  });
  return seen;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A 390 px screenshot, then the same screen at 320 px (name-320.png). */
async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await screenshot(page, name);
  await page.setViewportSize(NARROW);
  await screenshot(page, `${name}-320`);
  if (size) await page.setViewportSize(size);
}

describe('Short sessions in the H5 app', () => {
  it('carries on after the access token expires, renewing it silently, until the member is deactivated', async () => {
    const { context, page } = await newPhone(browser);
    const seen = watchSession(page);
    await loginByTapping(page, world.h5.url, MEMBER);
    await page.getByText(title, { exact: true }).waitFor();
    await screenshot(page, '30-session-home');
    const first = await storedSession<StoredSession>(page);
    expect(first).toMatchObject({ token: expect.any(String), refreshToken: expect.any(String) });
    const member = (first as StoredSession).member;

    // 1. The token runs out while the member reads; the next screen renews it before asking for data.
    await page.waitForTimeout((TTL_SECONDS + 1) * 1000);
    const beforeTab = seen.refreshes;
    await tapTab(page, '活动');
    await page.locator('.activity-item', { hasText: title }).waitFor();
    expect(seen.refreshes).toBeGreaterThan(beforeTab);
    expect((await storedSession<StoredSession>(page))?.refreshToken).not.toBe(first?.refreshToken);
    await screenshotBothWidths(page, '31-session-renewed');

    // 2. The server refuses the token as expired while the phone thinks it fresh: the home page's parallel
    // calls all get 401 TOKEN_EXPIRED, ONE refresh serves them all, and each call is sent again.
    await tapTab(page, '首页');
    await page.locator('.home-activity-title', { hasText: title }).waitFor();
    const expired = await signToken(
      {
        kind: 'member',
        memberId: member.id,
        name: member.name,
        orgId: member.orgId,
        orgPath: member.orgPath,
        roles: member.roles,
      },
      Date.now() - 120_000,
    );
    await until(() => seen.inFlight === 0); // a refresh cut off by the reload would spend the stored token
    const beforeReload = seen.refreshes;
    seen.refused.length = 0;
    // The phone believes it good for an hour (a skewed clock), so only the server's 401 can tell.
    const anHour = Date.now() + 3600_000;
    await reloadWithStoredSession(page, {
      token: expired.token,
      expiresAt: new Date(anHour).toISOString(),
      refreshAfter: anHour,
    });
    await page.getByText(`${member.name}同志，您好`).waitFor();
    await page.locator('.home-activity-title', { hasText: title }).waitFor();
    const refused = await Promise.all(seen.refused);
    expect(refused.filter((code) => code === 'TOKEN_EXPIRED').length).toBeGreaterThanOrEqual(2);
    expect(seen.refreshes - beforeReload).toBe(1);
    await expect(page.getByText('本地演示账号（点击即可登录）').count()).resolves.toBe(0);
    await screenshot(page, '32-session-expired-token-renewed');

    // Never two refreshes at once (each refresh token works once), and none was refused.
    expect(seen.mostAtOnce).toBe(1);
    expect(seen.refreshStatuses.every((status) => status === 200)).toBe(true);

    // 3. The secretary deactivates the member: the next screen ends on the login page, saying why.
    await world.api.deactivate(secretary.token, secretary.orgId, member.id);
    await tapTab(page, '我的');
    await page.getByText(MEMBER, { exact: true }).waitFor();
    await page
      .getByText(/停用|请重新登录/)
      .first()
      .waitFor();
    await screenshotBothWidths(page, '33-session-deactivated');
    expect(await storedSession(page)).toBeNull();

    // Logging in again is refused with the roster's reason.
    await page.getByText(MEMBER, { exact: true }).click();
    await page.getByText(messageFor('MEMBER_INACTIVE')).waitFor();
    await screenshot(page, '34-session-login-refused');
    await context.close();
  });
});

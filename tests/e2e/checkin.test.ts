/**
 * End to end: the H5 build of the mini-program in headless Chromium against the local stack.
 * A member checks in to their branch's activity with the secretary's code; the secretary's board counts it.
 * Screenshots of every step: test-results/e2e/*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { signSlot } from '../../functions/meetings/qr';
import { formatQrPayload, slotOf } from '../../shared/meetings/qr';
import { button, ensureH5Build, loginByTapping, openTodayActivity, startWorld, type World } from './support/app';
import { launchBrowser, NARROW, newPhone, screenshot } from './support/browser';

jest.setTimeout(180_000);

const SECRETARY = 'demo-secretary-1';
// demo-member-1 and -2 are in branch 1, like demo-secretary-1 (DESIGN §5.1: 12 per branch, in order).
const MEMBER = 'demo-member-1';
const OTHER_MEMBER = 'demo-member-2';
const NEAR_MEMBER = 'demo-member-4';
const FAR_MEMBER = 'demo-member-3'; // listed on the login page (the first three of each branch)

let world: World;
let browser: Browser;
let secretary: { token: string; orgId: string };

beforeAll(async () => {
  ensureH5Build();
  world = await startWorld();
  browser = await launchBrowser();
  secretary = await world.api.login(SECRETARY);
}, 600_000);

/** Opens a page of the app by its URL as a fresh load (the session stays in storage). */
async function openByUrl(page: Page, hashPath: string): Promise<void> {
  await page.goto(`${world.h5.url}${hashPath}`);
  await page.reload();
}

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

describe('Activity check-in in the H5 app', () => {
  it('checks a member in with the typed 6-digit code and shows it on the detail page and the board', async () => {
    // Prepare: an ongoing activity of branch 1 and its current code (what the secretary's screen shows).
    const title = `主题党日 E2E ${Date.now().toString(36)}`;
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);

    // Act: the member logs in by tapping the demo account, opens the activity, pastes the code, taps 签到.
    const member = await newPhone(browser);
    const page = member.page;
    await page.goto(`${world.h5.url}/#/pages/login/index`);
    await page.getByText(MEMBER, { exact: true }).waitFor();
    await screenshot(page, '01-login');
    await loginByTapping(page, world.h5.url, MEMBER);
    await page.getByText(title, { exact: true }).waitFor();
    await screenshot(page, '02-home');
    await openTodayActivity(page, title);
    await screenshot(page, '03-detail-before');
    // Fetched now, not before the login: a code lives 30–60 s, and a loaded machine can be slow to log in.
    // The secretary's QR answer carries the 6-digit code the screen shows under the QR.
    const { code } = (await world.api.qr(secretary.token, activityId)) as unknown as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    // The inner <input> (Taro wraps it in <taro-input-core>, which repeats the placeholder).
    await page.locator('input[placeholder="6 位签到码"]').fill(code);
    await screenshot(page, '03-detail-code-typed');
    await button(page, '签到').click();

    // Assess: the result page (read from the server), then the detail page again.
    await page.getByText('签到成功', { exact: true }).waitFor();
    await page.locator('.result-activity', { hasText: title }).waitFor();
    await screenshot(page, '04-result');
    await page.setViewportSize(NARROW);
    await screenshot(page, '04-result-320');
    await expect(page.getByText('迟到', { exact: true }).first().isVisible()).resolves.toBe(true);
    await button(page, '查看活动').click();
    await page.getByText('我的签到', { exact: true }).waitFor();
    await page.locator('.detail-mine-status').getByText('已签到').waitFor();
    await expect(page.locator('input[placeholder="6 位签到码"]').count()).resolves.toBe(0);
    await screenshot(page, '05-detail-after');
    await member.context.close();

    // The secretary, on a fresh phone, opens the board from the activity.
    const desk = await newPhone(browser);
    await loginByTapping(desk.page, world.h5.url, SECRETARY);
    await openTodayActivity(desk.page, title);
    await button(desk.page, '查看签到看板').click();
    const checkedIn = desk.page.locator('.board-stat--ok');
    await checkedIn.getByText('已签到').waitFor();
    await expect(checkedIn.locator('.board-stat-value').textContent()).resolves.toBe('1');
    await screenshot(desk.page, '06-board');
    await desk.context.close();

    const board = await world.api.board(secretary.token, activityId);
    expect(board).toMatchObject({ checkedIn: 1, late: 1 });
  });

  it("shows members only the place name and the secretary each check-in's distance and accuracy", async () => {
    // Prepare: an activity with a place (and the 10 s code of a large meeting); a member checks in from 33 m.
    const title = `党员大会 E2E ${Date.now().toString(36)}`;
    const place = { name: '门诊楼三楼会议室', lat: 30.25, lng: 120.16, radiusM: 200 };
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title, {
      place,
      qrSlotSeconds: 10,
    });
    const near = await world.api.login(NEAR_MEMBER);
    const { payload } = await world.api.qr(secretary.token, activityId);
    await world.api.checkIn(near.token, activityId, {
      qr: payload,
      location: { lat: place.lat + 0.0003, lng: place.lng, accuracy: 20 },
    });

    // A member who has not checked in sees where, but not the geofence.
    const member = await newPhone(browser, NARROW);
    await loginByTapping(member.page, world.h5.url, FAR_MEMBER);
    await openTodayActivity(member.page, title);
    await member.page.getByText(`${place.name}（需现场定位签到）`).waitFor();
    await member.page.getByText(`本活动需在「${place.name}」现场定位签到`).waitFor();
    await expect(member.page.getByText(/米内签到/).count()).resolves.toBe(0);
    await screenshot(member.page, '09-detail-place-member-320');
    await member.context.close();

    // The secretary sees the radius, and on the board how far from the place each member checked in.
    const desk = await newPhone(browser);
    await loginByTapping(desk.page, world.h5.url, SECRETARY);
    await openTodayActivity(desk.page, title);
    await desk.page.getByText(`${place.name}（200 米内签到）`).waitFor();
    await button(desk.page, '查看签到看板').click();
    await desk.page.getByText('距会场 33 米 · 精度 ±20 米').waitFor();
    await screenshot(desk.page, '09-board-distance');
    await desk.page.setViewportSize(NARROW);
    await screenshot(desk.page, '09-board-distance-320');
    await desk.context.close();
  });

  it('refuses an expired or forged code with the Chinese message and records nothing', async () => {
    // Prepare: a new activity; an expired code (signed for a slot two minutes ago) and a forged one.
    const title = `支部学习 E2E ${Date.now().toString(36)}`;
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);
    const secret = process.env.QR_SECRET ?? '';
    const oldSlot = slotOf(Date.now()) - 4;
    const expired = formatQrPayload({ activityId, slot: oldSlot, signature: signSlot(secret, activityId, oldSlot) });
    const current = (await world.api.qr(secretary.token, activityId)).payload;
    const forged = `${current.slice(0, current.lastIndexOf('.') + 1)}${'A'.repeat(22)}`;

    // Act: paste the expired code, then the forged one.
    const { context, page } = await newPhone(browser);
    await loginByTapping(page, world.h5.url, OTHER_MEMBER);
    await openTodayActivity(page, title);
    // The long code is the second way in, behind a link under the 6-digit input.
    await page.getByText('无法输入数字？粘贴长签到码', { exact: true }).click();
    const input = page.getByRole('textbox', { name: '粘贴签到码' });
    await input.fill(expired);
    await button(page, '签到').click();
    await page.getByText('签到码已过期，请扫描书记手机上的最新二维码').waitFor();
    await screenshot(page, '07-expired-code');
    await input.fill(forged);
    await button(page, '签到').click();
    await page.getByText('签到码无效，请扫描书记手机上的二维码').waitFor();
    await screenshot(page, '08-forged-code');

    // Assess: still on the detail page, not checked in; the board counts nobody.
    await expect(page.getByText('签到成功').count()).resolves.toBe(0);
    await expect(page.locator('.detail-mine-status').count()).resolves.toBe(0);
    await context.close();
    const board = await world.api.board(secretary.token, activityId);
    expect(board.checkedIn).toBe(0);
    expect(board.missing).toBe(board.total);
  });

  it('shows the secretary the code under the QR, and 未开始 instead of a code before the window opens', async () => {
    // Prepare: an ongoing activity and one that opens tomorrow.
    const title = `签到码 E2E ${Date.now().toString(36)}`;
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);
    const laterTitle = `明日党课 E2E ${Date.now().toString(36)}`;
    const tomorrow = Date.now() + 24 * 3600_000;
    const created = await world.api.call<{ activity: { id: string } }>('POST', '/v1/activities', secretary.token, {
      orgId: secretary.orgId,
      title: laterTitle,
      startAt: new Date(tomorrow).toISOString(),
      endAt: new Date(tomorrow + 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const laterId = created.body.activity.id;

    // Act + Assess: the open one shows its title and the code as "123 456"; the later one 未开始, no code.
    const desk = await newPhone(browser);
    await loginByTapping(desk.page, world.h5.url, SECRETARY);
    await openByUrl(desk.page, `/#/pages/meetings/qr/index?id=${activityId}`);
    await desk.page.getByText(title, { exact: true }).waitFor();
    await desk.page.getByText(/^\d{3} \d{3}$/).waitFor();
    await desk.page.getByText('复制', { exact: true }).waitFor();
    await screenshot(desk.page, '20-qr-with-code');
    await desk.page.setViewportSize(NARROW);
    await screenshot(desk.page, '20-qr-with-code-320');
    await openByUrl(desk.page, `/#/pages/meetings/qr/index?id=${laterId}`);
    await desk.page.getByText(laterTitle, { exact: true }).waitFor();
    await desk.page.getByText('未开始', { exact: true }).waitFor();
    await expect(desk.page.locator('.qr-image').count()).resolves.toBe(0);
    await expect(desk.page.getByText(/^\d{3} \d{3}$/).count()).resolves.toBe(0);
    await screenshot(desk.page, '21-qr-not-open-320');
    await desk.context.close();
  });

  it('does not show 签到成功 on a result page opened with a forged URL', async () => {
    // Prepare: an activity the member has not checked in to.
    const title = `结果页 E2E ${Date.now().toString(36)}`;
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);

    // Act: open the result page with a made-up title and "on time".
    const { context, page } = await newPhone(browser, NARROW);
    await loginByTapping(page, world.h5.url, OTHER_MEMBER);
    await openByUrl(page, `/#/pages/meetings/result/index?id=${activityId}&title=假&late=0&existed=0`);

    // Assess: the server's answer — not checked in, the real title, never the forged one.
    await page.getByText('未签到', { exact: true }).waitFor();
    await page.locator('.result-activity', { hasText: title }).waitFor();
    await expect(page.getByText('签到成功').count()).resolves.toBe(0);
    await expect(page.getByText('假', { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, '22-result-forged-url-320');
    await context.close();
  });
});

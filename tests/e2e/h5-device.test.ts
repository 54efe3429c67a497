/**
 * End to end, H5 only (issue #7 item 5): the phone's camera and position in the browser.
 * - Camera: Chromium's fake camera plays a .y4m file this test writes from the current check-in QR; the
 *   member taps 扫码 and the page decodes it (jsQR) and checks in.
 * - Position: the browser reports WGS-84; the page converts it to GCJ-02 (the secretary's place) before the
 *   geofence check. Screenshots: test-results/e2e/50-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import qrcode from 'qrcode-generator';
import { distanceMeters } from '../../shared/meetings/checkin-rules';
import { wgs84ToGcj02 } from '../../shared/meetings/coords';
import { button, ensureH5Build, loginByTapping, openTodayActivity, startWorld, type World } from './support/app';
import { launchBrowser, NARROW, newPhone, screenshot } from './support/browser';

jest.setTimeout(180_000);

const SECRETARY = 'demo-secretary-1';
// Branch 1 members listed on the login page (the first three of each branch).
const SCANNING_MEMBER = 'demo-member-1';
const NEAR_MEMBER = 'demo-member-2';
const FAR_MEMBER = 'demo-member-3';

/** A WGS-84 point in Hangzhou, as a phone's GPS (and so the browser) reports it. */
const HERE_WGS84 = { lat: 30.25, lng: 120.16 };
const HERE_GCJ02 = wgs84ToGcj02(HERE_WGS84);
const OUTSIDE_GEOFENCE_MESSAGE = '您不在活动地点范围内，无法签到';

const FRAME = { width: 640, height: 480 };

/**
 * A YUV4MPEG2 file Chromium's fake camera loops over: a few identical grey-scale frames (U = V = 128) of
 * `text` as a QR code on white, scaled up with a quiet zone. `text` null = a blank white picture.
 */
function writeQrVideo(file: string, text: string | null): void {
  const { width, height } = FRAME;
  const luma = Buffer.alloc(width * height, 255);
  if (text !== null) {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const modules = qr.getModuleCount();
    const quiet = 4;
    const scale = Math.floor((Math.min(width, height) * 0.85) / (modules + 2 * quiet));
    const left = Math.floor((width - modules * scale) / 2);
    const top = Math.floor((height - modules * scale) / 2);
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) {
        if (!qr.isDark(row, col)) continue;
        for (let y = 0; y < scale; y++) {
          luma.fill(
            0,
            (top + row * scale + y) * width + left + col * scale,
            (top + row * scale + y) * width + left + (col + 1) * scale,
          );
        }
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, frame, frame, frame, frame, frame]));
}

let world: World;
let browser: Browser;
let cameraBrowser: Browser;
let videoDir: string;
let videoFile: string;
let secretary: { token: string; orgId: string };

beforeAll(async () => {
  ensureH5Build();
  videoDir = mkdtempSync(path.join(os.tmpdir(), 'xianfeng-camera-'));
  videoFile = path.join(videoDir, 'camera.y4m');
  writeQrVideo(videoFile, null); // Chromium checks the file when it starts; the QR is written later.
  world = await startWorld();
  browser = await launchBrowser();
  cameraBrowser = await launchBrowser({
    extraArgs: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  });
  secretary = await world.api.login(SECRETARY);
}, 600_000);

afterAll(async () => {
  await cameraBrowser?.close();
  await browser?.close();
  await world?.stop();
  if (videoDir) rmSync(videoDir, { recursive: true, force: true });
});

/** A phone whose browser may locate, and reports `at` (WGS-84) with the given accuracy. */
async function locatedPhone(at: { lat: number; lng: number }, accuracy = 15, viewport?: typeof NARROW) {
  const phone = await newPhone(browser, viewport);
  await phone.context.grantPermissions(['geolocation'], { origin: world.h5.url });
  await phone.context.setGeolocation({ latitude: at.lat, longitude: at.lng, accuracy });
  return phone;
}

async function typeCurrentCode(page: Page, activityId: string): Promise<void> {
  const { code } = (await world.api.qr(secretary.token, activityId)) as unknown as { code: string };
  await page.locator('input[placeholder="6 位签到码"]').fill(code);
}

async function closeAll(...contexts: BrowserContext[]) {
  for (const context of contexts) await context.close();
}

describe('H5 camera scanning', () => {
  it('checks a member in from the QR code the camera sees', async () => {
    // Prepare: an ongoing activity; the member on its detail page, the camera showing a blank wall.
    const title = `扫码 E2E ${Date.now().toString(36)}`;
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);
    const { context, page } = await newPhone(cameraBrowser);
    await loginByTapping(page, world.h5.url, SCANNING_MEMBER);
    await openTodayActivity(page, title);
    await screenshot(page, '50-scan-detail');
    await button(page, '扫码').click();
    await page.locator('video.h5-scanner-video').waitFor();
    await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement | null)?.readyState === 4);
    await screenshot(page, '50-scan-camera-open');
    await button(page, '取消扫码').click();
    await expect(page.locator('video').count()).resolves.toBe(0);

    // Act: the secretary's current code in front of the camera (fetched now: it lives 30–60 s), then 扫码.
    const { payload } = await world.api.qr(secretary.token, activityId);
    writeQrVideo(videoFile, payload);
    await button(page, '扫码').click();

    // Assess: decoded and submitted like a pasted code; the camera is off again.
    await page.getByText('签到成功', { exact: true }).waitFor();
    await page.locator('.result-activity', { hasText: title }).waitFor();
    await screenshot(page, '50-scan-result');
    await page.setViewportSize(NARROW);
    await screenshot(page, '50-scan-result-320');
    await expect(page.locator('video').count()).resolves.toBe(0);
    await context.close();
    const board = await world.api.board(secretary.token, activityId);
    expect(board.checkedIn).toBe(1);
  });

  it('says in Chinese when there is no camera, and keeps the 6-digit code input', async () => {
    // Prepare: the ordinary headless browser (no camera, no fake one).
    const title = `无相机 E2E ${Date.now().toString(36)}`;
    await world.api.createOngoingActivity(secretary.token, secretary.orgId, title);
    const { context, page } = await newPhone(browser, NARROW);
    await loginByTapping(page, world.h5.url, SCANNING_MEMBER);
    await openTodayActivity(page, title);

    // Act
    await button(page, '扫码').click();

    // Assess
    await page.getByText(/请改用签到码签到$/).waitFor();
    await expect(page.locator('input[placeholder="6 位签到码"]').isVisible()).resolves.toBe(true);
    await screenshot(page, '50-scan-no-camera-320');
    await context.close();
  });
});

describe('H5 location (WGS-84 from the browser, GCJ-02 on the server)', () => {
  it('checks a member in at the place, which is ~500 m from the raw GPS point on a Chinese map', async () => {
    // Prepare: a 100 m geofence around the GCJ-02 form of where the member's phone says it is.
    expect(distanceMeters(HERE_WGS84, HERE_GCJ02)).toBeGreaterThan(300); // unconverted, it would be outside
    const title = `定位签到 E2E ${Date.now().toString(36)}`;
    const place = { name: '门诊楼三楼会议室', lat: HERE_GCJ02.lat, lng: HERE_GCJ02.lng, radiusM: 100 };
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title, { place });
    const { context, page } = await locatedPhone(HERE_WGS84);
    await loginByTapping(page, world.h5.url, NEAR_MEMBER);
    await openTodayActivity(page, title);

    // Act
    await typeCurrentCode(page, activityId);
    await button(page, '签到').click();

    // Assess: checked in, with the browser's accuracy and a distance of a few metres at most.
    await page.getByText('签到成功', { exact: true }).waitFor();
    await screenshot(page, '50-geo-inside-result');
    await page.setViewportSize(NARROW);
    await screenshot(page, '50-geo-inside-result-320');
    await context.close();
    const board = await world.api.board(secretary.token, activityId);
    expect(board.checkedIn).toBe(1);
    const desk = await newPhone(browser);
    await loginByTapping(desk.page, world.h5.url, SECRETARY);
    await openTodayActivity(desk.page, title);
    await button(desk.page, '查看签到看板').click();
    await desk.page.getByText(/距会场 \d 米 · 精度 ±15 米/).waitFor();
    await screenshot(desk.page, '50-geo-board');
    await desk.context.close();
  });

  it('refuses a member ~2 km away with the Chinese message and records nothing', async () => {
    // Prepare: the same kind of place; the phone reports a point 0.018° (~2 km) north.
    const title = `远处签到 E2E ${Date.now().toString(36)}`;
    const place = { name: '门诊楼三楼会议室', lat: HERE_GCJ02.lat, lng: HERE_GCJ02.lng, radiusM: 100 };
    const activityId = await world.api.createOngoingActivity(secretary.token, secretary.orgId, title, { place });
    const { context, page } = await locatedPhone({ lat: HERE_WGS84.lat + 0.018, lng: HERE_WGS84.lng });
    await loginByTapping(page, world.h5.url, FAR_MEMBER);
    await openTodayActivity(page, title);

    // Act
    await typeCurrentCode(page, activityId);
    await button(page, '签到').click();

    // Assess
    await page.getByText(OUTSIDE_GEOFENCE_MESSAGE).waitFor();
    await screenshot(page, '50-geo-outside');
    await page.setViewportSize(NARROW);
    await screenshot(page, '50-geo-outside-320');
    await expect(page.getByText('签到成功').count()).resolves.toBe(0);
    await context.close();
    const board = await world.api.board(secretary.token, activityId);
    expect(board.checkedIn).toBe(0);
  });

  it("lets the secretary set the place from the browser's position, typed coordinates or a recent place", async () => {
    // Prepare: the secretary's phone, located at the same point.
    const { context, page } = await locatedPhone(HERE_WGS84);
    await loginByTapping(page, world.h5.url, SECRETARY);
    const openCreate = async () => {
      await page.goto(`${world.h5.url}/#/pages/meetings/create/index`);
      await page.reload();
      await page.getByText('限定签到地点', { exact: true }).waitFor();
      await page.locator('taro-switch-core').click();
      await page.getByText('地点名称', { exact: true }).waitFor();
    };
    await openCreate();

    // Act + Assess: 使用当前位置 shows the GCJ-02 form of the browser's WGS-84 position.
    await button(page, '使用当前位置').click();
    await page.getByText(`${HERE_GCJ02.lat.toFixed(5)}, ${HERE_GCJ02.lng.toFixed(5)}`).waitFor();

    // 输入坐标: out of range is refused in Chinese; a valid pair is used.
    await button(page, '输入坐标').click();
    await page.locator('input[placeholder="如 30.25000"]').fill('95');
    await page.locator('input[placeholder="如 120.16000"]').fill('120.2');
    await button(page, '使用此坐标').click();
    await page.getByText('纬度应为 -90 到 90 之间的数字').waitFor();
    await page.getByText(/GCJ-02/).waitFor();
    await screenshot(page, '50-create-coords');
    await page.setViewportSize(NARROW);
    await screenshot(page, '50-create-coords-320');
    await page.locator('input[placeholder="如 30.25000"]').fill('30.26');
    await button(page, '使用此坐标').click();
    await page.getByText('30.26000, 120.20000').waitFor();

    // Create it; the place is then offered on the next form.
    const title = `地点记忆 E2E ${Date.now().toString(36)}`;
    await page.locator('input[placeholder="如：11月主题党日"]').fill(title);
    await page.locator('input[placeholder="如：门诊楼三楼会议室"]').fill('行政楼一楼报告厅');
    await button(page, '发起并显示签到码').click();
    await page.getByText(title, { exact: true }).waitFor();
    await openCreate();
    await page.getByText('最近用过的地点', { exact: true }).waitFor();
    await page.getByText('行政楼一楼报告厅', { exact: true }).click();
    await page.getByText('30.26000, 120.20000').waitFor();
    await expect(page.locator('input[placeholder="如：门诊楼三楼会议室"]').inputValue()).resolves.toBe(
      '行政楼一楼报告厅',
    );
    await screenshot(page, '50-create-recent-320');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '50-create-recent');
    await closeAll(context);
  });
});

/**
 * Screens tell the truth (issue #7): the 首页 list of today's activities says when it shows only some of them
 * and leads to all. Screenshot: test-results/e2e/73-home-more-320.png.
 */
import type { Browser } from 'playwright-core';
import { ensureH5Build, loginByTapping, startWorld, type World } from './support/app';
import { launchBrowser, NARROW, newPhone, screenshot } from './support/browser';

jest.setTimeout(120_000);

let world: World;
let browser: Browser;

beforeAll(async () => {
  ensureH5Build();
  world = await startWorld();
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

it('shows five of today’s seven activities and offers 查看全部', async () => {
  const secretary = await world.api.login('demo-secretary-3');
  for (let i = 1; i <= 6; i++) {
    await world.api.createOngoingActivity(secretary.token, secretary.orgId, `今日学习第${i}场`);
  }
  const { context, page } = await newPhone(browser, NARROW);
  try {
    await loginByTapping(page, world.h5.url, 'demo-member-25');
    const more = page.locator('.home-more', { hasText: '查看全部 7 个今日活动' });
    await more.waitFor();
    expect(await page.locator('.home-activity').count()).toBe(5);
    await screenshot(page, '73-home-more-320');
    await more.click();
    await page.locator('.activity-item').first().waitFor();
  } finally {
    await context.close();
  }
});

/**
 * Error screens offer the way out (issue #7): a page the person may not see (403) or that does not exist
 * (404) says so in plain Chinese and offers 返回 / 回首页 — never a 重试 that cannot succeed.
 * Screenshots: test-results/e2e/7x-error-*.png.
 */
import { loginByTapping } from './support/app';
import { NARROW, newPhone, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(120_000);

const stage = setUpStage();

it.each([
  ['another branch’s activity (403)', 'other', /其他支部|不是您所在支部/],
  ['an activity that does not exist (404)', 'missing', /活动不存在/],
])('shows %s with 返回 and 回首页, not 重试', async (_what, which, message) => {
  const secretary2 = await stage.world.api.login('demo-secretary-2');
  const otherId = await stage.world.api.createOngoingActivity(secretary2.token, secretary2.orgId, '外科支部学习');
  const id = which === 'other' ? otherId : 'a-does-not-exist';
  for (const viewport of [undefined, NARROW]) {
    const { context, page } = await newPhone(stage.browser, viewport);
    try {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-1');
      await page.goto(`${stage.world.h5.url}/#/pages/meetings/detail/index?id=${id}`);
      await page.getByText(message).first().waitFor();
      await page.locator('.status-retry', { hasText: '返回' }).waitFor();
      await page.locator('.status-secondary', { hasText: '回首页' }).waitFor();
      expect(await page.locator('.status-retry', { hasText: '重试' }).count()).toBe(0);
      await screenshot(page, `7${which === 'other' ? 1 : 2}-error-${which}${viewport ? '-320' : ''}`);
      await page.locator('.status-secondary', { hasText: '回首页' }).click();
      await page.getByText('今日活动').first().waitFor();
    } finally {
      await context.close();
    }
  }
});

it('tells a member at once that only runners create activities, instead of refusing the filled-in form', async () => {
  const { context, page } = await newPhone(stage.browser, NARROW);
  try {
    await loginByTapping(page, stage.world.h5.url, 'demo-member-2');
    await page.goto(`${stage.world.h5.url}/#/pages/meetings/create/index`);
    await page.getByText('只有支部书记和组织委员可以发起活动').waitFor();
    expect(await page.getByText('发起并显示签到码').count()).toBe(0);
    await page.locator('.status-retry', { hasText: '返回' }).waitFor();
    await screenshot(page, '74-create-as-member-320');
  } finally {
    await context.close();
  }
});

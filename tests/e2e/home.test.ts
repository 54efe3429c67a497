/**
 * Screens tell the truth (issue #7): the 首页 list of today's activities says when it shows only some of them
 * and leads to all. Screenshot: test-results/e2e/73-home-more-320.png.
 */
import { loginByTapping } from './support/app';
import { NARROW, newPhone, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(120_000);

const stage = setUpStage();

it('shows five of today’s seven activities and offers 查看全部', async () => {
  const secretary = await stage.world.api.login('demo-secretary-3');
  for (let i = 1; i <= 6; i++) {
    await stage.world.api.createOngoingActivity(secretary.token, secretary.orgId, `今日学习第${i}场`);
  }
  const { context, page } = await newPhone(stage.browser, NARROW);
  try {
    await loginByTapping(page, stage.world.h5.url, 'demo-member-25');
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

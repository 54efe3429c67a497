/**
 * Role-aware navigation and the member's hub (issue #7): each role's 首页 and 我的 offer only what that role can
 * use; a page opened by the wrong role says who may use it and offers the way out; 我的签到 shows the member's
 * own record from the server; 大字模式 switched on in 我的 reaches every page and survives a restart.
 * Screenshots: test-results/e2e/9x-*.png.
 */
import type { Page } from 'playwright-core';
import { loginByTapping, tapTab } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(180_000);

const stage = setUpStage();
const { withPhone } = stage;

async function homeEntries(page: Page): Promise<string[]> {
  await page.locator('.home-entry-text').first().waitFor();
  return page.locator('.home .home-entry-text').allTextContents();
}

async function meEntries(page: Page): Promise<string[]> {
  await tapTab(page, '我的');
  await page.locator('.me-large-text').waitFor();
  return page.locator('.me .me-menu-text').allTextContents();
}

describe('Navigation by role', () => {
  it.each([
    ['demo-member-2', ['扫码签到'], ['我的签到', '我的学习', '我的消息', '我的党费', '组织关系', '大字模式']],
    [
      'demo-secretary-1',
      ['扫码签到', '发起活动', '花名册', '组织架构', '发布通知', '学习管理', '请假审批', '夜学安排', '待我审批'],
      [
        '我的签到',
        '我的学习',
        '我的消息',
        '我的党费',
        '组织关系',
        '花名册',
        '组织架构',
        '学习管理',
        '夜学安排',
        '学习统计',
        '会议统计',
        '党费收缴',
        '基数审核',
        '待我审批',
        '转接管理',
        '转入登记',
        '大字模式',
      ],
    ],
    // Committee staff are 党员 too: they check in at the committee's own activities.
    [
      'demo-committee',
      ['扫码签到', '组织架构', '发布通知', '学习管理', '待我审批'],
      [
        '我的签到',
        '我的学习',
        '我的消息',
        '我的党费',
        '组织关系',
        '组织架构',
        '学习管理',
        '学习统计',
        '会议统计',
        '党费总览',
        '基数审核',
        '待我审批',
        '转接管理',
        '大字模式',
      ],
    ],
  ])('offers %s only the entries its role can use', async (openid, home, me) => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, openid);
      expect(await homeEntries(page)).toEqual(home);
      expect(await meEntries(page)).toEqual(me);
      await screenshot(page, `90-me-${openid}`);
    }, NARROW);
  });

  it('tells a member who opens the roster by a link who may use it, with 返回 and 回首页', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-3');
      await page.goto(`${stage.world.h5.url}/#/pages/org/roster/index`);
      await page.getByText('只有支部书记和党委工作人员可以使用此页面').waitFor();
      expect(await page.locator('.roster-item').count()).toBe(0);
      await page.locator('.status-retry', { hasText: '返回' }).waitFor();
      await screenshot(page, '91-roster-as-member-320');
      await page.locator('.status-secondary', { hasText: '回首页' }).click();
      await page.getByText('今日活动').first().waitFor();
    }, NARROW);
  });

  // A subpackage page (党费, 转接) gives PageRoot the roles its routes allow (shared/<domain>/access.ts).
  it.each([
    ['dues/bases', '只有支部书记、组织委员、党委工作人员可以使用此页面', 'dues-bases'],
    ['transfers/receipt', '只有党委工作人员可以使用此页面', 'transfer-receipt'],
  ])('tells a member who opens %s by a link who may use it', async (path, words, pageClass) => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-3');
      await page.goto(`${stage.world.h5.url}/#/pages/${path}/index?id=x`);
      await page.locator(`.page.${pageClass}`).getByText(words).waitFor();
      expect(await page.locator(`.page.${pageClass} .field, .page.${pageClass} .card`).count()).toBe(0);
      await page.locator(`.page.${pageClass} .status-retry`, { hasText: '返回' }).waitFor();
      await screenshot(page, `92-${pageClass}-as-member-320`);
    }, NARROW);
  });
});

describe('我的签到', () => {
  it("shows the member's own check-in of this month as the server recorded it", async () => {
    const secretary = await stage.world.api.login('demo-secretary-2');
    const id = await stage.world.api.createOngoingActivity(secretary.token, secretary.orgId, '周二夜学：党章第一章');
    const member = await stage.world.api.login('demo-member-14');
    const { payload } = await stage.world.api.qr(secretary.token, id);
    const answer = await stage.world.api.call('POST', `/v1/activities/${id}/checkins`, member.token, { qr: payload });
    expect(answer.status).toBe(201);

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-14');
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '我的签到' }).click();
      const row = page.locator('.my-attendance-item', { hasText: '周二夜学：党章第一章' });
      // Started five minutes ago: the check-in counts as late.
      await row.getByText('迟到', { exact: true }).waitFor();
      await screenshot(page, '92-my-attendance-320');
      await row.click();
      await page.locator('.activity-detail').getByText('周二夜学：党章第一章').first().waitFor();
    }, NARROW);
  });
});

describe('大字模式', () => {
  it('grows the text of every page once switched on in 我的, and keeps it after a restart', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-15');
      const greeting = page.locator('.home-greeting');
      const before = await greeting.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      await tapTab(page, '我的');
      await page.locator('.me-large-text .nut-switch').click();
      await page.locator('.page.me.large-text').waitFor();
      await screenshot(page, '93-me-large-text-320');
      await tapTab(page, '首页');
      await page.locator('.page.home.large-text').waitFor();
      const after = await greeting.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(after / before).toBeCloseTo(1.3, 1);
      await page.reload();
      await page.locator('.page.home.large-text').waitFor();
      await page.goto(`${stage.world.h5.url}/#/pages/meetings/checkin/index`);
      await page.locator('.page.checkin.large-text').waitFor();
    }, NARROW);
  });
});

/**
 * Issue 8, the publisher's side in the browser: a secretary writes an article on the phone (toolbar, preview,
 * validation), publishes it, sees who has not studied it and unpublishes it; committee staff publish a notice
 * to one branch only, and that branch's member gets the message with a badge on 我的 — opening the notice from
 * the push link marks the message read. Screenshots: test-results/e2e/57-*.png … 5d-*.png.
 */
import { button, loginByTapping, tapTab } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(240_000);

const stage = setUpStage();
const { withPhone } = stage;

interface Feed {
  items: { id: string; title: string }[];
}

describe('学习管理', () => {
  it('lets a secretary write, publish and unpublish an article and see who has not studied it', async () => {
    const title = `学习贯彻四中全会精神 ${Date.now() % 1000}`;
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      await page.locator('.home-entry', { hasText: '学习管理' }).click();
      await button(page, '新建学习内容').click();
      await button(page, '发布').click();
      await page.getByText('请填写标题').waitFor();
      await page.getByText('请选择栏目').waitFor();
      await page.getByRole('textbox', { name: /学习党的/ }).fill(title);
      await page.locator('.choice', { hasText: '理论学习' }).click();
      await page.getByRole('textbox', { name: '1–120 分钟' }).fill('130');
      await page.getByText('最低学习时长最多 120 分钟').waitFor();
      await page.getByRole('textbox', { name: '1–120 分钟' }).fill('3');
      await page.locator('.body-editor-tool', { hasText: '小标题' }).click();
      const body = page.locator('.body-editor-textarea textarea');
      await body.fill('# 一、深刻领会全会精神\n全会审议通过了**重要文件**。\n\n请各党小组认真组织学习。');
      await page.locator('.body-editor-tool', { hasText: '预览' }).click();
      await page.locator('.body-editor-preview h2', { hasText: '一、深刻领会全会精神' }).waitFor();
      await page.locator('.body-editor-preview strong', { hasText: '重要文件' }).waitFor();
      await screenshot(page, '57-study-edit-preview-320');
      await button(page, '发布').click();
      const row = page.locator('.study-manage-item', { hasText: title });
      await row.waitFor();
      await row.locator('.tag', { hasText: '已发布' }).waitFor();
      await screenshot(page, '58-study-manage-320');

      await row.locator('.study-manage-action', { hasText: '完成情况' }).click();
      await page.getByText(/未学（\d+）/).waitFor();
      await page.locator('.study-completions-name').first().waitFor();
      await screenshot(page, '59-study-completions-320');
      await page.goBack();

      await page
        .locator('.study-manage-item', { hasText: title })
        .locator('.study-manage-action', { hasText: '下架' })
        .click();
      await page
        .locator('.confirm-dialog .nut-dialog-content')
        .getByText(/下架后党员将看不到/)
        .waitFor();
      await screenshot(page, '5e-study-unpublish-confirm-320');
      await page.locator('.nut-dialog-footer-ok').click();
      await page.locator('.study-manage-item', { hasText: title }).locator('.tag', { hasText: '已下架' }).waitFor();
    }, NARROW);

    // Unpublished: the branch's members no longer see it.
    const member = await stage.world.api.login('demo-member-1');
    const feed = await stage.world.api.call<Feed>('GET', '/v1/study/items?limit=50', member.token);
    expect(feed.body.items.map((item) => item.title)).not.toContain(title);
  });

  it('shows a secretary the branch study figures of a month, and refuses them to a member', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '学习统计' }).click();
      await page.getByText('各支部（按组织顺序）').waitFor();
      await page.locator('.study-stats-row').first().waitFor();
      await screenshot(page, '5a-study-stats-committee-320');
      await page.locator('.month-stepper-step', { hasText: '上月' }).click();
      await page.locator('.month-stepper-title').waitFor();
    }, NARROW);
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-1');
      await page.goto(`${stage.world.h5.url}/#/pages/study/stats/index`);
      await page.getByText(/只有.*可以使用此页面/).waitFor();
    }, NARROW);
  });
});

describe('发布范围 and 我的消息', () => {
  it('lets committee staff publish to one branch; its member gets a badge, and the push link marks it read', async () => {
    const title = `第一党支部专项通知 ${Date.now() % 1000}`;
    const inBranch = await stage.world.api.login('demo-member-1');
    const elsewhere = await stage.world.api.login('demo-member-13');
    const branchName = inBranch.orgName;
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await page.locator('.home-entry', { hasText: '发布通知' }).click();
      await page.locator('.target-picker-toggle').click();
      await page.locator('.target-picker-row', { hasText: branchName }).first().click();
      await page.locator('.target-picker-summary', { hasText: branchName }).waitFor();
      await page.getByRole('textbox', { name: /关于开展/ }).fill(title);
      await page.locator('.notice-publish-textarea textarea').fill('请本支部党员于本周五前完成学习。');
      await screenshot(page, '5b-notice-publish-targets-320');
      await button(page, '发布').click();
      await page.locator('.notice-detail-title', { hasText: title }).waitFor();
    }, NARROW);

    const find = async (token: string) =>
      (await stage.world.api.call<Feed>('GET', '/v1/notices?limit=50', token)).body.items.find(
        (n) => n.title === title,
      );
    const notice = await find(inBranch.token);
    expect(notice).toBeDefined();
    expect(await find(elsewhere.token)).toBeUndefined();

    const inbox = await stage.world.api.call<{
      unread: number;
      items: { id: string; title: string; ref: { id: string } | null }[];
    }>('GET', '/v1/me/messages', inBranch.token);
    const message = inbox.body.items.find((item) => item.ref?.id === notice!.id);
    expect(message).toBeDefined();
    const unreadBefore = inbox.body.unread;
    expect(unreadBefore).toBeGreaterThan(0);

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-1');
      await tapTab(page, '我的');
      const badge = page.locator('.me-menu-item', { hasText: '我的消息' }).locator('.me-unread');
      await badge.waitFor();
      expect(Number(await badge.textContent())).toBe(unreadBefore);
      await page.locator('.weui-tabbar__item', { hasText: '我的' }).locator('.weui-badge').waitFor();
      await screenshot(page, '5c-me-unread-badge-320');
      // What the WeChat notification opens: the notice, with the message's id.
      await page.goto(`${stage.world.h5.url}/#/pages/notices/detail/index?id=${notice!.id}&message=${message!.id}`);
      await page.locator('.notice-detail-title', { hasText: title }).waitFor();
      await screenshot(page, '5d-notice-from-push-320');
    }, NARROW);
    const after = await stage.world.api.call<{ unread: number }>('GET', '/v1/me/messages', inBranch.token);
    expect(after.body.unread).toBe(unreadBefore - 1);
  });
});

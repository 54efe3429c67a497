/**
 * The other screens, as each role sees them: secretary (发起活动 → 签到二维码 → 看板, 花名册), committee (组织架构),
 * member (学习, 我的) and an unbound WeChat user (绑定). Screenshots: test-results/e2e/1x-*.png.
 */

import { messageFor } from '../../shared/errors';
import { withIdChecksum } from '../../shared/org/rules';
import { button, loginByTapping, reloadWithStoredSession, tapTab } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(180_000);

const stage = setUpStage();
const { withPhone } = stage;

describe('Screens by role', () => {
  it('lets a secretary create an activity and shows its rotating QR code and board', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      await page.getByText('发起活动', { exact: true }).waitFor();
      await screenshot(page, '10-secretary-home');
      await page.getByText('发起活动', { exact: true }).click();
      await page.getByRole('textbox', { name: '如：11月主题党日' }).fill('12月主题党日：学习党章');
      // A large meeting: the code changes every 10 s instead of 30.
      await page.locator('.create-choice', { hasText: '大型会议' }).click();
      await page.locator('.create-choice--on', { hasText: '10 秒' }).waitFor();
      await screenshot(page, '11-create-activity');
      await page.setViewportSize(NARROW);
      await screenshot(page, '11-create-activity-320');
      await button(page, '发起并显示签到码').click();

      const qrImage = page.locator('.qr-image img, img.qr-image').first();
      const countdown = page.getByText(/秒后自动更新/);
      await countdown.waitFor();
      expect(Number((await countdown.textContent())?.match(/\d+/)?.[0])).toBeLessThanOrEqual(10);
      await expect(qrImage.getAttribute('src')).resolves.toMatch(/^data:image\/gif;base64,/);
      const firstCode = await page.locator('.qr-payload').textContent();
      expect(firstCode).toMatch(/^[\w-]+\.\d+\.[\w-]+$/);
      await screenshot(page, '12-qr');
      // The server's refreshAt is at most 10 s away: a new code replaces this one by then.
      await page.waitForFunction(
        (previous) => document.querySelector('.qr-payload')?.textContent !== previous,
        firstCode,
        { timeout: 15_000 },
      );
      await button(page, '查看签到看板').click();
      await page.getByText('应到', { exact: true }).waitFor();
      await screenshot(page, '13-board-empty');
    });
  });

  it('shows a secretary the roster with masked phone and ID numbers', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      await page.getByText('花名册', { exact: true }).click();
      await page
        .getByText(/^手机 1\d{2}\*{4}\d{4}$/)
        .first()
        .waitFor();
      await expect(page.getByText(/^身份证 \d{6}\*{8}\d{3}[\dX]$/).count()).resolves.toBeGreaterThan(0);
      await screenshot(page, '14-roster');
    });
  });

  it('lets committee staff pick a branch from the org tree', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await page.getByText('组织架构', { exact: true }).click();
      // 首页 (a hidden tab page, still in the DOM) names the branches too: look in the tree.
      const tree = page.locator('.org-tree');
      await tree.getByText('外科党支部', { exact: true }).waitFor();
      await screenshot(page, '15-org-tree');
      await tree.getByText('外科党支部', { exact: true }).click();
      await page
        .getByText(/^手机 /)
        .first()
        .waitFor();
      await screenshot(page, '16-committee-roster');
    });
  });

  it('shows a member the study library and their profile', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-13');
      await tapTab(page, '学习');
      await page.locator('.study-entry').first().waitFor();
      await screenshot(page, '17-study');
      await tapTab(page, '活动');
      await page.locator('.activity-item').first().waitFor();
      await screenshot(page, '18-activities');
      await tapTab(page, '我的');
      await page.locator('.me-branch', { hasText: '外科党支部' }).waitFor();
      await screenshot(page, '19-me');
      await button(page, '退出登录').click();
      // Logging out also ends the session on the server (its refresh token stops working).
      const logout = page.waitForRequest((request) => request.url().endsWith('/v1/auth/logout'));
      await page.getByText('确定', { exact: true }).click();
      await page.getByText('demo-member-13', { exact: true }).waitFor();
      expect((await logout).postDataJSON()).toEqual({ refreshToken: expect.any(String) });
    });
  });

  it('lets a secretary issue a 绑定码 that binds a new WeChat user to the member', async () => {
    // Prepare: a new member of branch 1, not yet bound to any WeChat user.
    const secretary = await stage.world.api.login('demo-secretary-1');
    const serial = String(100 + Math.floor(Math.random() * 900));
    const created = await stage.world.api.call<{ member: { id: string } }>(
      'POST',
      `/v1/orgs/${secretary.orgId}/members`,
      secretary.token,
      {
        name: '郑新同',
        gender: 'male',
        phone: `139${serial}45678`.slice(0, 11),
        idNumber: withIdChecksum(`33022519900101${serial}`),
        category: 'probationary',
        joinedAt: '2026-07-01',
      },
    );
    expect(created.status).toBe(201);

    // Act 1: the secretary finds them in the roster and issues a code.
    let bindingCode = '';
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      await page.getByText('花名册', { exact: true }).click();
      const card = page.locator('.roster-item', { hasText: '郑新同' });
      await card.getByText('未绑定').waitFor();
      await card.locator('.roster-bind').click();
      await button(page, '生成绑定码').click();
      const code = page.locator('.binding-code-text');
      await code.waitFor();
      bindingCode = ((await code.textContent()) ?? '').trim();
      await screenshot(page, '20-binding-code');
    });
    expect(bindingCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);

    // Act 2: a WeChat user nobody knows logs in, is sent to the bind page, mistypes, then binds.
    await withPhone(async (page) => {
      await page.goto(`${stage.world.h5.url}/#/pages/login/index`);
      await page.getByRole('textbox', { name: /输入 openid/ }).fill(`e2e-newcomer-${serial}`);
      await button(page, '登录').click();
      // A fresh login, a new session and a page change: allow for a loaded 2-core CI machine.
      await page.getByText('请输入绑定码').waitFor({ timeout: 45_000 });
      const input = page.getByRole('textbox', { name: '8 位绑定码' });
      await input.fill('ABCD2345');
      await button(page, '绑定').click();
      await page.getByText(messageFor('BINDING_CODE_INVALID')).waitFor();
      await screenshot(page, '21-bind-wrong-code');
      await input.fill(bindingCode.toLowerCase());
      await button(page, '绑定').click();

      // Assess: signed in as that member.
      await page.getByText('郑新同同志，您好').waitFor();
      await screenshot(page, '22-bound-home');
    });
  });
  it('sends a member whose session is no longer valid back to the login page', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-2');
      // The stored token stops being accepted (a forged one: no refresh can help).
      await reloadWithStoredSession(page, { token: 'forged.token.value' });
      await page.getByText('demo-member-2', { exact: true }).waitFor();
      await page
        .getByText(/请重新登录|请先登录/)
        .first()
        .waitFor();
      await screenshot(page, '23-session-expired');
    });
  });
});

/**
 * Roster management on the phone (issue #7 item 4), as demo-secretary-1: a compact, searchable roster; add a
 * member; edit their phone; 停用 with a reason; import a workbook with a bad row. Screenshots:
 * test-results/e2e/60-*.png (390 px and 320 px).
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { withIdChecksum } from '../../shared/org/rules';
import { button, loginByTapping } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(240_000);

const stage = setUpStage();
const { withPhone } = stage;

async function openRoster(page: Page): Promise<void> {
  await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
  await page.getByText('花名册', { exact: true }).click();
  await page.locator('.roster-item').first().waitFor();
}

/** Nothing wider than the screen: no sideways scrolling, no control pushed off the edge. */
async function expectNoOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

async function rowNames(page: Page): Promise<string[]> {
  return page.locator('.roster-item .roster-name').allTextContents();
}

describe('Roster management (花名册)', () => {
  it('shows at least 10 people on one 390 × 844 screen and finds a person by name', async () => {
    const secretary = await stage.world.api.login('demo-secretary-1');
    const roster = await stage.world.api.call<{ items: { name: string }[] }>(
      'GET',
      `/v1/orgs/${secretary.orgId}/members?limit=200`,
      secretary.token,
    );
    const target = roster.body.items[5]!.name;

    await withPhone(async (page) => {
      await openRoster(page);
      const visible = await page.locator('.roster-item').evaluateAll(
        (rows) =>
          rows.filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          }).length,
      );
      expect(visible).toBeGreaterThanOrEqual(10);
      const height = await page
        .locator('.roster-item')
        .first()
        .evaluate((row) => row.getBoundingClientRect().height);
      expect(height).toBeGreaterThanOrEqual(56);
      expect(height).toBeLessThanOrEqual(64);
      await screenshot(page, '60-roster');

      await page.locator('input').and(page.getByPlaceholder('搜索姓名')).fill(target);
      await page.waitForFunction((name) => {
        const names = [...document.querySelectorAll('.roster-item .roster-name')].map((el) => el.textContent);
        return names.length > 0 && names.every((text) => text?.includes(name));
      }, target);
      expect(await rowNames(page)).toContain(target);
      await screenshot(page, '60-roster-search');
      await page.setViewportSize(NARROW);
      await expectNoOverflow(page);
      await screenshot(page, '60-roster-search-320');
    });
  });

  it('adds a member, edits their phone, and 停用 them with 转出: they leave the 在册 list', async () => {
    const serial = String(100 + Math.floor(Math.random() * 900));
    await withPhone(async (page) => {
      await openRoster(page);
      await page.locator('.roster-tool', { hasText: '添加党员' }).click();

      // Per-field errors from the shared schemas, cleared as soon as the field is fixed.
      await button(page, '保存').click();
      await page.getByText('请填写姓名').waitFor();
      await page.locator('input').and(page.getByPlaceholder('党员姓名')).fill('冯添加');
      await page.getByText('请填写姓名').waitFor({ state: 'detached' });
      await page.locator('input').and(page.getByPlaceholder('11 位手机号')).fill('12345');
      await button(page, '保存').click();
      await page.getByText('手机号应为 11 位中国大陆手机号').waitFor();
      await page.locator('input').and(page.getByPlaceholder('18 位身份证号')).fill('110101199001011234');
      await button(page, '保存').click();
      await page.getByText(/身份证号无效/).waitFor();
      await screenshot(page, '60-add-errors');
      await page.setViewportSize(NARROW);
      await expectNoOverflow(page);
      await screenshot(page, '60-add-errors-320');
      await page.setViewportSize({ width: 390, height: 844 });

      await page.locator('input').and(page.getByPlaceholder('11 位手机号')).fill(`139${serial}00001`);
      await page.getByText('手机号应为 11 位中国大陆手机号').waitFor({ state: 'detached' });
      await page
        .locator('input')
        .and(page.getByPlaceholder('18 位身份证号'))
        .fill(withIdChecksum(`11010119900101${serial}`));
      await page.getByText(/身份证号无效/).waitFor({ state: 'detached' });
      // 入党日期: the date picker opens on today; 确定 takes it.
      await page.getByText('入党日期', { exact: true }).click();
      await page.waitForTimeout(600);
      await page.locator('.weui-picker__action').last().click();
      await button(page, '保存').click();

      // The member's page: edit the phone.
      await page.locator('.member-head-name', { hasText: '冯添加' }).waitFor();
      await page.locator('.tag', { hasText: '未绑定' }).waitFor();
      await page
        .locator('input')
        .and(page.getByPlaceholder(/不改请留空/))
        .fill('13600001234');
      await button(page, '保存修改').click();
      await page.getByText('手机 136****1234', { exact: true }).waitFor();
      await screenshot(page, '60-member-edited');

      // 停用: a reason first, then the confirm dialog.
      await button(page, '停用该党员').click();
      await page.getByText('请选择停用原因').waitFor();
      await page.locator('.member-leave-reason', { hasText: '转出' }).click();
      await page.locator('input').and(page.getByPlaceholder(/说明/)).fill('转至市第二医院');
      await button(page, '停用该党员').click();
      // NutUI's dialog names the member and the reason before anything changes.
      const dialog = page.locator('.confirm-dialog .nut-dialog-content');
      await dialog.getByText(/确定停用「.+」（转出）/).waitFor();
      await screenshot(page, '60-deactivate-confirm');
      await page.locator('.nut-dialog-footer-ok').click();
      await page.getByText(/停用原因：转出（转至市第二医院）/).waitFor();
      await page.setViewportSize(NARROW);
      await expectNoOverflow(page);
      await screenshot(page, '60-member-inactive-320');
      await page.setViewportSize({ width: 390, height: 844 });

      // Back on the roster (在册): they are gone; under 已停用 they are there.
      await page.goBack();
      await page.locator('.roster-item').first().waitFor();
      await page.waitForFunction(
        () => ![...document.querySelectorAll('.roster-item .roster-name')].some((el) => el.textContent === '冯添加'),
      );
      await page.locator('.roster-filter', { hasText: '已停用' }).click();
      await page.locator('.roster-item', { hasText: '冯添加' }).waitFor();
      await screenshot(page, '60-roster-inactive');
    });
  });

  it('imports a workbook with one bad row and lists that row’s error', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['姓名', '性别', '手机号', '身份证号', '党员类别', '入党日期']);
    sheet.addRow(['褚导入', '女', '13711112222', withIdChecksum('44010619850101771'), '正式党员', '2010-07-01']);
    sheet.addRow(['卫错行', '男', '12345', withIdChecksum('44010619850101772'), '正式党员', '2011-07-01']);
    const buffer = Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);

    await withPhone(async (page) => {
      await openRoster(page);
      await page.locator('.roster-tool', { hasText: '导入' }).click();
      await page.getByText('选择 .xlsx 文件').waitFor();
      await page.locator('input.import-file').setInputFiles({
        name: '花名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      const row = page.locator('.import-error-row').first();
      await row.waitFor();
      expect(await row.textContent()).toMatch(/^第 3 行 · 手机号 · .+/);
      await expect(page.locator('.import-error-row', { hasText: '第 2 行' }).count()).resolves.toBe(0);
      await screenshot(page, '60-import-errors');
      await page.setViewportSize(NARROW);
      await expectNoOverflow(page);
      await screenshot(page, '60-import-errors-320');
    });
  });
});

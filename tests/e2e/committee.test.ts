/**
 * The committee (党委) account reaches its branches: the org tree with summed sizes, a branch's 活动 from the
 * tree and from 首页, and the 活动 tab's branch picker. Screenshots: test-results/e2e/4x-committee-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { loginByTapping, tapTab } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { setUpStage } from './support/stage';

jest.setTimeout(180_000);

/** The seed's 主题党日, one per branch (its month prefix depends on today). */
const DEMO_TITLE = /月主题党日：重温入党誓词/;

const stage = setUpStage();
const { withPhone } = stage;

/** The activity card of the seed's 主题党日 in `branch` (the card shows the branch's name). */
function demoActivityOf(page: Page, branch: string) {
  return page.locator('.activity-item', { hasText: branch }).filter({ hasText: DEMO_TITLE });
}

describe('Committee account', () => {
  it('sees summed sizes in the org tree and opens a branch’s activities from it', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await page.locator('.home-branch-row', { hasText: '外科党支部' }).waitFor();
      await screenshot(page, '40-committee-home');

      await page.getByText('组织架构', { exact: true }).click();
      const root = page.locator('.org-node', { hasText: '先锋医院党委' });
      const rootSize = root.locator('.org-node-size');
      await rootSize.waitFor();
      const [, total, branches] = (await rootSize.textContent())?.match(/^(\d+) 人 · (\d+) 个支部$/) ?? [];
      expect(Number(total)).toBeGreaterThan(0);
      expect(Number(branches)).toBe(3);
      // 临床党总支 holds two branches: its total is theirs plus its own (none directly in it).
      const general = await page
        .locator('.org-node', { hasText: '临床党总支' })
        .locator('.org-node-size')
        .textContent();
      expect(general).toMatch(/^[1-9]\d* 人 · 2 个支部$/);
      await screenshot(page, '41-committee-org-tree');
      await page.setViewportSize(NARROW);
      await screenshot(page, '41-committee-org-tree-320');

      await page.locator('.org-node', { hasText: '外科党支部' }).getByText('活动', { exact: true }).click();
      await page.getByText('外科党支部 · 活动', { exact: true }).waitFor();
      await demoActivityOf(page, '外科党支部').waitFor();
      await expect(page.locator('.activity-item', { hasText: '内科第一党支部' }).count()).resolves.toBe(0);
      await screenshot(page, '42-committee-branch-activities-320');
    });
  });

  it('opens a branch’s activities from the committee’s 首页', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await page.setViewportSize(NARROW);
      await page.locator('.home-branch-row', { hasText: '内科第一党支部' }).waitFor();
      await screenshot(page, '40-committee-home-320');
      await page.locator('.home-branch-row', { hasText: '内科第一党支部' }).click();
      await page.getByText('内科第一党支部 · 活动', { exact: true }).waitFor();
      await demoActivityOf(page, '内科第一党支部').waitFor();
    });
  });

  it('picks a branch on the 活动 tab and lists that branch’s activities', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await tapTab(page, '活动');
      // Default: the first branch in tree order.
      const picked = page.locator('.branch-picker-name');
      await picked.waitFor();
      const first = (await picked.textContent()) ?? '';
      await demoActivityOf(page, first).waitFor();
      await screenshot(page, '43-committee-activities');

      await pickBranch(page, page.locator('.activities .branch-picker'), '外科党支部');

      await page.locator('.branch-picker-name', { hasText: '外科党支部' }).waitFor();
      await demoActivityOf(page, '外科党支部').waitFor();
      await expect(page.locator('.activity-item', { hasText: first }).count()).resolves.toBe(0);
      await screenshot(page, '45-committee-activities-branch-2');
      await page.setViewportSize(NARROW);
      await screenshot(page, '45-committee-activities-branch-2-320');
    });
  });

  it('switches the roster to another branch with the same picker', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await page.getByText('组织架构', { exact: true }).click();
      const tree = page.locator('.org-tree');
      await tree.getByText('内科第一党支部', { exact: true }).click();
      const roster = page.locator('.roster');
      await roster.locator('.branch-picker-name', { hasText: '内科第一党支部' }).waitFor();
      await roster.locator('.roster-item').first().waitFor();
      await pickBranch(page, roster.locator('.branch-picker'), '外科党支部', '46-committee-roster-picking');
      await page.locator('.roster .branch-picker-name', { hasText: '外科党支部' }).waitFor();
      await page.locator('.roster .roster-title', { hasText: '外科党支部' }).waitFor();
      await page.locator('.roster .roster-item').first().waitFor();
      await screenshot(page, '46-committee-roster-picker');
    });
  });
});

/** Taro's H5 picker (weui): tapping a row of the wheel scrolls it to the middle; 确定 confirms. */
async function pickBranch(page: Page, picker: Locator, name: string, shot = '44-committee-picker'): Promise<void> {
  await picker.click();
  const row = page.locator('.weui-picker__item', { hasText: name });
  await row.waitFor();
  await page.waitForTimeout(600); // the sheet's slide-up
  // A plain tap at the row (Playwright's stability wait never settles on the wheel's transformed column).
  const box = (await row.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(400); // the wheel's settle animation
  await screenshot(page, shot);
  await page.locator('.weui-picker__action').last().click();
}

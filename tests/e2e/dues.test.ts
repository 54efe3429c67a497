/**
 * Issue 10 in the browser: a member pays two months of 党费 through WeChat Pay — on H5 the 模拟支付 page stands in
 * for WeChat's cashier, and the fake WeChat Pay sends the signed notification — and sees them paid with the
 * receipt; the 组织委员 sees the branch's month totals move. Every screen is checked for overlaps at 320 px
 * (and in 大字模式). Screenshots: test-results/e2e/dues-*.png.
 */
import type { Page } from 'playwright-core';
import { formatYuan } from '../../shared/dues/money';
import { shanghaiMonth, shiftMonth } from '../../shared/time';
import { loginByTapping, tapTab } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { layoutProblems, turnOnLargeText } from './support/layout';
import { setUpStage } from './support/stage';

jest.setTimeout(240_000);

const stage = setUpStage();
const { withPhone } = stage;
const month = shanghaiMonth(Date.now());
const lastMonth = shiftMonth(month, -1);
type Json = Record<string, unknown> & { error?: { code: string } };

async function looksRight(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await layoutProblems(page)).toEqual([]);
}

/** demo-member-1 with an approved 5400.00 base and bills for last month and this one, through the API. */
async function memberWithTwoBills(): Promise<{ memberId: string }> {
  const { api } = stage.world;
  const member = await api.login('demo-member-1');
  const secretary = await api.login('demo-secretary-1');
  const organizer = await api.login('demo-organizer-1');
  const me = await api.call<{ member: { id: string } }>('GET', '/v1/me', member.token);
  const memberId = me.body.member.id;
  const declared = await api.call<{ base: { id: string } }>('PUT', `/v1/members/${memberId}/dues-base`, member.token, {
    year: Number(shiftMonth(month, -12).slice(0, 4)),
    fromMonth: shiftMonth(month, -12),
    category: 'employed',
    monthlyBase: '5400.00',
  });
  expect(declared.status).toBe(200);
  const decided = await api.call<Json>('POST', `/v1/dues/bases/${declared.body.base.id}/decision`, secretary.token, {
    approve: true,
  });
  expect(decided.status).toBe(200);
  for (const m of [lastMonth, month]) {
    const bills = await api.call<Json>('POST', `/v1/orgs/${organizer.orgId}/dues/bills`, organizer.token, { month: m });
    expect(bills.status).toBe(200);
  }
  return { memberId };
}

async function paidFen(): Promise<number> {
  const organizer = await stage.world.api.login('demo-organizer-1');
  const totals = await stage.world.api.call<{ paidFen: number }>(
    'GET',
    `/v1/orgs/${organizer.orgId}/dues?month=${month}`,
    organizer.token,
  );
  return totals.body.paidFen;
}

const onTop = (page: Page, className: string) => page.locator(`.page.${className}`).last();

describe('我的党费', () => {
  it('a member pays two months through 模拟支付 and sees them paid; the organizer sees the totals move', async () => {
    await memberWithTwoBills();
    const before = await paidFen();
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-1');
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '我的党费' }).click();
      const mine = onTop(page, 'dues-mine');
      await mine.getByText('5400.00 元 × 1.5% = 81.00 元').waitFor();
      await mine.getByText('微信支付 162.00 元').waitFor();
      await looksRight(page, 'dues-mine-unpaid');
      await mine.locator('.action-button').filter({ hasText: '微信支付 162.00 元' }).click();

      const cashier = onTop(page, 'mock-pay');
      await cashier.getByText('162.00 元').waitFor();
      await looksRight(page, 'dues-mock-pay');
      await cashier
        .locator('.action-button')
        .filter({ hasText: /^\s*确认支付\s*$/ })
        .click();

      const after = onTop(page, 'dues-mine');
      await after.getByText('本月及以前的党费已缴清').waitFor({ timeout: 45_000 });
      await after.getByText('微信支付', { exact: true }).first().waitFor();
      await looksRight(page, 'dues-mine-paid');
    }, NARROW);
    expect((await paidFen()) - before).toBe(8100); // this month's bill; last month's moved its own month

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-organizer-1');
      await turnOnLargeText(page);
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '党费收缴' }).click();
      const branch = onTop(page, 'dues-branch');
      await branch.locator('.branch-money-value').first().waitFor();
      const values = await branch.locator('.branch-money-value').allTextContents();
      expect(values[1]).toBe(formatYuan(before + 8100)); // 实交 of this month, in yuan
      await looksRight(page, 'dues-branch-organizer-large');
    }, NARROW);
  });
});

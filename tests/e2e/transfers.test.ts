/**
 * Issue 11 in the browser: a member of 内科第一党支部 applies on their phone to move to 外科党支部; the out-branch
 * secretary approves from 待我审批 (the 首页 badge counts it), the 党委 approves from 转接管理, the in-branch secretary
 * accepts — and the member's 我的 shows the new branch. Out of the system: the 党委 issues the 介绍信 (asked for a
 * reason, as the member's dues are not paid up), the letter page reads in Chinese (介绍信, 〔year〕第…号, 党费交至) and
 * its PDF downloads, and the 回执 is recorded. A secretary registers a member arriving with a letter. Every screen
 * is checked for overlaps at 320 px, some in 大字模式. Screenshots: test-results/e2e/t*.png.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { withIdChecksum } from '../../shared/org/rules';
import { shanghaiDay } from '../../shared/time';
import { loginByTapping, tapTab } from './support/app';
import { NARROW, SCREENSHOT_DIR, screenshot, toast } from './support/browser';
import { layoutProblems, turnOnLargeText } from './support/layout';
import { setUpStage } from './support/stage';

jest.setTimeout(300_000);

const stage = setUpStage();
const { withPhone } = stage;

/** Taro's H5 router keeps the pages below in the DOM: every lookup is scoped to the page on top. */
const onTop = (page: Page, className: string) => page.locator(`.page.${className}`).last();

function button(scope: Locator, label: string): Locator {
  return scope.locator('.action-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

/** The screen as the phone shows it, and the whole page below it (to read every card), with no overlaps. */
async function looksRight(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  // Taro's H5 page scrolls inside its own box: a viewport as tall as the page shows it whole.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.taro_page')].map((element) => element.scrollHeight)),
  );
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-full.png`) });
  await page.setViewportSize(viewport);
  expect(await layoutProblems(page)).toEqual([]);
}

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
interface TransferJson {
  transfer: { id: string; state: string; version: number };
}

/** From the detail on screen: its transfer id (?id=). */
function idOf(page: Page): string {
  return new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
}

describe('系统内转接 on the phones of everyone involved', () => {
  it('member applies, out-branch secretary, 党委 and in-branch secretary approve; 我的 shows the new branch', async () => {
    const { api } = stage.world;
    let id = '';

    // The member applies: 我的 › 组织关系 › 申请转接, the destination from the org tree.
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-3');
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '组织关系' }).click();
      const mine = onTop(page, 'my-transfers');
      await mine.getByText('没有正在办理的转接。').waitFor();
      await mine.getByText('内科第一党支部', { exact: true }).waitFor();
      await looksRight(page, 't01-my-transfers-none-320');
      await button(mine, '申请转接').click();

      const form = onTop(page, 'transfer-apply');
      await form.locator('.apply-org', { hasText: '外科党支部' }).waitFor();
      // The member's own branch is shown but cannot be picked; the 党委 and 党总支 give the tree its shape.
      await form.locator('.apply-org--here', { hasText: '内科第一党支部' }).getByText('现所在支部').waitFor();
      await button(form, '提交申请').click();
      await form.getByText('请填写原因').waitFor();
      await form.locator('.field--bad', { hasText: '转入支部' }).waitFor();
      await looksRight(page, 't02-apply-errors-320');
      await form.locator('.apply-org', { hasText: '外科党支部' }).click();
      await form.locator('.apply-picked', { hasText: '外科党支部' }).waitFor();
      await form.locator('.transfer-textarea textarea').fill('工作调动到外科病区');
      await form.getByText('9/500', { exact: true }).waitFor();
      await looksRight(page, 't03-apply-filled-320');
      await button(form, '提交申请').click();

      const detail = onTop(page, 'transfer-detail');
      await detail.locator('.tag', { hasText: '待转出支部审批' }).waitFor();
      await detail.locator('.step--current', { hasText: '转出支部审批' }).waitFor();
      await detail.locator('.detail-pending').getByText('内科第一党支部', { exact: true }).waitFor();
      await detail.locator('.detail-pending').getByText('支部书记', { exact: true }).waitFor();
      await button(detail, '撤回申请').waitFor();
      await looksRight(page, 't04-detail-applied-320');
      id = idOf(page);
    }, NARROW);
    expect(id).not.toBe('');

    // A second tap, as if the answer had been lost, with another key: one open transfer per member.
    const member = await api.login('demo-member-3');
    const again = await api.call<Json>('POST', '/v1/transfers', member.token, {
      kind: 'internal',
      toOrgId: 'org-branch-2',
      reason: '再次申请',
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('TRANSFER_ALREADY_OPEN');

    // The out-branch secretary: the 首页 badge, 待我审批, the detail, 同意.
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      const entry = page.locator('.home-entry', { hasText: '待我审批' });
      await entry.locator('.home-entry-badge', { hasText: /^1$/ }).waitFor();
      await looksRight(page, 't05-secretary-home-badge-320');
      await entry.click();
      const todo = onTop(page, 'transfer-todo');
      const card = todo.locator('.transfer-card', { hasText: /内科第一党支部\s*→\s*外科党支部/ });
      await card.waitFor();
      await todo.getByText('共 1 件待办').waitFor();
      await looksRight(page, 't06-todo-320');
      await card.click();
      const detail = onTop(page, 'transfer-detail');
      await detail.locator('.detail-decision').waitFor();
      // The approvers see where the member's dues stand before they decide.
      await detail.locator('.detail-dues').getByText('党费交至：未缴').waitFor();
      await looksRight(page, 't07-detail-out-branch-320');
      await button(detail, '退回').click();
      await detail.getByText('退回须填写原因，申请人会看到').waitFor();
      await detail.locator('.detail-decision textarea').fill('同意调往外科');
      await button(detail, '同意').click();
      await toast(page, '已同意');
      await detail.locator('.tag', { hasText: '待党委审批' }).waitFor();
      await detail.locator('.detail-decision').waitFor({ state: 'detached' });
      await detail.locator('.detail-entry', { hasText: '同意调往外科' }).waitFor();
    }, NARROW);

    // 党委 staff: the middle step is the lowest committee over both branches with staff to act (the 临床党总支 has
    // none: the 党委) — found here through 转接管理 (this month's transfers of the whole tree), in 大字模式.
    await withPhone(async (page) => {
      await turnOnLargeText(page);
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '转接管理' }).click();
      const org = onTop(page, 'org-transfers');
      const card = org.locator('.transfer-card', { hasText: /内科第一党支部\s*→\s*外科党支部/ });
      await card.waitFor();
      await org
        .locator('.figure', { hasText: '内部转接' })
        .locator('.figure-value')
        .getByText(/^[1-9]\d*$/)
        .waitFor();
      await looksRight(page, 't08-org-transfers-large-320');
      await card.click();
      const detail = onTop(page, 'transfer-detail');
      await detail.locator('.detail-pending').getByText('先锋医院党委', { exact: true }).waitFor();
      await button(detail, '同意').waitFor();
      await looksRight(page, 't09-detail-committee-large-320');
      await button(detail, '同意').click();
      await toast(page, '已同意');
      await detail.locator('.tag', { hasText: '待转入支部接收' }).waitFor();
    }, NARROW);

    // A second approval of that step, as if from a phone that had not refreshed: refused, nothing changed.
    const committee = await api.login('demo-committee');
    const late = await api.call<Json>('POST', `/v1/transfers/${id}/approve`, committee.token, { version: 2 });
    expect(late.status).toBe(409);

    // The in-branch secretary accepts, in 大字模式.
    await withPhone(async (page) => {
      await turnOnLargeText(page);
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-2');
      await page.locator('.home-entry', { hasText: '待我审批' }).click();
      const todo = onTop(page, 'transfer-todo');
      await todo.locator('.transfer-card', { hasText: /内科第一党支部\s*→\s*外科党支部/ }).click();
      const detail = onTop(page, 'transfer-detail');
      await button(detail, '同意接收').waitFor();
      await looksRight(page, 't10-detail-in-branch-large-320');
      await button(detail, '同意接收').click();
      await toast(page, '已同意');
      await detail.locator('.tag', { hasText: '已完成' }).waitFor();
      await detail.locator('.step--done', { hasText: '已办结' }).waitFor();
      await expect(detail.locator('.step--done').count()).resolves.toBe(4);
      await expect(detail.locator('.detail-entry').count()).resolves.toBe(4);
      await looksRight(page, 't11-detail-completed-large-320');
    }, NARROW);

    // The member, on a fresh phone: 我的 shows the new branch, 组织关系 the finished transfer.
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-3');
      await tapTab(page, '我的');
      await page.locator('.me-branch', { hasText: '外科党支部' }).waitFor();
      await looksRight(page, 't12-me-new-branch-320');
      await page.locator('.me-menu-item', { hasText: '组织关系' }).click();
      const mine = onTop(page, 'my-transfers');
      await mine.locator('.mine-branch-name', { hasText: '外科党支部' }).waitFor();
      await mine.locator('.transfer-card', { hasText: '已完成' }).waitFor();
      await looksRight(page, 't13-my-transfers-done-320');
      // Each decision reached the member as a message; one opens the transfer.
      await page.goBack();
      await page.locator('.me-menu-item', { hasText: '我的消息' }).click();
      await page.locator('.notices-item', { hasText: '组织关系转接进度' }).first().click();
      await onTop(page, 'transfer-detail').locator('.tag', { hasText: '已完成' }).waitFor();
    }, NARROW);
  });
});

describe('转出本系统: the 介绍信 and its 回执', () => {
  it('issues the letter after a reason for the unpaid dues, shows it in Chinese with its PDF, records the 回执', async () => {
    const { api } = stage.world;
    const member = await api.login('demo-member-25');
    const secretary = await api.login('demo-secretary-3');
    const applied = await api.call<TransferJson>('POST', '/v1/transfers', member.token, {
      kind: 'outbound',
      destination: { name: '宁波市第二医院党委', contact: '组织科 0574-87000000' },
      reason: '调入宁波市第二医院工作',
    });
    expect(applied.status).toBe(201);
    const id = applied.body.transfer.id;
    const out = await api.call<Json>('POST', `/v1/transfers/${id}/approve`, secretary.token, {});
    expect(out.status).toBe(200);

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-committee');
      await page.locator('.home-entry', { hasText: '待我审批' }).click();
      const todo = onTop(page, 'transfer-todo');
      await todo.locator('.transfer-card', { hasText: '宁波市第二医院党委' }).click();
      const detail = onTop(page, 'transfer-detail');
      await button(detail, '同意并开具介绍信').click();
      // Nothing paid yet: the letter would say 党费交至 未缴, so the committee is asked why it issues all the same.
      await detail.locator('.detail-override-why', { hasText: '未交至转出当月' }).waitFor();
      await detail.locator('.detail-override-input textarea').fill('已约定到新单位后补交');
      await looksRight(page, 't20-detail-dues-override-320');
      await button(detail, '填好原因，开具介绍信').click();
      await toast(page, '已同意');
      await detail.locator('.tag', { hasText: '已开介绍信' }).waitFor();
      await detail.locator('.step--current', { hasText: '回执' }).waitFor();
      await looksRight(page, 't21-detail-letter-issued-320');

      await detail.getByText('查看介绍信 ›').click();
      const letter = onTop(page, 'transfer-letter');
      await letter.locator('.letter-title', { hasText: '介绍信' }).waitFor();
      const year = new Date().getFullYear();
      await letter
        .locator('.letter-number')
        .getByText(new RegExp(`〔(${year}|${year + 1})〕第\\d{3,}号`))
        .waitFor();
      await letter.getByText('宁波市第二医院党委：', { exact: true }).waitFor();
      await letter.locator('.transfer-line', { hasText: '党费交至' }).getByText('未缴').waitFor();
      await letter.getByText(/已约定到新单位后补交/).waitFor();
      await button(letter, '打印').waitFor();
      await looksRight(page, 't22-letter-320');
      // As 打印 prints it: the letter alone.
      await page.emulateMedia({ media: 'print' });
      await expect(letter.locator('.letter-tools').isVisible()).resolves.toBe(false);
      await screenshot(page, 't22-letter-print-320');
      await page.emulateMedia({ media: 'screen' });
      await letter.locator('.letter-facts').scrollIntoViewIfNeeded();
      await looksRight(page, 't23-letter-facts-320');

      // The PDF: fetched with the token and opened in a new tab (or saved).
      const popup = page
        .context()
        .waitForEvent('page', { timeout: 15_000 })
        .catch(() => null);
      const download = page.waitForEvent('download', { timeout: 15_000 }).catch(() => null);
      await button(letter, '下载PDF').click();
      const opened = await Promise.race([popup, download]);
      expect(opened).not.toBeNull();

      await page.goBack();
      await detail.getByText('登记回执 ›').click();
      const receipt = onTop(page, 'transfer-receipt');
      await receipt.getByText('宁波市第二医院党委', { exact: false }).first().waitFor();
      await button(receipt, '登记回执').click();
      await receipt.getByText('请填写接收人或接收组织').waitFor();
      await receipt.locator('input').first().fill('宁波市第二医院党委组织科');
      await looksRight(page, 't24-receipt-320');
      await button(receipt, '登记回执').click();
      await toast(page, '已登记回执');
      const done = onTop(page, 'transfer-detail');
      await done.locator('.tag', { hasText: '已收回执' }).waitFor();
      await looksRight(page, 't25-detail-receipt-320');
    }, NARROW);

    // The PDF itself: Chinese text in a real PDF.
    const committee = await api.login('demo-committee');
    const pdf = await fetch(`${stage.world.stack.apiUrl}/v1/transfers/${id}/letter/pdf`, {
      headers: { authorization: `Bearer ${committee.token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

describe('转入登记', () => {
  it('registers a member arriving with a letter, then offers the binding code', async () => {
    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-3');
      await tapTab(page, '我的');
      await page.locator('.me-menu-item', { hasText: '转入登记' }).click();
      const form = onTop(page, 'transfer-inbound');
      await button(form, '登记转入').click();
      await form.getByText('请填写介绍信编号').waitFor();
      await looksRight(page, 't30-inbound-errors-320');
      const fill = (placeholder: string, value: string) =>
        form.locator(`input[placeholder="${placeholder}"]`).fill(value);
      await fill('党员姓名', '钱学明');
      await fill('11 位手机号', '13857400123');
      await fill('18 位身份证号', withIdChecksum(`33022519800101${String(100 + Math.floor(Math.random() * 900))}`));
      await fill('介绍信上的编号', '甬二院党转〔2026〕第007号');
      await fill('开具介绍信的党组织', '宁波市第二医院党委');
      // The date pickers open on today (the latest day they allow): 确定 takes it.
      await pickToday(page, form, '入党日期');
      await pickToday(page, form, '开具日期');
      await looksRight(page, 't31-inbound-filled-320');
      await button(form, '登记转入').click();
      await form.getByText('已登记转入').waitFor();
      await form.getByText('钱学明', { exact: true }).waitFor();
      await looksRight(page, 't32-inbound-done-320');
      await button(form, '生成绑定码').click();
      await onTop(page, 'binding-code').getByText('钱学明', { exact: true }).waitFor();
    }, NARROW);
  });
});

/** Taro's H5 date picker (weui) opens on today, the latest day these fields allow: 确定 takes it. */
async function pickToday(page: Page, scope: Locator, label: string): Promise<void> {
  await scope.locator('.field', { hasText: label }).click();
  await page.waitForTimeout(600); // the sheet's slide-up
  // Each date row has its own (hidden) sheet: 确定 of the one open.
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  await scope.locator('.field', { hasText: label }).getByText(shanghaiDay(Date.now())).waitFor();
}

/**
 * Issue 9 in the browser, the secretary's side: a 支部党员大会 created with the form (kind, topic, host, material,
 * 签退), its 签到码 / 签退码 and its board (every standing, 补签 by hand, 提醒未签到); a record saved with a
 * photo uploaded from the phone, and the quarter's 落实率 of 支部党员大会 going from 0/1 to 1/1; a member's leave
 * approved from 请假审批 (and one decided meanwhile by someone else), then the meeting cancelled with a reason.
 * Every screen is checked for overlaps at 320 px, in 大字模式 where said. Screenshots: test-results/e2e/m*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { loginByTapping } from './support/app';
import { NARROW, screenshot, toast } from './support/browser';
import { layoutProblems, turnOnLargeText } from './support/layout';
import { setUpStage } from './support/stage';

jest.setTimeout(300_000);

const stage = setUpStage();
const { withPhone } = stage;

/** Taro's H5 router keeps the pages below in the DOM: every lookup is scoped to the page on top. */
const onTop = (page: Page, className: string) => page.locator(`.page.${className}`);

function button(scope: Locator, label: string): Locator {
  return scope.locator('.action-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

async function looksRight(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await layoutProblems(page)).toEqual([]);
}

/** A 1×1 PNG: what the phone's file input hands over. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

async function createMeeting(token: string, body: Record<string, unknown>): Promise<string> {
  const created = await stage.world.api.call<{ activity: { id: string } }>('POST', '/v1/activities', token, body);
  expect(created.status).toBe(201);
  return created.body.activity.id;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** The 支部党员大会 row of 会议统计 for this quarter: "held/required · rate". */
async function congressOfQuarter(page: Page): Promise<string> {
  await page.goto(`${stage.world.h5.url}/#/pages/meetings/stats/index`);
  const stats = onTop(page, 'meeting-stats');
  await stats.locator('.choice', { hasText: /^季$/ }).click();
  // The period title, not the export card's title that repeats the quarter.
  await stats.locator('.stats-period-title', { hasText: /年第.季度/ }).waitFor();
  const row = stats.locator('.stats-kind--party_congress .stats-kind-figure');
  await row.waitFor();
  return (await row.textContent()) ?? '';
}

describe('发起会议 and the board', () => {
  it('creates a 支部党员大会 with topic, host, material and 签退, and runs its board', async () => {
    const secretary = await stage.world.api.login('demo-secretary-1');
    const title = `支部党员大会 E2E ${Date.now().toString(36)}`;
    let id = '';

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      await page.locator('.home-entry', { hasText: '发起活动' }).click();
      const form = onTop(page, 'create-activity');
      await form.locator('.choice', { hasText: /^支部党员大会$/ }).click();
      await form.locator('.choice--on', { hasText: '支部党员大会' }).waitFor();
      await form.locator('input[placeholder="如：11月主题党日"]').fill(title);
      await form.locator('input[placeholder="可选，如：学习党章第三章"]').fill('选举出席上级党代会代表');
      await form.locator('input[placeholder="可选，姓名"]').fill('王书记');
      await form.getByText('添加学习材料', { exact: true }).click();
      await form.locator('.material-row').first().click();
      await form.locator('.material-chip').first().waitFor();
      await form.getByText('收起学习内容', { exact: true }).click();
      await form.locator('.switch-row', { hasText: '需要签退' }).click();
      await form.locator('.switch-row.switch-row--on', { hasText: '需要签退' }).waitFor();
      await form.locator('.material-chip').scrollIntoViewIfNeeded();
      await looksRight(page, 'm10-create-congress-320');
      await button(form, '发起并显示签到码').click();

      // The QR page: 签到码 now (the next half hour is within the window), 签退码 not before the start.
      const qr = onTop(page, 'activity-qr');
      await qr.getByText(title, { exact: true }).waitFor();
      await qr.getByText(/^\d{3} \d{3}$/).waitFor();
      await looksRight(page, 'm11-qr-checkin-320');
      await qr.locator('.qr-purpose', { hasText: '签退码' }).click();
      await qr.getByText('签退在会议开始后开放，会议结束时请党员扫签退码').waitFor();
      await expect(qr.getByText(/^\d{3} \d{3}$/).count()).resolves.toBe(0);
      await looksRight(page, 'm12-qr-checkout-not-open-320');
      id = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';

      // The board: the header's counts equal the lists.
      await button(qr, '查看签到看板').click();
      const board = onTop(page, 'activity-board');
      await board.locator('.meeting-heading').getByText('支部党员大会', { exact: true }).waitFor();
      const stat = (label: string) =>
        board.locator('.board-stat', { has: page.getByText(label, { exact: true }) }).locator('.board-stat-value');
      await stat('应到').waitFor();
      const total = Number(await stat('应到').textContent());
      expect(total).toBeGreaterThan(0);
      await board.getByText(`未签到（${total}）`, { exact: true }).waitFor();
      await expect(board.locator('.board-member--missing').count()).resolves.toBe(total);
      await looksRight(page, 'm13-board-320');

      // 补签 by hand: 迟到 with a reason; the member moves to 已签到, marked 补签 with who entered it.
      const first = board.locator('.board-member--missing').first();
      const name = (await first.locator('.board-member-name').textContent()) ?? '';
      await first.click();
      const dialog = page.locator('.confirm-dialog');
      await dialog.getByText(`为 ${name} 补签`).waitFor();
      await dialog.locator('.choice', { hasText: /^迟到$/ }).click();
      await page.locator('.nut-dialog-footer-ok').click();
      await dialog.getByText('请填写补签原因').waitFor();
      await screenshot(page, 'm14-board-manual-dialog-320');
      await dialog.locator('.board-dialog-input input').fill('未带手机，现场登记');
      await page.locator('.nut-dialog-footer-ok').click();
      await toast(page, `已为${name}补签`);
      await board.getByText('已签到（1）', { exact: true }).waitFor();
      await expect(stat('已签到').textContent()).resolves.toBe('1');
      await expect(stat('未签到').textContent()).resolves.toBe(String(total - 1));
      const entered = board.locator('.board-member--late', { hasText: name });
      await entered.getByText('补签', { exact: true }).waitFor();
      await entered.getByText(/^由.+登记：未带手机，现场登记$/).waitFor();

      // 提醒未签到: a message to each member still missing.
      await button(board, `提醒未签到（${total - 1} 人）`).click();
      await toast(page, `已提醒 ${total - 1} 人`);
      await looksRight(page, 'm15-board-after-manual-320');
    }, NARROW);

    const detail = await stage.world.api.call<{
      activity: { kind: string; topic: string; host: string; requireCheckout: boolean; materialItemIds: string[] };
    }>('GET', `/v1/activities/${id}`, secretary.token);
    expect(detail.body.activity).toMatchObject({
      kind: 'party_congress',
      topic: '选举出席上级党代会代表',
      host: '王书记',
      requireCheckout: true,
    });
    expect(detail.body.activity.materialItemIds).toHaveLength(1);
    const board = await stage.world.api.call<{ checkedIn: number; late: number; manual: number }>(
      'GET',
      `/v1/activities/${id}/board`,
      secretary.token,
    );
    expect(board.body).toMatchObject({ checkedIn: 1, late: 1, manual: 1 });
  });
});

describe('会议纪要 and 落实率', () => {
  it('saves a record with a photo from the phone and shows the quarter’s 落实率 of 支部党员大会 change', async () => {
    const secretary = await stage.world.api.login('demo-secretary-2');
    const title = `党员大会纪要 E2E ${Date.now().toString(36)}`;
    const id = await stage.world.api.createOngoingActivity(secretary.token, secretary.orgId, title, {
      kind: 'party_congress',
      host: '李书记',
    });
    // An earlier meeting of another kind, recorded after it ended: 补录.
    const earlier = await createMeeting(secretary.token, {
      orgId: secretary.orgId,
      title: `主题党日补录 E2E ${Date.now().toString(36)}`,
      startAt: hoursFromNow(-3),
      endAt: hoursFromNow(-2),
    });
    const late = await stage.world.api.call('PUT', `/v1/activities/${earlier}/record`, secretary.token, {
      minutes: '会后补录：学习了党章。',
      photoKeys: [],
      absentees: [],
    });
    expect(late.status).toBe(200);

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-2');
      expect(await congressOfQuarter(page)).toBe('0/1 · 0%');
      await looksRight(page, 'm20-stats-quarter-before-320');

      await page.goto(`${stage.world.h5.url}/#/pages/meetings/record/index?id=${id}`);
      const record = onTop(page, 'meeting-record');
      await record.getByText(title, { exact: true }).waitFor();
      await record.getByText('尚未填写纪要。', { exact: true }).waitFor();
      // Absentees come from the board: everyone, as nobody has checked in.
      await expect(record.locator('.record-absentee').count()).resolves.toBeGreaterThan(0);
      await button(record, '保存纪要').click();
      await record.getByText('请填写会议纪要').waitFor();
      await record
        .locator('.record-minutes-input textarea')
        .fill('一、传达上级会议精神。\n二、选举出席上级党代会代表。');
      await record.getByText(/^\d+\/20000$/).waitFor();
      await record.locator('input.record-photo-input').setInputFiles({
        name: 'meeting.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await record.locator('.record-photo--done').waitFor();
      await looksRight(page, 'm21-record-filled-320');
      await button(record, '保存纪要').click();
      await toast(page, '纪要已保存');
      await record.getByText(/^最后保存：/).waitFor();
      await button(record, '保存修改').waitFor();
      // The saved photo is shown by its presigned GET URL from object storage.
      const src = await record.locator('.record-photo--done img, img.record-photo-image').first().getAttribute('src');
      expect(src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+meeting-photos/);
      await looksRight(page, 'm22-record-saved-320');

      // 补录 names who entered it and when.
      await page.goto(`${stage.world.h5.url}/#/pages/meetings/record/index?id=${earlier}`);
      const lateRecord = onTop(page, 'meeting-record');
      await lateRecord.getByText('补录', { exact: true }).waitFor();
      await lateRecord.getByText(/在会后录入$/).waitFor();
      await looksRight(page, 'm23-record-late-320');

      expect(await congressOfQuarter(page)).toBe('1/1 · 100%');
      await looksRight(page, 'm24-stats-quarter-after-320');

      // 导出: the 落实率 table and a month's 考勤 download as workbooks.
      const stats = onTop(page, 'meeting-stats');
      for (const label of ['导出落实率 Excel', /^导出 .+ 考勤 Excel$/]) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          stats.locator('.stats-export-button', { hasText: label }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const bytes = await download.createReadStream().then(async (stream) => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          return Buffer.concat(chunks);
        });
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
      }
    }, NARROW);

    const saved = await stage.world.api.call<{ record: { photos: { url: string }[]; late: boolean } }>(
      'GET',
      `/v1/activities/${id}/record`,
      secretary.token,
    );
    expect(saved.body.record.photos).toHaveLength(1);
    expect(saved.body.record.late).toBe(false);
    const photo = await fetch(saved.body.record.photos[0]!.url);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

describe('请假审批 and 取消会议', () => {
  it('approves a member’s leave, says when another was decided meanwhile, and cancels the meeting', async () => {
    const secretary = await stage.world.api.login('demo-secretary-3');
    const title = `党课 请假 E2E ${Date.now().toString(36)}`;
    const id = await createMeeting(secretary.token, {
      orgId: secretary.orgId,
      title,
      kind: 'party_lecture',
      startAt: hoursFromNow(26),
      endAt: hoursFromNow(28),
    });
    const ask = async (openid: string, reason: string) => {
      const member = await stage.world.api.login(openid);
      const answer = await stage.world.api.call<{ leave: { id: string } }>(
        'POST',
        `/v1/activities/${id}/leaves`,
        member.token,
        { reason },
      );
      expect(answer.status).toBe(201);
      return answer.body.leave.id;
    };
    // demo-member-25…36 are branch 3's.
    await ask('demo-member-25', '外出进修，无法参加');
    const other = await ask('demo-member-26', '家中有事');

    await withPhone(async (page) => {
      await turnOnLargeText(page);
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-3');
      await page.locator('.home-entry', { hasText: '请假审批' }).click();
      const leaves = onTop(page, 'leave-approvals');
      const card = (reason: string) => leaves.locator('.leave-card', { hasText: reason });
      await card('外出进修，无法参加').waitFor();
      await card('家中有事').waitFor();
      await looksRight(page, 'm30-leaves-pending-large-320');

      // Someone else decides the second one first: the page says so and reads the list again.
      const decided = await stage.world.api.call('POST', `/v1/leaves/${other}/decision`, secretary.token, {
        approve: false,
      });
      expect(decided.status).toBe(200);
      await card('家中有事').locator('.leave-decision-button--reject').click();
      await leaves.getByText('该请假申请已经审批过了（已刷新列表）').waitFor();
      await card('家中有事').waitFor({ state: 'detached' });

      await card('外出进修，无法参加').getByText('+ 填写意见（可选）').click();
      await card('外出进修，无法参加').locator('.leave-decision-input textarea').fill('同意，请会后补学');
      await card('外出进修，无法参加').locator('.leave-decision-button--approve').click();
      await toast(page, '已批准');
      await leaves.getByText('没有待审批的请假').waitFor();
      await leaves.locator('.leave-tab', { hasText: '已审批' }).click();
      await card('外出进修，无法参加').getByText('已批准', { exact: true }).waitFor();
      await card('家中有事').getByText('未批准', { exact: true }).waitFor();
      await looksRight(page, 'm31-leaves-decided-large-320');

      // The meeting's board: one on leave; cancelled before the start, with a reason.
      await card('外出进修，无法参加').locator('.leave-card-meeting').click();
      const board = onTop(page, 'activity-board');
      await board.getByText('请假（1）', { exact: true }).waitFor();
      await board.getByText('请假：外出进修，无法参加').waitFor();
      await looksRight(page, 'm32-board-leave-large-320');
      await button(board, '取消会议').click();
      const dialog = page.locator('.confirm-dialog');
      await page.locator('.nut-dialog-footer-ok').click();
      await dialog.getByText('请填写取消原因').waitFor();
      await dialog.locator('.board-dialog-input input').fill('与医院年终考核时间冲突，另行通知');
      await screenshot(page, 'm33-board-cancel-dialog-large-320');
      await page.locator('.nut-dialog-footer-ok').click();
      await toast(page, '会议已取消');
      await board.getByText('取消原因：与医院年终考核时间冲突，另行通知').waitFor();
      await expect(button(board, '取消会议').count()).resolves.toBe(0);
      await looksRight(page, 'm34-board-cancelled-large-320');
    }, NARROW);

    const detail = await stage.world.api.call<{ activity: { status: string } }>(
      'GET',
      `/v1/activities/${id}`,
      secretary.token,
    );
    expect(detail.body.activity.status).toBe('cancelled');
    // The comment went with the decision (the branch list does not carry comments: the meeting's list does).
    const decisions = await stage.world.api.call<{ items: { reason: string; status: string; comment?: string }[] }>(
      'GET',
      `/v1/activities/${id}/leaves`,
      secretary.token,
    );
    expect(decisions.body.items.find((leave) => leave.reason === '外出进修，无法参加')).toMatchObject({
      status: 'approved',
      comment: '同意，请会后补学',
    });
  });
});

describe('夜学安排', () => {
  it('saves the weekday and shows the sessions it generates', async () => {
    await withPhone(async (page) => {
      await turnOnLargeText(page);
      await loginByTapping(page, stage.world.h5.url, 'demo-secretary-1');
      await page.locator('.home-entry', { hasText: '夜学安排' }).click();
      const schedule = onTop(page, 'night-study-schedule');
      await schedule.getByText('每周二 19:00–21:00', { exact: true }).waitFor();
      await schedule.locator('.choice', { hasText: /^周四$/ }).click();
      await schedule.locator('.switch-row', { hasText: '允许在小程序内签到' }).click();
      await button(schedule, '保存安排').click();
      await toast(page, '已保存');
      await schedule.getByText('每周四 19:00–21:00', { exact: true }).waitFor();
      await schedule.getByText(/^第 1 版 · /).waitFor();
      await schedule.locator('.schedule-session', { hasText: '周四夜学' }).first().waitFor();
      await looksRight(page, 'm40-schedule-saved-large-320');
    }, NARROW);
  });
});

/**
 * Issue 9 in the browser, the member's side: a member asks leave for a coming meeting and sees the secretary's
 * approval; a member checks in and out of a 周二夜学 session with the typed codes (a 签到 code on the 签退 page is
 * refused in Chinese); a session that allows it is checked in to from 首页's 夜学 card. Every screen is checked
 * for overlaps at 320 px (normal text, or 大字模式). A member absent from a meeting with study material does 补学:
 * refused until the material is studied, recorded after. Screenshots: test-results/e2e/meet-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { loginByTapping } from './support/app';
import { NARROW, screenshot } from './support/browser';
import { layoutProblems, turnOnLargeText } from './support/layout';
import { setUpStage } from './support/stage';

jest.setTimeout(240_000);

// One minimum study minute = 2 server seconds for this file's stack (补学 studies an item); the client cannot change it.
const previous = process.env.STUDY_SECONDS_PER_MINUTE;
process.env.STUDY_SECONDS_PER_MINUTE = '2';
afterAll(() => {
  if (previous === undefined) delete process.env.STUDY_SECONDS_PER_MINUTE;
  else process.env.STUDY_SECONDS_PER_MINUTE = previous;
});

const stage = setUpStage();
const { withPhone } = stage;

/**
 * A button by its exact label within one page of the app: Taro's H5 router keeps the pages below in the DOM
 * (首页's 夜学 card has its own 签到), so every lookup is scoped to the page on top.
 */
function button(scope: Locator, label: string): Locator {
  return scope.locator('.action-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

const onTop = (page: Page, className: string) => page.locator(`.page.${className}`);

/** Screenshot, then no overlapping, clipped or broken text on the screen as drawn. */
async function looksRight(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await layoutProblems(page)).toEqual([]);
}

async function createMeeting(token: string, body: Record<string, unknown>): Promise<string> {
  const created = await stage.world.api.call<{ activity: { id: string } }>('POST', '/v1/activities', token, body);
  expect(created.status).toBe(201);
  return created.body.activity.id;
}

/** The secretary's current code (what the QR screen shows under the QR) for 签到 or 签退. */
async function currentCode(token: string, id: string, purpose: 'checkin' | 'checkout'): Promise<string> {
  const answer = await stage.world.api.call<{ code: string }>(
    'GET',
    `/v1/activities/${id}/qr?purpose=${purpose}`,
    token,
  );
  expect(answer.status).toBe(200);
  return answer.body.code;
}

/** A 周二夜学 session of the branch that started five minutes ago and lasts two hours. */
function ongoingSession(orgId: string, title: string, extra: Record<string, unknown>) {
  const now = Date.now();
  return {
    orgId,
    title,
    kind: 'night_study',
    startAt: new Date(now - 5 * 60_000).toISOString(),
    endAt: new Date(now + 2 * 3600_000).toISOString(),
    ...extra,
  };
}

describe('请假', () => {
  it('lets a member ask leave before the start and shows the secretary’s approval on the meeting page', async () => {
    // Prepare: a 党课 the day after tomorrow, with topic and host.
    const secretary = await stage.world.api.login('demo-secretary-1');
    const title = `党课 E2E ${Date.now().toString(36)}`;
    const start = Date.now() + 2 * 86_400_000;
    const id = await createMeeting(secretary.token, {
      orgId: secretary.orgId,
      title,
      kind: 'party_lecture',
      topic: '学习贯彻党的二十届四中全会精神',
      host: '王书记',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * 3600_000).toISOString(),
    });

    await withPhone(async (page) => {
      // Act: the member opens the meeting, taps 请假, sends an empty form, then a reason (tapped twice).
      await loginByTapping(page, stage.world.h5.url, 'demo-member-2');
      await page.goto(`${stage.world.h5.url}/#/pages/meetings/detail/index?id=${id}`);
      const meeting = onTop(page, 'activity-detail');
      await meeting.getByText('我的签到', { exact: true }).waitFor();
      await meeting.getByText('党课', { exact: true }).waitFor();
      await meeting.getByText('王书记', { exact: true }).waitFor();
      await looksRight(page, 'meet-01-meeting-upcoming-320');
      await button(meeting, '请假').click();
      const leave = onTop(page, 'leave-request');
      await leave.getByText('请假原因', { exact: true }).waitFor();
      await button(leave, '提交请假').click();
      await leave.getByText('请填写原因').waitFor();
      await looksRight(page, 'meet-02-leave-empty-320');
      await leave.locator('.leave-reason-input textarea').fill('当天值班手术，无法参加');
      await button(leave, '提交请假').dblclick();

      // Assess: one pending request, shown on the page.
      await leave.locator('.leave-status').getByText('待审批', { exact: true }).waitFor();
      await looksRight(page, 'meet-03-leave-pending-320');
      const leaves = await stage.world.api.call<{ items: { id: string; status: string }[] }>(
        'GET',
        `/v1/activities/${id}/leaves`,
        secretary.token,
      );
      expect(leaves.body.items).toHaveLength(1);

      // The secretary approves it; the member's meeting page says so.
      const decision = await stage.world.api.call(
        'POST',
        `/v1/leaves/${leaves.body.items[0]!.id}/decision`,
        secretary.token,
        { approve: true, comment: '同意，请会后补学' },
      );
      expect(decision.status).toBe(200);
      await button(leave, '查看会议').click();
      await meeting.locator('.leave-status').getByText('已批准', { exact: true }).waitFor();
      await meeting.getByText('已批准请假', { exact: true }).waitFor();
      await meeting.getByText('审批意见：同意，请会后补学').waitFor();
      await expect(button(meeting, '请假').count()).resolves.toBe(0);
      await looksRight(page, 'meet-04-meeting-leave-approved-320');
    }, NARROW);
  });
});

describe('周二夜学 签到 and 签退', () => {
  it('checks a member in and out with the typed codes, refusing a 签到 code for 签退', async () => {
    // Prepare: an ongoing session that requires 签退.
    const secretary = await stage.world.api.login('demo-secretary-1');
    const title = `周二夜学 E2E ${Date.now().toString(36)}`;
    const id = await createMeeting(
      secretary.token,
      ongoingSession(secretary.orgId, title, { requireCheckout: true, topic: '党章第二章' }),
    );

    await withPhone(async (page) => {
      // 大字模式 throughout: the largest the screens get.
      await turnOnLargeText(page);
      await loginByTapping(page, stage.world.h5.url, 'demo-member-3');

      // 首页's card shows the session; 签到 leads to its page, where the code is typed.
      const card = page.locator('.home-night', { hasText: title });
      await card.waitFor();
      await card.scrollIntoViewIfNeeded();
      await looksRight(page, 'meet-05-home-night-study-large-320');
      await button(card, '签到').click();
      const meeting = onTop(page, 'activity-detail');
      await meeting.getByText('周二夜学', { exact: true }).waitFor();
      await meeting.locator('input[placeholder="6 位签到码"]').fill(await currentCode(secretary.token, id, 'checkin'));
      await button(meeting, '签到').click();
      const result = onTop(page, 'checkin-result');
      await result.getByText('签到成功', { exact: true }).waitFor();
      await button(result, '查看活动').click();
      await meeting.locator('.detail-mine-status').getByText('已签到').waitFor();
      await looksRight(page, 'meet-06-meeting-checked-in-large-320');

      // 签退: the 签到 code is refused in Chinese, the 签退 code accepted.
      await button(meeting, '签退').click();
      const checkout = onTop(page, 'checkout');
      const input = checkout.locator('input[placeholder="6 位签退码"]');
      await input.fill(await currentCode(secretary.token, id, 'checkin'));
      await button(checkout, '签退').click();
      await checkout.getByText('这是签到码，签退请扫描书记手机上的签退码').waitFor();
      await looksRight(page, 'meet-07-checkout-wrong-code-large-320');
      await input.fill(await currentCode(secretary.token, id, 'checkout'));
      await button(checkout, '签退').click();
      await checkout.getByText('已签退', { exact: true }).waitFor();
      await checkout.getByText(/^签退时间 \d+月\d+日 \d\d:\d\d:\d\d$/).waitFor();
      await looksRight(page, 'meet-08-checkout-done-large-320');
      await button(checkout, '返回会议').click();
      await meeting.getByText(/^已签退 · 签退时间/).waitFor();
      await looksRight(page, 'meet-09-meeting-checked-out-large-320');
    }, NARROW);

    const board = await stage.world.api.call<{ checkedIn: number; checkedOut: number }>(
      'GET',
      `/v1/activities/${id}/board`,
      secretary.token,
    );
    expect(board.body).toMatchObject({ checkedIn: 1, checkedOut: 1 });
  });

  it('checks a member in from 首页’s 夜学 card when the session allows checking in from the app', async () => {
    const secretary = await stage.world.api.login('demo-secretary-2');
    const title = `周二夜学 应用内 ${Date.now().toString(36)}`;
    const id = await createMeeting(secretary.token, ongoingSession(secretary.orgId, title, { allowInApp: true }));

    await withPhone(async (page) => {
      await loginByTapping(page, stage.world.h5.url, 'demo-member-13');
      const card = page.locator('.home-night', { hasText: title });
      await card.waitFor();
      await button(card, '签到').click();
      // Checked in where it stands (five minutes after the start: late), the button gone.
      await card.getByText('迟到', { exact: true }).waitFor();
      await page.getByText('签到成功', { exact: true }).waitFor({ state: 'hidden' }); // the toast
      await expect(card.locator('.action-button').count()).resolves.toBe(0);
      await card.scrollIntoViewIfNeeded();
      await looksRight(page, 'meet-10-home-night-study-checked-in-320');
    }, NARROW);

    const board = await stage.world.api.call<{ checkedIn: number }>(
      'GET',
      `/v1/activities/${id}/board`,
      secretary.token,
    );
    expect(board.body.checkedIn).toBe(1);
  });
});

describe('补学', () => {
  it('lists the material, refuses 补学 until it is studied and records it after', async () => {
    // Prepare: a 党员大会 that ended an hour ago, with one study item as its material; the member missed it.
    const secretary = await stage.world.api.login('demo-secretary-1');
    const material = await stage.world.api.call<{ item: { id: string } }>('POST', '/v1/study/items', secretary.token, {
      title: '补学材料：党员大会精神',
      category: 'rules',
      kind: 'article',
      body: '<p>会议传达了上级党委关于加强支部建设的部署。</p>',
      minMinutes: 1,
    });
    expect(material.status).toBe(201);
    const now = Date.now();
    const title = `党员大会 E2E ${now.toString(36)}`;
    const id = await createMeeting(secretary.token, {
      orgId: secretary.orgId,
      title,
      kind: 'party_congress',
      startAt: new Date(now - 3 * 3600_000).toISOString(),
      endAt: new Date(now - 3600_000).toISOString(),
      materialItemIds: [material.body.item.id],
    });

    await withPhone(async (page) => {
      await turnOnLargeText(page);
      await loginByTapping(page, stage.world.h5.url, 'demo-member-1');
      await page.goto(`${stage.world.h5.url}/#/pages/meetings/detail/index?id=${id}`);
      const meeting = onTop(page, 'activity-detail');
      await meeting.getByText('缺席', { exact: true }).waitFor();
      const row = meeting.locator('.makeup-item', { hasText: '补学材料：党员大会精神' });
      await row.waitFor();

      // Not studied yet: the server's refusal, in its words.
      await button(meeting, '提交补学').click();
      await meeting.getByText('还有学习材料没有学完（须在会议开始后学习），请学完后再提交补学').waitFor();
      await row.scrollIntoViewIfNeeded();
      await looksRight(page, 'meet-11-makeup-incomplete-large-320');

      // Study it (server-timed), come back, 提交补学.
      await row.click();
      const study = onTop(page, 'study-item');
      await button(study, '完成学习').waitFor({ timeout: 20_000 });
      await button(study, '完成学习').click();
      await study.locator('.study-item-done').waitFor();
      await page.goBack();
      await row.getByText('今日已学', { exact: true }).waitFor();
      await button(meeting, '提交补学').click();
      await meeting.getByText('已补学', { exact: true }).waitFor();
      await meeting.getByText(/^补学时间 /).waitFor();
      await page.getByText('补学已完成', { exact: true }).waitFor({ state: 'hidden' }); // the toast
      await expect(meeting.locator('.makeup').count()).resolves.toBe(0);
      await looksRight(page, 'meet-12-makeup-done-large-320');
    }, NARROW);
  });
});

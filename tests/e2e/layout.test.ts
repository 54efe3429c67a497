/**
 * Every page, in every role that sees it, at 320 px — with normal text and in 大字模式 — has no overlapping
 * text, nothing off the side and no short label broken over two lines (issue #7). The checks run on element
 * boxes (support/layout.ts); screenshots: test-results/e2e/8x-layout-<role>-<page>-<mode>.png.
 */
import type { Page } from 'playwright-core';
import { loginByTapping } from './support/app';
import { NARROW, newPhone, screenshot } from './support/browser';
import { layoutProblems, turnOnLargeText } from './support/layout';
import { setUpStage } from './support/stage';

jest.setTimeout(600_000);

const stage = setUpStage();

interface Visit {
  readonly name: string;
  readonly path: string;
}

const MODES = [
  { mode: 'normal', large: false },
  { mode: 'large', large: true },
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.status-loading')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
}

/** Visits each page as `openid` in both modes; returns every problem found, labelled by page and mode. */
async function sweep(role: string, openid: string | null, visits: readonly Visit[]): Promise<string[]> {
  const found: string[] = [];
  for (const { mode, large } of MODES) {
    const { context, page } = await newPhone(stage.browser, NARROW);
    try {
      if (large) await turnOnLargeText(page);
      if (openid) await loginByTapping(page, stage.world.h5.url, openid);
      for (const visit of visits) {
        await page.goto(`${stage.world.h5.url}/#/${visit.path}`);
        await settle(page);
        if (large) await page.locator('.page.large-text').first().waitFor({ state: 'attached' });
        await screenshot(page, `8x-layout-${role}-${visit.name}-${mode}`);
        for (const problem of await layoutProblems(page)) found.push(`${role} ${visit.name} (${mode}): ${problem}`);
      }
    } finally {
      await context.close();
    }
  }
  return found;
}

describe('Layout at 320 px, normal and large text', () => {
  let activityId = '';
  let memberId = '';
  let branchId = '';
  let studyItemId = '';
  let noticeId = '';
  let branchItemId = '';

  beforeAll(async () => {
    const secretary = await stage.world.api.login('demo-secretary-1');
    branchId = secretary.orgId;
    activityId = await stage.world.api.createOngoingActivity(secretary.token, branchId, '十二月主题党日：重温入党誓词');
    const roster = await stage.world.api.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/v1/orgs/${branchId}/members?limit=5`,
      secretary.token,
    );
    memberId = roster.body.items[0]!.id;
    // The demo library and notices (seeded as today): the first of each, as a member of branch 1 sees them.
    const member = await stage.world.api.login('demo-member-1');
    const items = await stage.world.api.call<{ items: { id: string }[] }>('GET', '/v1/study/items', member.token);
    studyItemId = items.body.items[0]!.id;
    const notices = await stage.world.api.call<{ items: { id: string }[] }>('GET', '/v1/notices', member.token);
    noticeId = notices.body.items[0]!.id;
    // One the branch itself published (the demo library has a few): its secretary may edit it.
    const own = await stage.world.api.call<{ items: { id: string }[] }>(
      'GET',
      `/v1/orgs/${branchId}/study-items`,
      secretary.token,
    );
    branchItemId = own.body.items[0]!.id;
  });

  it('lays out the login page', async () => {
    expect(await sweep('anon', null, [{ name: 'login', path: 'pages/login/index' }])).toEqual([]);
  });

  it("lays out a member's pages", async () => {
    const problems = await sweep('member', 'demo-member-1', [
      { name: 'home', path: 'pages/tabs/home/index' },
      { name: 'study', path: 'pages/tabs/study/index' },
      { name: 'activities', path: 'pages/tabs/activities/index' },
      { name: 'me', path: 'pages/tabs/me/index' },
      { name: 'detail', path: `pages/meetings/detail/index?id=${activityId}` },
      { name: 'checkin', path: 'pages/meetings/checkin/index' },
      { name: 'my-attendance', path: 'pages/meetings/my-attendance/index' },
      { name: 'leave', path: `pages/meetings/leave/index?id=${activityId}` },
      { name: 'checkout', path: `pages/meetings/checkout/index?id=${activityId}` },
      { name: 'create-denied', path: 'pages/meetings/create/index' },
      { name: 'study-item', path: `pages/study/item/index?id=${studyItemId}` },
      { name: 'my-study', path: 'pages/study/mine/index' },
      { name: 'notices', path: 'pages/notices/list/index' },
      { name: 'notice', path: `pages/notices/detail/index?id=${noticeId}` },
      { name: 'messages', path: 'pages/notices/messages/index' },
      { name: 'study-stats-denied', path: 'pages/study/stats/index' },
    ]);
    expect(problems).toEqual([]);
  });

  it("lays out a secretary's pages", async () => {
    const problems = await sweep('secretary', 'demo-secretary-1', [
      { name: 'home', path: 'pages/tabs/home/index' },
      { name: 'me', path: 'pages/tabs/me/index' },
      { name: 'create', path: 'pages/meetings/create/index' },
      { name: 'qr', path: `pages/meetings/qr/index?id=${activityId}` },
      { name: 'board', path: `pages/meetings/board/index?id=${activityId}` },
      { name: 'leaves', path: 'pages/meetings/leaves/index' },
      { name: 'schedule', path: 'pages/meetings/schedule/index' },
      { name: 'record', path: `pages/meetings/record/index?id=${activityId}` },
      { name: 'meeting-stats', path: 'pages/meetings/stats/index' },
      { name: 'roster', path: 'pages/org/roster/index' },
      { name: 'member', path: `pages/org/member/index?id=${memberId}&orgId=${branchId}` },
      { name: 'member-add', path: `pages/org/member-add/index?orgId=${branchId}` },
      { name: 'import', path: `pages/org/import/index?orgId=${branchId}` },
      { name: 'notice-publish', path: 'pages/notices/publish/index' },
      { name: 'notice-reads', path: `pages/notices/detail/index?id=${noticeId}` },
      { name: 'study-manage', path: 'pages/study/manage/index' },
      { name: 'study-new', path: 'pages/study/edit/index' },
      { name: 'study-edit', path: `pages/study/edit/index?id=${branchItemId}` },
      { name: 'study-edit-denied', path: `pages/study/edit/index?id=${studyItemId}` },
      { name: 'study-completions', path: `pages/study/completions/index?id=${branchItemId}` },
      { name: 'study-stats', path: 'pages/study/stats/index' },
      {
        name: 'binding-code',
        path: `pages/org/binding-code/index?memberId=${memberId}&name=${encodeURIComponent('测试')}`,
      },
    ]);
    expect(problems).toEqual([]);
  });

  it("lays out the committee's pages", async () => {
    const problems = await sweep('committee', 'demo-committee', [
      { name: 'home', path: 'pages/tabs/home/index' },
      { name: 'activities', path: 'pages/tabs/activities/index' },
      { name: 'tree', path: 'pages/org/tree/index' },
      { name: 'branch-activities', path: `pages/org/activities/index?orgId=${branchId}` },
      { name: 'branch-roster', path: `pages/org/roster/index?orgId=${branchId}` },
      { name: 'me', path: 'pages/tabs/me/index' },
      { name: 'notice-publish', path: 'pages/notices/publish/index' },
      { name: 'study-manage', path: 'pages/study/manage/index' },
      { name: 'study-edit', path: `pages/study/edit/index?id=${studyItemId}` },
      { name: 'study-completions', path: `pages/study/completions/index?id=${studyItemId}` },
      { name: 'study-stats', path: 'pages/study/stats/index' },
      { name: 'meeting-stats', path: 'pages/meetings/stats/index' },
    ]);
    expect(problems).toEqual([]);
  });
});

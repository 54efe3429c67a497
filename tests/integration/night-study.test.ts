/**
 * 周二夜学 on DynamoDB Local: the schedule routes (default, save with generation, versioning, bad input and
 * scope), and the hourly job — two overlapping runs make one session per (branch, date) and remind each
 * member once; a bounded run leaves a cursor the next one continues from.
 */
import { runNightStudyJob } from '../../functions/meetings/night-study-job';
import { saveSchedule as saveScheduleRecord } from '../../functions/meetings/schedule-store';
import { type ActivityRecord, getActivity, listActivities } from '../../functions/meetings/store';
import { findOrg } from '../../functions/org/service';
import type { Stack } from '../../scripts/stack';
import { addDays, DEFAULT_NIGHT_STUDY, isoWeekday, sessionsFrom } from '../../shared/meetings/schedule';
import type { NightStudySchedule } from '../../shared/meetings/schedule-schemas';
import type { MyMessagesResponse } from '../../shared/messages/schemas';
import { fromShanghai, shanghaiDay } from '../../shared/time';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
type Answer = { schedule: NightStudySchedule; error?: { code: string; fields?: { path: string }[] } };
let stack: Stack;
let api: Api;
const tokens: Record<string, string> = {};

const path = (orgId: string) => `/v1/orgs/${orgId}/night-study/schedule`;
const read = (who: string, orgId = 'org-branch-1') => api.call<Answer>('GET', path(orgId), { token: tokens[who] });
const save = (who: string, body: unknown, orgId = 'org-branch-1') =>
  api.call<Answer>('PUT', path(orgId), { token: tokens[who], body });

/** Every night_study session of a branch (a branch has only a handful of activities here). */
async function sessionsOf(orgId: string): Promise<ActivityRecord[]> {
  const page = await listActivities(orgId, 100);
  return page.items.filter((activity) => activity.kind === 'night_study');
}
/** Live sessions per date: each must be exactly 1. */
async function liveByDate(orgId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const session of await sessionsOf(orgId)) {
    if (session.status === 'cancelled') continue;
    counts[session.scheduleDate!] = (counts[session.scheduleDate!] ?? 0) + 1;
  }
  return counts;
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  for (const openid of ['demo-committee', 'demo-secretary-1', 'demo-secretary-2', 'demo-member-1', 'demo-member-13']) {
    tokens[openid] = (await api.loginAs(openid)).token;
  }
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/orgs/{orgId}/night-study/schedule', () => {
  it('reads the default (Tuesday 19:00–21:00) for a branch that never saved one', async () => {
    const answer = await read('demo-member-1');
    expect(answer.status).toBe(200);
    expect(answer.body.schedule).toMatchObject({
      orgId: 'org-branch-1',
      weekday: 2,
      start: '19:00',
      end: '21:00',
      allowInApp: false,
      requireCheckout: false,
      skipDates: [],
      saved: false,
      version: 0,
      updatedAt: null,
      updatedBy: null,
      weeksAhead: 4,
      upcoming: [],
    });
  });

  it('lets committee staff read a branch of their subtree; refuses another branch’s member; no schedule off a branch', async () => {
    expect((await read('demo-committee', 'org-branch-2')).status).toBe(200);
    const other = await read('demo-member-1', 'org-branch-2');
    expect(other.status).toBe(403);
    expect(other.body.error?.code).toBe('FORBIDDEN_SCOPE');
    const committee = await read('demo-committee', 'org-committee');
    expect(committee.status).toBe(422);
    expect(committee.body.error?.code).toBe('NOT_A_BRANCH');
    expect((await read('demo-committee', 'org-nowhere')).status).toBe(404);
  });
});

describe('Route: PUT /v1/orgs/{orgId}/night-study/schedule', () => {
  const today = shanghaiDay(Date.now());
  /** The Wednesdays of the coming 4 weeks (from tomorrow, so none has started yet). */
  const wednesdays = sessionsFrom({ weekday: 3, start: '19:30', end: '21:00', skipDates: [] }, addDays(today, 1), 4);
  const holiday = wednesdays[1]!.date;

  it('saves the secretary’s schedule as version 1 and generates the coming weeks’ sessions at once', async () => {
    const body = { weekday: 3, start: '19:30', end: '21:00', allowInApp: true, skipDates: [holiday] };
    const answer = await save('demo-secretary-1', body);
    expect(answer.status).toBe(200);
    const { schedule } = answer.body;
    expect(schedule).toMatchObject({ ...body, saved: true, version: 1, requireCheckout: false });
    expect(schedule.updatedBy).toMatchObject({ memberId: 'm-demo-secretary-1' });
    const planned = sessionsFrom(body, today, 4).filter((s) => Date.parse(s.startAt) > Date.now());
    expect(schedule.upcoming.map((s) => [s.date, s.startAt, s.endAt, s.status])).toEqual(
      planned.map((s) => [s.date, s.startAt, s.endAt, 'scheduled']),
    );
    expect(schedule.upcoming.map((s) => s.date)).not.toContain(holiday);
    const first = schedule.upcoming[0]!;
    expect(first.title).toBe(`周三夜学（${Number(first.date.slice(5, 7))}月${Number(first.date.slice(8, 10))}日）`);
    const detail = await getActivity(first.activityId, true);
    expect(detail).toMatchObject({
      kind: 'night_study',
      allowInApp: true,
      requireCheckout: false,
      status: 'scheduled',
      createdBy: 'schedule',
      scheduleDate: first.date,
      startAt: fromShanghai(`${first.date} 19:30`),
    });
    expect(Object.values(await liveByDate('org-branch-1')).every((n) => n === 1)).toBe(true);
    expect((await read('demo-member-1')).body.schedule).toEqual(schedule);
  });

  it('on a change cancels the sessions that no longer match, and a date planned again gets a fresh session', async () => {
    const before = (await read('demo-secretary-1')).body.schedule.upcoming;
    const tuesday = await save('demo-secretary-1', { weekday: 2, start: '19:00', end: '21:00', version: 1 });
    expect(tuesday.status).toBe(200);
    expect(tuesday.body.schedule.version).toBe(2);
    expect(tuesday.body.schedule.upcoming.every((s) => isoWeekday(s.date) === 2 && s.status === 'scheduled')).toBe(
      true,
    );
    const gone = await getActivity(before[0]!.activityId, true);
    expect(gone).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('每周二') });
    // Back to Wednesday 19:30: the cancelled sessions keep their ids, so the same dates get new ones.
    const back = await save('demo-secretary-1', { weekday: 3, start: '19:30', end: '21:00', version: 2 });
    expect(back.body.schedule.version).toBe(3);
    const again = back.body.schedule.upcoming.find((s) => s.date === before[0]!.date)!;
    expect(again.status).toBe('scheduled');
    expect(again.activityId).toBe(`${before[0]!.activityId}_2`);
    const live = await liveByDate('org-branch-1');
    expect(Object.values(live).every((n) => n === 1)).toBe(true);
    expect(Object.keys(live).filter((date) => date > today && isoWeekday(date) === 2)).toEqual([]);
  });

  it('refuses a save over a newer version with 409 and writes nothing', async () => {
    const answer = await save('demo-secretary-1', { weekday: 5, start: '19:00', end: '21:00', version: 1 });
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('SCHEDULE_VERSION_CONFLICT');
    expect((await read('demo-secretary-1')).body.schedule).toMatchObject({ weekday: 3, version: 3 });
  });

  it('lets one of two concurrent saves of the same version win; the other gets 409', async () => {
    const body = { weekday: 3, start: '19:30', end: '21:00', skipDates: [holiday], version: 3 };
    const answers = await Promise.all([save('demo-secretary-1', body), save('demo-secretary-1', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const after = (await read('demo-secretary-1')).body.schedule;
    expect(after).toMatchObject({ weekday: 3, version: 4, skipDates: [holiday] });
    expect(after.upcoming.map((s) => s.date)).not.toContain(holiday);
    expect(Object.values(await liveByDate('org-branch-1')).every((n) => n === 1)).toBe(true);
  });

  it.each([
    ['an end before the start', { weekday: 2, start: '21:00', end: '19:00' }, ['end']],
    ['no weekday', { start: '19:00', end: '21:00' }, ['weekday']],
    ['times not HH:mm', { weekday: 2, start: '7pm', end: '9:00' }, ['start', 'end']],
    ['a weekday out of 1–7', { weekday: 0, start: '19:00', end: '21:00' }, ['weekday']],
    [
      'a date that does not exist',
      { weekday: 2, start: '19:00', end: '21:00', skipDates: ['2026-02-30'] },
      ['skipDates.0'],
    ],
  ])('refuses %s with 400 VALIDATION_FAILED naming the fields, writing nothing', async (_name, body, fields) => {
    const sessions = (await sessionsOf('org-branch-1')).length;
    const answer = await save('demo-secretary-1', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error?.fields?.map((f) => f.path)).toEqual(fields);
    expect((await read('demo-secretary-1')).body.schedule.version).toBe(4);
    expect((await sessionsOf('org-branch-1')).length).toBe(sessions);
  });

  it('refuses another branch’s secretary and a member with 403, writing nothing', async () => {
    const body = { weekday: 4, start: '19:00', end: '21:00' };
    const other = await save('demo-secretary-2', body);
    expect(other.status).toBe(403);
    expect(other.body.error?.code).toBe('FORBIDDEN_SCOPE');
    const member = await save('demo-member-1', body);
    expect(member.status).toBe(403);
    expect(member.body.error?.code).toBe('FORBIDDEN_ROLE');
    expect((await read('demo-secretary-1')).body.schedule).toMatchObject({ weekday: 3, version: 4 });
  });
});

describe('Job: runNightStudyJob', () => {
  // A Tuesday after today at 17:00 Shanghai: its 19:00 session is within the 3-hour reminder lead.
  const today = shanghaiDay(Date.now());
  const tuesday = addDays(today, ((2 - isoWeekday(today) + 7) % 7) + 7);
  const nowMs = Date.parse(fromShanghai(`${tuesday} 17:00`));

  it('makes one session per (branch, date) when two runs overlap, and reminds each member once', async () => {
    const runs = await Promise.all([runNightStudyJob(nowMs), runNightStudyJob(nowMs)]);
    expect(runs.every((run) => run.complete && run.failed === 0)).toBe(true);
    const wanted = [0, 7, 14, 21].map((n) => addDays(tuesday, n));
    for (const orgId of ['org-branch-2', 'org-branch-3']) {
      const live = await liveByDate(orgId);
      expect(Object.keys(live).sort()).toEqual(wanted);
      expect(Object.values(live).every((n) => n === 1)).toBe(true);
      expect((await sessionsOf(orgId)).length).toBe(4);
    }
    // Branch 1 keeps its saved Wednesday schedule: one live session per date, no Tuesday ones.
    expect(Object.values(await liveByDate('org-branch-1')).every((n) => n === 1)).toBe(true);

    // Reminders: tonight's sessions of branches 2 and 3 (Tuesday), each active member once across both runs.
    const active = async (orgId: string) => (await findOrg(orgId))!.memberCount;
    const members = (await active('org-branch-2')) + (await active('org-branch-3'));
    expect(runs[0]!.messages + runs[1]!.messages).toBe(members);
    const inbox = await api.call<MyMessagesResponse>('GET', '/v1/me/messages?limit=50', {
      token: tokens['demo-member-13'],
    });
    const reminders = inbox.body.items.filter((m) => m.kind === 'meeting_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      title: '夜学提醒',
      ref: { type: 'activity', id: `ns_org-branch-2_${tuesday.replaceAll('-', '')}_1900` },
    });

    const third = await runNightStudyJob(nowMs);
    expect(third).toMatchObject({ created: 0, cancelled: 0, messages: 0, complete: true });
    const after = await api.call<MyMessagesResponse>('GET', '/v1/me/messages?limit=50', {
      token: tokens['demo-member-13'],
    });
    expect(after.body.items.filter((m) => m.kind === 'meeting_reminder')).toHaveLength(1);
  });

  it('brings sessions in line with a changed schedule once, even when two runs overlap', async () => {
    // The schedule changes without its own sync (as if the save's generation had failed half-way).
    await saveScheduleRecord(
      {
        orgId: 'org-branch-3',
        ...DEFAULT_NIGHT_STUDY,
        weekday: 4,
        version: 1,
        updatedAt: new Date(nowMs).toISOString(),
        updatedBy: 'm-demo-secretary-3',
        updatedByName: '测试',
      },
      0,
    );
    const runs = await Promise.all([runNightStudyJob(nowMs), runNightStudyJob(nowMs)]);
    expect(runs.every((run) => run.complete && run.failed === 0)).toBe(true);
    expect(runs[0]!.cancelled + runs[1]!.cancelled).toBe(4);
    const live = await liveByDate('org-branch-3');
    expect(Object.values(live).every((n) => n === 1)).toBe(true);
    expect(Object.keys(live).every((date) => isoWeekday(date) === 4)).toBe(true);
    expect(Object.keys(live)).toHaveLength(4);
  });

  it('stops at its bounds and the next run carries on after the last branch it did', async () => {
    const first = await runNightStudyJob(nowMs, { maxBranches: 2 });
    expect(first).toMatchObject({ branches: 2, complete: false });
    const second = await runNightStudyJob(nowMs, { maxBranches: 2 });
    expect(second).toMatchObject({ branches: 1, complete: true });
    const third = await runNightStudyJob(nowMs, { maxBranches: 2 });
    expect(third).toMatchObject({ branches: 2, complete: false });
  });
});

import fc from 'fast-check';
import { monthRange, shanghaiMonth } from '../time';
import {
  type AttendanceActivity,
  type AttendanceCheckin,
  type AttendanceStatus,
  attendanceStatus,
  checkinBounds,
  monthAttendance,
} from './attendance';
import { MAX_ACTIVITY_HOURS, MyAttendanceQuery } from './schemas';

const MIN = 60_000;
/** 2026-11-23 10:00 in Shanghai (02:00 UTC). */
const NOW = Date.parse('2026-11-23T02:00:00Z');
const at = (shanghai: string) => new Date(`${shanghai}+08:00`).toISOString();

function activity(id: string, startAt: string, hours = 2, extra: Partial<AttendanceActivity> = {}): AttendanceActivity {
  const endAt = new Date(Date.parse(startAt) + hours * 3600_000).toISOString();
  return { id, orgId: 'org-branch-1', orgName: '内科第一党支部', title: `活动 ${id}`, startAt, endAt, ...extra };
}

describe('Rule: attendance month', () => {
  it('widens the check-in search by the check-in window and the longest activity', () => {
    expect(checkinBounds('2026-11', MAX_ACTIVITY_HOURS)).toEqual({
      from: '2026-10-31T15:30:00.000Z',
      to: '2026-12-01T16:00:00.000Z',
    });
  });

  it('lets the query schema take no month or a valid one, and refuses the rest', () => {
    const month = shanghaiMonth(Date.now());
    expect(MyAttendanceQuery.safeParse({}).success).toBe(true);
    expect(MyAttendanceQuery.safeParse({ month }).success).toBe(true);
    for (const bad of ['2026-13', '1999-01', '3000-01', 'x']) {
      expect(MyAttendanceQuery.safeParse({ month: bad }).success).toBe(false);
    }
    expect(MyAttendanceQuery.safeParse({ month, other: '1' }).success).toBe(false);
  });
});

describe('Rule: my status in one activity', () => {
  const a = activity('a1', '2026-11-23T11:00:00.000Z');
  const start = Date.parse(a.startAt);
  const end = Date.parse(a.endAt);

  it('tells 早退, 补学, leave and a cancelled meeting apart', () => {
    const after = end + 1;
    const needsOut = { ...a, requireCheckout: true };
    expect(attendanceStatus(needsOut, { at: a.startAt, late: false }, after)).toBe('left_early');
    expect(attendanceStatus(needsOut, { at: a.startAt, late: false, checkedOutAt: a.endAt }, after)).toBe('present');
    expect(attendanceStatus(a, { madeUpAt: new Date(after).toISOString() }, after)).toBe('made_up');
    const leave = { id: 'l', reason: '出差', requestedAt: a.startAt };
    expect(attendanceStatus(a, { leave: { ...leave, status: 'approved' } }, after)).toBe('on_leave');
    expect(attendanceStatus(a, { leave: { ...leave, status: 'rejected' } }, after)).toBe('absent');
    expect(attendanceStatus({ ...a, status: 'cancelled' }, { at: a.startAt }, after)).toBe('cancelled');
  });

  it('is the recorded check-in whenever there is one, present or late', () => {
    for (const now of [start - 10 * MIN, start, end, end + 86_400_000]) {
      expect(attendanceStatus(a, { at: a.startAt, late: false }, now)).toBe('present');
      expect(attendanceStatus(a, { at: a.startAt, late: true }, now)).toBe('late');
    }
  });

  it('without a check-in: upcoming before the start, ongoing_missing until the end, absent after it', () => {
    expect(attendanceStatus(a, null, start - 1)).toBe('upcoming');
    expect(attendanceStatus(a, null, start)).toBe('ongoing_missing');
    expect(attendanceStatus(a, null, end)).toBe('ongoing_missing');
    expect(attendanceStatus(a, null, end + 1)).toBe('absent');
  });
});

describe('Rule: a month of my meetings', () => {
  it('merges activities and check-ins into rows, newest first, with totals per status', () => {
    const activities = [
      activity('a-present', at('2026-11-03T19:00:00'), 2, { placeName: '门诊楼三楼会议室' }),
      activity('a-late', at('2026-11-10T19:00:00')),
      activity('a-absent', at('2026-11-17T19:00:00')),
      activity('a-ongoing', at('2026-11-23T09:00:00')),
      activity('a-upcoming', at('2026-11-24T19:00:00')),
      activity('a-old-branch', at('2026-11-01T09:00:00'), 2, { orgId: 'org-branch-2', orgName: '外科党支部' }),
      activity('a-october', at('2026-10-31T23:59:59')),
      activity('a-december', at('2026-12-01T00:00:00')),
    ];
    const checkins: AttendanceCheckin[] = [
      { activityId: 'a-present', at: at('2026-11-03T18:50:00'), late: false },
      { activityId: 'a-late', at: at('2026-11-10T19:05:00'), late: true },
      { activityId: 'a-old-branch', at: at('2026-11-01T08:55:00'), late: false },
      { activityId: 'a-october', at: at('2026-11-01T00:10:00'), late: true },
      { activityId: 'a-unknown', at: at('2026-11-05T10:00:00'), late: false },
    ];
    const result = monthAttendance({ month: '2026-11', activities, checkins, nowMs: NOW });
    expect(result.items.map((item) => [item.activityId, item.status])).toEqual([
      ['a-upcoming', 'upcoming'],
      ['a-ongoing', 'ongoing_missing'],
      ['a-absent', 'absent'],
      ['a-late', 'late'],
      ['a-present', 'present'],
      ['a-old-branch', 'present'],
    ]);
    expect(result.items[4]).toEqual({
      activityId: 'a-present',
      orgId: 'org-branch-1',
      orgName: '内科第一党支部',
      title: '活动 a-present',
      startAt: at('2026-11-03T19:00:00'),
      endAt: at('2026-11-03T21:00:00'),
      placeName: '门诊楼三楼会议室',
      kind: 'theme_day',
      status: 'present',
      checkedInAt: at('2026-11-03T18:50:00'),
      late: false,
    });
    expect(result.items[3]).toMatchObject({ late: true, checkedInAt: at('2026-11-10T19:05:00') });
    expect(result.items[2]).not.toHaveProperty('checkedInAt');
    expect(result.items[5]).toMatchObject({ orgId: 'org-branch-2', orgName: '外科党支部' });
    expect(result.totals).toMatchObject({
      activities: 6,
      present: 2,
      late: 1,
      absent: 1,
      upcoming: 1,
      ongoingMissing: 1,
    });
  });

  it('answers an empty month with zeros', () => {
    expect(monthAttendance({ month: '2026-11', activities: [], checkins: [], nowMs: NOW })).toEqual({
      month: '2026-11',
      items: [],
      totals: {
        activities: 0,
        present: 0,
        late: 0,
        leftEarly: 0,
        onLeave: 0,
        madeUp: 0,
        absent: 0,
        upcoming: 0,
        ongoingMissing: 0,
        cancelled: 0,
      },
    });
  });

  const month = '2026-11';
  const { from, to } = monthRange(month);
  const instant = fc.integer({ min: Date.parse(from) - 86_400_000, max: Date.parse(to) + 86_400_000 });
  const arbActivity = fc
    .record({ id: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6'), start: instant, minutes: fc.nat(24 * 60) })
    .map(({ id, start, minutes }) => ({
      id,
      orgId: 'o',
      orgName: 'O',
      title: id,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + (minutes + 1) * MIN).toISOString(),
    }));
  const arbCheckin = fc.record({
    activityId: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a7'),
    at: instant.map((ms) => new Date(ms).toISOString()),
    late: fc.boolean(),
  });
  const input = fc.record({
    activities: fc.array(arbActivity, { maxLength: 12 }),
    checkins: fc.array(arbCheckin, { maxLength: 8 }),
    nowMs: instant,
  });

  it('lists each activity of the month exactly once, newest first, and nothing else', () => {
    fc.assert(
      fc.property(input, ({ activities, checkins, nowMs }) => {
        const { items } = monthAttendance({ month, activities, checkins, nowMs });
        const ids = items.map((item) => item.activityId);
        expect(new Set(ids).size).toBe(ids.length);
        const inMonth = (startAt: string) => startAt >= from && startAt < to;
        const expected = activities.filter((a) => inMonth(a.startAt)).map((a) => a.id);
        expect(new Set(ids)).toEqual(new Set(expected));
        for (let i = 1; i < items.length; i++) expect(items[i - 1]!.startAt >= items[i]!.startAt).toBe(true);
      }),
    );
  });

  it('has totals that add up to the rows and to each other', () => {
    fc.assert(
      fc.property(input, ({ activities, checkins, nowMs }) => {
        const { items, totals } = monthAttendance({ month, activities, checkins, nowMs });
        const count = (status: AttendanceStatus) => items.filter((item) => item.status === status).length;
        expect(totals.activities).toBe(items.length);
        expect(totals.present + totals.late + totals.absent + totals.upcoming + totals.ongoingMissing).toBe(
          totals.activities,
        );
        expect([totals.present, totals.late, totals.absent, totals.upcoming, totals.ongoingMissing]).toEqual([
          count('present'),
          count('late'),
          count('absent'),
          count('upcoming'),
          count('ongoing_missing'),
        ]);
        for (const item of items) expect(item.late).toBe(item.status === 'late');
      }),
    );
  });

  it('gives each row the status its times, now and its check-in alone decide', () => {
    fc.assert(
      fc.property(input, ({ activities, checkins, nowMs }) => {
        const { items } = monthAttendance({ month, activities, checkins, nowMs });
        for (const item of items) {
          const mine = checkins.filter((c) => c.activityId === item.activityId).sort((x, y) => (x.at < y.at ? -1 : 1));
          const checkin = mine[0] ?? null;
          expect(item.status).toBe(attendanceStatus({ startAt: item.startAt, endAt: item.endAt }, checkin, nowMs));
          expect(item.checkedInAt).toBe(checkin?.at);
          // The same activity alone, with only its own check-ins, gets the same row: no other data leaks in.
          const source = activities.find((a) => a.id === item.activityId && a.startAt === item.startAt)!;
          const alone = monthAttendance({ month, activities: [source], checkins: mine, nowMs });
          expect(alone.items).toEqual([item]);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { ID_PATTERN } from '../http/route';
import { shanghaiDay } from '../time';
import {
  addDays,
  DEFAULT_NIGHT_STUDY,
  daysBetween,
  isCalendarDate,
  isoWeekday,
  keptSkipDates,
  sessionId,
  sessionsFrom,
  sessionTitle,
  shanghaiInstant,
  upcomingSessions,
} from './schedule';
import { PutScheduleRequest } from './schedule-schemas';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
/** A plan whose end is after its start. */
const plan = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    a: time,
    b: time,
    skips: fc.array(fc.nat(120), { maxLength: 10 }),
  })
  .filter(({ a, b }) => a !== b)
  .map(({ weekday, a, b, skips }) => {
    const [start, end] = [a, b].sort() as [string, string];
    return { weekday, start, end, skips };
  });

describe('Rule: the sessions a 周二夜学 schedule yields', () => {
  it('gives one session per week on the weekday, within the window, oldest first, skipped dates left out', () => {
    fc.assert(
      fc.property(plan, day, fc.integer({ min: 1, max: 12 }), ({ skips, ...times }, from, weeks) => {
        const skipDates = skips.map((n) => addDays(from, n));
        const sessions = sessionsFrom({ ...times, skipDates }, from, weeks);
        const all = sessionsFrom({ ...times, skipDates: [] }, from, weeks);
        expect(all).toHaveLength(weeks);
        expect(sessions).toEqual(all.filter((s) => !skipDates.includes(s.date)));
        for (const [i, session] of sessions.entries()) {
          expect(isoWeekday(session.date)).toBe(times.weekday);
          expect(daysBetween(from, session.date)).toBeGreaterThanOrEqual(0);
          expect(daysBetween(from, session.date)).toBeLessThan(weeks * 7);
          expect(skipDates).not.toContain(session.date);
          if (i > 0) expect(daysBetween(sessions[i - 1]!.date, session.date) % 7).toBe(0);
          if (i > 0) expect(session.date > sessions[i - 1]!.date).toBe(true);
        }
        expect(new Set(sessions.map((s) => s.date)).size).toBe(sessions.length);
      }),
    );
  });

  it('starts each session exactly at <date>T<start>:00+08:00 and ends at <end> the same day', () => {
    fc.assert(
      fc.property(plan, day, ({ skips: _skips, ...times }, from) => {
        for (const session of sessionsFrom({ ...times, skipDates: [] }, from, 3)) {
          expect(session.startAt).toBe(new Date(`${session.date}T${times.start}:00+08:00`).toISOString());
          expect(session.endAt).toBe(new Date(`${session.date}T${times.end}:00+08:00`).toISOString());
          expect(Date.parse(session.endAt)).toBeGreaterThan(Date.parse(session.startAt));
          expect(shanghaiDay(session.startAt)).toBe(session.date);
        }
      }),
    );
    expect(shanghaiInstant('2026-11-24', '19:00')).toBe('2026-11-24T11:00:00.000Z');
    // 07:30 in Shanghai is still the day before in UTC.
    expect(shanghaiInstant('2027-01-01', '07:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('crosses month and year ends and leap days', () => {
    const tuesdays = (from: string, weeks: number) => sessionsFrom(DEFAULT_NIGHT_STUDY, from, weeks).map((s) => s.date);
    expect(tuesdays('2026-11-23', 3)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08']);
    expect(tuesdays('2026-12-23', 4)).toEqual(['2026-12-29', '2027-01-05', '2027-01-12', '2027-01-19']);
    expect(tuesdays('2026-12-22', 2)).toEqual(['2026-12-22', '2026-12-29']);
    expect(tuesdays('2028-02-24', 2)).toEqual(['2028-02-29', '2028-03-07']);
    const sundays = sessionsFrom({ ...DEFAULT_NIGHT_STUDY, weekday: 7, skipDates: ['2027-01-03'] }, '2026-12-28', 3);
    expect(sundays.map((s) => s.date)).toEqual(['2027-01-10', '2027-01-17']);
  });

  it('leaves out today’s session once it has started, and never yields two for one date', () => {
    const at = (iso: string) => upcomingSessions(DEFAULT_NIGHT_STUDY, Date.parse(iso), 4).map((s) => s.date);
    expect(at('2026-11-24T10:59:59.999Z')[0]).toBe('2026-11-24');
    expect(at('2026-11-24T11:00:00.000Z')[0]).toBe('2026-12-01');
    // Shanghai's Tuesday begins at Monday 16:00 UTC.
    expect(at('2026-11-23T16:00:00.000Z')).toEqual(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15']);
    fc.assert(
      fc.property(plan, fc.integer({ min: 946_684_800_000, max: 4_000_000_000_000 }), ({ skips: _s, ...p }, now) => {
        const sessions = upcomingSessions({ ...p, skipDates: [] }, now, 4);
        for (const session of sessions) expect(Date.parse(session.startAt)).toBeGreaterThan(now);
        expect(new Set(sessions.map((s) => s.date)).size).toBe(sessions.length);
        expect(sessions.length).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it('names the session by its weekday and date', () => {
    expect(sessionTitle(2, '2026-11-24')).toBe('周二夜学（11月24日）');
    expect(sessionTitle(3, '2027-01-06')).toBe('周三夜学（1月6日）');
    expect(sessionTitle(7, '2027-01-03')).toBe('周日夜学（1月3日）');
  });

  it('gives each (branch, date, start) one stable id within the id pattern, and a new one per attempt', () => {
    expect(sessionId('org-branch-1', '2026-11-24', '19:00')).toBe('ns_org-branch-1_20261124_1900');
    expect(sessionId('org-branch-1', '2026-11-24', '19:00', 2)).toBe('ns_org-branch-1_20261124_1900_2');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        day,
        time,
        fc.integer({ min: 1, max: 999 }),
        (org, d, t, n) => {
          const id = sessionId(org, d, t, n);
          expect(id).toMatch(ID_PATTERN);
          expect(sessionId(org, d, t, n)).toBe(id);
          expect(sessionId(org, d, t, n + 1)).not.toBe(id);
        },
      ),
    );
  });

  it('knows calendar dates and keeps skip dates distinct, sorted, from today on', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(keptSkipDates(['2026-12-01', '2026-10-01', '2026-12-01', '2027-01-01'], '2026-11-24')).toEqual([
      '2026-12-01',
      '2027-01-01',
    ]);
    fc.assert(
      fc.property(day, fc.integer({ min: -1000, max: 1000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(isoWeekday(addDays(d, 7 * Math.trunc(n / 7)))).toBe(isoWeekday(d));
      }),
    );
  });
});

describe('Schema: PUT /v1/orgs/{orgId}/night-study/schedule', () => {
  const fieldsOf = (body: unknown) => {
    const result = PutScheduleRequest.safeParse(body);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };
  const today = shanghaiDay(Date.now());

  it('accepts a schedule and refuses an end before the start, no weekday, times not HH:mm', () => {
    expect(fieldsOf({ weekday: 2, start: '19:00', end: '21:00', skipDates: [addDays(today, 7)] })).toEqual([]);
    expect(fieldsOf({ weekday: 2, start: '21:00', end: '19:00' })).toEqual(['end']);
    expect(fieldsOf({ weekday: 2, start: '19:00', end: '19:00' })).toEqual(['end']);
    expect(fieldsOf({ start: '19:00', end: '21:00' })).toEqual(['weekday']);
    expect(fieldsOf({ weekday: 8, start: '19:00', end: '21:00' })).toEqual(['weekday']);
    expect(fieldsOf({ weekday: 2, start: '7:00', end: '24:00' })).toEqual(['start', 'end']);
    expect(fieldsOf({ weekday: 2, start: '19:00', end: '21:00', extra: 1 })).toEqual(['']);
  });

  it('takes skip dates within a year of today, at most 60', () => {
    expect(fieldsOf({ weekday: 2, start: '19:00', end: '21:00', skipDates: ['2026-02-30'] })).toEqual(['skipDates.0']);
    expect(fieldsOf({ weekday: 2, start: '19:00', end: '21:00', skipDates: [addDays(today, 400)] })).toEqual([
      'skipDates.0',
    ]);
    const many = Array.from({ length: 61 }, (_, i) => addDays(today, i));
    expect(fieldsOf({ weekday: 2, start: '19:00', end: '21:00', skipDates: many })).toEqual(['skipDates']);
  });
});

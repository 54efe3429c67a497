import fc from 'fast-check';
import { fromShanghai, shanghaiDay } from '../time';
import { NO_PROGRESS, recordCheckin } from './progress';
import { NO_STREAK, recordStudyDay, type StreakState, shiftDay, streakOn, weekStart } from './streak';

const run = (days: readonly string[]): StreakState => days.reduce(recordStudyDay, NO_STREAK);

describe('Rule: the study day is the Asia/Shanghai calendar day', () => {
  it('puts 00:00:00 +08:00 on the new day and 23:59:59 +08:00 on the old one', () => {
    expect(shanghaiDay('2026-11-24T00:00:00+08:00')).toBe('2026-11-24');
    expect(shanghaiDay('2026-11-24T23:59:59+08:00')).toBe('2026-11-24');
    expect(shanghaiDay('2026-11-23T23:59:59+08:00')).toBe('2026-11-23');
    // New Year's Eve: 15:59:59 UTC is still the old year in Shanghai, 16:00:00 UTC the new one.
    expect(shanghaiDay('2026-12-31T15:59:59Z')).toBe('2026-12-31');
    expect(shanghaiDay('2026-12-31T16:00:00Z')).toBe('2027-01-01');
  });

  it('counts a study at 23:59:59 and the next at 00:00:00 as two consecutive days', () => {
    const evening = shanghaiDay('2026-11-30T23:59:59+08:00');
    const morning = shanghaiDay('2026-12-01T00:00:00+08:00');
    expect(run([evening, morning])).toMatchObject({ current: 2, longest: 2 });
    // …but 00:00:00 and 23:59:59 of the same day are one day.
    expect(run([shanghaiDay('2026-12-01T00:00:00+08:00'), shanghaiDay('2026-12-01T23:59:59+08:00')])).toMatchObject({
      current: 1,
    });
  });
});

describe('Rule: calendar days and weeks', () => {
  it('shifts across month and year ends and leap days', () => {
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2027-01-01', -1)).toBe('2026-12-31');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-24')).toBe('2026-11-23'); // a Tuesday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across the year end
  });

  it('agrees with the Shanghai clock: the day after a day is 24 hours later', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2099-12-30') }), (ms) => {
        expect(shanghaiDay(ms + 86_400_000)).toBe(shiftDay(shanghaiDay(ms), 1));
        const monday = weekStart(shanghaiDay(ms));
        expect(new Date(fromShanghai(`${monday} 12:00`)).getUTCDay()).toBe(1);
      }),
    );
  });
});

describe('Rule: streaks', () => {
  it('runs across a month end and a year end', () => {
    expect(run(['2026-11-29', '2026-11-30', '2026-12-01'])).toMatchObject({ current: 3, longest: 3 });
    expect(run(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])).toMatchObject({ current: 4, longest: 4 });
    expect(run(['2028-02-28', '2028-02-29', '2028-03-01'])).toMatchObject({ current: 3 });
  });

  it('restarts after a missed day, keeps the longest, and counts a day once', () => {
    const state = run(['2026-12-30', '2026-12-31', '2026-12-31', '2027-01-02']);
    expect(state).toMatchObject({ current: 1, longest: 2, lastDay: '2027-01-02' });
  });

  it('shows the run while its last day is today or yesterday, and 0 after a day without study', () => {
    const state = run(['2026-12-30', '2026-12-31']);
    expect(streakOn(state, '2026-12-31')).toEqual({ current: 2, longest: 2 });
    expect(streakOn(state, '2027-01-01')).toEqual({ current: 2, longest: 2 });
    expect(streakOn(state, '2027-01-02')).toEqual({ current: 0, longest: 2 });
    expect(streakOn(NO_STREAK, '2027-01-02')).toEqual({ current: 0, longest: 0 });
  });

  it('extends the run backwards for a day written late (completions racing across midnight)', () => {
    expect(run(['2027-01-01', '2026-12-31'])).toMatchObject({ current: 2, runStart: '2026-12-31' });
    expect(run(['2027-01-01', '2026-12-20'])).toMatchObject({ current: 1, lastDay: '2027-01-01' });
  });

  it('equals the run ending on the last day and the longest run, for any set of days', () => {
    const dayOffsets = fc.uniqueArray(fc.integer({ min: 0, max: 800 }), { maxLength: 120 });
    fc.assert(
      fc.property(dayOffsets, (offsets) => {
        const sorted = [...offsets].sort((a, b) => a - b);
        const days = sorted.map((n) => shiftDay('2026-11-01', n));
        let longest = 0;
        let current = 0;
        sorted.forEach((n, i) => {
          current = i > 0 && sorted[i - 1] === n - 1 ? current + 1 : 1;
          longest = Math.max(longest, current);
        });
        expect(run(days)).toMatchObject({ current, longest });
      }),
    );
  });
});

describe('Rule: participation in a branch month', () => {
  it('counts a member once per org and month, again in a new month or another org', () => {
    const first = recordCheckin(NO_PROGRESS, { day: '2026-11-30', seconds: 60, orgId: 'b1' });
    expect(first.newParticipant).toBe(1);
    const again = recordCheckin(first.progress, { day: '2026-11-30', seconds: 30, orgId: 'b1' });
    expect(again.newParticipant).toBe(0);
    expect(again.progress).toMatchObject({ checkins: 2, seconds: 90, current: 1 });
    const nextMonth = recordCheckin(again.progress, { day: '2026-12-01', seconds: 60, orgId: 'b1' });
    expect(nextMonth.newParticipant).toBe(1);
    expect(nextMonth.progress).toMatchObject({ current: 2, month: '2026-12' });
    const moved = recordCheckin(nextMonth.progress, { day: '2026-12-02', seconds: 60, orgId: 'b2' });
    expect(moved.newParticipant).toBe(1);
    expect(moved.progress.monthOrgIds).toEqual(['b1', 'b2']);
  });
});

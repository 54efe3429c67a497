/**
 * A member's study progress as one check-in changes it: the streak (./streak.ts), the totals, and whether the
 * check-in makes the member a new participant of their branch's month (the branch figures count people who
 * studied at least once, not check-ins twice).
 */
import { NO_STREAK, recordStudyDay, type StreakState } from './streak';

export interface MemberProgress extends StreakState {
  readonly checkins: number;
  readonly seconds: number;
  /** The month (YYYY-MM) of the latest check-in, and the orgs the member was counted in for that month. */
  readonly month: string | null;
  readonly monthOrgIds: readonly string[];
}

export const NO_PROGRESS: MemberProgress = { ...NO_STREAK, checkins: 0, seconds: 0, month: null, monthOrgIds: [] };

export interface CheckinFact {
  /** Asia/Shanghai day, YYYY-MM-DD. */
  readonly day: string;
  readonly seconds: number;
  /** The member's org when they completed it. */
  readonly orgId: string;
}

/**
 * The progress after a check-in, and 1 when it is the member's first in (org, month) — the branch month's
 * `participants` then goes up by one. A check-in of an earlier month than the latest (two completions racing
 * across a month's last midnight) is not counted as a participant again.
 */
export function recordCheckin(
  progress: MemberProgress,
  fact: CheckinFact,
): { progress: MemberProgress; newParticipant: 0 | 1 } {
  const month = fact.day.slice(0, 7);
  const { lastDay, runStart, current, longest } = recordStudyDay(progress, fact.day);
  const streak = { lastDay, runStart, current, longest };
  const totals = { checkins: progress.checkins + 1, seconds: progress.seconds + fact.seconds };
  if (progress.month !== null && month < progress.month) {
    return { progress: { ...progress, ...streak, ...totals }, newParticipant: 0 };
  }
  const counted = progress.month === month ? progress.monthOrgIds : [];
  const newParticipant = counted.includes(fact.orgId) ? 0 : 1;
  return {
    progress: {
      ...streak,
      ...totals,
      month,
      monthOrgIds: newParticipant ? [...counted, fact.orgId] : counted,
    },
    newParticipant,
  };
}

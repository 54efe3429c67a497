import type { Activity } from '../../../../../shared/meetings/schemas';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { shanghaiDay, toShanghai } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';

/** How many of today's activities the home page details (each needs its own GET for `myCheckin`). */
const TODAY_LIMIT = 5;

export interface TodayActivities {
  /** The first TODAY_LIMIT of today's activities, in start order, each with its phase and my check-in. */
  readonly items: ActivityDetailResponse[];
  /** How many there are today in all: the page offers 查看全部 when it shows fewer. */
  readonly total: number;
  /** The 夜学 card's session (this week's, else the next one) with my standing, or null when there is none. */
  readonly nightStudy: { readonly detail: ActivityDetailResponse; readonly thisWeek: boolean } | null;
}

/** The Monday (YYYY-MM-DD, Asia/Shanghai) of an instant's week. */
function weekOf(at: string | number): string {
  const day = toShanghai(at);
  return day.subtract((day.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/**
 * 周二夜学 of this Asia/Shanghai week (the first not yet ended, a held one before a cancelled one), else the
 * next one to come.
 */
export function pickNightStudy(activities: readonly Activity[], nowMs: number): Activity | null {
  const sessions = activities
    .filter((activity) => activity.kind === 'night_study')
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  const week = weekOf(nowMs);
  const thisWeek = sessions.filter((activity) => weekOf(activity.startAt) === week);
  const held = thisWeek.filter((activity) => activity.status !== 'cancelled');
  const pool = held.length ? held : thisWeek;
  if (pool.length) return pool.find((activity) => Date.parse(activity.endAt) >= nowMs) ?? pool[pool.length - 1]!;
  return sessions.find((activity) => Date.parse(activity.startAt) > nowMs && activity.status !== 'cancelled') ?? null;
}

/** Today's (Asia/Shanghai) activities of my branch, and its 周二夜学 session for the 首页 card. */
export async function loadTodayActivities(): Promise<TodayActivities> {
  const now = Date.now();
  const today = shanghaiDay(now);
  const list = await meetingsApi.list({ limit: 30 });
  const todays = list.items
    .filter((activity) => shanghaiDay(activity.startAt) === today)
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  const session = pickNightStudy(list.items, now);
  const shown = todays.slice(0, TODAY_LIMIT);
  const [items, sessionDetail] = await Promise.all([
    Promise.all(shown.map((activity) => meetingsApi.get(activity.id))),
    session && !shown.some((activity) => activity.id === session.id) ? meetingsApi.get(session.id) : null,
  ]);
  const detail = session ? (sessionDetail ?? items.find((item) => item.activity.id === session.id)) : undefined;
  return {
    items,
    total: todays.length,
    nightStudy: session && detail ? { detail, thisWeek: weekOf(session.startAt) === weekOf(now) } : null,
  };
}

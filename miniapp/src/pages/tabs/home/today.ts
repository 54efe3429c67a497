import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { shanghaiDay } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';

/** How many of today's activities the home page details (each needs its own GET for `myCheckin`). */
const TODAY_LIMIT = 5;

export interface TodayActivities {
  /** The first TODAY_LIMIT of today's activities, in start order, each with its phase and my check-in. */
  readonly items: ActivityDetailResponse[];
  /** How many there are today in all: the page offers 查看全部 when it shows fewer. */
  readonly total: number;
}

/** Today's (Asia/Shanghai) activities of my branch. */
export async function loadTodayActivities(): Promise<TodayActivities> {
  const today = shanghaiDay(Date.now());
  const list = await meetingsApi.list({ limit: 30 });
  const todays = list.items
    .filter((activity) => shanghaiDay(activity.startAt) === today)
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  const items = await Promise.all(todays.slice(0, TODAY_LIMIT).map((activity) => meetingsApi.get(activity.id)));
  return { items, total: todays.length };
}

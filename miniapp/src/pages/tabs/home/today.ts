import type { ActivityDetailResponse } from '../../../../../shared/meetings/schemas';
import { shanghaiDay } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';

/** How many of today's activities the home page details (each needs its own GET for `myCheckin`). */
const TODAY_LIMIT = 5;

/** Today's (Asia/Shanghai) activities of my branch, each with its phase and my check-in. */
export async function loadTodayActivities(): Promise<ActivityDetailResponse[]> {
  const today = shanghaiDay(Date.now());
  const list = await meetingsApi.list({ limit: 30 });
  const todays = list.items.filter((activity) => shanghaiDay(activity.startAt) === today).slice(0, TODAY_LIMIT);
  const details = await Promise.all(todays.map((activity) => meetingsApi.get(activity.id)));
  return details.sort((a, b) => a.activity.startAt.localeCompare(b.activity.startAt));
}

/** Every branch meeting is an activity of one kind (DESIGN §5.2): 主题党日, 周二夜学 and the 三会一课. */
import * as z from 'zod';

export const MEETING_KINDS = [
  'theme_day',
  'night_study',
  'party_congress',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'life_meeting',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MeetingKind = z.enum(MEETING_KINDS, { message: '会议类型不正确' });

export const MEETING_KIND_NAMES: Record<MeetingKind, string> = {
  theme_day: '主题党日',
  night_study: '周二夜学',
  party_congress: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  life_meeting: '组织生活会',
};

/** Activities created before kinds existed are 主题党日 (DESIGN §5.2: `theme_day` is the default). */
export const kindOf = (activity: { kind?: MeetingKind | undefined }): MeetingKind => activity.kind ?? 'theme_day';

/**
 * The app's entries, once: 首页's quick entries and 我的's hub both list from here, filtered by role through
 * page-access (the server's own rules). An entry is listed only once its page exists — never a dead link.
 */
import type { MemberProfile } from '../../../shared/auth/schemas';
import { APPROVERS, RECEIVERS, TRANSFER_OVERSEERS } from '../../../shared/transfers/access';
import type { PageName } from '../routes';
import { hasAnyRole } from '../store/session';
import { canOpen } from './page-access';

export type EntryIcon =
  | 'scan'
  | 'add'
  | 'roster'
  | 'tree'
  | 'notice'
  | 'checkins'
  | 'study'
  | 'messages'
  | 'edit'
  | 'figures'
  | 'transfer'
  | 'approve'
  | 'inbound';

export interface MenuEntry {
  readonly text: string;
  readonly icon: EntryIcon;
  readonly page: PageName;
  /** Where the entry appears. */
  readonly places: readonly ('home' | 'me')[];
  /** Narrower than the page allows: committee staff reach rosters through 组织架构, not their own roster. */
  readonly onlyFor?: readonly string[];
}

const ENTRIES: readonly MenuEntry[] = [
  { text: '扫码签到', icon: 'scan', page: 'checkin', places: ['home'] },
  { text: '发起活动', icon: 'add', page: 'activityCreate', places: ['home'] },
  { text: '花名册', icon: 'roster', page: 'roster', places: ['home', 'me'], onlyFor: ['secretary'] },
  { text: '组织架构', icon: 'tree', page: 'orgTree', places: ['home', 'me'] },
  { text: '发布通知', icon: 'notice', page: 'noticePublish', places: ['home'] },
  { text: '学习管理', icon: 'edit', page: 'studyManage', places: ['home', 'me'] },
  { text: '请假审批', icon: 'checkins', page: 'leaveApprovals', places: ['home'] },
  { text: '夜学安排', icon: 'study', page: 'nightStudySchedule', places: ['home', 'me'] },
  { text: '学习统计', icon: 'figures', page: 'studyStats', places: ['me'] },
  { text: '会议统计', icon: 'figures', page: 'meetingStats', places: ['me'] },
  { text: '我的签到', icon: 'checkins', page: 'myAttendance', places: ['me'] },
  { text: '我的学习', icon: 'study', page: 'myStudy', places: ['me'] },
  { text: '我的消息', icon: 'messages', page: 'myMessages', places: ['me'] },
  // 党费 pages are not in page-access (see there): who sees each entry is said here, as shared/dues/access.ts says
  // it — 收缴 by the branch (BILL_ISSUERS), 总览 by the committee, 审核 by BASE_DECIDERS.
  { text: '我的党费', icon: 'figures', page: 'myDues', places: ['me'] },
  { text: '党费收缴', icon: 'checkins', page: 'orgDues', places: ['me'], onlyFor: ['secretary', 'organizer'] },
  { text: '党费总览', icon: 'figures', page: 'orgDues', places: ['me'], onlyFor: ['committee'] },
  {
    text: '基数审核',
    icon: 'edit',
    page: 'duesBases',
    places: ['me'],
    onlyFor: ['secretary', 'organizer', 'committee'],
  },
  // 组织关系转接 pages are not in page-access either: their roles come from shared/transfers/access.ts, the lists
  // the server enforces. 转接管理: the committee's subtree, a secretary's own branch.
  { text: '组织关系', icon: 'transfer', page: 'myTransfers', places: ['me'] },
  { text: '待我审批', icon: 'approve', page: 'transferTodo', places: ['home', 'me'], onlyFor: APPROVERS },
  { text: '转接管理', icon: 'figures', page: 'orgTransfers', places: ['me'], onlyFor: TRANSFER_OVERSEERS },
  { text: '转入登记', icon: 'inbound', page: 'transferInbound', places: ['me'], onlyFor: RECEIVERS },
];

/** The entries this member can use in `place`, in menu order. */
export function entriesFor(place: 'home' | 'me', member: MemberProfile | null): MenuEntry[] {
  return ENTRIES.filter(
    (entry) =>
      entry.places.includes(place) &&
      canOpen(entry.page, member) &&
      (!entry.onlyFor || hasAnyRole(member, entry.onlyFor)) &&
      !!member,
  );
}

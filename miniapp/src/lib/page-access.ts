/**
 * Which roles may open which page — from the same shared route definitions the server enforces, so a menu
 * never offers a page its API would refuse. Pages not listed are open to every signed-in member.
 */
import { ROLE_LABELS, type Role } from '../../../shared/auth/roles';
import { issueBindingCode } from '../../../shared/auth/routes';
import type { MemberProfile } from '../../../shared/auth/schemas';
import { MEMBERS, RUNNERS, RUNNERS_AND_COMMITTEE, SCHEDULE_WRITERS } from '../../../shared/meetings/access';
import { checkIn, myAttendance } from '../../../shared/meetings/routes';
import { createNotice } from '../../../shared/notices/routes';
import { createMember, importMembers, listMembers, orgTree, updateMember } from '../../../shared/org/routes';
import { createStudyItem, studyCompletions, studyStats } from '../../../shared/study/routes';
import { PAGES, type PageName } from '../routes';
import { hasAnyRole } from '../store/session';

const PAGE_ROLES: Partial<Record<PageName, readonly Role[]>> = {
  checkin: checkIn.access,
  checkinResult: checkIn.access,
  myAttendance: myAttendance.access,
  activityCreate: RUNNERS,
  activityQr: RUNNERS,
  activityBoard: RUNNERS_AND_COMMITTEE,
  // The secretaries' meeting routes by their shared access lists (shared/meetings/access.ts), not their route
  // modules: those carry schemas the main package need not load.
  leaveRequest: MEMBERS,
  checkout: MEMBERS,
  leaveApprovals: RUNNERS,
  nightStudySchedule: SCHEDULE_WRITERS,
  meetingRecord: RUNNERS,
  meetingStats: RUNNERS_AND_COMMITTEE,
  orgTree: orgTree.access,
  orgActivities: orgTree.access,
  roster: listMembers.access,
  memberDetail: updateMember.access,
  memberAdd: createMember.access,
  rosterImport: importMembers.access,
  bindingCode: issueBindingCode.access,
  noticePublish: createNotice.access,
  studyManage: createStudyItem.access,
  studyEdit: createStudyItem.access,
  studyCompletions: studyCompletions.access,
  studyStats: studyStats.access,
  // 党费 and 转接 pages give PageRoot their roles themselves (`roles`, from shared/<domain>/access.ts): listed
  // here, those modules — read by every route of the domain — would move whole into the main package.
};

export function canOpen(page: PageName, member: MemberProfile | null): boolean {
  const roles = PAGE_ROLES[page];
  return !roles || hasAnyRole(member, roles);
}

/** The page name of a route path as Taro reports it ('/pages/x/index?a=1' or 'pages/x/index'). */
export function pageOfPath(path: string | undefined): PageName | undefined {
  const bare = (path ?? '').replace(/^\//, '').split('?')[0];
  return (Object.keys(PAGES) as PageName[]).find((page) => PAGES[page] === bare);
}

/** What a role that cannot use `page` is told, e.g. 只有支部书记和组织委员可以发起活动. */
export function deniedMessage(page: PageName): string {
  const who = (PAGE_ROLES[page] ?? []).map((role) => ROLE_LABELS[role]).join('和');
  return `只有${who}可以${page === 'activityCreate' ? '发起活动' : '使用此页面'}`;
}

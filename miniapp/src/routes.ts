/**
 * The only list of page paths. app.config.ts builds `pages`, `subPackages` and `tabBar` from it, and every
 * navigation goes through lib/nav.ts with a page NAME, never a hand-written path.
 * Pure data: app.config.ts is evaluated by the Taro CLI at build time, so nothing here may import Taro.
 */
export const PAGES = {
  // main package (the first one is the app's launch page)
  login: 'pages/login/index',
  home: 'pages/tabs/home/index',
  study: 'pages/tabs/study/index',
  activities: 'pages/tabs/activities/index',
  me: 'pages/tabs/me/index',
  // subpackage pages/auth
  bind: 'pages/auth/bind/index',
  // subpackage pages/meetings
  activityDetail: 'pages/meetings/detail/index',
  checkin: 'pages/meetings/checkin/index',
  checkinResult: 'pages/meetings/result/index',
  activityCreate: 'pages/meetings/create/index',
  activityQr: 'pages/meetings/qr/index',
  activityBoard: 'pages/meetings/board/index',
  myAttendance: 'pages/meetings/my-attendance/index',
  leaveRequest: 'pages/meetings/leave/index',
  checkout: 'pages/meetings/checkout/index',
  leaveApprovals: 'pages/meetings/leaves/index',
  nightStudySchedule: 'pages/meetings/schedule/index',
  meetingRecord: 'pages/meetings/record/index',
  meetingStats: 'pages/meetings/stats/index',
  // subpackage pages/study
  studyItem: 'pages/study/item/index',
  myStudy: 'pages/study/mine/index',
  studyManage: 'pages/study/manage/index',
  studyEdit: 'pages/study/edit/index',
  studyCompletions: 'pages/study/completions/index',
  studyStats: 'pages/study/stats/index',
  // subpackage pages/notices
  notices: 'pages/notices/list/index',
  noticeDetail: 'pages/notices/detail/index',
  noticePublish: 'pages/notices/publish/index',
  myMessages: 'pages/notices/messages/index',
  // subpackage pages/org
  orgTree: 'pages/org/tree/index',
  roster: 'pages/org/roster/index',
  memberDetail: 'pages/org/member/index',
  memberAdd: 'pages/org/member-add/index',
  rosterImport: 'pages/org/import/index',
  bindingCode: 'pages/org/binding-code/index',
  orgActivities: 'pages/org/activities/index',
  // subpackage pages/dues
  myDues: 'pages/dues/mine/index',
  duesDeclare: 'pages/dues/declare/index',
  duesBases: 'pages/dues/bases/index',
  orgDues: 'pages/dues/branch/index',
  duesOffline: 'pages/dues/offline/index',
  duesArrears: 'pages/dues/arrears/index',
  // subpackage pages/transfers (组织关系转接); messages open the detail with ?id= (shared/messages/delivery.ts)
  myTransfers: 'pages/transfers/mine/index',
  transferApply: 'pages/transfers/apply/index',
  transferDetail: 'pages/transfers/detail/index',
  transferTodo: 'pages/transfers/todo/index',
  transferLetter: 'pages/transfers/letter/index',
  transferReceipt: 'pages/transfers/receipt/index',
  transferInbound: 'pages/transfers/inbound/index',
  orgTransfers: 'pages/transfers/org/index',
  // H5 only: the local stand-in for WeChat's cashier. A weapp pays in WeChat's own, so its build has no such page.
  duesMockPay: process.env.TARO_ENV === 'h5' ? 'pages/dues/mock-pay/index' : '',
} as const;

export type PageName = keyof typeof PAGES;

/** One subpackage per domain keeps the main package (tabs + login) small. */
export const SUBPACKAGE_ROOTS = [
  'pages/auth',
  'pages/meetings',
  'pages/org',
  'pages/study',
  'pages/notices',
  'pages/dues',
  'pages/transfers',
] as const;

/** `icon`: assets/tab/<icon>.png and <icon>-active.png (drawn by miniapp/tools/tab-icons.ts). */
export const TABS: readonly { readonly page: PageName; readonly text: string; readonly icon: string }[] = [
  { page: 'home', text: '首页', icon: 'home' },
  { page: 'study', text: '学习', icon: 'study' },
  { page: 'activities', text: '活动', icon: 'activities' },
  { page: 'me', text: '我的', icon: 'me' },
];

function rootOf(path: string): string | undefined {
  return SUBPACKAGE_ROOTS.find((root) => path.startsWith(`${root}/`));
}

/** Main-package pages in declaration order (login first). */
export function mainPackagePages(): string[] {
  return Object.values(PAGES).filter((path) => path && rootOf(path) === undefined);
}

export function subPackages(): { root: string; pages: string[] }[] {
  return SUBPACKAGE_ROOTS.map((root) => ({
    root,
    pages: Object.values(PAGES)
      .filter((path) => rootOf(path) === root)
      .map((path) => path.slice(root.length + 1)),
  }));
}

export function isTabPage(page: PageName): boolean {
  return TABS.some((tab) => tab.page === page);
}

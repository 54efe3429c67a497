/** The seeded demo organisation's accounts (DESIGN §5.1), listed on the login page in local mode only. */
export interface DemoAccount {
  readonly openid: string;
  readonly label: string;
}

export interface DemoGroup {
  readonly title: string;
  readonly accounts: readonly DemoAccount[];
}

const BRANCHES = ['内科第一党支部', '外科党支部', '行政后勤党支部'] as const;
/** Members are numbered 1–36, twelve per branch in order; the login page shows the first few of each. */
const MEMBERS_PER_BRANCH = 12;
const SHOWN_PER_BRANCH = 3;

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { title: '党委', accounts: [{ openid: 'demo-committee', label: '党委工作人员' }] },
  {
    title: '支部书记',
    accounts: BRANCHES.map((branch, i) => ({ openid: `demo-secretary-${i + 1}`, label: branch })),
  },
  {
    title: '组织委员',
    accounts: BRANCHES.map((branch, i) => ({ openid: `demo-organizer-${i + 1}`, label: branch })),
  },
  ...BRANCHES.map((branch, b) => ({
    title: `党员 · ${branch}`,
    accounts: Array.from({ length: SHOWN_PER_BRANCH }, (_, k) => {
      const n = b * MEMBERS_PER_BRANCH + k + 1;
      return { openid: `demo-member-${n}`, label: `党员 ${n} 号` };
    }),
  })),
];

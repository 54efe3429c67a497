/** The demo organisation's people (DESIGN §3, §5.1): realistic names, valid ID numbers, demo openids. */
import { withIdChecksum } from '../shared/org/rules';
import type { CreateMemberRequest } from '../shared/org/schemas';

export const BRANCHES = [
  { key: 'branch-1', name: '内科第一党支部', underGeneralBranch: true },
  { key: 'branch-2', name: '外科党支部', underGeneralBranch: true },
  { key: 'branch-3', name: '行政后勤党支部', underGeneralBranch: false },
] as const;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '海燕',
  '晓东',
  '丽娟',
  '国庆',
  '雪梅',
  '俊杰',
  '慧敏',
  '文斌',
  '红霞',
  '明辉',
  '佳怡',
  '伟',
  '静',
  '磊',
  '敏',
  '洋',
  '艳',
  '勇',
  '娜',
  '军',
  '杰',
  '涛',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '子涵',
  '浩然',
  '欣怡',
  '宇轩',
  '思远',
  '梓萱',
  '一鸣',
  '晨曦',
  '天宇',
  '若兰',
  '嘉琪',
  '振华',
  '玉兰',
  '春生',
];

/** A member as the roster contract describes one, plus how the demo logs in and where they belong. */
export interface DemoPerson extends Readonly<Omit<CreateMemberRequest, 'roles'>> {
  readonly openid: string;
  readonly roles: ('secretary' | 'organizer' | 'committee')[];
  /** Index into BRANCHES, or 'committee' for 党委 staff. */
  readonly home: number | 'committee';
}

function person(n: number, openid: string, home: DemoPerson['home'], roles: DemoPerson['roles']): DemoPerson {
  const surname = SURNAMES[(n * 7) % SURNAMES.length]!;
  const given = GIVEN[(n * 13 + 5) % GIVEN.length]!; // 13 is coprime to the list length: every name differs
  const female = (n * 5) % 3 === 0;
  const year = 1965 + ((n * 3) % 35);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + ((n * 7) % 28)).padStart(2, '0');
  const seq = String(100 + n).slice(-3);
  const idNumber = withIdChecksum(`330225${year}${month}${day}${seq}`.slice(0, 17));
  return {
    openid,
    name: surname + given,
    gender: female ? 'female' : 'male',
    phone: `13${(n % 7) + 3}${String(57_400_000 + n * 7919).slice(-8)}`,
    idNumber,
    category: n % 9 === 4 ? 'probationary' : 'full',
    joinedAt: `${Math.min(year + 24, 2025)}-${month}-01`,
    roles,
    home,
  };
}

export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [person(0, 'demo-committee', 'committee', ['committee'])];
  BRANCHES.forEach((_, b) => {
    people.push(person(1 + b * 20, `demo-secretary-${b + 1}`, b, ['secretary']));
    people.push(person(2 + b * 20, `demo-organizer-${b + 1}`, b, ['organizer']));
    for (let i = 1; i <= 12; i++) people.push(person(2 + b * 20 + i, `demo-member-${b * 12 + i}`, b, []));
  });
  return people;
}

export const DEMO_ACCOUNTS_HELP = [
  'demo-committee        党委工作人员（全部支部）',
  'demo-secretary-1..3   支部书记（支部 1–3）',
  'demo-organizer-1..3   组织委员（支部 1–3）',
  'demo-member-1..36     党员（每支部 12 人，按顺序）',
];

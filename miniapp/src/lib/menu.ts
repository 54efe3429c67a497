/**
 * The app's entries, once: 首页's quick entries and 我的's hub both list from here, filtered by role through
 * page-access (the server's own rules). An entry whose page a later issue builds has `page: null` and is not
 * shown at all — never a dead link.
 */
import type { MemberProfile } from '../../../shared/auth/schemas';
import type { PageName } from '../routes';
import { hasAnyRole } from '../store/session';
import { canOpen } from './page-access';

export type EntryIcon = 'scan' | 'add' | 'roster' | 'tree' | 'checkins' | 'study' | 'messages' | 'dues' | 'transfer';

export interface MenuEntry {
  readonly text: string;
  readonly icon: EntryIcon;
  readonly page: PageName | null;
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
  { text: '我的签到', icon: 'checkins', page: 'myAttendance', places: ['me'] },
  // Built by later issues (study and notices, 党费, 组织关系转接): hidden until their pages exist.
  { text: '我的学习', icon: 'study', page: null, places: ['me'] },
  { text: '我的消息', icon: 'messages', page: null, places: ['me'] },
  { text: '我的党费', icon: 'dues', page: null, places: ['me'] },
  { text: '组织关系', icon: 'transfer', page: null, places: ['me'] },
];

export type OpenEntry = MenuEntry & { readonly page: PageName };

/** The entries this member can use in `place`, in menu order. */
export function entriesFor(place: 'home' | 'me', member: MemberProfile | null): OpenEntry[] {
  return ENTRIES.filter(
    (entry): entry is OpenEntry =>
      entry.places.includes(place) &&
      entry.page !== null &&
      canOpen(entry.page, member) &&
      (!entry.onlyFor || hasAnyRole(member, entry.onlyFor)) &&
      !!member,
  );
}

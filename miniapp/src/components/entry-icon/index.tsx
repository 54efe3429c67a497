import {
  Add,
  ArrowTransfer,
  Articles,
  Category,
  Edit,
  List,
  Message,
  Notice,
  Order,
  Received,
  Scan,
  User,
  UserAdd,
} from '@nutui/icons-react-taro';
import type { EntryIcon as EntryIconName } from '../../lib/menu';

const ICONS = {
  scan: Scan,
  add: Add,
  roster: User,
  tree: Category,
  notice: Notice,
  checkins: List,
  study: Articles,
  messages: Message,
  edit: Edit,
  figures: Order,
  transfer: ArrowTransfer,
  approve: Received,
  inbound: UserAdd,
} as const;

/** A menu entry's NutUI icon (SVG masks: a few hundred bytes each, coloured by `color`). */
export function EntryIcon({ name, size = 24, color }: { name: EntryIconName; size?: number; color?: string }) {
  const Icon = ICONS[name];
  return <Icon size={size} color={color} />;
}

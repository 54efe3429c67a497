import type { Role } from '../../../shared/auth/roles';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import type { ActivityPhase } from '../../../shared/meetings/checkin-rules';
import type { Checkin } from '../../../shared/meetings/schemas';
import { formatShanghai, shanghaiDay } from '../../../shared/time';

export const PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
};

export const PHASE_TAG: Record<ActivityPhase, string> = {
  upcoming: 'tag',
  ongoing: 'tag tag--ok',
  ended: 'tag tag--grey',
};

/** 11月23日 19:00–21:00 (Asia/Shanghai); the end date is repeated only when it differs. */
export function timeRange(startAt: string, endAt: string): string {
  const sameDay = shanghaiDay(startAt) === shanghaiDay(endAt);
  return `${formatShanghai(startAt)}–${formatShanghai(endAt, sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`;
}

/** Non-member roles as labels (every bound person is a 党员; say it only when it is all they are). */
export function roleLabels(roles: readonly Role[]): string[] {
  const special = roles.filter((role) => role !== 'member');
  return (special.length ? special : roles).map((role) => ROLE_LABELS[role]);
}

export function checkinLabel(checkin: Checkin | null): string {
  if (!checkin) return '未签到';
  return `${checkin.late ? '已签到（迟到）' : '已签到'} ${formatShanghai(checkin.at, 'HH:mm')}`;
}

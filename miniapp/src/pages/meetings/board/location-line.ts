import type { BoardResponse } from '../../../../../shared/meetings/views';

type BoardMember = BoardResponse['members'][number];

function metres(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)} 公里` : `${Math.round(value)} 米`;
}

/**
 * What the phone reported at check-in, for the secretary's review: "距会场 35 米 · 精度 ±20 米".
 * null when the member reported no location (no place, or not checked in).
 */
export function locationLine(member: BoardMember): string | null {
  const parts: string[] = [];
  if (typeof member.distanceM === 'number') parts.push(`距会场 ${metres(member.distanceM)}`);
  const accuracy = member.location?.accuracy;
  if (typeof accuracy === 'number') parts.push(`精度 ±${metres(accuracy)}`);
  if (parts.length === 0 && member.location) parts.push('已上报位置');
  return parts.length ? parts.join(' · ') : null;
}

import { MAX_MINUTES_CHARS, type MeetingRecord } from '../../../../../shared/meetings/record-schemas';
import type { BoardResponse } from '../../../../../shared/meetings/views';
import type { Absentee } from './absentees';
import type { PhotoItem } from './use-photos';

/** Characters as the server counts them (code points: an emoji is one). */
export const charCount = (text: string) => [...text].length;

const clip = (text: string, max: number) => [...text].slice(0, max).join('');

/**
 * Absentees for a new record, from the board: those on leave (their leave's reason) and those who did not
 * check in (未签到, for the secretary to make precise).
 */
export function absenteesFromBoard(board: BoardResponse): Absentee[] {
  return board.members
    .filter((m) => m.status === 'on_leave' || m.status === 'missing')
    .map((m) => ({
      memberId: m.memberId,
      name: m.name,
      reason: m.status === 'on_leave' && m.leave ? clip(`请假：${m.leave.reason}`, 100) : '未签到',
    }));
}

export function absenteesFromRecord(record: MeetingRecord): Absentee[] {
  return record.absentees.map((a) => ({ memberId: a.memberId, name: a.name, reason: a.reason }));
}

/** The first thing to fix before saving, or null. */
export function problemOf(
  minutes: string,
  absentees: readonly Absentee[],
  photos: readonly PhotoItem[],
): string | null {
  if (!minutes.trim()) return '请填写会议纪要';
  if (charCount(minutes.trim()) > MAX_MINUTES_CHARS) return `纪要最多 ${MAX_MINUTES_CHARS} 字`;
  const blank = absentees.find((a) => !a.reason.trim());
  if (blank) return `请填写${blank.name}的缺席原因`;
  if (photos.some((p) => p.state === 'uploading')) return '照片还在上传，请稍候再保存';
  if (photos.some((p) => p.state === 'failed')) return '有照片上传失败：请重试或删除后再保存';
  return null;
}

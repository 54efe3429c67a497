import { shanghaiMonth } from '../../shared/time';
import { invalidField } from '../commons/invalid-field';

/** How far back a year may be exported: records are kept for reconciliation and audits, not for ever here. */
export const EXPORT_YEARS_BACK = 10;

/** The year asked for, or the current Asia/Shanghai year; a future year has no records, a very old one no use. */
export function exportYear(asked: number | undefined, nowMs: number): number {
  const current = Number(shanghaiMonth(nowMs).slice(0, 4));
  const year = asked ?? current;
  if (year > current || year < current - EXPORT_YEARS_BACK) {
    const message = `年度须在 ${current - EXPORT_YEARS_BACK}–${current} 之间`;
    throw invalidField('year', message);
  }
  return year;
}

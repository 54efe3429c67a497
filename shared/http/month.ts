import * as z from 'zod';
import { isRecentMonth, MONTH_PATTERN, RECENT_MONTHS_BACK } from '../time';

/** A month view's `month`: YYYY-MM, not after the current Asia/Shanghai month, at most 24 months back. */
export const RecentMonth = z
  .string()
  .regex(MONTH_PATTERN, { message: '月份格式应为 YYYY-MM，例如 2026-11', abort: true })
  .refine((month) => isRecentMonth(month, Date.now()), `月份须为本月或之前 ${RECENT_MONTHS_BACK} 个月之内`);

/** The 党费 words every layer shows (the mini-program, messages, the workbook): one place, plain data. */
import type { DuesCategory } from './schemas';

export const CATEGORY_NAMES: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '离退休',
  student: '学生',
  unemployed: '无业或低保',
  farmer: '农民',
  exempt: '免交',
  reduced: '减交',
};

/** Keyed by plain strings: a channel a newer server sends is shown as it comes. */
export const CHANNEL_NAMES: Record<string, string> = { wechat: '微信支付', cash: '现金', transfer: '转账' };

/** How 组织关系转接 states, kinds and directions read in Chinese (the workbook, the pages). */
import type { Direction } from './directions';
import type { TransferKindValue, TransferStateValue } from './schemas';
import type { TransferAction } from './state';

export const STATE_LABELS: Record<TransferStateValue, string> = {
  draft: '草稿',
  pending_out_branch: '待转出支部审批',
  pending_committee: '待党委审批',
  pending_in_branch: '待转入支部接收',
  completed: '已完成',
  rejected: '已退回',
  withdrawn: '已撤回',
  letter_issued: '已开介绍信',
  receipt_confirmed: '已收回执',
  expired: '介绍信已过期',
};

export const KIND_LABELS: Record<TransferKindValue, string> = {
  internal: '系统内转接',
  outbound: '转出系统',
  inbound: '从系统外转入',
};

export const DIRECTION_LABELS: Record<Direction, string> = { internal: '内部转接', out: '转出', in: '转入' };

/** A timeline entry's verb, on the pages and in the messages a step sends (an inbound registration is not a step). */
export const ACTION_LABELS: Record<TransferAction | 'register_inbound', string> = {
  submit: '提交申请',
  approve: '同意',
  reject: '退回',
  withdraw: '撤回',
  confirm_receipt: '登记回执',
  expire: '介绍信过期',
  register_inbound: '登记转入',
};

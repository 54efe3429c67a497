/** How a transfer reads on screen: states, kinds, roles and the steps of the step bar (pure, no Taro). */
import { ROLE_LABELS, type Role } from '../../../../../shared/auth/roles';
import { ACTION_LABELS, KIND_LABELS, STATE_LABELS } from '../../../../../shared/transfers/labels';
import type { TimelineEntry, Transfer, TransferStateValue } from '../../../../../shared/transfers/schemas';

// One wording for the pages and the workbook.
export { KIND_LABELS, STATE_LABELS };

/** The tag's colour: waiting (amber), done (green), stopped (red), over without effect (grey). */
export function stateTag(state: TransferStateValue): string {
  if (state === 'completed' || state === 'receipt_confirmed') return 'tag tag--ok';
  if (state === 'rejected') return 'tag';
  if (state === 'withdrawn' || state === 'expired' || state === 'draft') return 'tag tag--grey';
  return 'tag tag--warn';
}

/** A timeline entry's verb; the committee's approval of an outbound transfer issued the letter, the in-branch's ended it. */
export function actionLabel(entry: Pick<TimelineEntry, 'action' | 'state'>): string {
  if (entry.action === 'approve' && entry.state === 'letter_issued') return '同意并开具介绍信';
  if (entry.action === 'approve' && entry.state === 'completed') return '同意接收';
  return (ACTION_LABELS as Record<string, string>)[entry.action] ?? entry.action;
}

export function roleLabel(role: string): string {
  if (role === 'system') return '系统';
  return ROLE_LABELS[role as Role] ?? role;
}

/** 内科第一党支部 → 外科党支部, or → 某某单位党委 (out of the system), or 外单位 → here. */
export function routeText(transfer: Transfer): { from: string; to: string } {
  return {
    from: transfer.fromOrgName ?? '系统外组织',
    to: transfer.toOrgName ?? transfer.destination?.name ?? '',
  };
}

export const isPendingState = (state: TransferStateValue) =>
  state === 'pending_out_branch' || state === 'pending_committee' || state === 'pending_in_branch';

export type StepStatus = 'done' | 'current' | 'stopped' | 'todo';
export interface Step {
  readonly label: string;
  readonly status: StepStatus;
  /** The last step says how it ended (完成 · 已办结, 回执 · 已收到), not 已完成 twice. */
  readonly doneText?: string;
}

const PENDING_INDEX: Partial<Record<TransferStateValue, number>> = {
  pending_out_branch: 0,
  pending_committee: 1,
  pending_in_branch: 2,
};

/**
 * The step bar: 转出支部审批 → 党委审批 → 转入支部接收 → 完成 (out of the system: … → 开具介绍信 → 回执). A
 * rejected or withdrawn transfer stops at the step it was pending at (the state before the last timeline entry).
 */
export function stepsOf(transfer: Transfer, timeline: readonly TimelineEntry[]): Step[] {
  const labels =
    transfer.kind === 'outbound'
      ? ['转出支部审批', '党委审批', '开具介绍信', '回执']
      : ['转出支部审批', '党委审批', '转入支部接收', '完成'];
  if (transfer.kind === 'inbound') return [{ label: '凭介绍信登记转入', status: 'done' }];
  let done = 0;
  let current: number | null = null;
  let stopped: number | null = null;
  const { state } = transfer;
  if (PENDING_INDEX[state] !== undefined) {
    done = PENDING_INDEX[state]!;
    current = done;
  } else if (state === 'completed' || state === 'receipt_confirmed') {
    done = labels.length;
  } else if (state === 'letter_issued') {
    done = 3;
    current = 3;
  } else if (state === 'expired') {
    done = 3;
    stopped = 3;
  } else if (state === 'rejected' || state === 'withdrawn') {
    const before = timeline.length >= 2 ? timeline[timeline.length - 2]!.state : 'pending_out_branch';
    stopped = PENDING_INDEX[before] ?? 0;
    done = stopped;
  }
  return labels.map((label, index) => ({
    label,
    status: index === stopped ? 'stopped' : index === current ? 'current' : index < done ? 'done' : 'todo',
    ...(index === labels.length - 1 ? { doneText: transfer.kind === 'outbound' ? '已收到' : '已办结' } : {}),
  }));
}

/** Whole days a step has waited since it began. */
export function waitedDays(sinceIso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(sinceIso)) / 86_400_000));
}

/** 2026-10 → 2026年10月. */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** Unpaid months as a list: 2026年9月、10月、2027年1月 (the year said once per year). */
export function monthsText(months: readonly string[]): string {
  return [...new Set(months)]
    .sort()
    .map((month, i, all) =>
      i > 0 && all[i - 1]!.slice(0, 4) === month.slice(0, 4) ? `${Number(month.slice(5, 7))}月` : monthText(month),
    )
    .join('、');
}

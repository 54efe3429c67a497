/**
 * The 组织关系转接 state machine (DESIGN §6 组织关系转接), pure: every (kind, state, action) gives the next state or a
 * specific refusal. In the system: pending_out_branch → pending_committee → pending_in_branch → completed, each by
 * that step's approver. Out of the system: after the committee's approval the 介绍信 is issued (letter_issued),
 * then its 回执 is recorded (receipt_confirmed) or its validity runs out (expired). Reject or withdraw at any
 * pending step; nothing after a final state.
 */

export const TRANSFER_STATES = [
  'draft',
  'pending_out_branch',
  'pending_committee',
  'pending_in_branch',
  'completed',
  'rejected',
  'withdrawn',
  'letter_issued',
  'receipt_confirmed',
  'expired',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export const TRANSFER_KINDS = ['internal', 'outbound'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const TRANSFER_ACTIONS = ['submit', 'approve', 'reject', 'withdraw', 'confirm_receipt', 'expire'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** Who must act at a pending step. */
export type StepApprover = 'out_branch' | 'committee' | 'in_branch';

export const PENDING_STATES = ['pending_out_branch', 'pending_committee', 'pending_in_branch'] as const;
export type PendingState = (typeof PENDING_STATES)[number];

/** No action leads out of these. */
export const FINAL_STATES: readonly TransferState[] = [
  'completed',
  'rejected',
  'withdrawn',
  'receipt_confirmed',
  'expired',
];

export type TransitionError =
  /** The action does not fit the state (approving a step already passed, a receipt before the letter…). */
  | 'TRANSFER_STATE_CONFLICT'
  /** The transfer is over: completed, rejected, withdrawn, its receipt recorded or its letter expired. */
  | 'TRANSFER_FINAL';

export type Transition = { readonly state: TransferState } | { readonly error: TransitionError };

export const isPending = (state: TransferState): state is PendingState =>
  (PENDING_STATES as readonly string[]).includes(state);

export const isFinal = (state: TransferState) => FINAL_STATES.includes(state);

export function approverOf(state: TransferState): StepApprover | null {
  if (state === 'pending_out_branch') return 'out_branch';
  if (state === 'pending_committee') return 'committee';
  if (state === 'pending_in_branch') return 'in_branch';
  return null;
}

/** The state an approval at `state` leads to, for the kind of transfer. */
function approved(kind: TransferKind, state: PendingState): TransferState | null {
  if (state === 'pending_out_branch') return 'pending_committee';
  if (state === 'pending_committee') return kind === 'internal' ? 'pending_in_branch' : 'letter_issued';
  // Only a transfer into a branch of the system has an in-branch step.
  return kind === 'internal' ? 'completed' : null;
}

export function nextState(kind: TransferKind, state: TransferState, action: TransferAction): Transition {
  if (isFinal(state)) return { error: 'TRANSFER_FINAL' };
  const conflict: Transition = { error: 'TRANSFER_STATE_CONFLICT' };
  switch (action) {
    case 'submit':
      return state === 'draft' ? { state: 'pending_out_branch' } : conflict;
    case 'approve': {
      if (!isPending(state)) return conflict;
      const next = approved(kind, state);
      return next ? { state: next } : conflict;
    }
    case 'reject':
      return isPending(state) ? { state: 'rejected' } : conflict;
    case 'withdraw':
      return state === 'draft' || isPending(state) ? { state: 'withdrawn' } : conflict;
    case 'confirm_receipt':
      return state === 'letter_issued' ? { state: 'receipt_confirmed' } : conflict;
    case 'expire':
      return state === 'letter_issued' ? { state: 'expired' } : conflict;
  }
}

/** Runs actions from `draft`; → the states passed through, or the first refusal (for tests and explanations). */
export function run(
  kind: TransferKind,
  actions: readonly TransferAction[],
): { states: TransferState[]; error?: TransitionError } {
  const states: TransferState[] = ['draft'];
  for (const action of actions) {
    const step = nextState(kind, states.at(-1)!, action);
    if ('error' in step) return { states, error: step.error };
    states.push(step.state);
  }
  return { states };
}

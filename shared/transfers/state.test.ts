import fc from 'fast-check';
import {
  FINAL_STATES,
  isFinal,
  nextState,
  run,
  TRANSFER_ACTIONS,
  TRANSFER_KINDS,
  TRANSFER_STATES,
  type TransferAction,
} from './state';

describe('nextState: every state × action', () => {
  it('walks the in-system path through its three approvals to completed', () => {
    expect(run('internal', ['submit', 'approve', 'approve', 'approve']).states).toEqual([
      'draft',
      'pending_out_branch',
      'pending_committee',
      'pending_in_branch',
      'completed',
    ]);
  });

  it('issues the letter at the committee’s approval of an outbound transfer; then 回执 or expiry', () => {
    expect(run('outbound', ['submit', 'approve', 'approve', 'confirm_receipt']).states.slice(-3)).toEqual([
      'pending_committee',
      'letter_issued',
      'receipt_confirmed',
    ]);
    expect(run('outbound', ['submit', 'approve', 'approve', 'expire']).states.at(-1)).toBe('expired');
    expect(run('outbound', ['submit', 'approve', 'approve', 'approve']).error).toBe('TRANSFER_STATE_CONFLICT');
  });

  it('answers every pair with the next state or a specific refusal, and nothing after a final state', () => {
    for (const kind of TRANSFER_KINDS) {
      for (const state of TRANSFER_STATES) {
        for (const action of TRANSFER_ACTIONS) {
          const step = nextState(kind, state, action);
          if (isFinal(state)) expect(step).toEqual({ error: 'TRANSFER_FINAL' });
          else if ('error' in step) expect(step.error).toBe('TRANSFER_STATE_CONFLICT');
          else expect(TRANSFER_STATES).toContain(step.state);
        }
      }
    }
  });

  it('rejects and withdraws only at a pending step (withdraw also a draft); a receipt only for an issued letter', () => {
    expect(nextState('internal', 'pending_committee', 'reject')).toEqual({ state: 'rejected' });
    expect(nextState('internal', 'pending_in_branch', 'withdraw')).toEqual({ state: 'withdrawn' });
    expect(nextState('internal', 'completed', 'withdraw')).toEqual({ error: 'TRANSFER_FINAL' });
    expect(nextState('outbound', 'letter_issued', 'withdraw')).toEqual({ error: 'TRANSFER_STATE_CONFLICT' });
    expect(nextState('internal', 'pending_in_branch', 'confirm_receipt')).toEqual({ error: 'TRANSFER_STATE_CONFLICT' });
  });

  it('never reaches completed without all three approvals, by any sequence of actions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRANSFER_KINDS),
        fc.array(fc.constantFrom(...TRANSFER_ACTIONS), { maxLength: 12 }),
        (kind, actions) => {
          const { states } = run(kind, actions);
          const taken = actions.slice(0, states.length - 1);
          if (states.includes('completed')) {
            expect(kind).toBe('internal');
            expect(taken.filter((a: TransferAction) => a === 'approve')).toHaveLength(3);
            expect(states.slice(1, 5)).toEqual([
              'pending_out_branch',
              'pending_committee',
              'pending_in_branch',
              'completed',
            ]);
          }
          if (states.includes('letter_issued')) expect(taken.filter((a) => a === 'approve')).toHaveLength(2);
          // Once final, the run stops there: no state follows a final one.
          const firstFinal = states.findIndex((s) => FINAL_STATES.includes(s));
          if (firstFinal >= 0) expect(firstFinal).toBe(states.length - 1);
        },
      ),
    );
  });
});

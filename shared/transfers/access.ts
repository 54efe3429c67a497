/**
 * Who may call the 组织关系转接 routes (DESIGN §5.2: M member, S secretary, C committee), as plain data: the routes
 * use them, and the mini-program's menu reads them without loading any route schema.
 */
/** The member applies for themself; the branch secretary applies for a member of the branch. */
export const APPLICANTS = ['member', 'secretary'] as const;
/** Anyone on a transfer may read it: the applicant, the member, the approvers in scope. */
export const TRANSFER_READERS = ['member', 'secretary', 'organizer', 'committee'] as const;
/** The branch steps are the secretary's; the middle step is the committee's (the lowest one over both branches). */
export const APPROVERS = ['secretary', 'committee'] as const;
/** Letters, receipts, the committee view and its settings. */
export const COMMITTEE = ['committee'] as const;
/** An incoming member is registered by the receiving secretary (DESIGN §6). */
export const RECEIVERS = ['secretary'] as const;
/** The letter: the committee that issued it, and the member it introduces (their own). */
export const LETTER_READERS = ['member', 'committee'] as const;
/** The committee's view of transfers by state and month, and its workbook. */
export const TRANSFER_OVERSEERS = ['secretary', 'committee'] as const;

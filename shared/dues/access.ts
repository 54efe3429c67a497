/**
 * Who may call the 党费 routes (DESIGN §5.2: M member, S secretary, O organizer, C committee), as plain data:
 * the routes use them, and the mini-program's page access reads them without loading any route schema.
 */
export const MEMBERS = ['member'] as const;
/** A base is declared by the member (their own) or by the branch's secretary or 组织委员. */
export const BASE_DECLARERS = ['member', 'secretary', 'organizer'] as const;
/** Ordinary bases are approved in the branch; reductions and exemptions by the committee above (§6). */
export const BASE_DECIDERS = ['secretary', 'organizer', 'committee'] as const;
/** Bills are issued in the branch. */
export const BILL_ISSUERS = ['secretary', 'organizer'] as const;
/** Money is recorded and reversed by the 组织委员 alone (§6: offline cash recorded by the 组织委员). */
export const CASHIERS = ['organizer'] as const;
/** Totals, arrears and the reconciliation workbook: the branch and the committee above. */
export const DUES_READERS = ['secretary', 'organizer', 'committee'] as const;
/** A member's own dues page: the member, their branch, the committee. */
export const DUES_VIEWERS = ['member', 'secretary', 'organizer', 'committee'] as const;

/**
 * What the transfers store keeps (see ./keys.ts), and how a record reads on the wire (shared/transfers/schemas).
 */
import type { TimelineEntry, Transfer, TransferKindValue, TransferStateValue } from '../../shared/transfers/schemas';

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

export interface LetterRecord {
  readonly number: string;
  readonly issuedAt: string;
  readonly validUntil: string;
  readonly validityDays: number;
  readonly ruleVersion: string;
  /** YYYY-MM or null (nothing ever paid). */
  readonly duesPaidThrough: string | null;
  readonly duesOverride: { readonly reason: string; readonly byName: string; readonly at: string } | null;
  readonly committeeName: string;
  readonly receipt: {
    readonly receivedBy: string;
    readonly receivedAt: string;
    readonly recordedById: string;
    readonly recordedByName: string;
    readonly recordedAt: string;
  } | null;
  /** The committee was reminded that no 回执 has come (a month after issue), once. */
  readonly remindedAt: string | null;
}

export interface TransferRecord {
  readonly id: string;
  readonly kind: TransferKindValue;
  readonly state: TransferStateValue;
  readonly version: number;
  readonly memberId: string;
  readonly memberName: string;
  readonly fromOrgId: string | null;
  readonly fromOrgName: string | null;
  readonly fromOrgPath: string | null;
  readonly toOrgId: string | null;
  readonly toOrgName: string | null;
  readonly toOrgPath: string | null;
  readonly destination: { readonly name: string; readonly contact?: string } | null;
  readonly committeeOrgId: string | null;
  readonly committeeOrgName: string | null;
  readonly committeeOrgPath: string | null;
  readonly rootId: string;
  readonly reason: string;
  readonly appliedBy: Actor;
  readonly previousId: string | null;
  readonly nextId: string | null;
  /** The org whose secretary (branch steps) or committee staff (middle step) must act now; null when none. */
  readonly approverOrgId: string | null;
  readonly pendingSince: string | null;
  /** The overdue flag was raised for the current step (messages sent once per step). */
  readonly overdueFlaggedAt: string | null;
  readonly letter: LetterRecord | null;
  /** Inbound: the letter the member came with. */
  readonly inboundLetter: { readonly number: string; readonly from: string; readonly issuedAt: string } | null;
  /**
   * The member is their branch's secretary: nobody decides their own transfer, so the out-branch step goes to the
   * committee over the branch (it is on the committee's 待我审批).
   */
  readonly subjectIsSecretary?: boolean;
  /** How many timeline entries there are (the next step's sequence). */
  readonly steps: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type StepRecord = TimelineEntry & { readonly seq: number };

/** A pending step is due within this many days; past it the step is flagged overdue (issue #11 item 5). */
export const STEP_DUE_DAYS = 7;

export function dueAtOf(pendingSince: string): string {
  return new Date(Date.parse(pendingSince) + STEP_DUE_DAYS * 86_400_000).toISOString();
}

export function toTransfer(record: TransferRecord, nowMs: number): Transfer {
  const dueAt = record.pendingSince ? dueAtOf(record.pendingSince) : null;
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    version: record.version,
    memberId: record.memberId,
    memberName: record.memberName,
    fromOrgId: record.fromOrgId,
    fromOrgName: record.fromOrgName,
    toOrgId: record.toOrgId,
    toOrgName: record.toOrgName,
    destination: record.destination,
    committeeOrgId: record.committeeOrgId,
    committeeOrgName: record.committeeOrgName,
    reason: record.reason,
    appliedBy: record.appliedBy,
    previousId: record.previousId,
    nextId: record.nextId,
    pendingSince: record.pendingSince,
    dueAt,
    overdue: dueAt !== null && nowMs > Date.parse(dueAt),
    letter: record.letter
      ? {
          number: record.letter.number,
          issuedAt: record.letter.issuedAt,
          validUntil: record.letter.validUntil,
          duesPaidThrough: record.letter.duesPaidThrough,
        }
      : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

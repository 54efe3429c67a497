/**
 * The committee's side of 组织关系转接 (DESIGN §5.2): the letter, 回执, incoming members, the org view and its
 * settings — served by `transfersAdmin`, so the approval routes' bundle never carries these schemas.
 */
import * as z from 'zod';
import { safeText } from '../http/text';
import { CreateMemberRequest, IsoDate, RosterMember } from '../org/schemas';
import { shanghaiDay } from '../time';
import { Id, LetterSummary, ListQuery, Month, Transfer, TransferState } from './schemas';

/**
 * A day as a person writes it (2026-11-24), or an instant (2026-11-24T02:00:00Z) read as its Asia/Shanghai day:
 * the 回执 and a letter's issue are dates on paper, but a client may well send a timestamp.
 */
const PaperDay = z
  .union([IsoDate, z.iso.datetime({ offset: true, message: '日期格式应为 YYYY-MM-DD' })])
  .transform((value) => (value.length === 10 ? value : shanghaiDay(value)));

export const OrgTransfersQuery = ListQuery.extend({ state: TransferState.optional(), month: Month.optional() });
const DirectionCounts = z.object({ total: z.number().int(), byState: z.record(z.string(), z.number().int()) });
export const TransferCounts = z.object({
  month: Month,
  /** Both branches inside the org; leaving it (to another branch or out of the system); arriving in it. */
  internal: DirectionCounts,
  out: DirectionCounts,
  in: DirectionCounts,
});
export const OrgTransfersResponse = z.object({
  transfers: z.array(Transfer),
  nextCursor: z.string().nullable(),
  counts: TransferCounts,
});
export const ExportQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const Receipt = z.object({
  receivedBy: z.string(),
  receivedAt: z.string(),
  recordedById: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export const Letter = LetterSummary.extend({
  transferId: z.string(),
  validityDays: z.number().int(),
  ruleVersion: z.string(),
  /** 党费交至 as printed: 2026年10月 (or 未缴). */
  duesPaidThroughText: z.string(),
  duesOverride: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
  memberName: z.string(),
  fromOrgName: z.string(),
  destinationName: z.string(),
  committeeName: z.string(),
  /** The letter's body, paragraph by paragraph, as printed and in the PDF. */
  paragraphs: z.array(z.string()),
  state: TransferState,
  receipt: Receipt.nullable(),
});
export type Letter = z.infer<typeof Letter>;
export const LetterResponse = z.object({ letter: Letter });

export const ReceiptRequest = z.strictObject({
  /** Who at the receiving organisation signed the 回执. */
  receivedBy: safeText(2, 100, { min: '请填写接收人或接收组织', max: '最多 100 个字' }),
  /** The day it arrived there (YYYY-MM-DD, Asia/Shanghai). */
  receivedAt: PaperDay,
});
export const ReceiptResponse = z.object({ transfer: Transfer, letter: Letter });

export const InboundRequest = z.strictObject({
  member: CreateMemberRequest.omit({ roles: true }),
  /** Defaults to the secretary's own branch. */
  orgId: Id.optional(),
  letter: z.strictObject({
    number: safeText(4, 40, { min: '请填写介绍信编号', max: '介绍信编号最多 40 个字' }),
    from: safeText(2, 100, { min: '请填写转出组织', max: '转出组织最多 100 个字' }),
    issuedAt: PaperDay,
  }),
});
export type InboundRequest = z.infer<typeof InboundRequest>;
export const InboundResponse = z.object({ transfer: Transfer, member: RosterMember });

export const TransferSettings = z.object({
  orgId: z.string(),
  /** 象医党转: the letter number's prefix. */
  letterPrefix: z.string(),
  /** The committee's choice, or null for the rule's default. */
  validityDays: z.number().int().nullable(),
  rule: z.object({
    version: z.string(),
    defaultDays: z.number().int(),
    minDays: z.number().int(),
    maxDays: z.number().int(),
  }),
  version: z.number().int(),
});
export const SettingsResponse = z.object({ settings: TransferSettings });
export const PutSettingsRequest = z.strictObject({
  letterPrefix: safeText(1, 20, { min: '请填写介绍信字号', max: '字号最多 20 个字' }),
  validityDays: z.number().int().min(1).max(366).nullable(),
  /** The version read (0 before the first save): a concurrent save → 409. */
  version: z.number().int().min(0),
});
export const FileBody = z.string().describe('file');

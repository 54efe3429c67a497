/** Branch and committee figures: monthly totals, arrears, settings, the reconciliation workbook (DESIGN §5.2). */
import * as z from 'zod';
import { MONTH_PATTERN } from '../time';
import { Fen, Month } from './schemas';

export const TotalsQuery = z.strictObject({
  month: z.string().regex(MONTH_PATTERN, '月份格式应为 YYYY-MM，例如 2026-11').optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const MonthFigures = z.object({
  dueFen: Fen,
  paidFen: Fen,
  members: z.number().int(),
  paidMembers: z.number().int(),
  /** Voluntary extras received with this month's payments. */
  voluntaryFen: Fen,
  /** Payments whose notification came after their month had closed (still recorded, §issue 10). */
  lateNotifications: z.number().int(),
  /** Money received for bills already paid another way: to be refunded, never lost. */
  refundDueFen: Fen,
});
export type MonthFigures = z.infer<typeof MonthFigures>;

export const UnpaidMember = z.object({ memberId: z.string(), name: z.string(), billId: z.string(), amountFen: Fen });
export const BranchRow = MonthFigures.extend({ orgId: z.string(), name: z.string() });

/** WeChat money received for bills already paid another way: the 组织委员 refunds it (never lost, never kept). */
export const RefundDue = z.object({
  outTradeNo: z.string(),
  transactionId: z.string(),
  memberId: z.string(),
  name: z.string(),
  amountFen: Fen,
  at: z.string(),
});

export const TotalsResponse = MonthFigures.extend({
  month: Month,
  orgId: z.string(),
  unpaid: z.array(UnpaidMember),
  /** More unpaid members: pass as `cursor`. */
  nextCursor: z.string().nullable(),
  /** A branch: refunds due recorded this month. */
  refundsDue: z.array(RefundDue).optional(),
  /** Committee: one row per branch in tree order (never sorted by the figures, §6.1). */
  branches: z.array(BranchRow).optional(),
});

export const ArrearsMember = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Consecutive unpaid months up to the latest bill, oldest first. */
  months: z.array(Month),
  consecutive: z.number().int(),
  owedFen: Fen,
  /** 3 and 5: warned; 6: six months unpaid (自行脱党 unless there is good reason, §6). */
  level: z.union([z.literal(3), z.literal(5), z.literal(6)]),
});
export const ArrearsResponse = z.object({ members: z.array(ArrearsMember), complete: z.boolean() });

export const ExportQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
/** The body is the workbook's bytes (documented as such; a string schema keeps zod's instanceof out of the client). */
export const XlsxWorkbook = z.string().describe('xlsx workbook');

export const DuesSettings = z.object({
  orgId: z.string(),
  /** Future months a member may prepay (0–6; 0: monthly only). */
  prepayMonths: z.number().int().min(0).max(6),
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const PutDuesSettingsRequest = z.strictObject({
  prepayMonths: z.number().int().min(0, '预缴月数为 0–6').max(6, '预缴月数为 0–6'),
  version: z.number().int().optional(),
});
export const DuesSettingsResponse = z.object({ settings: DuesSettings });

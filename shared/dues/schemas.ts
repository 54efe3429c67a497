/** The 党费 contract (DESIGN §5.2 党费): money is integer fen on the wire, bases are decimal strings of yuan. */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { safeText } from '../http/text';
import { MONTH_PATTERN } from '../time';

export const Id = z.string().regex(ID_PATTERN, '编号格式不正确');
export const Month = z.string().regex(MONTH_PATTERN, '月份格式应为 YYYY-MM，例如 2026-11');
export const Fen = z.number().int().nonnegative();

export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'farmer', 'exempt', 'reduced'] as const;
export const DuesCategory = z.enum(DUES_CATEGORIES, {
  message:
    '类别须为 在职(employed)、离退休(retired)、学生(student)、无业或低保(unemployed)、农民(farmer)、免交(exempt)、减交(reduced) 之一',
});
export type DuesCategory = z.infer<typeof DuesCategory>;

/** Yuan as written by a person: digits with at most 2 decimals, up to 10,000,000 yuan; never negative. */
export const YUAN_PATTERN = /^\d{1,8}(\.\d{1,2})?$/;
export const Yuan = z.string().regex(YUAN_PATTERN, '金额须为不超过两位小数的非负数，例如 5400.00');

export const MemberIdParams = z.strictObject({ id: Id });
export const IdParams = z.strictObject({ id: Id });
export const OrgIdParams = z.strictObject({ orgId: Id });

export const PutDuesBaseRequest = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    category: DuesCategory,
    /** 在职: 税后工资收入; 离退休: 基本养老金 — yuan per month. */
    monthlyBase: Yuan.optional(),
    /** 农民: 0.20–1.00 yuan a month as the branch sets it. */
    farmerFen: z
      .number()
      .int()
      .min(20, '农民党员每月交纳 0.20–1.00 元')
      .max(100, '农民党员每月交纳 0.20–1.00 元')
      .optional(),
    /** 减交: the reduced monthly amount the committee approves. */
    reducedFen: z.number().int().min(1).max(100_000).optional(),
    fromMonth: Month.optional(),
    note: safeText(0, 200, { max: '说明最多 200 个字' }).optional(),
  })
  .refine((b) => !['employed', 'retired'].includes(b.category) || b.monthlyBase !== undefined, {
    message: '在职、离退休党员须填写月基数（元）',
    path: ['monthlyBase'],
  })
  .refine((b) => b.category !== 'farmer' || b.farmerFen !== undefined, {
    message: '农民党员须填写每月交纳金额（分）',
    path: ['farmerFen'],
  })
  .refine((b) => b.category !== 'reduced' || b.reducedFen !== undefined, {
    message: '减交须填写每月减交后的金额（分）',
    path: ['reducedFen'],
  })
  .refine((b) => b.category !== 'reduced' || (b.note ?? '').length > 0, {
    message: '减交、免交须说明理由',
    path: ['note'],
  })
  .refine((b) => b.category !== 'exempt' || (b.note ?? '').length > 0, {
    message: '减交、免交须说明理由',
    path: ['note'],
  });
export type PutDuesBaseRequest = z.infer<typeof PutDuesBaseRequest>;

export const Actor = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const Computation = z.object({
  /** The base as a decimal string of yuan ("5400.00"), or null for flat amounts. */
  base: z.string().nullable(),
  /** The rate as written ("1.5%"), or null for flat amounts. */
  rate: z.string().nullable(),
  amountFen: Fen,
  /** The rule version it was computed with, e.g. "中组发〔2008〕3号 v2008-04". */
  rule: z.string(),
  /** How, in words: "5400.00 元 × 1.5% = 81.00 元". */
  text: z.string(),
});
export type Computation = z.infer<typeof Computation>;

export const DuesBase = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  year: z.number().int(),
  category: DuesCategory,
  monthlyBase: z.string().nullable(),
  farmerFen: Fen.nullable(),
  reducedFen: Fen.nullable(),
  fromMonth: Month,
  note: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  /** Reductions and exemptions are decided by the committee (§6). */
  needsCommittee: z.boolean(),
  computation: Computation,
  declaredBy: Actor,
  declaredAt: z.string(),
  decidedBy: Actor.nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
});
export type DuesBase = z.infer<typeof DuesBase>;
export const DuesBaseResponse = z.object({ base: DuesBase });

export const BaseDecisionRequest = z.strictObject({
  approve: z.boolean(),
  comment: safeText(0, 200, { max: '意见最多 200 个字' }).optional(),
});

export const BaseListQuery = z.strictObject({
  status: z.enum(['pending']).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const BaseListResponse = z.object({ bases: z.array(DuesBase), nextCursor: z.string().nullable() });

export const CHANNELS = ['wechat', 'cash', 'transfer'] as const;
export const Channel = z.enum(CHANNELS);

/** Who handed over the money (§6.1: never the organisation; 代缴 is recorded as such). */
export const Payer = z.object({ kind: z.enum(['self', 'proxy']), name: z.string() });
export type Payer = z.infer<typeof Payer>;

export const Bill = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** The branch the member belonged to in that month (§6.1: history keeps it). */
  orgId: z.string(),
  month: Month,
  category: DuesCategory,
  amountFen: Fen,
  computation: Computation,
  status: z.enum(['unpaid', 'paid']),
  paymentId: z.string().nullable(),
  channel: Channel.nullable(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Bill = z.infer<typeof Bill>;

export const PAYMENT_FLAGS = ['late_notification', 'voluntary_large', 'arrears_over_6'] as const;
export const Payment = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  channel: Channel,
  billIds: z.array(z.string()),
  months: z.array(Month),
  billsFen: Fen,
  voluntaryFen: Fen,
  totalFen: Fen,
  /** wechat: out_trade_no and WeChat's transaction_id; offline: the receipt number. */
  outTradeNo: z.string().nullable(),
  transactionId: z.string().nullable(),
  receiptNo: z.string().nullable(),
  payer: Payer,
  recordedBy: Actor.nullable(),
  paidAt: z.string(),
  recordedAt: z.string(),
  flags: z.array(z.enum(PAYMENT_FLAGS)),
  status: z.enum(['recorded', 'reversed']),
  reversal: z.object({ id: z.string(), reason: z.string(), by: Actor, at: z.string() }).nullable(),
});
export type Payment = z.infer<typeof Payment>;

export const Warning = z.object({ code: z.string(), message: z.string() });

export const MemberDuesResponse = z.object({
  memberId: z.string(),
  memberName: z.string(),
  /** The approved base in force this month (null: none yet). */
  base: DuesBase.nullable(),
  /** A declaration waiting for approval. */
  pendingBase: DuesBase.nullable(),
  monthlyFen: Fen.nullable(),
  computation: Computation.nullable(),
  bills: z.array(Bill),
  unpaidMonths: z.array(Month),
  /** Months the member may select for online payment now (unpaid, within 6 months back). */
  payableBillIds: z.array(z.string()),
  /** How many future months the branch lets a member prepay (0: none). */
  prepayMonths: z.number().int(),
  payments: z.array(Payment),
  warnings: z.array(Warning),
});
export type MemberDuesResponse = z.infer<typeof MemberDuesResponse>;

export const GenerateBillsRequest = z.strictObject({ month: Month });
export const GenerateBillsResponse = z.object({
  month: Month,
  created: z.number().int(),
  existing: z.number().int(),
  skipped: z.array(
    z.object({ memberId: z.string(), name: z.string(), reason: z.enum(['no_base', 'exempt', 'not_yet_admitted']) }),
  ),
});

export const MAX_PREPAY_MONTHS = 6;
export const MAX_BACK_MONTHS = 6;
/** One voluntary extra of at least this much goes to the centre in full and is flagged (§6). */
export const VOLUNTARY_FLAG_FEN = 100_000;

export const CreateOrderRequest = z.strictObject({
  billIds: z.array(Id).max(MAX_BACK_MONTHS + 1 + MAX_PREPAY_MONTHS, '一次最多选择 13 个月'),
  /** Future months to add (bills are issued for them), when the branch allows prepayment. */
  prepayMonths: z.number().int().min(0).max(MAX_PREPAY_MONTHS, '一次最多预缴 6 个月').optional(),
  voluntaryFen: z.number().int().min(0).max(100_000_000).optional(),
});
export const Order = z.object({
  id: z.string(),
  outTradeNo: z.string(),
  memberId: z.string(),
  billIds: z.array(z.string()),
  months: z.array(Month),
  billsFen: Fen,
  voluntaryFen: Fen,
  totalFen: Fen,
  status: z.enum(['created', 'paid', 'closed', 'refund_due']),
  createdAt: z.string(),
  expiresAt: z.string(),
  paymentId: z.string().nullable(),
});
export type Order = z.infer<typeof Order>;
export const PayParams = z.object({
  appId: z.string(),
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
});
export type PayParams = z.infer<typeof PayParams>;
export const CreateOrderResponse = z.object({ order: Order, payParams: PayParams });
export const OrderResponse = z.object({ order: Order });

/** The notification body is verified byte for byte; it is read raw, never re-serialised. */
export const NotifyResponse = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const OfflinePaymentRequest = z.strictObject({
  memberId: Id,
  billIds: z.array(Id).max(24, '一次最多登记 24 个月'),
  channel: z.enum(['cash', 'transfer'], { message: '方式须为 现金(cash) 或 转账(transfer)' }),
  receiptNo: safeText(1, 40, { min: '请填写收据号', max: '收据号最多 40 个字' }),
  /** Who handed the money over: the member (default) or another person on their behalf (§6.1). */
  payer: z
    .strictObject({
      kind: z.enum(['self', 'proxy']),
      name: safeText(1, 20, { max: '代缴人姓名最多 20 个字' }).optional(),
    })
    .refine((p) => p.kind === 'self' || (p.name ?? '').length > 0, { message: '代缴须填写代缴人姓名', path: ['name'] })
    .optional(),
  voluntaryFen: z.number().int().min(0).max(100_000_000).optional(),
  paidAt: z.string().datetime({ offset: true }).optional(),
});
export const PaymentResponse = z.object({ payment: Payment });

export const ReversalRequest = z.strictObject({
  reason: safeText(1, 200, { min: '请填写冲正原因', max: '原因最多 200 个字' }),
});
export const Reversal = z.object({
  id: z.string(),
  paymentId: z.string(),
  reason: z.string(),
  billIds: z.array(z.string()),
  amountFen: Fen,
  by: Actor,
  at: z.string(),
});
export const ReversalResponse = z.object({ reversal: Reversal, payment: Payment });

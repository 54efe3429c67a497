/**
 * The branch's and committee's side of 党费 (DESIGN §5.2): bases, bills, figures and settings are served by
 * `duesAdmin`; offline money and reversals by `duesCash` (it carries the WeChat Pay client, to settle an open
 * order before cash is taken).
 */
import { defineRoute } from '../http/route';
import { BASE_DECIDERS, BASE_DECLARERS, BILL_ISSUERS, CASHIERS, DUES_READERS, DUES_VIEWERS } from './access';
import {
  ArrearsResponse,
  DuesSettingsResponse,
  PutDuesSettingsRequest,
  TotalsQuery,
  TotalsResponse,
} from './report-schemas';
import {
  BaseDecisionRequest,
  BaseListQuery,
  BaseListResponse,
  DuesBaseResponse,
  GenerateBillsRequest,
  GenerateBillsResponse,
  IdParams,
  MemberIdParams,
  OfflinePaymentRequest,
  OrgIdParams,
  PaymentResponse,
  PutDuesBaseRequest,
  ReversalRequest,
  ReversalResponse,
} from './schemas';

export const putDuesBase = defineRoute({
  id: 'dues.putBase',
  // With the decisions (bases are the branch's business; a member declares theirs once a year).
  domain: 'duesAdmin',
  method: 'put',
  path: '/v1/members/{id}/dues-base',
  summary: '申报党费基数（本人，或本支部书记、组织委员代为申报）；待审核',
  access: BASE_DECLARERS,
  scoped: true,
  ownerOrScope: true,
  params: MemberIdParams,
  body: PutDuesBaseRequest,
  response: DuesBaseResponse,
  status: 200,
});

export const decideBase = defineRoute({
  id: 'dues.decideBase',
  domain: 'duesAdmin',
  method: 'post',
  path: '/v1/dues/bases/{id}/decision',
  summary: '审核党费基数（支部书记、组织委员；减交、免交由党委审批），只能审核一次',
  access: BASE_DECIDERS,
  scoped: true,
  params: IdParams,
  body: BaseDecisionRequest,
  response: DuesBaseResponse,
  status: 200,
});

export const listBases = defineRoute({
  id: 'dues.listBases',
  domain: 'duesAdmin',
  method: 'get',
  path: '/v1/orgs/{orgId}/dues/bases',
  summary: '待审核的党费基数申报（?status=pending）：支部的，或党委所辖各支部的（按支部，最新在前）',
  access: BASE_DECIDERS,
  scoped: true,
  params: OrgIdParams,
  query: BaseListQuery,
  response: BaseListResponse,
  status: 200,
});

export const generateBills = defineRoute({
  id: 'dues.generateBills',
  domain: 'duesAdmin',
  method: 'post',
  path: '/v1/orgs/{orgId}/dues/bills',
  summary: '生成支部某月党费账单（每人每月一张，重复生成不会多出账单）',
  access: BILL_ISSUERS,
  scoped: true,
  params: OrgIdParams,
  body: GenerateBillsRequest,
  response: GenerateBillsResponse,
  status: 200,
});

export const recordOfflinePayment = defineRoute({
  id: 'dues.recordOfflinePayment',
  domain: 'duesCash',
  method: 'post',
  path: '/v1/dues/offline-payments',
  summary: '组织委员登记现金或转账缴纳（收据号唯一，记录缴款人）',
  access: CASHIERS,
  scoped: true,
  body: OfflinePaymentRequest,
  response: PaymentResponse,
  status: 201,
});

export const reversePayment = defineRoute({
  id: 'dues.reversePayment',
  domain: 'duesCash',
  method: 'post',
  path: '/v1/dues/payments/{id}/reversal',
  summary: '冲正一笔缴费（写一条冲正记录，账单恢复未缴；原记录不改不删）',
  access: CASHIERS,
  scoped: true,
  params: IdParams,
  body: ReversalRequest,
  response: ReversalResponse,
  status: 201,
});

export const duesTotals = defineRoute({
  id: 'dues.totals',
  domain: 'duesAdmin',
  method: 'get',
  path: '/v1/orgs/{orgId}/dues',
  summary: '支部（或党委按支部）某月应交、实交、已交/未交人数与未交名单',
  access: DUES_READERS,
  scoped: true,
  params: OrgIdParams,
  query: TotalsQuery,
  response: TotalsResponse,
  status: 200,
});

export const duesArrears = defineRoute({
  id: 'dues.arrears',
  domain: 'duesAdmin',
  method: 'get',
  path: '/v1/orgs/{orgId}/dues/arrears',
  summary: '连续 3 个月及以上未交党费的党员（3、5 个月已提醒，6 个月须处置）',
  access: DUES_READERS,
  scoped: true,
  params: OrgIdParams,
  response: ArrearsResponse,
  status: 200,
});

export const getDuesSettings = defineRoute({
  id: 'dues.getSettings',
  domain: 'duesAdmin',
  method: 'get',
  path: '/v1/orgs/{orgId}/dues/settings',
  summary: '支部党费设置（是否允许预缴、最多几个月）',
  access: DUES_VIEWERS,
  scoped: true,
  params: OrgIdParams,
  response: DuesSettingsResponse,
  status: 200,
});

export const putDuesSettings = defineRoute({
  id: 'dues.putSettings',
  domain: 'duesAdmin',
  method: 'put',
  path: '/v1/orgs/{orgId}/dues/settings',
  summary: '修改支部党费设置（支部同意预缴时才开通，最多 6 个月）',
  access: BILL_ISSUERS,
  scoped: true,
  params: OrgIdParams,
  body: PutDuesSettingsRequest,
  response: DuesSettingsResponse,
  status: 200,
});

export const duesAdminRoutes = [
  putDuesBase,
  decideBase,
  listBases,
  generateBills,
  recordOfflinePayment,
  reversePayment,
  duesTotals,
  duesArrears,
  getDuesSettings,
  putDuesSettings,
] as const;

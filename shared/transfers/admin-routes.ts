/**
 * The committee's side of 组织关系转接 (DESIGN §5.2), served by the `transfersAdmin` Lambda: the letter and its 回执,
 * incoming members, the org view with its counts, and the letter settings. Applying and the steps are
 * ./routes.ts; the PDF and the workbook ./report-routes.ts.
 */
import { defineRoute } from '../http/route';
import { COMMITTEE, LETTER_READERS, RECEIVERS, TRANSFER_OVERSEERS } from './access';
import {
  InboundRequest,
  InboundResponse,
  LetterResponse,
  OrgTransfersQuery,
  OrgTransfersResponse,
  PutSettingsRequest,
  ReceiptRequest,
  ReceiptResponse,
  SettingsResponse,
} from './admin-schemas';
import { IdParams, OrgIdParams } from './schemas';

const base = { domain: 'transfersAdmin' } as const;

export const getLetter = defineRoute({
  ...base,
  id: 'transfers.letter',
  method: 'get',
  path: '/v1/transfers/{id}/letter',
  summary: '组织关系介绍信（编号、有效期、党费交至、正文）',
  access: LETTER_READERS,
  scoped: true,
  params: IdParams,
  response: LetterResponse,
  status: 200,
});

export const recordReceipt = defineRoute({
  ...base,
  id: 'transfers.receipt',
  method: 'post',
  path: '/v1/transfers/{id}/receipt',
  summary: '登记接收方回执（介绍信有效期内）',
  access: COMMITTEE,
  scoped: true,
  params: IdParams,
  body: ReceiptRequest,
  response: ReceiptResponse,
  status: 201,
});

export const registerInbound = defineRoute({
  ...base,
  id: 'transfers.inbound',
  method: 'post',
  path: '/v1/transfers/inbound',
  summary: '登记从系统外转入的党员（凭介绍信），之后由本人绑定微信',
  access: RECEIVERS,
  scoped: true,
  body: InboundRequest,
  response: InboundResponse,
  status: 201,
});

export const orgTransfers = defineRoute({
  ...base,
  id: 'transfers.orgList',
  method: 'get',
  path: '/v1/orgs/{orgId}/transfers',
  summary: '本组织的转接（按状态、按月），及当月转入、转出、内部转接的统计',
  access: TRANSFER_OVERSEERS,
  scoped: true,
  params: OrgIdParams,
  query: OrgTransfersQuery,
  response: OrgTransfersResponse,
  status: 200,
});

export const getTransferSettings = defineRoute({
  ...base,
  id: 'transfers.getSettings',
  method: 'get',
  path: '/v1/orgs/{orgId}/transfers/settings',
  summary: '介绍信字号与有效期（有效期为版本化规则，党委可在法定范围内选择）',
  access: COMMITTEE,
  scoped: true,
  params: OrgIdParams,
  response: SettingsResponse,
  status: 200,
});

export const putTransferSettings = defineRoute({
  ...base,
  id: 'transfers.putSettings',
  method: 'put',
  path: '/v1/orgs/{orgId}/transfers/settings',
  summary: '修改介绍信字号与有效期',
  access: COMMITTEE,
  scoped: true,
  params: OrgIdParams,
  body: PutSettingsRequest,
  response: SettingsResponse,
  status: 200,
});

export const transfersAdminRoutes = [
  registerInbound,
  getLetter,
  recordReceipt,
  orgTransfers,
  getTransferSettings,
  putTransferSettings,
] as const;

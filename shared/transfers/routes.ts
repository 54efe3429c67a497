/**
 * 组织关系转接 (DESIGN §5.2), served by the `transfers` Lambda: applying, each step's decision (the committee's
 * approval of a transfer out of the system issues its 介绍信), where a transfer stands, 待我审批, my transfers. The
 * committee's side is ./admin-routes.ts (`transfersAdmin`); the PDF and the workbook ./report-routes.ts.
 */
import { defineRoute } from '../http/route';
import { APPLICANTS, APPROVERS, TRANSFER_READERS } from './access';
import {
  ApplyTransferRequest,
  ApproveRequest,
  DestinationsResponse,
  IdParams,
  ListQuery,
  MyTransfersResponse,
  RejectRequest,
  TodoResponse,
  TransferDetailResponse,
  TransferResponse,
  WithdrawRequest,
} from './schemas';

const base = { domain: 'transfers' } as const;

export const applyTransfer = defineRoute({
  ...base,
  id: 'transfers.apply',
  method: 'post',
  path: '/v1/transfers',
  summary: '申请组织关系转接（本人，或支部书记为本支部党员）：系统内转到另一支部，或转出系统',
  access: APPLICANTS,
  scoped: true,
  // The member's own (applying for themself), or their branch's secretary's: not any member of the branch.
  ownerOrScope: true,
  body: ApplyTransferRequest,
  response: TransferResponse,
  status: 201,
});

export const transferDestinations = defineRoute({
  ...base,
  id: 'transfers.destinations',
  method: 'get',
  path: '/v1/transfers/destinations',
  summary: '可转入的党支部（本组织树，供申请时选择）',
  access: APPLICANTS,
  scoped: false,
  response: DestinationsResponse,
  status: 200,
});

export const getTransfer = defineRoute({
  ...base,
  id: 'transfers.get',
  method: 'get',
  path: '/v1/transfers/{id}',
  summary: '转接详情：当前步骤、待谁办理、起止时间、全部办理记录',
  access: TRANSFER_READERS,
  // Visibility, not scope: a transfer the caller is not on (member, applicant, approver, committee over it) is
  // 404, like a missing one.
  scoped: false,
  params: IdParams,
  response: TransferDetailResponse,
  status: 200,
});

export const approveTransfer = defineRoute({
  ...base,
  id: 'transfers.approve',
  method: 'post',
  path: '/v1/transfers/{id}/approve',
  summary: '同意当前步骤（转出支部 → 党委 → 转入支部；转出系统时党委同意即开具介绍信）',
  access: APPROVERS,
  scoped: true,
  params: IdParams,
  body: ApproveRequest,
  response: TransferResponse,
  status: 200,
});

export const rejectTransfer = defineRoute({
  ...base,
  id: 'transfers.reject',
  method: 'post',
  path: '/v1/transfers/{id}/reject',
  summary: '退回当前步骤（须填写原因）',
  access: APPROVERS,
  scoped: true,
  params: IdParams,
  body: RejectRequest,
  response: TransferResponse,
  status: 200,
});

export const withdrawTransfer = defineRoute({
  ...base,
  id: 'transfers.withdraw',
  method: 'post',
  path: '/v1/transfers/{id}/withdraw',
  summary: '申请人撤回尚在办理中的转接',
  access: APPLICANTS,
  scoped: true,
  // Whoever applied (the member, or their branch's secretary for them): not any member of the branch.
  ownerOrScope: true,
  params: IdParams,
  body: WithdrawRequest,
  response: TransferResponse,
  status: 200,
});

export const transferTodo = defineRoute({
  ...base,
  id: 'transfers.todo',
  method: 'get',
  path: '/v1/transfers/todo',
  summary: '待我审批：等待本人所在组织办理的步骤，最新在前（一次查询一页）',
  access: APPROVERS,
  scoped: false,
  query: ListQuery,
  response: TodoResponse,
  status: 200,
});

export const myTransfers = defineRoute({
  ...base,
  id: 'transfers.mine',
  method: 'get',
  path: '/v1/me/transfers',
  summary: '我的组织关系转接（正在办理的一份和以往的）',
  access: ['member'],
  scoped: false,
  response: MyTransfersResponse,
  status: 200,
});

export const transfersRoutes = [
  applyTransfer,
  // Before /v1/transfers/{id}: the literal segments must win over the parameter.
  transferTodo,
  transferDestinations,
  getTransfer,
  approveTransfer,
  rejectTransfer,
  withdrawTransfer,
  myTransfers,
] as const;

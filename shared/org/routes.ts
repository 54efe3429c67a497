import { defineRoute, XLSX_BODY_LIMIT } from '../http/route';
import {
  CreateMemberRequest,
  ImportResponse,
  MemberIdParams,
  MemberResponse,
  OrgIdParams,
  OrgOverviewResponse,
  OrgTreeResponse,
  OverviewQuery,
  RosterQuery,
  RosterResponse,
  UpdateMemberRequest,
  XlsxFile,
} from './schemas';

const MANAGERS = ['secretary', 'committee'] as const;

export const orgTree = defineRoute({
  id: 'org.tree',
  domain: 'org',
  method: 'get',
  path: '/v1/orgs/tree',
  summary: '组织树：党委看全部下级，书记看本支部',
  access: MANAGERS,
  scoped: false,
  response: OrgTreeResponse,
  status: 200,
});

export const listMembers = defineRoute({
  id: 'org.listMembers',
  domain: 'org',
  method: 'get',
  path: '/v1/orgs/{orgId}/members',
  summary: '党员花名册（手机号、身份证号脱敏）',
  access: MANAGERS,
  scoped: true,
  params: OrgIdParams,
  query: RosterQuery,
  response: RosterResponse,
  status: 200,
});

export const createMember = defineRoute({
  id: 'org.createMember',
  domain: 'org',
  method: 'post',
  path: '/v1/orgs/{orgId}/members',
  summary: '新增党员',
  access: MANAGERS,
  scoped: true,
  params: OrgIdParams,
  body: CreateMemberRequest,
  response: MemberResponse,
  status: 201,
});

export const updateMember = defineRoute({
  id: 'org.updateMember',
  domain: 'org',
  method: 'patch',
  path: '/v1/members/{id}',
  summary: '修改党员信息或停用',
  access: MANAGERS,
  scoped: true,
  params: MemberIdParams,
  body: UpdateMemberRequest,
  response: MemberResponse,
  status: 200,
});

export const importMembers = defineRoute({
  id: 'org.importMembers',
  domain: 'org',
  method: 'post',
  path: '/v1/orgs/{orgId}/members/import',
  summary: '导入花名册（xlsx）：有任何错误行则一行也不导入',
  access: MANAGERS,
  scoped: true,
  params: OrgIdParams,
  bodyKind: 'xlsx',
  bodyLimit: XLSX_BODY_LIMIT,
  response: ImportResponse,
  status: 201,
});

export const exportMembers = defineRoute({
  id: 'org.exportMembers',
  domain: 'org',
  method: 'get',
  path: '/v1/orgs/{orgId}/members/export',
  summary: '导出花名册（xlsx）',
  access: MANAGERS,
  scoped: true,
  params: OrgIdParams,
  response: XlsxFile,
  responseKind: 'xlsx',
  status: 200,
});

export const orgOverview = defineRoute({
  id: 'org.overview',
  domain: 'org',
  method: 'get',
  path: '/v1/orgs/{orgId}/overview',
  summary: '首页概览：各支部党员数、今日及本月活动数、出勤率（?month=YYYY-MM）',
  access: MANAGERS,
  scoped: true,
  params: OrgIdParams,
  query: OverviewQuery,
  response: OrgOverviewResponse,
  status: 200,
});

export const orgRoutes = [
  orgTree,
  listMembers,
  createMember,
  updateMember,
  importMembers,
  exportMembers,
  orgOverview,
] as const;

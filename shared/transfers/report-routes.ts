/** The letter's PDF and the committee's workbook, served by `transfersReports` (PDF and Excel code stay there). */
import { defineRoute } from '../http/route';
import { LETTER_READERS, TRANSFER_OVERSEERS } from './access';
import { ExportQuery, FileBody } from './admin-schemas';
import { IdParams, OrgIdParams } from './schemas';

export const letterPdf = defineRoute({
  id: 'transfersReports.letterPdf',
  domain: 'transfersReports',
  method: 'get',
  path: '/v1/transfers/{id}/letter/pdf',
  summary: '介绍信 PDF（中文，可打印）',
  access: LETTER_READERS,
  scoped: true,
  params: IdParams,
  response: FileBody,
  responseKind: 'pdf',
  status: 200,
});

export const exportTransfers = defineRoute({
  id: 'transfersReports.export',
  domain: 'transfersReports',
  method: 'get',
  path: '/v1/orgs/{orgId}/transfers/export',
  summary: '转接台账（xlsx，?year=）：每份转接一行，及按月的转入、转出、内部转接统计',
  access: TRANSFER_OVERSEERS,
  scoped: true,
  params: OrgIdParams,
  query: ExportQuery,
  response: FileBody,
  responseKind: 'xlsx',
  status: 200,
});

export const transfersReportRoutes = [letterPdf, exportTransfers] as const;

/** The reconciliation workbook (DESIGN §5.2), served by `duesReports` (it carries the Excel library). */
import { defineRoute } from '../http/route';
import { DUES_READERS } from './access';
import { ExportQuery, XlsxWorkbook } from './report-schemas';
import { OrgIdParams } from './schemas';

export const exportDues = defineRoute({
  id: 'dues.export',
  domain: 'duesReports',
  method: 'get',
  path: '/v1/orgs/{orgId}/dues/export',
  summary: '党费对账表（xlsx，?year=）：每张账单一行，合计等于支部统计；党委另有各支部汇总表',
  access: DUES_READERS,
  scoped: true,
  params: OrgIdParams,
  query: ExportQuery,
  response: XlsxWorkbook,
  responseKind: 'xlsx',
  status: 200,
});

export const duesReportRoutes = [exportDues] as const;

/**
 * The `duesReports` Lambda: the reconciliation workbook (./export.ts). It is its own function because it carries
 * exceljs (from the layer) and reads a whole year, which the payment routes must never wait behind.
 */

import * as routes from '../../shared/dues/report-routes';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { exportYear } from '../commons/export-year';
import { createDomainApp, mount } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import { hit } from '../commons/rate-limit';
import { xlsx } from '../commons/xlsx-response';
import { scopedOrg } from '../org/scoped';
import * as org from '../org/service';
import { duesWorkbook } from './export';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.exportDues, async ({ params, query, claims, now }) => {
  const target = await scopedOrg(params.orgId, claims, routes.exportDues);
  const year = exportYear(query.year, now);
  // After the checks: a refused request costs nothing, an export reads a whole year.
  await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
  const bytes = await duesWorkbook(target, year, now);
  return xlsx(bytes, `${target.name}${year}年党费对账.xlsx`, `dues-${year}.xlsx`);
});

export const handler = lambdaHandler(app);
export { app };

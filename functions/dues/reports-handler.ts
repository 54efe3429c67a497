/**
 * The `duesReports` Lambda: the reconciliation workbook (./export.ts). It is its own function because it carries
 * exceljs (from the layer) and reads a whole year, which the payment routes must never wait behind.
 */

import * as routes from '../../shared/dues/report-routes';
import { DomainError } from '../../shared/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { shanghaiMonth } from '../../shared/time';
import { createDomainApp, mount, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import { hit } from '../commons/rate-limit';
import { xlsx } from '../commons/xlsx-response';
import * as org from '../org/service';
import { duesWorkbook } from './export';

/** How far back a year may be exported: 党费 records are kept for reconciliation and audits, not for ever here. */
export const EXPORT_YEARS_BACK = 10;

const app = createDomainApp({ currentClaims: org.currentClaims });

/** The year asked for, or the current Asia/Shanghai year; a future year has no bills, a very old one no use. */
export function exportYear(asked: number | undefined, nowMs: number): number {
  const current = Number(shanghaiMonth(nowMs).slice(0, 4));
  const year = asked ?? current;
  if (year > current || year < current - EXPORT_YEARS_BACK) {
    const message = `年度须在 ${current - EXPORT_YEARS_BACK}–${current} 之间`;
    throw new DomainError('VALIDATION_FAILED', {
      message: `请求内容有误：year: ${message}`,
      details: { fields: [{ path: 'year', message }] },
    });
  }
  return year;
}

mount(app, routes.exportDues, async ({ params, query, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.exportDues, org.scopeOf(target));
  const year = exportYear(query.year, now);
  // After the checks: a refused request costs nothing, an export reads a whole year.
  await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
  const bytes = await duesWorkbook(target, year, now);
  return xlsx(bytes, `${target.name}${year}年党费对账.xlsx`, `dues-${year}.xlsx`);
});

export const handler = lambdaHandler(app);
export { app };

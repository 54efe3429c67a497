/**
 * The `transfersReports` Lambda: the 介绍信 PDF and the committee's workbook. A function of its own because it
 * carries the PDF and Excel code (and the font), which the approval routes must never load. Both are rate-limited
 * per person like every export: each builds a file (a PDF embeds font subsets; a workbook reads a year).
 */
import { DomainError } from '../../shared/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { shanghaiMonth } from '../../shared/time';
import * as routes from '../../shared/transfers/report-routes';
import { createDomainApp, mount, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import { hit } from '../commons/rate-limit';
import { xlsx } from '../commons/xlsx-response';
import * as org from '../org/service';
import { transfersWorkbook } from './export';
import { letterPdf, pdfResponse } from './letter-pdf';
import { readableLetter, toLetter } from './letter-view';

/** How far back a year may be exported: the same ten years as the month view. */
export const EXPORT_YEARS_BACK = 10;

const app = createDomainApp({ currentClaims: org.currentClaims });

/** The year asked for, or the current Asia/Shanghai year; not a future one, not older than ten years. */
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

mount(app, routes.letterPdf, async ({ params, claims, now }) => {
  const record = await readableLetter(params.id, claims);
  // After the checks: a refused request costs nothing, a PDF embeds fonts.
  await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
  const letter = await toLetter(record);
  const bytes = await letterPdf(letter.paragraphs, {
    title: `${letter.memberName}组织关系介绍信`,
    subject: letter.number,
  });
  const ascii = letter.number.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return pdfResponse(bytes, `介绍信-${letter.memberName}-${letter.number}.pdf`, `letter-${ascii || record.id}.pdf`);
});

mount(app, routes.exportTransfers, async ({ params, query, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.exportTransfers, org.scopeOf(target));
  const year = exportYear(query.year, now);
  await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
  const bytes = await transfersWorkbook(target, year, now);
  return xlsx(bytes, `${target.name}${year}年组织关系转接台账.xlsx`, `transfers-${year}.xlsx`);
});

export const handler = lambdaHandler(app);
export { app };

import { RATE_LIMITS } from '../../shared/http/rate-limits';
import * as routes from '../../shared/transfers/report-routes';
import { exportYear } from '../commons/export-year';
import { createDomainApp, mount } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import { hit } from '../commons/rate-limit';
import { xlsx } from '../commons/xlsx-response';
import { scopedOrg } from '../org/scoped';
import * as org from '../org/service';
import { transfersWorkbook } from './export';
import { letterPdf, pdfResponse } from './letter-pdf';
import { readableLetter, toLetter } from './letter-view';

const app = createDomainApp({ currentClaims: org.currentClaims });

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
  const target = await scopedOrg(params.orgId, claims, routes.exportTransfers);
  const year = exportYear(query.year, now);
  await hit(RATE_LIMITS.exportsPerMember, claims.memberId, now);
  const bytes = await transfersWorkbook(target, year, now);
  return xlsx(bytes, `${target.name}${year}年组织关系转接台账.xlsx`, `transfers-${year}.xlsx`);
});

export const handler = lambdaHandler(app);
export { app };

/**
 * The meetings domain's records Lambda (shared/http/route.ts `meetingsRecords`): meeting records (纪要) with
 * their photos in object storage, statistics and 落实率, and the Excel exports (exceljs from the layer).
 */
import { createDomainApp } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { mountRecord } from './record-handlers';
import { mountStats } from './stats-handlers';

const app = createDomainApp({ currentClaims: org.currentClaims });

mountRecord(app);
mountStats(app);

export const handler = lambdaHandler(app);
export { app };

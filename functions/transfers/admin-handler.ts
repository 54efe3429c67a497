/**
 * The `transfersAdmin` Lambda: the committee's side of 组织关系转接 — the letter and its 回执, incoming members, the
 * org view with its counts, and the letter settings (./letter-routes.ts).
 */
import { createDomainApp } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import { mountLetters } from './letter-routes';

const app = createDomainApp({ currentClaims: org.currentClaims });
mountLetters(app);

export const handler = lambdaHandler(app);
export { app };

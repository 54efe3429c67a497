import * as routes from '../../shared/messages/routes';
import { createDomainApp, mount } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import * as messages from './service';

const app = createDomainApp({ currentClaims: org.currentClaims });

// Always the caller's own inbox: the key holds the member, so no other scope applies.
mount(app, routes.myMessages, ({ query, claims }) => messages.myMessages(claims.memberId, query));

mount(app, routes.readMessage, ({ params, claims, now }) => messages.readMessage(claims.memberId, params.id, now));

export const handler = lambdaHandler(app);
export { app };

import * as routes from '../../shared/auth/routes';
import { DomainError } from '../../shared/errors';
import { createDomainApp, mount, type RouteContext, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import * as org from '../org/service';
import * as auth from './service';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.login, async ({ body, ip, now }) => auth.login(body.code, ip, now));

mount(app, routes.bind, async ({ body, claims, ip, now }) => auth.bind(claims.openid, body.bindingCode, ip, now), {
  reissue: async ({ claims, now }, stored) => auth.rebind(claims.openid, stored.body, now),
});

mount(app, routes.refresh, async ({ body, ip, now }) => auth.refresh(body.refreshToken, ip, now));

mount(app, routes.logout, async ({ body, ip, now }) => auth.logout(body.refreshToken, ip, now));

const issueBindingCode = async ({ params, claims, now }: RouteContext<typeof routes.issueBindingCode>) => {
  const member = await org.findMember(params.id);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  requireScope(claims, routes.issueBindingCode, { orgId: member.orgId, orgPath: member.orgPath });
  if (member.status !== 'active') throw new DomainError('MEMBER_INACTIVE');
  if (member.openid) throw new DomainError('MEMBER_ALREADY_BOUND');
  return auth.issueBindingCode(member.id, claims.memberId, now);
};
// A replay draws a new code (the stored answer holds none), which revokes the first like any new code does.
mount(app, routes.issueBindingCode, issueBindingCode, { reissue: (ctx) => issueBindingCode(ctx) });

mount(app, routes.revokeBindingCode, async ({ params, claims, now }) => {
  const member = await org.findMember(params.id);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  requireScope(claims, routes.revokeBindingCode, { orgId: member.orgId, orgPath: member.orgPath });
  return auth.revokeBindingCode(member.id, now);
});

mount(app, routes.me, async ({ claims }) => auth.me(claims.memberId));

export const handler = lambdaHandler(app);
export { app };

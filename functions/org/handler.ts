import { DomainError } from '../../shared/errors';
import * as routes from '../../shared/org/routes';
import { createDomainApp, mount, requireScope } from '../commons/http';
import { lambdaHandler } from '../commons/lambda';
import { importRoster } from './importer';
import { orgOverview } from './overview';
import { writeRosterWorkbook, XLSX_CONTENT_TYPE } from './roster-xlsx';
import * as org from './service';

const app = createDomainApp({ currentClaims: org.currentClaims });

mount(app, routes.orgTree, async ({ claims }) => ({ nodes: await org.visibleTree(claims) }));

mount(app, routes.listMembers, async ({ params, query, claims }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.listMembers, org.scopeOf(target));
  return org.rosterPage(target.id, query);
});

mount(app, routes.createMember, async ({ params, body, claims }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.createMember, org.scopeOf(target));
  if (target.kind !== 'branch') throw new DomainError('NOT_A_BRANCH');
  return { member: org.toRosterMember(await org.createMember(target, body)) };
});

mount(app, routes.updateMember, async ({ params, body, claims }) => {
  const member = await org.findMember(params.id); // consistent read: the version is compared
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  requireScope(claims, routes.updateMember, { orgId: member.orgId, orgPath: member.orgPath });
  return { member: org.toRosterMember(await org.updateMember(member, body, claims)) };
});

mount(app, routes.importMembers, async ({ params, file, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.importMembers, org.scopeOf(target));
  const members = await importRoster(target, file, new Date(now).toISOString());
  return { imported: members.length, members: members.map(org.toRosterMember) };
});

mount(app, routes.exportMembers, async ({ params, claims }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.exportMembers, org.scopeOf(target));
  const workbook = await writeRosterWorkbook(target.name, await org.allMembers(target.id));
  const filename = `${target.name}花名册.xlsx`;
  return new Response(workbook, {
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
    },
  });
});

mount(app, routes.orgOverview, async ({ params, query, claims, now }) => {
  const target = await org.requireOrg(params.orgId);
  requireScope(claims, routes.orgOverview, org.scopeOf(target));
  return orgOverview(target, claims, query.month, now);
});

export const handler = lambdaHandler(app);
export { app };

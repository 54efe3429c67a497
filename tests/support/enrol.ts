/**
 * A real person on the roster with a real WeChat binding, made through the API as a secretary would: create,
 * issue a binding code, log in with a new openid, bind. The revocation tests then change the roster under
 * the tokens this returns.
 */

import { newPerson } from './people';
import type { apiClient } from './stack';

type Api = ReturnType<typeof apiClient>;

export interface Enrolled {
  readonly id: string;
  readonly openid: string;
  readonly token: string;
  readonly refreshToken: string;
  readonly orgId: string;
  version: number;
}

export async function enrol(
  api: Api,
  adminToken: string,
  orgId: string,
  openid: string,
  roles: ('secretary' | 'organizer')[] = [],
  name = '测试人员',
): Promise<Enrolled> {
  const created = await api.call<{ member: { id: string; version: number } }>('POST', `/v1/orgs/${orgId}/members`, {
    token: adminToken,
    body: { ...newPerson(name), roles },
  });
  if (created.status !== 201) throw new Error(`create member: ${created.status} ${JSON.stringify(created.body)}`);
  const { id } = created.body.member;
  const code = await api.call<{ bindingCode: string }>('POST', `/v1/members/${id}/binding-code`, { token: adminToken });
  const unbound = await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: `mock-${openid}` } });
  const bound = await api.call<{ token: string; refreshToken: string; member: { id: string } }>(
    'POST',
    '/v1/auth/bind',
    { token: unbound.body.token, body: { bindingCode: code.body.bindingCode } },
  );
  if (bound.status !== 200) throw new Error(`bind: ${bound.status} ${JSON.stringify(bound.body)}`);
  // Binding sets the openid: the member's version moved on by one.
  return { id, openid, token: bound.body.token, refreshToken: bound.body.refreshToken, orgId, version: 2 };
}

/** Changes the roster as the secretary's editor would: a PATCH on the version last seen. */
export async function patchMember(api: Api, adminToken: string, person: Enrolled, patch: Record<string, unknown>) {
  const answer = await api.call<{ member: { version: number } }>('PATCH', `/v1/members/${person.id}`, {
    token: adminToken,
    body: { ...patch, version: person.version },
  });
  if (answer.status !== 200) throw new Error(`patch member: ${answer.status} ${JSON.stringify(answer.body)}`);
  person.version = answer.body.member.version;
}

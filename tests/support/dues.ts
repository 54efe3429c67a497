/** 党费 test fixtures: a member with an approved base and bills for chosen months, through the API. */
import { shanghaiMonth, shiftMonth } from '../../shared/time';
import type { apiClient } from './stack';

type Api = ReturnType<typeof apiClient>;
// Answers are checked field by field against the contract; loosely typed so each test reads them directly.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = Record<string, any>;

export interface Payer {
  readonly token: string;
  readonly memberId: string;
  readonly orgId: string;
}

export const thisMonth = () => shanghaiMonth(Date.now());
export const monthsBack = (n: number) => shiftMonth(thisMonth(), -n);

/** Declares and approves a base (employed, `monthlyBase` yuan) in force from `fromMonth` (default 12 months back). */
export async function approvedBase(
  api: Api,
  member: Payer,
  approverToken: string,
  body: Json = { category: 'employed', monthlyBase: '5400.00' },
  fromMonth = monthsBack(12),
): Promise<Json> {
  const declared = await api.call<Json>('PUT', `/v1/members/${member.memberId}/dues-base`, {
    token: member.token,
    body: { year: Number(fromMonth.slice(0, 4)), fromMonth, ...body },
  });
  if (declared.status !== 200) throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
  const decided = await api.call<Json>('POST', `/v1/dues/bases/${declared.body.base.id}/decision`, {
    token: approverToken,
    body: { approve: true },
  });
  if (decided.status !== 200) throw new Error(`decide: ${decided.status} ${JSON.stringify(decided.body)}`);
  return decided.body.base;
}

/** Bills of the member's branch for each month (idempotent), → the member's bill ids by month. */
export async function billsFor(api: Api, issuerToken: string, orgId: string, months: readonly string[]) {
  for (const month of months) {
    const answer = await api.call<Json>('POST', `/v1/orgs/${orgId}/dues/bills`, {
      token: issuerToken,
      body: { month },
    });
    if (answer.status !== 200) throw new Error(`bills ${month}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

export const billIdOf = (memberId: string, month: string) => `b-${month.replace('-', '')}-${memberId}`;

export async function login(api: Api, openid: string): Promise<Payer> {
  const session = await api.loginAs(openid);
  return { token: session.token, memberId: session.member.id, orgId: session.member.orgId };
}

export async function totals(api: Api, token: string, orgId: string, month: string): Promise<Json> {
  const answer = await api.call<Json>('GET', `/v1/orgs/${orgId}/dues?month=${month}`, { token });
  if (answer.status !== 200) throw new Error(`totals: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

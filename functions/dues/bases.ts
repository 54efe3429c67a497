/**
 * 党费基数: declared by the member (or their branch's secretary / 组织委员), decided once — ordinary bases in the
 * branch, reductions and exemptions by the committee (§6). Every declaration is kept with who and when; an
 * approval appends to the member's timeline of approved bases, from its month on (a mid-year re-assessment is
 * a new approved base, never an edit of the old one).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { authorize } from '../../shared/auth/roles';
import { BASE_DECIDERS } from '../../shared/dues/access';
import { CATEGORY_NAMES } from '../../shared/dues/labels';
import { formatYuan, parseYuan } from '../../shared/dues/money';
import { duesAmount, ruleFor } from '../../shared/dues/rules';
import type { PutDuesBaseRequest } from '../../shared/dues/schemas';
import { DomainError } from '../../shared/errors';
import { shanghaiMonth } from '../../shared/time';
import { newId } from '../commons/ids';
import { invalidField } from '../commons/invalid-field';
import { messageItems } from '../messages/outbox';
import * as org from '../org/service';
import { actorOf, requireSelfOrScope } from './access';
import { repriceUnpaid } from './bills';
import type { ApprovedBase, BaseRecord } from './records';
import * as store from './store';

const RUNNERS = ['secretary', 'organizer'] as const;

function defaultFromMonth(year: number, nowMs: number): string {
  const current = shanghaiMonth(nowMs);
  if (current.startsWith(`${year}-`)) return current;
  return `${year}-01`;
}

const sameDeclaration = (base: BaseRecord, candidate: Omit<BaseRecord, 'id' | 'declaredAt' | 'declaredBy'>) =>
  base.status === 'pending' &&
  base.year === candidate.year &&
  base.category === candidate.category &&
  base.baseFen === candidate.baseFen &&
  base.farmerFen === candidate.farmerFen &&
  base.reducedFen === candidate.reducedFen &&
  base.fromMonth === candidate.fromMonth;

/** → the declaration, and whether it is new (an identical pending one is answered again, never doubled). */
export async function declareBase(
  memberId: string,
  body: PutDuesBaseRequest,
  claims: MemberClaims,
  nowMs: number,
): Promise<BaseRecord> {
  const member = await org.requireMember(memberId);
  requireSelfOrScope(claims, member, RUNNERS);
  const fromMonth = body.fromMonth ?? defaultFromMonth(body.year, nowMs);
  if (!fromMonth.startsWith(`${body.year}-`)) throw new DomainError('DUES_BASE_MONTH_OUTSIDE_YEAR');
  const withBase = body.category === 'employed' || body.category === 'retired';
  const baseFen = withBase ? parseYuan(body.monthlyBase ?? '') : null;
  if (withBase && baseFen === null) {
    throw invalidField('monthlyBase', '金额须为不超过两位小数的非负数');
  }
  const farmerFen = body.category === 'farmer' ? (body.farmerFen ?? null) : null;
  const reducedFen = body.category === 'reduced' ? (body.reducedFen ?? null) : null;
  const amount = duesAmount({ category: body.category, baseFen, farmerFen, reducedFen }, ruleFor(fromMonth));
  const candidate = {
    memberId: member.id,
    memberName: member.name,
    orgId: member.orgId,
    orgPath: member.orgPath,
    year: body.year,
    category: body.category,
    monthlyBase: baseFen === null ? null : formatYuan(baseFen),
    baseFen,
    farmerFen,
    reducedFen,
    fromMonth,
    note: body.note ?? '',
    status: 'pending' as const,
    needsCommittee: body.category === 'exempt' || body.category === 'reduced',
    computation: amount.computation,
    decidedBy: null,
    decidedAt: null,
    comment: null,
    version: 1,
  };
  const repeat = (await store.memberBases(member.id, 10)).find((base) => sameDeclaration(base, candidate));
  if (repeat) return repeat;
  const self = claims.memberId === member.id;
  const base: BaseRecord = {
    ...candidate,
    id: newId('db'),
    declaredBy: self ? { id: claims.memberId, name: claims.name, role: 'member' } : actorOf(claims, RUNNERS),
    declaredAt: new Date(nowMs).toISOString(),
  };
  await store.transact([store.basePut(base)]);
  return base;
}

/** Reductions and exemptions: the committee above; others: the branch. Nobody decides their own. */
function requireDecider(base: BaseRecord, claims: MemberClaims): void {
  if (base.memberId === claims.memberId) throw new DomainError('DUES_BASE_SELF_DECISION');
  const scope = { orgId: base.orgId, orgPath: base.orgPath };
  if (base.needsCommittee) {
    const result = authorize(claims, ['committee'], scope);
    if (result === 'FORBIDDEN_ROLE') throw new DomainError('DUES_BASE_NEEDS_COMMITTEE');
    if (result !== 'ok') throw new DomainError(result);
    return;
  }
  const result = authorize(claims, BASE_DECIDERS, scope);
  if (result !== 'ok') throw new DomainError(result);
}

export async function decideBase(
  id: string,
  decision: { approve: boolean; comment?: string | undefined },
  claims: MemberClaims,
  nowMs: number,
): Promise<BaseRecord> {
  const base = await store.getBase(id);
  if (!base) throw new DomainError('DUES_BASE_NOT_FOUND');
  requireDecider(base, claims);
  if (base.status !== 'pending') throw new DomainError('DUES_BASE_ALREADY_DECIDED');
  const at = new Date(nowMs).toISOString();
  const after: BaseRecord = {
    ...base,
    status: decision.approve ? 'approved' : 'rejected',
    decidedBy: actorOf(claims, base.needsCommittee ? ['committee'] : BASE_DECIDERS),
    decidedAt: at,
    comment: decision.comment ?? null,
    version: base.version + 1,
  };
  const approved: ApprovedBase = {
    baseId: base.id,
    year: base.year,
    fromMonth: base.fromMonth,
    category: base.category,
    baseFen: base.baseFen,
    farmerFen: base.farmerFen,
    reducedFen: base.reducedFen,
    decidedAt: at,
  };
  const verdict = decision.approve ? '已通过' : '未通过';
  const reasons = await store.transact([
    store.baseDecided(base, after),
    ...(decision.approve ? [store.profileAppend(base.memberId, approved)] : []),
    ...messageItems(
      {
        id: `dues-base-${base.id}`,
        memberId: base.memberId,
        kind: 'dues_base_decision',
        title: `党费基数审核${verdict}`,
        body: `${base.year} 年${CATEGORY_NAMES[base.category]}，${base.computation.text}${
          decision.comment ? `；意见：${decision.comment}` : ''
        }`,
        ref: { type: 'dues', id: base.memberId },
      },
      at,
    ),
  ]);
  if (reasons) {
    if (reasons[0] === 'ConditionalCheckFailed') throw new DomainError('DUES_BASE_ALREADY_DECIDED');
    throw new DomainError('TOO_MANY_REQUESTS'); // a conflicting write at this instant: the client retries
  }
  if (decision.approve) await repriceUnpaid(base.memberId, approved);
  return after;
}

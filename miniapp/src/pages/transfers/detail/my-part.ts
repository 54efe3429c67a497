import { useEffect, useState } from 'react';
import type { MemberProfile } from '../../../../../shared/auth/schemas';
import { transfersApi } from '../../../api/transfers';
import { hasAnyRole } from '../../../store/session';
import { isPendingState } from '../components/labels';

type Detail = Awaited<ReturnType<typeof transfersApi.get>>;

export interface MyPart {
  /** 同意 / 退回 of the step waiting now. */
  readonly decide: boolean;
  readonly withdraw: boolean;
  readonly resubmit: boolean;
  /** 查看介绍信: the member it introduces, and committee staff. */
  readonly letter: boolean;
  /** 登记回执: committee staff, while the letter waits for it. */
  readonly receipt: boolean;
}

/**
 * Whether committee staff are over the committee that decides the middle step — their own org, or one below it
 * (a 党委's staff decide for a 党总支 without staff of its own). The org's path comes from the tree the apply form
 * reads; only asked when it matters. The server checks again: this only decides which buttons to show.
 */
export function useCommitteeOver(member: MemberProfile | null, pending: Detail['pending'] | undefined): boolean {
  const [over, setOver] = useState(false);
  const orgId = pending?.approverRole === 'committee' ? pending.approverOrgId : null;
  const committee = hasAnyRole(member, ['committee']);
  useEffect(() => {
    if (!orgId || !committee || !member) return setOver(false);
    if (orgId === member.orgId) return setOver(true);
    let live = true;
    transfersApi
      .destinations()
      .then(({ orgs }) => {
        const org = orgs.find((candidate) => candidate.id === orgId);
        if (live) setOver(!!org && org.path.startsWith(member.orgPath));
      })
      .catch(() => live && setOver(false));
    return () => {
      live = false;
    };
  }, [orgId, committee, member]);
  return over;
}

export function partOf(member: MemberProfile | null, detail: Detail, committeeOver: boolean): MyPart {
  const { transfer, pending } = detail;
  if (!member) return { decide: false, withdraw: false, resubmit: false, letter: false, receipt: false };
  const committee = hasAnyRole(member, ['committee']);
  const decide =
    !!pending &&
    (pending.approverRole === 'secretary'
      ? hasAnyRole(member, ['secretary']) && member.orgId === pending.approverOrgId
      : committee && committeeOver);
  const applicant = member.id === transfer.appliedBy.id || member.id === transfer.memberId;
  return {
    decide,
    withdraw: applicant && isPendingState(transfer.state),
    resubmit:
      applicant &&
      transfer.kind !== 'inbound' &&
      !transfer.nextId &&
      ['rejected', 'withdrawn', 'expired'].includes(transfer.state),
    letter: !!transfer.letter && transfer.kind === 'outbound' && (member.id === transfer.memberId || committee),
    receipt: committee && transfer.state === 'letter_issued',
  };
}

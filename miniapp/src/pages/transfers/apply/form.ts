/** The 申请转接 form: what it holds, the request it sends, and the shared schema's words for what is wrong. */
import { ApplyTransferRequest, REASON_MAX, type Transfer } from '../../../../../shared/transfers/schemas';
import type { ApplyBody } from '../../../api/transfers';

export { REASON_MAX };

export interface Picked {
  readonly id: string;
  readonly name: string;
}

export interface ApplyForm {
  /** A secretary applying for a member of the branch (otherwise: the caller themself). */
  forOther: boolean;
  member: Picked | null;
  kind: 'internal' | 'outbound';
  toOrg: Picked | null;
  destinationName: string;
  destinationContact: string;
  reason: string;
}

export type ApplyField = 'member' | 'toOrg' | 'destinationName' | 'destinationContact' | 'reason';
export type ApplyErrors = Partial<Record<ApplyField, string>>;

export const EMPTY_FORM: ApplyForm = {
  forOther: false,
  member: null,
  kind: 'internal',
  toOrg: null,
  destinationName: '',
  destinationContact: '',
  reason: '',
};

/** 重新申请: the earlier transfer's answers (its member, when someone else applied for them). */
export function formFrom(previous: Transfer, myId: string): ApplyForm {
  const forOther = previous.memberId !== myId;
  return {
    forOther,
    member: forOther ? { id: previous.memberId, name: previous.memberName } : null,
    kind: previous.kind === 'outbound' ? 'outbound' : 'internal',
    toOrg: previous.toOrgId ? { id: previous.toOrgId, name: previous.toOrgName ?? '' } : null,
    destinationName: previous.destination?.name ?? '',
    destinationContact: previous.destination?.contact ?? '',
    reason: previous.reason,
  };
}

export function bodyOf(form: ApplyForm, previousId: string | undefined): ApplyBody {
  const contact = form.destinationContact.trim();
  return {
    ...(form.forOther && form.member ? { memberId: form.member.id } : {}),
    kind: form.kind,
    ...(form.kind === 'internal'
      ? form.toOrg
        ? { toOrgId: form.toOrg.id }
        : {}
      : { destination: { name: form.destinationName.trim(), ...(contact ? { contact } : {}) } }),
    reason: form.reason.trim(),
    ...(previousId ? { previousId } : {}),
  } as ApplyBody;
}

const FIELD_OF: Record<string, ApplyField> = {
  memberId: 'member',
  toOrgId: 'toOrg',
  reason: 'reason',
};

/** The form field a schema path points at (destination.name, toOrgId…). */
function fieldOf(path: readonly string[]): ApplyField | undefined {
  const [first, second] = path;
  if (first === 'destination') return second === 'contact' ? 'destinationContact' : 'destinationName';
  return FIELD_OF[first ?? ''];
}

/** The request, or each field's first problem in the shared schema's words (the server says the same). */
export function checkForm(
  form: ApplyForm,
  previousId: string | undefined,
): { body: ApplyBody; errors: null } | { body: null; errors: ApplyErrors } {
  const errors: ApplyErrors = {};
  if (form.forOther && !form.member) errors.member = '请选择为哪位党员申请';
  const parsed = ApplyTransferRequest.safeParse(bodyOf(form, previousId));
  if (parsed.success && !errors.member) return { body: parsed.data, errors: null };
  for (const issue of parsed.error?.issues ?? []) {
    const field = fieldOf(issue.path.map(String));
    if (field) errors[field] ??= issue.message;
  }
  if (!Object.keys(errors).length) errors.reason = parsed.error?.issues[0]?.message ?? '请检查填写的内容';
  return { body: null, errors };
}

/** A 400's per-field messages (destination.name, reason…), keyed by form field. */
export function serverErrors(fields: readonly { path: string; message: string }[] | undefined): ApplyErrors {
  const errors: ApplyErrors = {};
  for (const { path, message } of fields ?? []) {
    const field = fieldOf(path.split('.'));
    if (field) errors[field] ??= message;
  }
  return errors;
}

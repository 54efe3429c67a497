/** The 转入登记 form: the member's details and the letter they came with, checked by the shared schema. */
import { InboundRequest } from '../../../../../shared/transfers/admin-schemas';
import type { InboundBody } from '../../../api/transfers';

export interface InboundForm {
  name: string;
  gender: 'male' | 'female';
  phone: string;
  idNumber: string;
  category: 'full' | 'probationary';
  joinedAt: string;
  letterNumber: string;
  letterFrom: string;
  letterIssuedAt: string;
}

export type InboundField = keyof InboundForm;
export type InboundErrors = Partial<Record<InboundField, string>>;

export const EMPTY_INBOUND: InboundForm = {
  name: '',
  gender: 'male',
  phone: '',
  idNumber: '',
  category: 'full',
  joinedAt: '',
  letterNumber: '',
  letterFrom: '',
  letterIssuedAt: '',
};

const REQUIRED: Partial<Record<InboundField, string>> = {
  name: '请填写姓名',
  phone: '请填写手机号',
  idNumber: '请填写身份证号',
  joinedAt: '请选择入党日期',
  letterNumber: '请填写介绍信编号',
  letterFrom: '请填写转出组织',
  letterIssuedAt: '请选择介绍信开具日期',
};

/** member.idNumber → idNumber, letter.number → letterNumber. */
function fieldOf(path: readonly string[]): InboundField | undefined {
  const [group, name] = path;
  if (group === 'member') return name as InboundField;
  if (group === 'letter' && name) return `letter${name[0]!.toUpperCase()}${name.slice(1)}` as InboundField;
  return undefined;
}

export function bodyOf(form: InboundForm): InboundBody {
  return {
    member: {
      name: form.name.trim(),
      gender: form.gender,
      phone: form.phone.trim(),
      idNumber: form.idNumber.trim(),
      category: form.category,
      joinedAt: form.joinedAt,
    },
    letter: { number: form.letterNumber.trim(), from: form.letterFrom.trim(), issuedAt: form.letterIssuedAt },
  };
}

/** The request, or each field's first problem (empty fields say 请填写…, the rest in the schema's words). */
export function checkInbound(form: InboundForm): { body: InboundBody | null; errors: InboundErrors } {
  const errors: InboundErrors = {};
  for (const [field, message] of Object.entries(REQUIRED) as [InboundField, string][]) {
    if (!String(form[field]).trim()) errors[field] = message;
  }
  const parsed = InboundRequest.safeParse(bodyOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.map(String));
      if (field) errors[field] ??= issue.message;
    }
  }
  return parsed.success && !Object.keys(errors).length ? { body: parsed.data, errors } : { body: null, errors };
}

/** A 400's per-field messages, keyed by form field. */
export function serverErrors(fields: readonly { path: string; message: string }[] | undefined): InboundErrors {
  const errors: InboundErrors = {};
  for (const { path, message } of fields ?? []) {
    const field = fieldOf(path.split('.'));
    if (field) errors[field] ??= message;
  }
  return errors;
}

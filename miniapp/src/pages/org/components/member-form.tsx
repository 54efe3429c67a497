import { Picker, Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../../../shared/org/rules';
import { IdNumber, JoinedAt, MemberName, Phone } from '../../../../../shared/org/schemas';
import { ApiError } from '../../../api/client';
import { Choices } from '../../../components/choices';
import { TextField } from '../../../components/text-field';
import './member-form.scss';

/** What the 添加党员 and 编辑 forms hold (strings as typed; `phone` empty on edit = unchanged). */
export interface MemberFormValue {
  name: string;
  gender: 'male' | 'female';
  phone: string;
  idNumber: string;
  category: 'full' | 'probationary';
  joinedAt: string;
  roles: ('secretary' | 'organizer')[];
}

export type MemberField = keyof MemberFormValue;
export type MemberFormErrors = Partial<Record<MemberField, string>>;

const TEXT_SCHEMAS = { name: MemberName, phone: Phone, idNumber: IdNumber, joinedAt: JoinedAt } as const;

/** The shared schema's message for one field, or undefined when it is fine (`phone` may stay empty on edit). */
export function fieldError(field: MemberField, value: MemberFormValue, mode: 'add' | 'edit'): string | undefined {
  if (!(field in TEXT_SCHEMAS)) return undefined;
  const text = String(value[field]);
  if (mode === 'edit' && (field === 'phone' || field === 'idNumber' || field === 'joinedAt') && text.trim() === '') {
    return undefined;
  }
  if (text.trim() === '') return REQUIRED[field as keyof typeof TEXT_SCHEMAS];
  const result = TEXT_SCHEMAS[field as keyof typeof TEXT_SCHEMAS].safeParse(text);
  return result.success ? undefined : result.error.issues[0]?.message;
}

const REQUIRED = { name: '请填写姓名', phone: '请填写手机号', idNumber: '请填写身份证号', joinedAt: '请选择入党日期' };

/** The errors after `patch`: a field's shown error is re-checked (cleared once fixed); others stay as they were. */
export function recheckErrors(
  errors: MemberFormErrors,
  patch: Partial<MemberFormValue>,
  next: MemberFormValue,
  mode: 'add' | 'edit',
): MemberFormErrors {
  const updated = { ...errors };
  for (const field of Object.keys(patch) as MemberField[]) {
    if (updated[field]) updated[field] = fieldError(field, next, mode);
  }
  return updated;
}

export function validateMember(value: MemberFormValue, mode: 'add' | 'edit'): MemberFormErrors {
  const errors: MemberFormErrors = {};
  const fields: MemberField[] = mode === 'add' ? ['name', 'phone', 'idNumber', 'joinedAt'] : ['name', 'phone'];
  for (const field of fields) {
    const message = fieldError(field, value, mode);
    if (message) errors[field] = message;
  }
  return errors;
}

/** A 400's per-field messages, keyed by form field. */
export function serverFieldErrors(error: unknown): MemberFormErrors {
  if (!(error instanceof ApiError) || !error.fields) return {};
  const errors: MemberFormErrors = {};
  for (const { path, message } of error.fields) {
    const field = path.split('.')[0] as MemberField;
    if (field) errors[field] ??= message;
  }
  return errors;
}

interface Props {
  mode: 'add' | 'edit';
  value: MemberFormValue;
  errors: MemberFormErrors;
  /** Phone as the roster shows it (masked), for the edit form's placeholder. */
  phoneMasked?: string;
  onChange(patch: Partial<MemberFormValue>): void;
}

/** Name, gender, phone, (ID number, join date), category and branch roles, each with its own error line. */
export function MemberForm({ mode, value, errors, phoneMasked, onChange }: Props) {
  const toggleRole = (role: 'secretary' | 'organizer') =>
    onChange({ roles: value.roles.includes(role) ? value.roles.filter((r) => r !== role) : [...value.roles, role] });
  return (
    <View className="member-form">
      <TextField
        label="姓名"
        placeholder="党员姓名"
        value={value.name}
        error={errors.name}
        onInput={(name) => onChange({ name })}
      />
      <View className="field">
        <Text className="field-label">性别</Text>
        <Choices
          options={(['male', 'female'] as const).map((gender) => [gender, GENDER_LABELS[gender]])}
          selected={[value.gender]}
          onTap={(gender) => onChange({ gender })}
        />
      </View>
      <TextField
        label="手机号"
        placeholder={mode === 'edit' ? `${phoneMasked ?? ''}（不改请留空）` : '11 位手机号'}
        type="number"
        value={value.phone}
        error={errors.phone}
        onInput={(phone) => onChange({ phone })}
      />
      {mode === 'add' ? (
        <>
          <TextField
            label="身份证号"
            placeholder="18 位身份证号"
            type="idcard"
            value={value.idNumber}
            error={errors.idNumber}
            onInput={(idNumber) => onChange({ idNumber })}
          />
          <Picker
            mode="date"
            value={value.joinedAt}
            onChange={(event) => onChange({ joinedAt: String(event.detail.value) })}
          >
            <View className="field">
              <Text className="field-label">入党日期</Text>
              <Text className={`field-value${value.joinedAt ? '' : ' placeholder'}`}>{value.joinedAt || '请选择'}</Text>
            </View>
          </Picker>
          {errors.joinedAt ? <Text className="member-form-error">{errors.joinedAt}</Text> : null}
        </>
      ) : null}
      <View className="field">
        <Text className="field-label">类别</Text>
        <Choices
          options={(['full', 'probationary'] as const).map((category) => [category, CATEGORY_LABELS[category]])}
          selected={[value.category]}
          onTap={(category) => onChange({ category })}
        />
      </View>
      <View className="field">
        <Text className="field-label">职务</Text>
        <Choices
          options={[
            ['secretary', '支部书记'],
            ['organizer', '组织委员'],
          ]}
          selected={value.roles}
          onTap={toggleRole}
        />
      </View>
    </View>
  );
}

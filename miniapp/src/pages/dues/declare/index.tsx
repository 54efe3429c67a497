import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { BASE_DECLARERS } from '../../../../../shared/dues/access';
import { formatYuan } from '../../../../../shared/dues/money';
import { DUES_CATEGORIES, type DuesBase, type DuesCategory } from '../../../../../shared/dues/schemas';
import { shanghaiMonth } from '../../../../../shared/time';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { duesApi } from '../../../api/dues';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/errors';
import { back, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';
import { CATEGORY_NAMES, monthText, yuan } from '../components/labels';
import {
  bandLines,
  type DeclareErrors,
  type DeclareForm,
  fieldOf,
  needsBase,
  needsNote,
  preview,
  toRequest,
  validate,
} from './form';
import '../components/dues.scss';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

const CATEGORY_OPTIONS = DUES_CATEGORIES.map((category) => [category, CATEGORY_NAMES[category]] as const);
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

const yuanText = (fen: number | null | undefined) => (fen == null ? '' : formatYuan(fen));

/** The form's first state: the declaration waiting (or the base in force) for this year, else empty. */
function initialForm(base: DuesBase | null, thisMonth: string): DeclareForm {
  const year = Number(thisMonth.slice(0, 4));
  const same = base && base.year === year ? base : null;
  return {
    year,
    category: base?.category ?? null,
    base: base?.monthlyBase ?? '',
    farmer: yuanText(base?.farmerFen),
    reduced: yuanText(base?.reducedFen),
    fromMonth: same && same.fromMonth > thisMonth ? same.fromMonth : thisMonth,
    note: '',
  };
}

/**
 * 申报基数: year, category, the monthly base (or the branch's 农民 amount, or the reduced amount), from which
 * month, and a note; the monthly amount it gives is shown live, computed as the server will. A secretary or
 * 组织委员 declares for a member with ?memberId=. The declaration waits for approval.
 */
export default function DuesDeclarePage() {
  const params = useRouter().params;
  const me = useSession((state) => state.member);
  const memberId = queryValue(params.memberId) || me?.id || '';
  const self = memberId === me?.id;
  const current = useRemote(() => duesApi.member(memberId));
  const thisMonth = shanghaiMonth(Date.now());
  const [form, setForm] = useState<DeclareForm | null>(null);
  const [errors, setErrors] = useState<DeclareErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const key = useRef(newIdempotencyKey());

  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once, when the member's dues arrive
  useEffect(() => {
    if (current.data && !form) setForm(initialForm(current.data.pendingBase ?? current.data.base, thisMonth));
  }, [current.data]);

  function change(patch: Partial<DeclareForm>) {
    if (!form) return;
    const next = { ...form, ...patch };
    // A year change keeps the month inside that year (the server refuses one outside it).
    if (patch.year !== undefined && !next.fromMonth.startsWith(`${patch.year}-`)) {
      next.fromMonth = patch.year === Number(thisMonth.slice(0, 4)) ? thisMonth : `${patch.year}-01`;
    }
    setForm(next);
    key.current = newIdempotencyKey();
    if (tried) setErrors(validate(next));
  }

  async function submit() {
    if (!form || busy) return;
    setTried(true);
    const found = validate(form);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) {
      setMessage('请按提示修改后再提交');
      return;
    }
    setBusy(true);
    try {
      await duesApi.declare(memberId, toRequest(form), key.current);
      await Taro.showToast({ title: '已提交，等待审核', icon: 'success' });
      setTimeout(() => back('me'), 1200);
    } catch (caught) {
      const fields: DeclareErrors = {};
      if (caught instanceof ApiError) {
        for (const bad of caught.fields ?? []) {
          const field = fieldOf(bad.path);
          if (field) fields[field] = bad.message;
        }
      }
      setErrors(fields);
      setMessage(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const year = Number(thisMonth.slice(0, 4));
  const amount = form ? preview(form) : null;
  const name = current.data?.memberName ?? queryValue(params.name);
  return (
    <PageRoot className="dues-declare" roles={BASE_DECLARERS}>
      <StatusView {...remoteStatus(current)}>
        {form ? (
          <>
            {!self && name ? <Text className="section-title declare-who">为 {name} 申报</Text> : null}
            <Text className="section-title">申报年度</Text>
            <View className="field declare-choices">
              <Choices
                options={[year, year + 1].map((y) => [String(y), `${y}年`] as const)}
                selected={[String(form.year)]}
                onTap={(value) => change({ year: Number(value) })}
              />
            </View>
            <Text className="section-title">党员类别</Text>
            <View className={`field declare-choices${errors.category ? ' field--bad' : ''}`}>
              <Choices
                options={CATEGORY_OPTIONS}
                selected={form.category ? [form.category] : []}
                onTap={(value: DuesCategory) => change({ category: value })}
              />
            </View>
            {errors.category ? <Text className="field-error">{errors.category}</Text> : null}

            {form.category ? <Text className="section-title">{AMOUNT_TITLES[form.category]}</Text> : null}
            {needsBase(form.category) ? (
              <>
                <TextField
                  label={form.category === 'retired' ? '养老金(元)' : '月收入(元)'}
                  type="digit"
                  value={form.base}
                  maxLength={11}
                  placeholder="例如 5400.00"
                  error={errors.base}
                  onInput={(base) => change({ base })}
                />
                <Text className="muted declare-hint">
                  {form.category === 'retired'
                    ? '离退休党员以每月基本养老金为基数，各种补贴不计入。'
                    : '在职党员以每月工资收入（税后）为基数：基本工资、岗位（职务）工资、级别（薪级）工资、绩效工资及津贴补贴等。'}
                </Text>
                <View className="declare-bands">
                  {bandLines(form).map((line) => (
                    <Text key={line} className="declare-band">
                      {line}
                    </Text>
                  ))}
                </View>
              </>
            ) : null}
            {form.category === 'farmer' ? (
              <TextField
                label="每月(元)"
                type="digit"
                value={form.farmer}
                maxLength={4}
                placeholder="0.20–1.00，由支部确定"
                error={errors.farmer}
                onInput={(farmer) => change({ farmer })}
              />
            ) : null}
            {form.category === 'reduced' ? (
              <TextField
                label="减交后(元)"
                type="digit"
                value={form.reduced}
                maxLength={7}
                placeholder="例如 20.00"
                error={errors.reduced}
                onInput={(reduced) => change({ reduced })}
              />
            ) : null}
            {form.category === 'student' || form.category === 'unemployed' ? (
              <Text className="muted declare-hint">学生、无业或低保党员每月交纳固定金额，无需填写基数。</Text>
            ) : null}
            {needsNote(form.category) ? (
              <Text className="muted declare-hint">减交、免交由支部提出，报上级党委审批。</Text>
            ) : null}

            <Text className="section-title">起算月份</Text>
            <Picker
              mode="selector"
              range={MONTHS}
              value={Number(form.fromMonth.slice(5, 7)) - 1}
              onChange={(event) =>
                change({ fromMonth: `${form.year}-${String(Number(event.detail.value) + 1).padStart(2, '0')}` })
              }
            >
              <View className={`field declare-month${errors.fromMonth ? ' field--bad' : ''}`}>
                <Text className="declare-month-value">自{monthText(form.fromMonth)}起</Text>
                <Text className="declare-switch">切换 ▾</Text>
              </View>
            </Picker>
            {errors.fromMonth ? <Text className="field-error">{errors.fromMonth}</Text> : null}

            <Text className="section-title">说明{needsNote(form.category) ? '（必填）' : '（可选）'}</Text>
            <View className={`declare-note${errors.note ? ' declare-note--bad' : ''}`}>
              <Textarea
                className="declare-note-input"
                value={form.note}
                maxlength={200}
                placeholder={needsNote(form.category) ? '请说明减交、免交的理由' : '如：工资调整后重新核定'}
                onInput={(event) => change({ note: event.detail.value })}
              />
            </View>
            {errors.note ? <Text className="field-error">{errors.note}</Text> : null}

            <View className="card declare-preview">
              <Text className="declare-preview-label">每月应交（预计）</Text>
              {amount ? (
                <>
                  <Text className="dues-amount">{yuan(amount.amountFen)}</Text>
                  <Text className="declare-preview-how">{amount.computation.text}</Text>
                  <Text className="muted declare-preview-rule">依据 {amount.computation.rule}</Text>
                </>
              ) : (
                <Text className="muted declare-preview-how">{form.category ? '填写金额后显示' : '选择类别后显示'}</Text>
              )}
            </View>

            {message ? <Text className="form-error">{message}</Text> : null}
            <View className="actions">
              <ActionButton busy={busy} onClick={() => void submit()}>
                提交申报
              </ActionButton>
            </View>
            <Text className="muted dues-note">
              提交后由支部审核（减交、免交由上级党委审批），审核通过后按新基数计算。
            </Text>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

const AMOUNT_TITLES: Record<DuesCategory, string> = {
  employed: '每月工资收入（税后）',
  retired: '每月基本养老金',
  student: '交纳标准',
  unemployed: '交纳标准',
  farmer: '每月交纳金额',
  exempt: '免交党费',
  reduced: '减交后的每月金额',
};

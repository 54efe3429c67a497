import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CASHIERS } from '../../../../../shared/dues/access';
import type { Bill, MemberDuesResponse, Payment } from '../../../../../shared/dues/schemas';
import { MONTH_PATTERN, shanghaiMonth } from '../../../../../shared/time';
import { newIdempotencyKey } from '../../../api/client';
import { duesApi } from '../../../api/dues';
import { duesAdminApi } from '../../../api/dues-admin';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorBlock, LoadingBlock } from '../../../components/status-view';
import { TextField } from '../../../components/text-field';
import { errorCode, errorMessage, type FailureKind, failureKind } from '../../../lib/errors';
import { go, queryValue } from '../../../lib/nav';
import { useSession } from '../../../store/session';
import { BillChecklist } from '../components/bill-list';
import { CHANNEL_NAMES, monthsText, sumFen, yuan } from '../components/labels';
import { MemberPicker } from './member-picker';
import '../components/dues.scss';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

type Channel = 'cash' | 'transfer';
type PayerKind = 'self' | 'proxy';

const CHANNELS: readonly (readonly [Channel, string])[] = [
  ['cash', '现金'],
  ['transfer', '转账'],
];
const PAYERS: readonly (readonly [PayerKind, string])[] = [
  ['self', '本人交纳'],
  ['proxy', '他人代缴'],
];

/** The most one registration covers (OfflinePaymentRequest). */
const MAX_BILLS = 24;

const byMonth = (a: Bill, b: Bill) => a.month.localeCompare(b.month);

/**
 * 登记线下缴费 (组织委员): pick a member with an unpaid bill, tick the months the cash or transfer covers, the
 * receipt number, and who handed it over — the member, or someone on their behalf (代缴, by name: §6.1, the
 * organisation never advances dues). A confirmation names the member, months and amount before it is recorded.
 */
export default function DuesOfflinePage() {
  const params = useRouter().params;
  const orgId = useSession((state) => state.member?.orgId ?? '');
  const [month, setMonth] = useState(() => {
    const asked = queryValue(params.month);
    return MONTH_PATTERN.test(asked) ? asked : shanghaiMonth(Date.now());
  });
  const [picked, setPicked] = useState<{ memberId: string; name: string } | null>(() => {
    const memberId = queryValue(params.memberId);
    return memberId ? { memberId, name: queryValue(params.name) } : null;
  });
  const [done, setDone] = useState<Payment | null>(null);

  if (done) {
    return (
      <PageRoot className="dues-offline" roles={CASHIERS}>
        <View className="card offline-done">
          <Text className="offline-done-mark">✓</Text>
          <Text className="offline-done-title">已登记</Text>
          <Text className="offline-done-line">
            {done.memberName} · {monthsText(done.months)} · {yuan(done.totalFen)}
          </Text>
          <Text className="muted offline-done-line">
            {CHANNEL_NAMES[done.channel] ?? done.channel} · 收据号 {done.receiptNo}
            {done.payer.kind === 'proxy' ? ` · 代缴人 ${done.payer.name}` : ''}
          </Text>
        </View>
        <View className="actions">
          <ActionButton
            onClick={() => {
              setDone(null);
              setPicked(null);
            }}
          >
            继续登记其他党员
          </ActionButton>
          <ActionButton kind="plain" onClick={() => go('myDues', { memberId: done.memberId, name: done.memberName })}>
            查看该党员的党费
          </ActionButton>
        </View>
      </PageRoot>
    );
  }

  return (
    <PageRoot className="dues-offline" roles={CASHIERS}>
      {picked ? (
        <MemberPayment
          key={picked.memberId}
          memberId={picked.memberId}
          name={picked.name}
          onChange={() => setPicked(null)}
          onDone={setDone}
        />
      ) : (
        <MemberPicker orgId={orgId} month={month} onMonth={setMonth} onPick={setPicked} />
      )}
    </PageRoot>
  );
}

/** One member's unpaid months and the registration form. */
function MemberPayment(props: { memberId: string; name: string; onChange(): void; onDone(payment: Payment): void }) {
  const [dues, setDues] = useState<MemberDuesResponse | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; failure: FailureKind } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [channel, setChannel] = useState<Channel>('cash');
  const [receiptNo, setReceiptNo] = useState('');
  const [payer, setPayer] = useState<PayerKind>('self');
  const [proxyName, setProxyName] = useState('');
  const [errors, setErrors] = useState<{ bills?: string; receipt?: string; proxy?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // One key per registration: a retry after a lost answer is the same registration, not a second one.
  const key = useRef(newIdempotencyKey());

  async function load() {
    setLoadError(null);
    try {
      const answer = await duesApi.member(props.memberId);
      setDues(answer);
      const unpaid = answer.bills.filter((bill) => bill.status === 'unpaid').sort(byMonth);
      setSelected(new Set(unpaid.slice(0, MAX_BILLS).map((bill) => bill.id)));
    } catch (caught) {
      setLoadError({ message: errorMessage(caught), failure: failureKind(caught) });
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per member (the component is keyed by it)
  useEffect(() => {
    void load();
  }, []);

  const unpaid = useMemo(() => (dues ? dues.bills.filter((b) => b.status === 'unpaid').sort(byMonth) : []), [dues]);
  const chosen = unpaid.filter((bill) => selected.has(bill.id));
  const name = dues?.memberName ?? props.name;

  function touch() {
    key.current = newIdempotencyKey();
    setMessage(null);
  }

  function toggle(bill: Bill) {
    const next = new Set(selected);
    if (next.has(bill.id)) next.delete(bill.id);
    else next.add(bill.id);
    setSelected(next);
    setErrors((e) => ({ ...e, bills: undefined }));
    touch();
  }

  function ask() {
    if (busy) return;
    const found: typeof errors = {};
    if (chosen.length === 0) found.bills = '请选择这次缴纳的月份';
    else if (chosen.length > MAX_BILLS) found.bills = `一次最多登记 ${MAX_BILLS} 个月`;
    if (!receiptNo.trim()) found.receipt = '请填写收据号';
    if (payer === 'proxy' && !proxyName.trim()) found.proxy = '请填写代缴人姓名';
    setErrors(found);
    if (Object.keys(found).length) {
      setMessage('请按提示补充后再登记');
      return;
    }
    setMessage(null);
    setAsking(true);
  }

  async function record() {
    setAsking(false);
    if (busy) return;
    setBusy(true);
    try {
      const { payment } = await duesAdminApi.recordOffline(
        {
          memberId: props.memberId,
          billIds: chosen.map((bill) => bill.id),
          channel,
          receiptNo: receiptNo.trim(),
          payer: payer === 'proxy' ? { kind: 'proxy', name: proxyName.trim() } : { kind: 'self' },
        },
        key.current,
      );
      void Taro.showToast({ title: '已登记', icon: 'success' });
      props.onDone(payment);
    } catch (caught) {
      setMessage(errorMessage(caught));
      if (errorCode(caught) === 'DUES_RECEIPT_DUPLICATE') setErrors((e) => ({ ...e, receipt: errorMessage(caught) }));
      // Paid meanwhile (online, or by another registration): show what is unpaid now.
      if (errorCode(caught) === 'DUES_BILL_ALREADY_PAID') {
        key.current = newIdempotencyKey();
        await load();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <View className="card offline-who">
        <Text className="offline-who-name">{name || '党员'}</Text>
        <Text className="dues-link offline-who-change" onClick={props.onChange}>
          更换党员
        </Text>
      </View>
      {loadError ? (
        <ErrorBlock message={loadError.message} failure={loadError.failure} onRetry={() => void load()} />
      ) : !dues ? (
        <LoadingBlock />
      ) : unpaid.length === 0 ? (
        <Text className="muted dues-note">
          该党员没有未缴的党费账单。如需补交，请先在“党费收缴”生成对应月份的账单。
        </Text>
      ) : (
        <>
          <View className="offline-bills-title">
            <Text className="section-title offline-bills-count">缴纳月份（已选 {chosen.length} 个月）</Text>
            <Text
              className="dues-link offline-bills-all"
              onClick={() => {
                setSelected(new Set(chosen.length ? [] : unpaid.slice(0, MAX_BILLS).map((bill) => bill.id)));
                touch();
              }}
            >
              {chosen.length ? '全不选' : '全选'}
            </Text>
          </View>
          <View className="offline-bills">
            <BillChecklist bills={unpaid} selected={selected} onToggle={toggle} />
          </View>
          {errors.bills ? <Text className="form-error">{errors.bills}</Text> : null}
          <View className="card offline-total">
            <Text className="offline-total-label">合计</Text>
            <Text className="offline-total-value">{yuan(sumFen(chosen))}</Text>
          </View>

          <Text className="section-title">缴纳方式</Text>
          <View className="field offline-choices">
            <Choices
              options={CHANNELS}
              selected={[channel]}
              onTap={(value) => {
                setChannel(value);
                touch();
              }}
            />
          </View>
          <TextField
            label="收据号"
            value={receiptNo}
            maxLength={40}
            placeholder={channel === 'cash' ? '收据上的编号' : '转账凭证号'}
            error={errors.receipt}
            onInput={(value) => {
              setReceiptNo(value);
              setErrors((e) => ({ ...e, receipt: undefined }));
              touch();
            }}
          />

          <Text className="section-title">缴款人</Text>
          <View className="field offline-choices">
            <Choices
              options={PAYERS}
              selected={[payer]}
              onTap={(value) => {
                setPayer(value);
                setErrors((e) => ({ ...e, proxy: undefined }));
                touch();
              }}
            />
          </View>
          {payer === 'proxy' ? (
            <TextField
              label="代缴人"
              value={proxyName}
              maxLength={20}
              placeholder="代缴人姓名"
              error={errors.proxy}
              onInput={(value) => {
                setProxyName(value);
                setErrors((e) => ({ ...e, proxy: undefined }));
                touch();
              }}
            />
          ) : null}
          <Text className="muted dues-note">代缴须如实登记代缴人；组织不得垫交或代扣党费。</Text>

          {message ? <Text className="form-error">{message}</Text> : null}
          <View className="actions">
            <ActionButton busy={busy} onClick={ask}>
              登记缴费 {yuan(sumFen(chosen))}
            </ActionButton>
          </View>
        </>
      )}
      <ConfirmDialog
        question={
          asking
            ? {
                title: '确认登记',
                content: (
                  <View className="dues-confirm-lines">
                    <Text className="dues-confirm-line">党员：{name}</Text>
                    <Text className="dues-confirm-line">月份：{monthsText(chosen.map((bill) => bill.month))}</Text>
                    <Text className="dues-confirm-line">金额：{yuan(sumFen(chosen))}</Text>
                    <Text className="dues-confirm-line">
                      方式：{CHANNEL_NAMES[channel]}，收据号 {receiptNo.trim()}
                    </Text>
                    <Text className="dues-confirm-line">
                      缴款人：{payer === 'proxy' ? `代缴 ${proxyName.trim()}` : '本人'}
                    </Text>
                  </View>
                ),
                confirmText: '登记',
              }
            : null
        }
        onConfirm={() => void record()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}

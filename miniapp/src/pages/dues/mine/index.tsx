import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { BASE_DECLARERS, CASHIERS, DUES_VIEWERS, MEMBERS } from '../../../../../shared/dues/access';
import { prepayMonthList } from '../../../../../shared/dues/months';
import type { Bill, DuesBase, MemberDuesResponse } from '../../../../../shared/dues/schemas';
import { shanghaiMonth, shiftMonth } from '../../../../../shared/time';
import { duesApi } from '../../../api/dues';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { go, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole, useSession } from '../../../store/session';
import { BillChecklist, CountStepper } from '../components/bill-list';
import { CATEGORY_NAMES, monthsText, monthText, sumFen, yuan } from '../components/labels';
import { takePay } from '../components/pay-flow';
import { PaymentCard } from '../components/payment-card';
import { usePay } from './use-pay';
import './index.scss';

const byMonth = (a: Bill, b: Bill) => a.month.localeCompare(b.month);

/**
 * 我的党费 (or, with ?memberId=, one member's for the branch and the committee): the monthly amount and how it
 * is computed, a declaration waiting for approval, arrears warnings, the unpaid months to pay by 微信支付
 * (the member only), and every payment with its receipt. The 组织委员 registers cash and reverses from here.
 */
export default function DuesMinePage() {
  const params = useRouter().params;
  const me = useSession((state) => state.member);
  const memberId = queryValue(params.memberId) || me?.id || '';
  const self = memberId === me?.id;
  const dues = useRemote(() => duesApi.member(memberId), { immediate: false });
  const payment = usePay(() => dues.reload());
  const [notice, setNotice] = useState<string | null>(null);

  // Someone else's dues (the branch, the committee): not 我的党费.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page
  useEffect(() => {
    if (!self) void Taro.setNavigationBarTitle({ title: '党员党费' });
  }, []);

  useDidShow(() => {
    void dues.reload();
    // Back from the H5 stand-in cashier: confirm what was chosen there.
    const pending = takePay();
    if (pending?.outcome === 'confirmed') void payment.confirm(pending.orderId);
    else if (pending?.outcome === 'cancelled') void Taro.showToast({ title: '已取消支付', icon: 'none' });
  });

  // Opened with ?orderId= (the cashier had no page to go back to): confirm that order once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page
  useEffect(() => {
    const orderId = queryValue(params.orderId);
    if (orderId && self) void payment.confirm(orderId);
  }, []);

  const data = dues.data;
  const name = self ? '' : (data?.memberName ?? queryValue(params.name));
  return (
    <PageRoot className="dues-mine" roles={DUES_VIEWERS}>
      {name ? <Text className="section-title dues-mine-who">{name} 的党费</Text> : null}
      <StatusView {...remoteStatus(dues)}>
        {data ? (
          <>
            <Amount data={data} />
            {data.pendingBase ? <PendingBase base={data.pendingBase} /> : null}
            {/* DUES_NO_BASE is what the card above says already. */}
            {data.warnings
              .filter((warning) => warning.code !== 'DUES_NO_BASE')
              .map((warning) => (
                <Text key={warning.code} className="dues-warning prose">
                  {warning.message}
                </Text>
              ))}
            <BaseLinks data={data} self={self} memberId={memberId} />
            {self && hasAnyRole(me, MEMBERS) ? (
              <PayPanel key={data.payableBillIds.join()} data={data} payment={payment} />
            ) : (
              <Unpaid data={data} />
            )}
            <Text className="section-title">缴费记录</Text>
            {notice ? <Text className="form-error">{notice}（已刷新）</Text> : null}
            {data.payments.length === 0 ? <Text className="muted dues-note">还没有缴费记录</Text> : null}
            {data.payments.map((item) => (
              <PaymentCard
                key={item.id}
                payment={item}
                canReverse={!self && hasAnyRole(me, CASHIERS)}
                onReversed={(message) => {
                  setNotice(message ?? null);
                  void dues.reload();
                }}
              />
            ))}
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

/** 每月应交 and how: "5400.00 元 × 1.5% = 81.00 元", the rule version, the base it came from. */
function Amount({ data }: { data: MemberDuesResponse }) {
  const base = data.base;
  if (!base || data.monthlyFen === null) {
    return (
      <View className="card dues-amount-card">
        <Text className="dues-amount-title">尚未核定党费基数</Text>
        <Text className="muted dues-amount-how">申报基数并经支部审核后，按月计算应交党费。</Text>
      </View>
    );
  }
  const computation = data.computation ?? base.computation;
  return (
    <View className="card dues-amount-card">
      <View className="dues-amount-head">
        <Text className="dues-amount-label">每月应交</Text>
        <Text className="tag">{CATEGORY_NAMES[base.category]}</Text>
      </View>
      <Text className="dues-amount">{yuan(data.monthlyFen)}</Text>
      <Text className="dues-amount-how">{computation.text}</Text>
      <Text className="muted dues-amount-rule">依据 {computation.rule}</Text>
      {base.monthlyBase ? (
        <View className="dues-line">
          <Text className="dues-line-label">{base.category === 'retired' ? '基本养老金' : '月基数'}</Text>
          <Text className="dues-line-value">{base.monthlyBase} 元</Text>
        </View>
      ) : null}
      <View className="dues-line">
        <Text className="dues-line-label">核定</Text>
        <Text className="dues-line-value">
          {base.year}年度，自{monthText(base.fromMonth)}起
        </Text>
      </View>
    </View>
  );
}

function PendingBase({ base }: { base: DuesBase }) {
  return (
    <View className="card dues-pending">
      <View className="dues-amount-head">
        <Text className="dues-pending-title">基数申报待审核</Text>
        <Text className="tag tag--warn">{base.needsCommittee ? '待党委审批' : '待支部审核'}</Text>
      </View>
      <Text className="dues-pending-line">
        {CATEGORY_NAMES[base.category]}
        {base.monthlyBase ? ` · 基数 ${base.monthlyBase} 元` : ''} · 自{monthText(base.fromMonth)}起
      </Text>
      <Text className="dues-pending-line">{base.computation.text}</Text>
    </View>
  );
}

/** 申报基数 (mine, or for the member by the branch) and 登记线下缴费 (the 组织委员). */
function BaseLinks({ data, self, memberId }: { data: MemberDuesResponse; self: boolean; memberId: string }) {
  const me = useSession((state) => state.member);
  const declare =
    self ||
    hasAnyRole(
      me,
      BASE_DECLARERS.filter((role) => role !== 'member'),
    );
  const cash = !self && hasAnyRole(me, CASHIERS);
  if (!declare && !cash) return null;
  return (
    <View className="dues-links">
      {declare ? (
        <Text className="dues-link" onClick={() => go('duesDeclare', self ? {} : { memberId, name: data.memberName })}>
          {self ? (data.pendingBase ? '修改申报 ›' : '申报基数 ›') : '代为申报基数 ›'}
        </Text>
      ) : null}
      {cash ? (
        <Text className="dues-link" onClick={() => go('duesOffline', { memberId, name: data.memberName })}>
          登记线下缴费 ›
        </Text>
      ) : null}
    </View>
  );
}

/** Someone else's dues: the unpaid months, to read (only the member pays online). */
function Unpaid({ data }: { data: MemberDuesResponse }) {
  const unpaid = data.bills.filter((bill) => bill.status === 'unpaid').sort(byMonth);
  return (
    <>
      <Text className="section-title">未缴月份</Text>
      {unpaid.length === 0 ? (
        <Text className="muted dues-note">没有未缴的党费</Text>
      ) : (
        <View className="card dues-unpaid">
          <Text className="dues-unpaid-months">{monthsText(unpaid.map((bill) => bill.month))}</Text>
          <Text className="muted">
            共 {unpaid.length} 个月，{yuan(sumFen(unpaid))}
          </Text>
        </View>
      )}
    </>
  );
}

/** The member's own unpaid months as a checklist, months to prepay, the total and 微信支付. */
function PayPanel({ data, payment }: { data: MemberDuesResponse; payment: ReturnType<typeof usePay> }) {
  const thisMonth = shanghaiMonth(Date.now());
  const unpaid = useMemo(() => data.bills.filter((bill) => bill.status === 'unpaid').sort(byMonth), [data.bills]);
  // This month and before: ticked one by one. Later months (bills issued by an earlier prepayment that was not
  // completed) are what the prepay stepper covers: sent as a count, priced at their bill, never counted twice.
  const due = unpaid.filter((bill) => bill.month <= thisMonth);
  const later = new Map(unpaid.filter((bill) => bill.month > thisMonth).map((bill) => [bill.month, bill]));
  const payable = useMemo(() => new Set(data.payableBillIds), [data.payableBillIds]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(data.payableBillIds));
  const [prepay, setPrepay] = useState(0);
  const monthly = data.monthlyFen ?? 0;
  const chosen = due.filter((bill) => selected.has(bill.id) && payable.has(bill.id));
  const prepayMonths = prepayMonthList(thisMonth, prepay);
  const prepayFen = prepayMonths.reduce((sum, month) => sum + (later.get(month)?.amountFen ?? monthly), 0);
  const totalFen = sumFen(chosen) + prepayFen;
  // Prepaying always starts next month (the server's rule): it stops before a later month already paid.
  const paidLater = data.bills.filter((bill) => bill.status === 'paid' && bill.month > thisMonth).map((b) => b.month);
  let maxPrepay = 0;
  while (maxPrepay < data.prepayMonths && !paidLater.includes(shiftMonth(thisMonth, maxPrepay + 1))) maxPrepay += 1;
  const canPrepay = maxPrepay > 0 && monthly > 0;
  const prepaidTo = paidLater.sort().at(-1);
  const anyPayable = due.some((bill) => payable.has(bill.id));

  function toggle(bill: Bill) {
    const next = new Set(selected);
    if (next.has(bill.id)) next.delete(bill.id);
    else next.add(bill.id);
    setSelected(next);
  }

  const note = payment.note;
  return (
    <>
      <Text className="section-title">待缴党费</Text>
      {due.length === 0 && !data.base ? (
        <Text className="muted dues-note">基数核定后按月生成账单，届时可在此缴纳。</Text>
      ) : due.length === 0 ? (
        <View className="card dues-clear">
          <Text className="dues-clear-mark">✓</Text>
          <Text className="dues-clear-text">本月及以前的党费已缴清</Text>
        </View>
      ) : (
        <View className="dues-pay-list">
          <BillChecklist
            bills={due}
            selected={selected}
            canPick={(bill) => payable.has(bill.id)}
            lockedNote="超过 6 个月，请联系组织委员办理"
            onToggle={toggle}
          />
        </View>
      )}
      {canPrepay ? (
        <View className="card dues-prepay">
          <View className="dues-prepay-row">
            <Text className="dues-prepay-label">预缴以后月份</Text>
            <CountStepper value={prepay} max={maxPrepay} unit="个月" onChange={setPrepay} />
          </View>
          <Text className="muted dues-prepay-note">
            {prepay > 0
              ? `${monthsText(prepayMonths)}，每月 ${yuan(monthly)}`
              : `本支部允许预缴，最多 ${maxPrepay} 个月`}
          </Text>
        </View>
      ) : null}
      {prepaidTo && !canPrepay ? <Text className="muted dues-note">已预缴至{monthText(prepaidTo)}</Text> : null}
      {anyPayable || canPrepay ? (
        <>
          <View className="card dues-total">
            <Text className="dues-total-label">合计（{chosen.length + prepay} 个月）</Text>
            <Text className="dues-total-value">{yuan(totalFen)}</Text>
          </View>
          <View className="actions">
            <ActionButton
              busy={payment.busy || payment.confirming}
              disabled={totalFen <= 0}
              onClick={() =>
                void payment.pay(
                  chosen.map((bill) => bill.id),
                  prepay,
                )
              }
            >
              {payment.confirming
                ? '正在确认支付结果…'
                : totalFen > 0
                  ? `微信支付 ${yuan(totalFen)}`
                  : '请选择要缴纳的月份'}
            </ActionButton>
          </View>
        </>
      ) : null}
      {note ? (
        <View className={`card dues-pay-note dues-pay-note--${note.kind}`}>
          <Text className="dues-pay-note-text">{note.text}</Text>
          {note.kind === 'wait' ? (
            <Text className="dues-link dues-pay-refresh" onClick={() => void payment.recheck()}>
              刷新
            </Text>
          ) : null}
        </View>
      ) : null}
    </>
  );
}

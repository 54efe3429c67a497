/**
 * `npm run bench` → bench/results/dues.json: issue 10's benchmark, in one run on one DynamoDB Local. Bills for a
 * branch of 2,000 members (seconds, write capacity per bill); 500 orders paid, each notification delivered 3
 * times at concurrency 50 (exactly 500 payments, no bill paid twice, no 5xx); a branch's month totals read for
 * 10 vs 2,000 members (equal capacity).
 */
import { Agent, request } from 'node:http';
import { signToken } from '../functions/commons/tokens';
import { generateBills } from '../functions/dues/bills';
import { allBranchBills, billItem, getMonth, memberPayments, monthAdd } from '../functions/dues/store';
import { createMember, createOrg, type MemberRecord } from '../functions/org/service';
import { withIdChecksum } from '../shared/org/rules';
import { shanghaiMonth, shiftMonth } from '../shared/time';
import { approveBases, bindAll, fakePay, notificationFor, transactionalWcu } from './dues-setup';
import { runBench } from './stack';
import { call, claimsOf, enrol, meterDynamo, Statuses } from './study-setup';
import { pool, round } from './timing';

const SMALL = 10;
const LARGE = 2000;
const ORDERS = 500;
const DELIVERIES = 3;
const CONCURRENCY = 50;

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}

runBench('dues', async ({ api }) => {
  const began = performance.now();
  const metered = meterDynamo();
  const wechat = await fakePay(api.url);
  try {
    const committee = await createOrg({ name: '基准党委', kind: 'committee', parent: null });
    const small = await createOrg({ name: '小支部', kind: 'branch', parent: committee });
    const large = await createOrg({ name: '大支部', kind: 'branch', parent: committee });
    const [smallMembers, largeMembers] = await Promise.all([enrol(small, SMALL, 1), enrol(large, LARGE, 2)]);
    const month = shanghaiMonth(Date.now());
    await approveBases([...smallMembers, ...largeMembers], shiftMonth(month, -12), 540_000);

    // 1. Bills for 2,000 members: the very service the route and the monthly job run.
    let t = performance.now();
    const bills = await metered(() => generateBills(large, month, Date.now()));
    const billsSeconds = (performance.now() - t) / 1000;
    const issued = await allBranchBills(large.id, month);
    const created = issued.length;
    // Each transaction: up to 99 bills (table + gsi1) and the branch-month figures (table + gsi1).
    const transactions = bills.calls.filter((c) => c.command === 'TransactWriteItemsCommand').length;
    const figuresUpdate = monthAdd({ orgId: large.id, orgPath: large.path }, month, { dueFen: 1, members: 1 });
    const figuresWcu = transactionalWcu(
      (figuresUpdate.Update?.ExpressionAttributeValues ?? {}) as Record<string, unknown>,
      1,
    );
    const billsWcu =
      issued.reduce((sum, bill) => sum + transactionalWcu(billItem(bill), 1), 0) + transactions * figuresWcu;
    const again = await generateBills(large, month, Date.now());
    await generateBills(small, month, Date.now());

    // 2. Totals read through the API for 10 vs 2,000 members: one GetItem and one page of the unpaid list.
    const staff = await createMember(committee, {
      name: '党委干事',
      gender: 'female',
      phone: '13800000001',
      idNumber: withIdChecksum('11010119490101001'),
      category: 'full',
      joinedAt: '1990-07-01',
      extraRoles: ['committee'],
    });
    const staffToken = (await signToken(claimsOf(staff))).token;
    const totalsRead = async (orgId: string) => {
      let status = 0;
      const m = await metered(async () => {
        status = (await call('GET', `${api.url}/v1/orgs/${orgId}/dues?month=${month}&limit=10`, staffToken)).status;
      });
      if (status !== 200) throw new Error(`totals ${orgId}: ${status}`);
      return m;
    };
    await totalsRead(small.id); // warm the roster/secret caches
    const totals10 = await totalsRead(small.id);
    const totals2000 = await totalsRead(large.id);

    // 3. 500 members order through the API, then WeChat's notification for each arrives 3 times, 50 at once.
    const payers = await bindAll(largeMembers.slice(0, ORDERS));
    const tokens = new Map<string, string>();
    for (const member of payers) tokens.set(member.id, (await signToken(claimsOf(member))).token);
    const orders: { outTradeNo: string; totalFen: number; openid: string }[] = [];
    const orderStatuses = new Statuses();
    await pool(payers, CONCURRENCY, async (member: MemberRecord) => {
      const billId = `b-${month.replace('-', '')}-${member.id}`;
      const answer = await call('POST', `${api.url}/v1/dues/orders`, tokens.get(member.id)!, { billIds: [billId] });
      orderStatuses.add(answer.status);
      const order = answer.body.order as { outTradeNo: string; totalFen: number } | undefined;
      if (order) orders.push({ outTradeNo: order.outTradeNo, totalFen: order.totalFen, openid: member.openid! });
    });
    const deliveries = orders.flatMap((order) =>
      Array.from({ length: DELIVERIES }, () => notificationFor(wechat, order)),
    );
    deliveries.sort(() => Math.random() - 0.5);
    const callbacks = new Statuses();
    t = performance.now();
    await pool(deliveries, CONCURRENCY, async (n) => {
      callbacks.add(await post(`${api.url}/v1/dues/notify/wechatpay`, n.headers, n.body));
    });
    const callbackSeconds = (performance.now() - t) / 1000;
    const after = await allBranchBills(large.id, month);
    const paidBills = after.filter((bill) => bill.status === 'paid');
    // Every payment recorded, counted from the payments themselves (not from the bills' pointers).
    const recorded = (await Promise.all(payers.map((member) => memberPayments(member.id)))).flat();
    const perBill = new Map<string, number>();
    for (const payment of recorded) for (const id of payment.billIds) perBill.set(id, (perBill.get(id) ?? 0) + 1);
    const figures = await getMonth(large.id, month);

    return {
      bills_2000_s: round(billsSeconds),
      bills_2000_created: created,
      bills_2000_wcu_per_bill: round(billsWcu / Math.max(1, created)),
      bills_2000_transactions: transactions,
      bills_2000_wcu_reported_by_local: bills.wcu,
      bills_second_run_created: again.created,
      bills_second_run_existing: again.existing,
      totals_rcu_10: round(totals10.rcu),
      totals_rcu_2000: round(totals2000.rcu),
      totals_calls_10: totals10.calls.length,
      totals_calls_2000: totals2000.calls.length,
      totals_target_met: totals10.rcu === totals2000.rcu,
      orders_created: orders.length,
      orders_5xx: orderStatuses.fivexx,
      callback_deliveries: deliveries.length,
      callback_204: callbacks.of(204),
      callback_5xx: callbacks.fivexx,
      callback_s: round(callbackSeconds),
      callback_per_s: round(deliveries.length / callbackSeconds),
      callback_payments: recorded.length,
      double_paid: [...perBill.values()].filter((n) => n > 1).length,
      paid_bills: paidBills.length,
      figures_paid_members: figures?.paidMembers ?? 0,
      figures_paid_fen: figures?.paidFen ?? 0,
      figures_exact:
        figures?.paidMembers === paidBills.length &&
        figures?.paidFen === paidBills.reduce((sum, bill) => sum + bill.amountFen, 0) &&
        figures?.members === created,
      total_s: round((performance.now() - began) / 1000),
    };
  } finally {
    await wechat.close();
  }
});

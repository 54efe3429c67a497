/**
 * The 党费 entities and their keys — written down next to the access patterns they serve (DESIGN §4).
 *
 * Base       pk DUESBASE#<id>              sk BASE
 *            gsi1pk DUESBASES#<rootId>#pending gsi1sk <orgPath><declaredAt>#<id>   (only while pending: the
 *            基数审核 list of a branch, or of a committee's whole subtree, is one Query on the path prefix)
 *            gsi2pk MEMBER#<memberId>#DUESBASES gsi2sk <fromMonth>#<declaredAt>   (a member's declarations)
 * Profile    pk MEMBER#<memberId>#DUES     sk PROFILE    the member's APPROVED bases, as a timeline: one GetItem
 *            (or one BatchGet for a whole branch) tells the base of any month — bill generation reads no bases.
 * Bill       pk MEMBER#<memberId>#DUES     sk BILL#<month>   key (member, month): generating twice adds nothing
 *            gsi1pk DUESBILLS#<orgId>#<month>  gsi1sk <unpaid|paid>#<memberId>   (a branch's month: unpaid list,
 *            arrears, the reconciliation rows) — the branch is the member's branch of that month, for ever.
 * Month      pk DUESMONTH#<orgId>          sk <month>    the branch-month figures, moved in the same transaction
 *            gsi1pk DUESMONTH#<rootId>#<month> gsi1sk <orgPath>   as every bill, payment and reversal: totals are
 *                                                                    one GetItem; a committee is one Query.
 * Order      pk DUESORDER#<outTradeNo>     sk ORDER      a WeChat Pay order; bills point at their open order
 * Payment    pk DUESPAY#<id>               sk PAY        online: id wx-<outTradeNo> (one payment per order);
 *            gsi2pk MEMBER#<memberId>#DUESPAYS gsi2sk <paidAt>#<id>   (a member's history)
 * Reversal   pk DUESPAY#<paymentId>        sk REVERSAL   at most one per payment (attribute_not_exists)
 * Receipt    pk DUESRECEIPT#<rootId>#<no>  sk RECEIPT    a receipt number is used once per committee
 * Refund due pk DUESREFUND#<outTradeNo>    sk REFUND     money received for bills paid another way
 *            gsi1pk DUESREFUNDS#<orgId>     gsi1sk <month>#<at>   (a branch's month: who is owed a refund)
 * Settings   pk ORG#<orgId>                sk DUESSETTINGS
 */
export const baseKey = (id: string) => ({ pk: `DUESBASE#${id}`, sk: 'BASE' });
export const pendingBasesPk = (rootId: string) => `DUESBASES#${rootId}#pending`;
export const memberBasesPk = (memberId: string) => `MEMBER#${memberId}#DUESBASES`;
export const duesPk = (memberId: string) => `MEMBER#${memberId}#DUES`;
export const profileKey = (memberId: string) => ({ pk: duesPk(memberId), sk: 'PROFILE' });
export const billKey = (memberId: string, month: string) => ({ pk: duesPk(memberId), sk: `BILL#${month}` });
export const branchBillsPk = (orgId: string, month: string) => `DUESBILLS#${orgId}#${month}`;
export const monthKey = (orgId: string, month: string) => ({ pk: `DUESMONTH#${orgId}`, sk: month });
export const treeMonthPk = (rootId: string, month: string) => `DUESMONTH#${rootId}#${month}`;
export const orderKey = (outTradeNo: string) => ({ pk: `DUESORDER#${outTradeNo}`, sk: 'ORDER' });
export const paymentKey = (id: string) => ({ pk: `DUESPAY#${id}`, sk: 'PAY' });
export const memberPaymentsPk = (memberId: string) => `MEMBER#${memberId}#DUESPAYS`;
export const reversalKey = (paymentId: string) => ({ pk: `DUESPAY#${paymentId}`, sk: 'REVERSAL' });
export const receiptKey = (rootId: string, receiptNo: string) => ({
  pk: `DUESRECEIPT#${rootId}#${receiptNo}`,
  sk: 'RECEIPT',
});
export const refundKey = (outTradeNo: string) => ({ pk: `DUESREFUND#${outTradeNo}`, sk: 'REFUND' });
export const refundsPk = (orgId: string) => `DUESREFUNDS#${orgId}`;
export const settingsKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'DUESSETTINGS' });

/** The root of an org's tree, from its path `/<root>/…/<org>/`. */
export const rootOf = (orgPath: string) => orgPath.split('/')[1] ?? '';

/** A bill's id names its key: (member, month). Member ids are [A-Za-z0-9_-]; the month's dash is dropped. */
export function billId(memberId: string, month: string): string {
  return `b-${month.replace('-', '')}-${memberId}`;
}

export function parseBillId(id: string): { memberId: string; month: string } | null {
  const match = /^b-(\d{4})(\d{2})-([A-Za-z0-9_-]{1,64})$/.exec(id);
  return match ? { memberId: match[3]!, month: `${match[1]}-${match[2]}` } : null;
}

/** Keys of bill ids we issued (stored on orders and payments, so always well formed). */
export function billKeysOf(ids: readonly string[]): { memberId: string; month: string }[] {
  return ids.map((id) => {
    const key = parseBillId(id);
    if (!key) throw new Error(`not a bill id: ${id}`);
    return key;
  });
}

export const wechatPaymentId = (outTradeNo: string) => `wx-${outTradeNo}`;

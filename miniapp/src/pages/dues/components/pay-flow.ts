/**
 * The H5 hand-over between 我的党费 and 模拟支付 (both in this subpackage, so they share this module): the
 * order being paid, and what the tester chose in the stand-in cashier. On weapp requestPayment answers in place.
 */
export interface PendingPay {
  readonly orderId: string;
  /** null: the cashier was left without a choice (the browser's back). */
  outcome: 'confirmed' | 'cancelled' | null;
}

let pending: PendingPay | null = null;

export function startPay(orderId: string): void {
  pending = { orderId, outcome: null };
}

export function finishPay(orderId: string, outcome: 'confirmed' | 'cancelled'): void {
  if (pending?.orderId === orderId) pending.outcome = outcome;
  else pending = { orderId, outcome };
}

/** The pending payment, handed over once (the next show of 我的党费 takes it). */
export function takePay(): PendingPay | null {
  const taken = pending;
  pending = null;
  return taken;
}

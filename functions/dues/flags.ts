/**
 * Payments the committee must hear of (§6: a one-off voluntary payment of 1000 yuan or more goes to the centre in
 * full): a message to each of the tree's committee staff, written in the payment's own transaction.
 */
import { formatYuanCn } from '../../shared/dues/money';
import { messageItems } from '../messages/outbox';
import * as org from '../org/service';
import { rootOf } from './keys';
import type { PaymentRecord } from './records';
import type { TransactItem } from './store';

/** A transaction holds 100 items and a message takes 2: a handful of staff at most is told here. */
const MAX_STAFF = 10;

export async function flagMessages(payment: PaymentRecord): Promise<TransactItem[]> {
  if (!payment.flags.includes('voluntary_large')) return [];
  const staff = await org.activeMembersWithRole(rootOf(payment.orgPath), 'committee', MAX_STAFF);
  const at = payment.recordedAt;
  return staff.flatMap((member) =>
    messageItems(
      {
        id: `dues-voluntary-${payment.id}`,
        memberId: member.id,
        kind: 'dues_flag',
        title: '大额自愿多交党费',
        body: `${payment.memberName}自愿多交党费 ${formatYuanCn(payment.voluntaryFen)}，须全额上缴中央`,
        ref: { type: 'dues', id: payment.memberId },
      },
      at,
    ),
  );
}

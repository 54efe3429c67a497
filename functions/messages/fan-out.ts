/**
 * One message to many members, each at most once: the messages go out in transactions of as many members as
 * fit (each message is MESSAGE_ITEMS items), optionally led by the fact's own item (a notice's reminder count).
 * A member whose message exists already (its id is stable per fact) drops out of the next round; a conflict
 * on an inbox counter goes round again. Every domain's reminders use this (notices, meetings, later dues).
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, dynamo } from '../commons/dynamo';
import type { TransactItem } from '../org/service';
import { MESSAGE_ITEM_INDEX, MESSAGE_ITEMS, messageItems, type NewMessage } from './outbox';

const MAX_CONFLICT_RETRIES = 8;
const pause = (attempt: number) => new Promise((ok) => setTimeout(ok, 5 + Math.random() * 20 * (attempt + 1)));

export interface FanOut {
  readonly memberIds: readonly string[];
  /** The message for one member; its id must be stable for the fact, so a second send adds nothing. */
  readonly message: (memberId: string) => NewMessage;
  readonly nowIso: string;
  /** The fact's own item in each transaction, given how many members that transaction messages. */
  readonly lead?: (members: number) => TransactItem;
}

/** → sent (messages added now) and skipped (members who had it already). */
export async function sendOnce(fanOut: FanOut): Promise<{ sent: number; skipped: number }> {
  const leadItems = fanOut.lead ? 1 : 0;
  const perTransaction = Math.floor((100 - leadItems) / MESSAGE_ITEMS);
  let sent = 0;
  let skipped = 0;
  for (let i = 0; i < fanOut.memberIds.length; i += perTransaction) {
    let pending = fanOut.memberIds.slice(i, i + perTransaction);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const items = [
        ...(fanOut.lead ? [fanOut.lead(pending.length)] : []),
        ...pending.flatMap((memberId) => messageItems(fanOut.message(memberId), fanOut.nowIso)),
      ];
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
        sent += pending.length;
        break;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons || attempt >= MAX_CONFLICT_RETRIES) throw error;
        const had = (j: number) =>
          reasons[leadItems + j * MESSAGE_ITEMS + MESSAGE_ITEM_INDEX] === 'ConditionalCheckFailed';
        const left = pending.filter((_, j) => !had(j));
        skipped += pending.length - left.length;
        if (left.length === pending.length) await pause(attempt);
        pending = left;
      }
    }
  }
  return { sent, skipped };
}

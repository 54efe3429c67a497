/**
 * The outbox, as other domains use it: a personal message is added IN THE SAME TRANSACTION as the fact that
 * causes it (a notice published, a reminder sent, later a meeting or a bill), so there is never a fact without
 * its message nor a message without its fact. The caller puts these items into its own TransactWriteItems; the
 * sender job (./sender.ts) then delivers each message once through WeChat's subscribe-message API.
 */
import type { MessageKind, MessageRef } from '../../shared/messages/schemas';
import type { TransactItem } from '../org/service';
import { type MessageRecord, newMessageItems } from './store';

export interface NewMessage {
  /** Stable per (member, fact): the same fact adding its message again adds nothing (attribute_not_exists). */
  readonly id: string;
  readonly memberId: string;
  readonly kind: MessageKind;
  readonly title: string;
  readonly body: string;
  readonly ref: MessageRef | null;
}

/** Transaction items each message takes: the message, and its member's unread counter. */
export const MESSAGE_ITEMS = 2;
/** Which of a message's items holds the message itself (its condition fails when the message exists). */
export const MESSAGE_ITEM_INDEX = 0;

/**
 * The TransactWriteItems entries that add `message` to its member's inbox, due for delivery at once. Keep a
 * transaction to one message per member: two would both move the member's counter, which DynamoDB refuses.
 */
export function messageItems(message: NewMessage, nowIso: string): TransactItem[] {
  const record: MessageRecord = {
    ...message,
    createdAt: nowIso,
    delivery: 'pending',
    attempts: 0,
    dueAt: nowIso,
  };
  return newMessageItems(record);
}

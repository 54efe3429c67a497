/** 我的消息: a member's inbox as the app shows it, and marking a message read. */
import { DomainError } from '../../shared/errors';
import type { Message } from '../../shared/messages/schemas';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import type { MessageRecord } from './store';
import * as store from './store';

export function toMessage(record: MessageRecord): Message {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    body: record.body,
    ref: record.ref,
    createdAt: record.createdAt,
    read: record.readAt !== undefined,
    readAt: record.readAt ?? null,
  };
}

export const DEFAULT_PAGE = 20;

export async function myMessages(memberId: string, query: { limit?: number; cursor?: string }) {
  const list = `messages.mine|member=${memberId}`;
  const [page, unread] = await Promise.all([
    decodeCursor(query.cursor, list).then((key) => store.listMessages(memberId, query.limit ?? DEFAULT_PAGE, key)),
    store.unreadCount(memberId),
  ]);
  return { items: page.items.map(toMessage), unread, nextCursor: await encodeCursor(page.lastKey, list) };
}

/** Marks one of the caller's messages read; a repeat answers the same. Another member's message is not found. */
export async function readMessage(memberId: string, id: string, nowMs: number) {
  await store.markRead(memberId, id, new Date(nowMs).toISOString());
  const [message, unread] = await Promise.all([store.getMessage(memberId, id), store.unreadCount(memberId)]);
  if (!message) throw new DomainError('MESSAGE_NOT_FOUND');
  return { message: toMessage(message), unread };
}

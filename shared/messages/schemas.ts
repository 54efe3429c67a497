import * as z from 'zod';
import { ID_PATTERN } from '../http/route';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');

/** Why a message was sent; each domain adds its own kinds (meetings, dues, transfers later). */
export const MessageKind = z.enum([
  'notice',
  'notice_reminder',
  'meeting_reminder',
  'meeting_compliance',
  'leave_decision',
  'dues_base_decision',
  'dues_arrears',
  'dues_flag',
  /** 组织关系转接: a step waiting for you; a decision on your transfer; a step overdue; a letter without 回执. */
  'transfer_step',
  'transfer_decision',
  'transfer_overdue',
  'transfer_letter',
]);
export type MessageKind = z.infer<typeof MessageKind>;

/** What a message is about, for the mini-program to open: a notice today, more types later. */
export const MessageRef = z.object({ type: z.enum(['notice', 'activity', 'dues', 'transfer']), id: z.string() });
export type MessageRef = z.infer<typeof MessageRef>;

export const Message = z.object({
  id: z.string(),
  kind: MessageKind,
  /** One line: 新通知 / 阅读提醒 … */
  title: z.string(),
  /** The subject: the notice's title, and where it is from. */
  body: z.string(),
  ref: MessageRef.nullable(),
  createdAt: z.string(),
  read: z.boolean(),
  readAt: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

export const MyMessagesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).optional(),
  cursor: z.string().max(512).optional(),
});

export const MyMessagesResponse = z.object({
  items: z.array(Message),
  /** The caller's unread messages (all of them, not only this page): a maintained counter. */
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type MyMessagesResponse = z.infer<typeof MyMessagesResponse>;

export const MessageIdParams = z.strictObject({ id: Id });

export const MessageReadResponse = z.object({ message: Message, unread: z.number().int() });
export type MessageReadResponse = z.infer<typeof MessageReadResponse>;

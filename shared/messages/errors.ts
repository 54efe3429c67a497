import { defineErrors } from '../http/errors';

export const messagesErrors = defineErrors({
  /** Unknown, or another member's: a message is only ever found in its own member's inbox. */
  MESSAGE_NOT_FOUND: { status: 404, message: '消息不存在或已删除' },
});

import { defineRoute } from '../http/route';
import { MessageIdParams, MessageReadResponse, MyMessagesQuery, MyMessagesResponse } from './schemas';

export const myMessages = defineRoute({
  id: 'messages.list',
  domain: 'messages',
  method: 'get',
  path: '/v1/me/messages',
  summary: '我的消息：最新在前，含未读条数',
  // Always the caller's own inbox: no branch scope applies.
  access: ['member'],
  scoped: false,
  query: MyMessagesQuery,
  response: MyMessagesResponse,
  status: 200,
});

export const readMessage = defineRoute({
  id: 'messages.read',
  domain: 'messages',
  method: 'post',
  path: '/v1/me/messages/{id}/read',
  summary: '把一条消息标为已读（重复标记返回同一结果）',
  access: ['member'],
  scoped: false,
  params: MessageIdParams,
  response: MessageReadResponse,
  status: 200,
});

export const messagesRoutes = [myMessages, readMessage] as const;

import { myMessages, readMessage } from '../../../shared/messages/routes';
import { createNotice, getNotice, listNotices, noticeReads, remindNotice } from '../../../shared/notices/routes';
import type { CreateNoticeRequest, NoticeKind } from '../../../shared/notices/schemas';
import { newIdempotencyKey, request } from './client';

export const noticesApi = {
  list: (query: { kind?: NoticeKind; cursor?: string; limit?: number }) => request(listNotices, { query }),
  /** Opening a notice records my read receipt (once, however often I open it). */
  get: (id: string) => request(getNotice, { params: { id } }),
  publish: (body: CreateNoticeRequest, idempotencyKey: string) => request(createNotice, { body, idempotencyKey }),
  reads: (id: string) => request(noticeReads, { params: { id } }),
  remind: (id: string) => request(remindNotice, { params: { id }, idempotencyKey: newIdempotencyKey() }),
};

export const messagesApi = {
  list: (query: { cursor?: string; limit?: number }) => request(myMessages, { query }),
  read: (id: string) => request(readMessage, { params: { id } }),
};

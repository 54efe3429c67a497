/** Publishing notices and reading the outbox as the notices and messages tests need them. */
import type { Notice } from '../../shared/notices/schemas';
import type { apiClient } from './stack';

type Api = ReturnType<typeof apiClient>;

export const noticeBody = (title = '关于开展主题党日活动的通知') => ({
  kind: 'notice' as const,
  title,
  body: '各位党员：\n\n支部定于本周五下午召开主题党日活动，请准时参加。',
});

export async function publish(api: Api, token: string, body: Record<string, unknown> = noticeBody()): Promise<Notice> {
  const answer = await api.call<{ notice: Notice }>('POST', '/v1/notices', { token, body });
  if (answer.status !== 201) throw new Error(`publish: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.notice;
}

/** The message id a subscribe message's page carries (`…?id=<notice>&message=<message id>`). */
export function messageIdOf(page: string | undefined): string | null {
  return new URLSearchParams((page ?? '').split('?')[1] ?? '').get('message');
}

/** A notice of `orgId` only, published by committee staff (the authorisation matrix's fixture). */
export async function matrixNotice(api: Api, committeeToken: string, orgId: string): Promise<string> {
  return (await publish(api, committeeToken, { ...noticeBody('矩阵测试通知'), orgIds: [orgId] })).id;
}

/** Activities for the check-in tests, made through the API as a secretary would. */
import type { apiClient } from './stack';

export const minutes = (n: number) => n * 60_000;

/**
 * Creates an activity of `runner`'s branch running from `startOffset` to `endOffset` (ms from now; by default
 * started 5 minutes ago, 2 hours long) and returns its id.
 */
export async function createActivity(
  api: ReturnType<typeof apiClient>,
  runner: { token: string; orgId: string },
  title: string,
  extra: Record<string, unknown> = {},
  startOffset = -minutes(5),
  endOffset = minutes(120),
): Promise<string> {
  const now = Date.now();
  const answer = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
    token: runner.token,
    body: {
      orgId: runner.orgId,
      title,
      startAt: new Date(now + startOffset).toISOString(),
      endAt: new Date(now + endOffset).toISOString(),
      ...extra,
    },
  });
  expect(answer.status).toBe(201);
  return answer.body.activity.id;
}

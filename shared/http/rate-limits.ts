/**
 * Per-subject rate limits (issue #6), as data in one place. API Gateway's stage throttling is the outer
 * fence (infra/api.ts); these are the per-person and per-activity rules it cannot express. Fixed windows:
 * at most `limit` hits per `windowSeconds`; beyond that 429 TOO_MANY_REQUESTS with Retry-After.
 */
export interface RateRule {
  /** Stable name: part of the counter's key. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export const RATE_LIMITS = {
  /** A hospital's phones may share one NAT address: generous per IP, tight per WeChat user. */
  loginPerIp: { name: 'login-ip', limit: 600, windowSeconds: 60 },
  loginPerOpenid: { name: 'login-openid', limit: 200, windowSeconds: 60 },
  bindPerOpenid: { name: 'bind-openid', limit: 10, windowSeconds: 60 },
  /**
   * Wrong binding codes: after 5 in 15 minutes this WeChat user is locked out of binding for the rest of the
   * window (every answer 429), and an address after 30. 32^8 codes make guessing hopeless at this pace.
   */
  bindFailuresPerOpenid: { name: 'bind-fail-openid', limit: 5, windowSeconds: 900 },
  bindFailuresPerIp: { name: 'bind-fail-ip', limit: 30, windowSeconds: 900 },
  refreshPerIp: { name: 'refresh-ip', limit: 600, windowSeconds: 60 },
  refreshPerSession: { name: 'refresh-session', limit: 20, windowSeconds: 60 },
  /**
   * Reads by one member. Counted in each container's memory, not in DynamoDB: a read should not cost a write,
   * and a fence per container still stops one phone (or one stolen token) from hammering the API.
   */
  readsPerMember: { name: 'read-member', limit: 300, windowSeconds: 60 },
  /** Every side-effecting request a member makes (check-ins are counted by the two rules below instead). */
  writesPerMember: { name: 'write-member', limit: 60, windowSeconds: 60 },
  /**
   * Check-in taps that create nothing (repeats, expired or forged codes) by one member on one activity. A
   * first check-in is never counted: it is one per (activity, member) by key, and only roster members pass.
   */
  checkinRetriesPerMember: { name: 'checkin-retry-member', limit: 20, windowSeconds: 60 },
  /**
   * Refused check-ins (bad, expired or foreign codes) on one activity, scaled by the branch's size so a
   * whole branch checking in within a minute, retries and all, always passes.
   */
  checkinRefusalsPerActivity: { name: 'checkin-refused-activity', limit: 300, windowSeconds: 60 },
  /**
   * Wrong typed 6-digit codes by one member on one activity. 10^6 codes, each living 30–60 s: after 5 wrong in
   * 10 minutes every code from this member on this activity is 429 until the window ends (right ones too, so
   * a guesser cannot keep going behind the 429s).
   */
  checkinCodeFailuresPerMember: { name: 'checkin-code-fail-member', limit: 5, windowSeconds: 600 },
  /**
   * Photo upload grants by one secretary or organizer: each is a presigned URL and a stored grant. A meeting
   * takes at most 9 photos; 60 an hour covers a backlog of records with retries, not a script filling the bucket.
   */
  uploadsPerMember: { name: 'upload-member', limit: 60, windowSeconds: 3600 },
  /**
   * Excel exports by one person: each reads a whole month (up to 100 meetings and their attendees) and builds
   * a workbook. A secretary downloads a few a day; 20 in 10 minutes is already far more than that.
   */
  exportsPerMember: { name: 'export-member', limit: 20, windowSeconds: 600 },
  /**
   * Payment notifications that fail verification, per source address (in memory): WeChat's own deliveries
   * never fail it, so a sender that keeps failing is probing signatures and is refused for the minute.
   */
  notifyFailuresPerIp: { name: 'notify-fail-ip', limit: 30, windowSeconds: 60 },
  /** WeChat Pay orders by one member: each calls WeChat (and closes the stale one); a person needs a few. */
  ordersPerMember: { name: 'order-member', limit: 30, windowSeconds: 600 },
} as const satisfies Record<string, RateRule>;

/** Refused check-ins allowed per activity per window: at least the rule's limit, 3 per member of the branch. */
export function activityRefusalLimit(memberCount: number): number {
  return Math.max(RATE_LIMITS.checkinRefusalsPerActivity.limit, 3 * memberCount);
}

/** The window a hit at `nowMs` falls in, and the seconds until it ends (the Retry-After). */
export function fixedWindow(rule: RateRule, nowMs: number): { start: number; retryAfterSeconds: number } {
  const size = rule.windowSeconds * 1000;
  const start = Math.floor(nowMs / size) * size;
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + size - nowMs) / 1000)) };
}

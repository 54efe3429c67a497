/**
 * Delivery of a message through WeChat's subscribe-message API, as pure rules: when to try again, what an
 * answer means, and what the template receives. A message is sent at most once: only an answer that says
 * WeChat did NOT take it (an errcode, or no connection at all) is retried; an attempt whose outcome is
 * unknown (a timeout after the request left, a sender that died mid-send) is never repeated.
 */
import { formatShanghai } from '../time';
import type { MessageRef } from './schemas';

export const DELIVERY = {
  /** Tries per message, the first included; then it is given up (the message stays in 我的消息). */
  maxAttempts: 8,
  /** The first retry waits this long, each next one twice as long… */
  baseDelaySeconds: 30,
  /** …up to this. 30 s · 2^0…2^6: about an hour from the first try to the last. */
  maxDelaySeconds: 3600,
  /** Extra wait, as a fraction of the delay, drawn at random so retries of many messages spread out. */
  jitter: 0.2,
  /** A claimed message belongs to its sender this long; past it, the attempt's outcome counts as unknown. */
  leaseSeconds: 60,
} as const;

/**
 * Seconds to wait after failed attempt number `attempt` (1 = the first try): base · 2^(attempt−1), capped,
 * plus up to `jitter` of it. `random` is in [0, 1).
 */
export function retryDelaySeconds(attempt: number, random: number): number {
  const exponent = Math.max(0, Math.min(30, Math.floor(attempt) - 1));
  const delay = Math.min(DELIVERY.maxDelaySeconds, DELIVERY.baseDelaySeconds * 2 ** exponent);
  const spread = Math.min(Math.max(random, 0), 0.999_999) * DELIVERY.jitter;
  return Math.round(delay * (1 + spread));
}

/** After `attempts` failed tries: try again (when), or give up. */
export function afterFailure(
  attempts: number,
  nowMs: number,
  random: number,
): { retry: true; atMs: number } | { retry: false } {
  if (attempts >= DELIVERY.maxAttempts) return { retry: false };
  return { retry: true, atMs: nowMs + retryDelaySeconds(attempts, random) * 1000 };
}

/**
 * What WeChat's errcode means for this message:
 * - sent: delivered (0);
 * - token: the access_token is invalid or expired (40001, 40014, 42001): fetch a new one, then retry;
 * - retry: WeChat did not take it for now (-1 busy, 45009/45011 quota, anything unknown): try again later;
 * - permanent: it never will (43101 the member has not subscribed or refused, 40003 bad openid,
 *   40037 bad template, 41030 bad page, 47003 bad data): give up.
 */
export type SendVerdict = 'sent' | 'token' | 'retry' | 'permanent';

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
const PERMANENT_ERRORS = new Set([43101, 40003, 40037, 41030, 47003, 43107, 43108]);

export function verdictOf(errcode: number | undefined): SendVerdict {
  if (!errcode) return 'sent';
  if (TOKEN_ERRORS.has(errcode)) return 'token';
  if (PERMANENT_ERRORS.has(errcode)) return 'permanent';
  return 'retry';
}

/** Where a message's delivery stands. `unknown`: sent or not, nobody can tell; it is not tried again. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unknown';

/** WeChat's `thing` values: at most 20 characters. */
export const THING_MAX = 20;

export function thing(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/**
 * The subscribe template's data. The template (WECHAT_SUBSCRIBE_TEMPLATE_ID, chosen in the WeChat console)
 * has three keywords: thing1 标题, thing2 内容, time3 时间.
 */
export function templateData(message: { title: string; body: string; createdAt: string }) {
  return {
    thing1: { value: thing(message.title) },
    thing2: { value: thing(message.body) },
    time3: { value: formatShanghai(message.createdAt, 'YYYY年M月D日 HH:mm') },
  };
}

/** Mini-program pages a delivered message opens (the mini-program declares them; WeChat checks they exist). */
export const MESSAGE_PAGES = {
  notice: 'pages/notices/detail/index',
  /** A meeting (周二夜学 reminder): its detail, where the member checks in or asks for leave. */
  activity: 'pages/meetings/detail/index',
  /** 党费 (base decided, arrears): the member's own dues page. */
  dues: 'pages/dues/mine/index',
  /** 组织关系转接: where the transfer stands, with its timeline and (for its approver) the decision. */
  transfer: 'pages/transfers/detail/index',
  inbox: 'pages/notices/messages/index',
} as const;

/** The page a tap on the WeChat notification opens: what the message is about, with the message's id. */
export function pageOf(message: { id: string; ref: MessageRef | null }): string {
  const query = new URLSearchParams({ ...(message.ref ? { id: message.ref.id } : {}), message: message.id });
  return `${message.ref ? MESSAGE_PAGES[message.ref.type] : MESSAGE_PAGES.inbox}?${query}`;
}

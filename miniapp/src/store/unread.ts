/**
 * How many of my messages are unread: the badge on the 我的 tab and the count beside 我的消息. Refreshed when a
 * tab page shows (at most every 15 s — switching tabs must not hammer the API) and set directly by the pages
 * that mark messages read.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { create } from 'zustand';
import { messagesApi } from '../api/notices';
import { TABS } from '../routes';

const ME_TAB = TABS.findIndex((tab) => tab.page === 'me');
const REFRESH_EVERY_MS = 15_000;

interface UnreadState {
  count: number;
  fetchedAt: number;
  show(count: number): void;
  refresh(force?: boolean): Promise<void>;
}

/** The tab bar exists only while a tab page is in the stack; a page without it simply has no badge to set. */
function drawBadge(count: number): void {
  const quiet = () => undefined;
  if (count > 0) Taro.setTabBarBadge({ index: ME_TAB, text: count > 99 ? '99+' : String(count) }).catch(quiet);
  else Taro.removeTabBarBadge({ index: ME_TAB }).catch(quiet);
}

export const useUnread = create<UnreadState>((set, get) => ({
  count: 0,
  fetchedAt: 0,
  show(count) {
    set({ count, fetchedAt: Date.now() });
    drawBadge(count);
  },
  async refresh(force = false) {
    if (!force && Date.now() - get().fetchedAt < REFRESH_EVERY_MS) return drawBadge(get().count);
    set({ fetchedAt: Date.now() });
    try {
      const { unread } = await messagesApi.list({ limit: 1 });
      get().show(unread);
    } catch {
      // A badge is a hint: a failed count leaves the last one, and the next tab show tries again.
      set({ fetchedAt: 0 });
    }
  },
}));

/** On every tab page: the 我的 badge follows the member from tab to tab. */
export function useUnreadBadge(): number {
  useDidShow(() => void useUnread.getState().refresh());
  return useUnread((state) => state.count);
}

/** Marks a message read (once per id and screen) and shows the new count. */
export function markMessageRead(messageId: string): Promise<void> {
  return messagesApi
    .read(messageId)
    .then((answer) => useUnread.getState().show(answer.unread))
    .catch(() => undefined);
}

/** A page opened from a WeChat notification carries ?message=<id>: opening it is reading that message. */
export function useOpenedFromMessage(messageId: string | undefined): void {
  useEffect(() => {
    if (messageId) void markMessageRead(messageId);
  }, [messageId]);
}

/** Navigation by page NAME (routes.ts is the only place that knows paths). */
import Taro from '@tarojs/taro';
import { isTabPage, PAGES, type PageName } from '../routes';

type Query = Record<string, string | number | boolean | undefined>;

export function pageUrl(page: PageName, query?: Query): string {
  const parts = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return `/${PAGES[page]}${parts.length ? `?${parts.join('&')}` : ''}`;
}

/** Opens a page: tab pages are switched to, others pushed on the stack. */
export function go(page: PageName, query?: Query): void {
  if (isTabPage(page)) void Taro.switchTab({ url: pageUrl(page) });
  else void Taro.navigateTo({ url: pageUrl(page, query) });
}

/** Replaces the current page (e.g. a form by its result). */
export function replace(page: PageName, query?: Query): void {
  if (isTabPage(page)) void Taro.switchTab({ url: pageUrl(page) });
  else void Taro.redirectTo({ url: pageUrl(page, query) });
}

/** Clears the stack (login, logout). */
export function restart(page: PageName, query?: Query): void {
  void Taro.reLaunch({ url: pageUrl(page, query) });
}

export function back(fallback: PageName = 'home'): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else restart(fallback);
}

/** A page query value: decoded once whether or not the platform already decoded it. */
export function queryValue(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

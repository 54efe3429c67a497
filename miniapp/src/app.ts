import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { setUnauthorizedHandler } from './api/client';
import { restart } from './lib/nav';
import { PAGES } from './routes';
import { useSession } from './store/session';
import '@nutui/icons-react-taro/dist/style_icon.css';
import './app.scss';

/** 401 anywhere: forget the session, go back to the login page and say why (once, however many calls fail). */
let leaving = false;

function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1] as { route?: string; path?: string } | undefined;
  return page?.route ?? page?.path ?? '';
}

/**
 * A reLaunch issued while the first page is still mounting can be dropped (H5): check, and try again until
 * the login page is showing. A slow phone can take a few seconds to mount, so the bound is time, not a count.
 */
const RETRY_MS = 400;
const GIVE_UP_AFTER_MS = 10_000;

function backToLogin(message: string, startedAt = Date.now()): void {
  restart('login');
  setTimeout(() => {
    if (!currentRoute().includes(PAGES.login) && Date.now() - startedAt < GIVE_UP_AFTER_MS) {
      backToLogin(message, startedAt);
      return;
    }
    void Taro.showToast({ title: message || '登录已过期，请重新登录', icon: 'none', duration: 2500 });
    leaving = false;
  }, RETRY_MS);
}

setUnauthorizedHandler((message) => {
  if (leaving) return;
  leaving = true;
  useSession.getState().signOut();
  backToLogin(message);
});

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;

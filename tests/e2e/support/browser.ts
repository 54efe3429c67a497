/** Headless Chromium (Debian `chromium` + playwright-core) with a phone-sized page (DESIGN §7). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/e2e');

/** `extraArgs` are added to the defaults (e.g. a fake camera for one test file). */
export async function launchBrowser(options: { extraArgs?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
}

/** The smallest phone we lay out for (iPhone SE 1st gen and many Android phones in portrait). */
export const NARROW = { width: 320, height: 640 };

/** A fresh phone: its own storage, so each context starts signed out. 390 px wide unless told otherwise. */
export async function newPhone(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 390, height: 844 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(recordToasts);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

declare global {
  interface Window {
    shownToasts?: string[];
  }
}

/**
 * Runs in the page: every time Taro's toast is shown, its words are kept. A toast lasts 1.5 s and the page may
 * navigate under it, so a busy machine can show and hide it between two polls of a visibility wait.
 */
function recordToasts(): void {
  window.shownToasts = [];
  const shown = (node: Node, before: string | null): void => {
    if (!(node instanceof HTMLElement) || !node.classList.contains('taro__toast')) return;
    const wasHidden = before === null || /display:\s*none/.test(before);
    if (wasHidden && node.style.display !== 'none') window.shownToasts?.push(node.textContent?.trim() ?? '');
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') for (const node of record.addedNodes) shown(node, null);
      else shown(record.target, record.oldValue);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['style'],
    attributeOldValue: true,
  });
}

/** A toast with these words was shown (once per call: the record is taken), then it went away. */
export async function toast(page: Page, text: string): Promise<void> {
  await page.waitForFunction((words) => {
    const at = window.shownToasts?.indexOf(words) ?? -1;
    if (at >= 0) window.shownToasts?.splice(at, 1);
    return at >= 0;
  }, text);
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((node) => node.style.display === 'none'),
    undefined,
    { timeout: 10_000 },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.waitForTimeout(500); // let the page transition finish
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * The usual e2e file set-up in one call: the world (local stack + H5 server) and one Chromium, started before
 * the file's tests and stopped after them, and `withPhone` for a test that needs a fresh phone.
 */
import type { Browser, Page } from 'playwright-core';
import { ensureH5Build, startWorld, type World } from './app';
import { launchBrowser, newPhone } from './browser';

export interface Stage {
  world: World;
  browser: Browser;
  /** Runs `run` on a fresh phone (390 px unless told otherwise) and closes it afterwards. */
  withPhone(run: (page: Page) => Promise<void>, viewport?: { width: number; height: number }): Promise<void>;
}

export function setUpStage(): Stage {
  const stage = {
    async withPhone(run: (page: Page) => Promise<void>, viewport?: { width: number; height: number }) {
      const { context, page } = await newPhone(stage.browser, viewport);
      try {
        await run(page);
      } finally {
        await context.close();
      }
    },
  } as Stage;
  beforeAll(async () => {
    ensureH5Build();
    stage.world = await startWorld();
    stage.browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await stage.browser?.close();
    await stage.world?.stop();
  });
  return stage;
}

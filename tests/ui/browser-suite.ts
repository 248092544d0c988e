// The life of a UI test file: one Chromium for the file, a fresh app for each test, closed
// after it. Kept apart from harness.ts, which the screenshot script runs outside vitest.

import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, openApp, type AppOptions, type RunningApp } from './harness';

export function browserSuite() {
  let browser: Browser | undefined;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  afterEach(async () => {
    const open = app;
    app = undefined;
    await open?.close();
  });
  return {
    async open(options?: AppOptions): Promise<RunningApp> {
      if (!browser) throw new Error('the browser has not started');
      app = await openApp(browser, options);
      return app;
    },
    /** The app the current test opened. */
    get app(): RunningApp {
      if (!app) throw new Error('this test has not opened the app');
      return app;
    },
  };
}

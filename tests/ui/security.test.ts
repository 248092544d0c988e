// The window's defences, in Chromium: the Content Security Policy the renderer ships with, and
// the navigation guard of the Electron shell (main/electron/navigation-guard.ts) driven by
// Chromium's own navigations and window.open calls in place of Electron's WebContents events.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardNavigation, type GuardedContents } from '../../main/electron/navigation-guard';
import { browserSuite } from './browser-suite';

const ui = browserSuite();

/** Collects the page's CSP violations from the first script on. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  await page.getByRole('listbox').waitFor();
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Chromium standing in for Electron's WebContents: each navigation asks the guard first. */
async function guardPage(page: Page) {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const asked: string[] = [];
  const external: string[] = [];
  const contents = {
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
      listeners.set(event, listener),
  } as unknown as GuardedContents;
  guardNavigation(contents, (url) => external.push(url));
  await page.context().route('**/*', async (route, request) => {
    if (!request.isNavigationRequest()) return route.continue();
    let frame;
    try {
      frame = request.frame();
    } catch {
      frame = undefined; // a window that does not exist yet
    }
    if (!frame || frame.page() !== page) {
      asked.push(`window ${request.url()}`);
      const decision = openHandler!({ url: request.url() });
      if (decision.action === 'deny') return route.abort('aborted');
      return route.continue();
    }
    const event = frame === page.mainFrame() ? 'will-navigate' : 'will-frame-navigate';
    asked.push(`${event} ${request.url()}`);
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) });
    // An aborted navigation leaves the page as it is, as a prevented will-navigate does.
    return prevented ? route.abort('aborted') : route.continue();
  });
  return { asked, external };
}

describe('the window’s defences', () => {
  it('renders under its Content Security Policy without a single violation', async () => {
    const { page } = await ui.open();
    await watchViolations(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('blocks an inline script and every remote resource', async () => {
    const { page } = await ui.open();
    await watchViolations(page);
    const outcome = await page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true';
      document.body.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://example.com/x.js';
      document.body.append(remote);
      const image = new Image();
      image.src = 'https://example.com/x.png';
      document.body.append(image);
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = 'https://example.com/x.css';
      document.head.append(style);
      let fetched = 'answered';
      await fetch('https://example.com/data').catch(() => (fetched = 'refused'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { inlineRan: 'inlineRan' in window, fetched };
    });
    expect(outcome).toEqual({ inlineRan: false, fetched: 'refused' });
    // Both the header's policy and the page's own <meta> one refuse each.
    expect([...new Set(await violations(page))].sort()).toEqual(
      [
        'connect-src https://example.com/data',
        'frame-src https://example.com',
        'img-src https://example.com/x.png',
        'script-src-elem https://example.com/x.js',
        'script-src-elem inline',
        'style-src-elem https://example.com/x.css',
      ].sort(),
    );
  });

  it('refuses navigation away from the app and windows of its own', async () => {
    const { page, host } = await ui.open();
    const guard = await guardPage(page);
    await page.evaluate(() => {
      location.href = 'https://example.com/away';
    });
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/link';
      link.textContent = 'a link';
      document.body.append(link);
      link.click();
    });
    // window.open from a click, as a person would cause it (Chromium blocks it otherwise).
    await page.evaluate(() => {
      for (const url of ['https://example.com/help', 'http://example.com/plain']) {
        const button = document.createElement('button');
        button.textContent = `open ${url}`;
        button.onclick = () => window.open(url);
        document.body.prepend(button);
      }
    });
    await page.getByRole('button', { name: 'open https://example.com/help' }).click();
    await page.getByRole('button', { name: 'open http://example.com/plain' }).click();
    await expect.poll(() => guard.asked.length).toBeGreaterThanOrEqual(4);
    expect(guard.asked).toEqual(
      expect.arrayContaining([
        'will-navigate https://example.com/away',
        'will-navigate https://example.com/link',
        'window https://example.com/help',
        'window http://example.com/plain',
      ]),
    );
    // Only the https: address went on to the system browser; the page never moved.
    expect(guard.external).toEqual(['https://example.com/help']);
    expect(page.url()).toBe(host.url);
    await page.getByRole('listbox').waitFor();
  });
});

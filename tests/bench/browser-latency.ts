// The time from a notification to the timeline showing its row, in browser mode: end to end
// (the server's notifier in main → session engine → IPC → page → DOM), and from the event's
// arrival in the page; against a bare DOM append of the same event in the same page.

import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { realClock } from '../../main/clock';
import { FaultInjector } from '../../main/ras/simulated/fault-injector';
import { launchBrowser, openApp, RENDERER_DIR } from '../ui/harness';

export interface LatencyFigures {
  samples: number;
  median: number;
  p99: number;
  bareMedian: number;
  /** From the notification in main to the row in the page. */
  endToEnd: { samples: number; median: number; p99: number; clockError: number };
}

/** Wall-clock milliseconds with sub-millisecond resolution, the same reckoning as the page's. */
const epochNow = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Every 'connection:state' message: when it arrived, and when its newest row was in the DOM. */
const INSTRUMENT = `
  window.__latency = { arrivals: [], shown: [], bare: [] };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const at = performance.now();
        const m = JSON.parse(e.data);
        if (m.type !== 'event' || m.event !== 'connection:state') return;
        const rows = Math.max(0, ...m.payload.connections.map((c) => c.timeline.rows.length));
        window.__latency.arrivals.push({ rows, at });
        const start = performance.now();
        const sink = document.createElement('div');
        sink.textContent = m.payload.connections.map((c) => c.timeline.rows.map((r) => r.name).join(',')).join(';');
        document.body.appendChild(sink);
        sink.getBoundingClientRect();
        sink.remove();
        window.__latency.bare.push(performance.now() - start);
      });
    }
  };
  new MutationObserver(() => {
    const rows = document.querySelectorAll('.timeline .row').length;
    window.__latency.shown.push({ rows, at: performance.now(), epoch: performance.timeOrigin + performance.now() });
  }).observe(document, { subtree: true, childList: true });
`;

export async function measureEventToTimeline(target = 1000): Promise<LatencyFigures> {
  const browser = await launchBrowser();
  try {
    const notified: number[] = [];
    let injector: FaultInjector | undefined;
    const app = await openApp(browser, {
      // Notifications twenty times closer together than a real dial: fast, but not a flood
      // (a flood measures the queue in the page, not the path).
      speed: Number(process.env.BENCH_SPEED ?? 0.05),
      wrapBackend: (backend) => (injector = new FaultInjector(backend, realClock)).backend,
    });
    injector!.tapNotifications(() => notified.push(epochNow()));
    const { page, core } = app;
    await page.addInitScript(INSTRUMENT);
    await page.reload();
    await page.getByRole('listbox').waitFor();
    await page.getByRole('option').filter({ hasText: 'Office VPN' }).first().click();
    const latencies: number[] = [];
    const endToEnd: number[] = [];
    const bare: number[] = [];
    const clock = await clockOffset(page);
    while (latencies.length < target) {
      await page.evaluate(() => {
        const l = (
          window as unknown as {
            __latency: { arrivals: unknown[]; shown: unknown[]; bare: unknown[] };
          }
        ).__latency;
        l.arrivals.length = 0;
        l.shown.length = 0;
        l.bare.length = 0;
      });
      notified.length = 0;
      const id = await core.manager.dial({
        entryName: 'Office VPN',
        credentials: { userName: 'a', password: 'b', domain: '' },
      });
      while (core.manager.get(id)?.status !== 'connected')
        await new Promise((r) => setTimeout(r, 2));
      await page.locator('.timeline .row[data-state="Connected"]').waitFor();
      const data = await page.evaluate(
        () =>
          (
            window as unknown as {
              __latency: {
                arrivals: { rows: number; at: number }[];
                shown: { rows: number; at: number; epoch: number }[];
                bare: number[];
              };
            }
          ).__latency,
      );
      for (const arrival of data.arrivals) {
        const shown = data.shown.find((s) => s.rows >= arrival.rows && s.at >= arrival.at);
        if (shown) latencies.push(shown.at - arrival.at);
      }
      bare.push(...data.bare);
      // The nth notification of the dial is the timeline's row n + 1 (after the Dial row).
      notified.forEach((at, n) => {
        const shown = data.shown.find((s) => s.rows >= n + 2 && s.epoch - clock.offset >= at);
        if (shown) endToEnd.push(shown.epoch - clock.offset - at);
      });
      await core.manager.hangUp(id);
      await new Promise((r) => setTimeout(r, 1050));
    }
    await app.close();
    latencies.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    endToEnd.sort((a, b) => a - b);
    return {
      samples: latencies.length,
      median: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      bareMedian: percentile(bare, 50),
      endToEnd: {
        samples: endToEnd.length,
        median: percentile(endToEnd, 50),
        p99: percentile(endToEnd, 99),
        clockError: clock.error,
      },
    };
  } finally {
    await browser.close();
  }
}

/**
 * How far the page's clock is ahead of this process's, from the quickest of many exchanges
 * (the error is at most half that exchange's round trip).
 */
async function clockOffset(page: Page): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Infinity };
  for (let i = 0; i < 60; i++) {
    const sent = epochNow();
    const there = await page.evaluate(() => performance.timeOrigin + performance.now());
    const back = epochNow();
    const error = (back - sent) / 2;
    if (error < best.error) best = { offset: there - (sent + back) / 2, error };
  }
  return best;
}

export function rendererBundleSize(): { js: number; css: number; jsRaw: number; cssRaw: number } {
  const assets = path.join(RENDERER_DIR, 'assets');
  const sizes = { js: 0, css: 0, jsRaw: 0, cssRaw: 0 };
  for (const file of readdirSync(assets)) {
    const bytes = readFileSync(path.join(assets, file));
    if (file.endsWith('.js')) {
      sizes.js += gzipSync(bytes, { level: 9 }).length;
      sizes.jsRaw += bytes.length;
    } else if (file.endsWith('.css')) {
      sizes.css += gzipSync(bytes, { level: 9 }).length;
      sizes.cssRaw += bytes.length;
    }
  }
  return sizes;
}

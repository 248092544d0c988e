// The time from a connection:state event arriving in the page (browser mode) to the timeline
// showing its row, against a bare DOM append of the same event in the same page.

import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openApp, RENDERER_DIR } from '../ui/harness';

export interface LatencyFigures {
  samples: number;
  median: number;
  p99: number;
  bareMedian: number;
}

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
    window.__latency.shown.push({ rows, at: performance.now() });
  }).observe(document, { subtree: true, childList: true });
`;

export async function measureEventToTimeline(target = 1000): Promise<LatencyFigures> {
  const browser = await launchBrowser();
  try {
    const app = await openApp(browser, { speed: 0.002 });
    const { page, core } = app;
    await page.addInitScript(INSTRUMENT);
    await page.reload();
    await page.getByRole('listbox').waitFor();
    await page.getByRole('option').filter({ hasText: 'Office VPN' }).first().click();
    const latencies: number[] = [];
    const bare: number[] = [];
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
                shown: { rows: number; at: number }[];
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
      await core.manager.hangUp(id);
      await new Promise((r) => setTimeout(r, 1050));
    }
    await app.close();
    latencies.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    return {
      samples: latencies.length,
      median: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      bareMedian: percentile(bare, 50),
    };
  } finally {
    await browser.close();
  }
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

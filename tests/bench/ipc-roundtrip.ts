// The IPC round trip in browser mode: from the page, an invoke over the host's WebSocket,
// through validation and the router, and its result back; against a bare WebSocket echo on
// the same loopback from the same page (the transport's floor).

import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { launchBrowser, openApp } from '../ui/harness';

export interface RoundTripFigures {
  calls: number;
  /** Total time over calls: finer than the page's clock, which is cut to 0.1 ms. */
  mean: number;
  p99: number;
  echoMean: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/** In the page: `calls` round trips, one at a time, over a fresh socket to `url`. */
async function roundTrips(page: Page, url: string, calls: number): Promise<number[]> {
  return page.evaluate(
    async ({ url, calls }) => {
      const socket = new WebSocket(url);
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = reject;
      });
      const times: number[] = [];
      for (let id = 1; id <= calls; id++) {
        const start = performance.now();
        await new Promise<void>((resolve) => {
          socket.onmessage = (event) => {
            const message = JSON.parse(String(event.data)) as { type: string; id?: number };
            if (message.id === id) resolve();
          };
          socket.send(JSON.stringify({ type: 'invoke', id, channel: 'app:info', payload: {} }));
        });
        times.push(performance.now() - start);
      }
      socket.close();
      return times;
    },
    { url, calls },
  );
}

export async function measureIpcRoundTrip(calls = 1000): Promise<RoundTripFigures> {
  const browser = await launchBrowser();
  const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  echo.on('connection', (ws) =>
    ws.on('message', (data) => {
      const { id } = JSON.parse(String(data)) as { id: number };
      ws.send(JSON.stringify({ type: 'result', id, result: { ok: true, value: null } }));
    }),
  );
  await new Promise((resolve) => echo.once('listening', resolve));
  try {
    const app = await openApp(browser);
    // The window's own policy allows only its host; the echo beside it needs CSP set aside
    // (timing is the same with or without it).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(app.host.url);
    const host = new URL(app.host.url);
    const invoke = `ws://${host.host}/ras?token=${host.searchParams.get('token')}`;
    const floor = `ws://127.0.0.1:${(echo.address() as AddressInfo).port}/`;
    // Warm both paths, then measure them in turns so the machine's state hits both alike.
    await roundTrips(page, invoke, 50);
    await roundTrips(page, floor, 50);
    const measured: number[] = [];
    const echoed: number[] = [];
    for (let round = 0; round < 4; round++) {
      measured.push(...(await roundTrips(page, invoke, calls / 4)));
      echoed.push(...(await roundTrips(page, floor, calls / 4)));
    }
    await context.close();
    await app.close();
    measured.sort((a, b) => a - b);
    echoed.sort((a, b) => a - b);
    const mean = (times: number[]) => times.reduce((a, b) => a + b, 0) / times.length;
    return {
      calls: measured.length,
      mean: mean(measured),
      p99: percentile(measured, 99),
      echoMean: mean(echoed),
    };
  } finally {
    echo.close();
    await browser.close();
  }
}

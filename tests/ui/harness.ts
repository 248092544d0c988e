// UI tests drive the real renderer in Debian's Chromium against browser mode: the headless
// host with the real core and the simulated server, in a fresh data folder.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RasEntry } from '../../app/phonebook/entry';
import { createCore, type Core } from '../../main/app-core';
import { startHeadlessHost, type HeadlessHost } from '../../main/headless/headless-server';
import type { RasBackend } from '../../main/ras/backend';
import type { DoctorOptions } from '../../main/doctor/run-doctor';
import { fakeSecretStore } from '../support/fake-secrets';

const root = path.resolve(import.meta.dirname, '../..');
// RAS_CONNECT_RENDERER_DIR: a renderer built elsewhere (`electron-vite build --outDir DIR`), so
// two people building at once do not test each other's half-written `out/`.
export const RENDERER_DIR = process.env.RAS_CONNECT_RENDERER_DIR ?? path.join(root, 'out/renderer');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html')))
    throw new Error('The renderer is not built: run "npm run build" first (npm test does).');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  core: Core;
  host: HeadlessHost;
  page: Page;
  dir: string;
  close(): Promise<void>;
}

export interface AppOptions {
  speed?: number;
  language?: 'en' | 'ru';
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Run as a system without a key store: saved passwords are refused. */
  noKeyStore?: boolean;
  /** Puts the fault injector (or anything) between the core and the simulated server. */
  wrapBackend?: (backend: RasBackend) => RasBackend;
  /** The failure doctor's name lookup, ports and roots: servers on 127.0.0.1, never the internet. */
  doctor?: Partial<DoctorOptions>;
}

export async function openApp(browser: Browser, options: AppOptions = {}): Promise<RunningApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ras-ui-'));
  const core = await createCore({
    dataDir: dir,
    backend: 'simulated',
    speed: options.speed ?? 0.02,
    version: 'test',
    platform: 'linux',
    log: () => undefined,
    secrets: options.noKeyStore ? undefined : fakeSecretStore(),
    wrapBackend: options.wrapBackend,
    doctor: options.doctor,
  });
  if (options.language) await core.settings.set({ language: options.language });
  const host = await startHeadlessHost({ core, rendererDir: RENDERER_DIR, log: () => undefined });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 760 },
    locale: 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.getByRole('listbox').waitFor();
  return {
    core,
    host,
    page,
    dir,
    async close() {
      await context.close();
      await host.close();
      core.dispose();
      await rm(dir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}

/** The phonebook row of an entry. */
export function entryOption(page: Page, entry: string) {
  return page
    .getByRole('option')
    .filter({ has: page.locator('.name').getByText(entry, { exact: true }) });
}

/** Selects an entry and dials it with the given credentials. */
export async function connect(
  page: Page,
  entry: string,
  password = 'secret',
  userName = 'alice',
): Promise<void> {
  await entryOption(page, entry).click();
  await page.getByRole('heading', { level: 1, name: entry }).waitFor();
  await page.getByLabel('User name').first().fill(userName);
  await page.getByLabel('Password').first().fill(password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** The state names on the timeline, in order. */
export function timelineStates(page: Page): Promise<string[]> {
  return page
    .locator('.timeline .row')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state ?? ''));
}

export async function statusIs(page: Page, status: string): Promise<void> {
  await page
    .locator('.status-line [role="status"]', { hasText: new RegExp(`^${status}( ·|$)`) })
    .waitFor();
}

/**
 * Turns Windows' own redial on for an entry (redial if the line drops), with its pause and
 * count; returns the entry as it was, to put back.
 */
export async function redialOnDrop(
  core: Core,
  entryName: string,
  { seconds, attempts }: { seconds: number; attempts: number },
): Promise<RasEntry> {
  const entry = await core.backend.getEntry(undefined, entryName);
  await core.backend.setEntry(undefined, {
    ...entry,
    redialOnLinkFailure: true,
    redialSeconds: seconds,
    redialAttempts: attempts,
  });
  return entry;
}

// One simulated RAS service per user session, as RAS is one service per machine: the app (a
// core holding the service, as the window and browser mode do) and `ras-connect` processes in
// other shells share its ports, handles and connections. Before it, each process had its own
// server: twelve CLI dials at once all connected, and a second shell said "No connections".

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/app-core';
import { serviceAddress } from '../../main/ras/simulated/service/service-address';
import { runCliProcess } from './support/cli-process';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let home: string;
let book: string;
let core: Core;
const savedRuntime = process.env.XDG_RUNTIME_DIR;

const cli = (...args: string[]) => runCliProcess(home, args);

const until = async (check: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

const connected = (): string[] =>
  core.manager
    .list()
    .filter((c) => c.status === 'connected')
    .map((c) => c.entryName)
    .sort();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ras-shared-cli-'));
  home = path.join(dir, 'home');
  book = path.join(dir, 'twelve.pbk');
  await mkdir(home);
  // The service's socket goes in this test's own runtime folder, and it leaves with the folder.
  process.env.XDG_RUNTIME_DIR = path.join(dir, 'run');
  await writeFile(
    book,
    Array.from(
      { length: 12 },
      (_, i) =>
        `[VPN ${i + 1}]\r\nType=2\r\nPhoneNumber=vpn${i + 1}.example.com\r\nDEVICE=vpn\r\n\r\n`,
    ).join(''),
  );
  core = await createCore({
    dataDir: home,
    backend: 'simulated',
    speed: 0,
    version: '1.2.3',
    platform: 'linux',
    log: () => undefined,
    simService: {
      command: process.execPath,
      args: ['--import', 'tsx', path.join(root, 'main/sim-service.ts')],
    },
  });
});

afterAll(async () => {
  core.dispose();
  process.env.XDG_RUNTIME_DIR = savedRuntime;
  if (savedRuntime === undefined) delete process.env.XDG_RUNTIME_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe('one simulated RAS service for the app and every shell', () => {
  it('gives 8 ports to twelve CLI dials at once, shows them to the app and another shell, and hangs up across processes', async () => {
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        cli(`VPN ${i + 1}`, 'alice', 'secret', `/PHONEBOOK:${book}`),
      ),
    );
    const ok = runs.filter((r) => r.code === 0);
    const refused = runs.filter((r) => r.code !== 0);
    expect(ok).toHaveLength(8);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.stderr).toMatch(/^Remote Access error 633 /m);
    for (const r of ok) expect(r.stdout).toMatch(/Command completed successfully\./);

    // The app heard of each connection the shells made, as the window hears of rasdial's.
    await until(() => connected().length === 8);
    const names = connected();

    // A second shell lists them.
    const list = await cli();
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').slice(1, 9).sort()).toEqual(names);

    // The app hangs one up; the shell no longer lists it.
    const first = core.manager.list().find((c) => c.entryName === names[0])!;
    await core.manager.hangUp(first.id);
    expect((await cli()).stdout).not.toContain(`${names[0]}\n`);

    // A shell hangs one up by name; the app sees it go.
    const two = await cli(names[1]!, '/DISCONNECT', `/PHONEBOOK:${book}`);
    expect(two.code).toBe(0);
    await until(() => !connected().includes(names[1]!));

    // With several up, `/DISCONNECT` alone asks which (as rasdial does); each by name, at once.
    expect((await cli('/DISCONNECT')).stderr).toMatch(/^Several connections are up \(/);
    const rest = await Promise.all(
      names.slice(2).map((name) => cli(name, '/DISCONNECT', `/PHONEBOOK:${book}`)),
    );
    expect(rest.map((r) => r.code)).toEqual(names.slice(2).map(() => 0));
    await until(() => connected().length === 0);
    expect((await cli()).stdout).toMatch(/^No connections/);
  }, 120_000);

  it('lets the service go once the last program has let go and no port is held', async () => {
    const address = serviceAddress(home);
    expect(existsSync(address)).toBe(true);
    core.dispose();
    await until(() => !existsSync(address));
    // A shell that only looks starts no service.
    expect((await cli()).stdout).toMatch(/^No connections/);
    expect(existsSync(address)).toBe(false);
  }, 60_000);
});

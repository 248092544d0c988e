import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeSecretStore } from '../../tests/support/fake-secrets';
import { monthOfHistory, writeHistory } from '../../tests/support/reliability-history';
import { simulatedCore, until, type TestCore } from '../../tests/support/core';
import type { Core } from '../app-core';
import { AppLog } from '../log/app-log';
import { buildDiagnostics, exportDiagnostics } from './diagnostics';
import type { EntryReliability } from './reliability-file';

let dir: string;
let core: Core;
let log: AppLog;
let test: TestCore;
const info = { version: '1.2.3', platform: 'linux', versions: { node: process.versions.node } };

/** Every file below a folder, as text. */
function everyFile(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true }).map(String)) {
    const file = path.join(folder, name);
    if (statSync(file).isFile()) files.set(name, readFileSync(file, 'latin1'));
  }
  return files;
}

beforeEach(async () => {
  // The log lives in the core's folder, which exists once the core does.
  test = await simulatedCore({ log: (m) => log.info(m), secrets: fakeSecretStore() });
  ({ core, dir } = test);
  log = new AppLog(dir);
});
afterEach(() => test.dispose());

describe('diagnostics', () => {
  it('zips the log, the history, the entries involved and the versions', async () => {
    await core.manager.dial({ entryName: 'Busy line' });
    await until(() => core.manager.list()[0]?.status === 'disconnected');
    await until(() => readFileSync(log.file, 'utf8').includes('676'));
    const zip = unzipSync(await buildDiagnostics(core, dir, info));
    expect(Object.keys(zip).sort()).toEqual([
      'about.json',
      'connections.json',
      'entries.json',
      'history.json',
      'ras-connect.log',
      'reliability.json',
    ]);
    expect(JSON.parse(strFromU8(zip['about.json']!))).toMatchObject({
      version: '1.2.3',
      platform: 'linux',
      backend: 'simulated',
      versions: { node: process.versions.node },
    });
    expect(strFromU8(zip['ras-connect.log']!)).toMatch(
      /INFO Busy line \(.*\): disconnected: 676 ERROR_LINE_BUSY/,
    );
    const [busy] = JSON.parse(strFromU8(zip['history.json']!));
    expect(busy).toMatchObject({ entryName: 'Busy line', outcome: 'failed' });
    const entries = JSON.parse(strFromU8(zip['entries.json']!));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: 'Busy line', phoneNumbers: [{ number: '555-0486' }] });
    expect(entries[0]).not.toHaveProperty('userName');
  });

  it('holds what was negotiated for each connected connection, and only for those', async () => {
    const vpn = await core.manager.dial({
      entryName: 'Office VPN',
      credentials: { userName: 'alice', password: 'secret', domain: '' },
    });
    await core.manager.dial({ entryName: 'Busy line' });
    await until(() => !!core.manager.get(vpn)?.details);
    await until(() => core.manager.list().some((c) => c.status === 'disconnected'));
    const view = core.manager.get(vpn)!;
    const zip = unzipSync(await buildDiagnostics(core, dir, info));
    expect(JSON.parse(strFromU8(zip['connections.json']!))).toEqual([
      {
        entryName: 'Office VPN',
        phonebook: view.phonebook,
        connectedAt: new Date(view.connectedAt!).toISOString(),
        details: view.details,
      },
    ]);
    expect(view.details?.ipv4).toMatchObject({ client: expect.any(String) });
  });

  it('holds the reliability of every entry in the history, counting the link up now', async () => {
    const month = monthOfHistory('Office VPN', core.backend.defaultPhonebook, Date.now());
    await writeHistory(dir, month);
    const vpn = await core.manager.dial({
      entryName: 'Office VPN',
      credentials: { userName: 'alice', password: 'secret', domain: '' },
    });
    await core.manager.dial({ entryName: 'Busy line' });
    await until(() => core.manager.get(vpn)?.status === 'connected');
    await until(() => core.manager.list().some((c) => c.status === 'disconnected'));
    await until(async () => (await core.history.list({ name: 'Busy line' })).length === 1);
    const zip = unzipSync(await buildDiagnostics(core, dir, info));
    const reports = JSON.parse(strFromU8(zip['reliability.json']!)) as EntryReliability[];
    expect(reports.map((r) => [r.entry, r.phonebook]).sort()).toEqual([
      ['Busy line', core.backend.defaultPhonebook],
      ['Office VPN', core.backend.defaultPhonebook],
    ]);
    const office = reports.find((r) => r.entry === 'Office VPN')!.report;
    const count = (outcome: string) => month.filter((r) => r.outcome === outcome).length;
    expect(office.last30).toMatchObject({
      connects: count('connected'),
      failures: count('failed'),
      drops: month.filter((r) => r.ended === 'dropped').length,
    });
    expect(office.commonError).toEqual({ code: 800, count: count('failed') });
    expect(office.patterns.map((p) => p.kind)).toEqual(['periodic-drop', 'first-try-fails']);
    // The month ends yesterday: today's uptime is the link up now.
    expect(office.days).toHaveLength(30);
    expect(office.days.at(-1)!.uptime).toBeGreaterThan(0);
    const busy = reports.find((r) => r.entry === 'Busy line')!.report;
    expect(busy.last30).toMatchObject({ connects: 0, failures: 1, drops: 0, uptime: 0 });
    expect(busy.commonError).toEqual({ code: 676, count: 1 });
  });

  it('writes a known password nowhere: not in the log, the history, any file or the zip', async () => {
    const secrets = [
      'Pw-first-91823',
      'Pw-retry-55121',
      'Pw-new-77340',
      'Pw-saved-66912',
      'Pw-refused-30117',
    ];
    // A request main refuses is logged by its shape only.
    const refused = await core.router.handle(
      'connection:dial',
      {
        entryName: 'Dial-up',
        credentials: { userName: 'alice', password: secrets[4], domain: '' },
        unexpected: true,
      },
      'test',
    );
    expect(refused.ok).toBe(false);
    expect(readFileSync(log.file, 'utf8')).toContain('refused connection:dial from test');
    // Dialed with a password, refused once and answered with another.
    const vpn = await core.manager.dial({
      entryName: 'Office VPN',
      credentials: { userName: 'alice', password: 'wrong', domain: '' },
    });
    await until(() => core.manager.get(vpn)?.status === 'paused');
    await core.manager.resume(vpn, {
      kind: 'retry-authentication',
      userName: 'alice',
      password: secrets[1]!,
      domain: '',
    });
    await until(() => core.manager.get(vpn)?.status === 'connected');
    await core.manager.hangUp(vpn);
    // An expired password replaced by a new one.
    const slow = await core.manager.dial({
      entryName: 'VPN (slow)',
      credentials: { userName: 'alice', password: 'expired', domain: '' },
    });
    await until(() => core.manager.get(slow)?.status === 'paused');
    await core.manager.resume(slow, { kind: 'new-password', password: secrets[2]! });
    await until(() => core.manager.get(slow)?.status === 'connected');
    await core.manager.hangUp(slow);
    // A plain dial, and a saved password (sealed by the key store).
    const dialup = await core.manager.dial({
      entryName: 'Dial-up',
      credentials: { userName: 'alice', password: secrets[0]!, domain: '' },
    });
    await until(() => core.manager.get(dialup)?.status === 'connected');
    await core.manager.hangUp(dialup);
    await core.phonebooks.setCredentials(undefined, 'Dial-up', {
      userName: 'alice',
      domain: '',
      password: secrets[3]!,
    });
    await until(
      () => (readFileSync(path.join(dir, 'history.jsonl'), 'utf8').match(/\n/g) ?? []).length === 3,
    );
    const zipFile = path.join(dir, 'diagnostics.zip');
    await exportDiagnostics(core, dir, info, zipFile);
    const zipped = unzipSync(readFileSync(zipFile));
    const texts = [
      ...everyFile(dir),
      ...Object.entries(zipped).map(([name, bytes]): [string, string] => [
        `zip:${name}`,
        strFromU8(bytes),
      ]),
    ];
    expect(texts.map(([name]) => name)).toEqual(
      expect.arrayContaining(['ras-connect.log', 'history.jsonl', 'zip:ras-connect.log']),
    );
    for (const [name, text] of texts)
      for (const secret of secrets)
        expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
  });
});

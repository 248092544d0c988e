// `ras-connect phonebook create|edit` with the settings Windows users edit, on files as the
// issue found them: a five-line entry without a final newline, encryption and strategies kept.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VPN_STRATEGIES } from '../../app/phonebook/entry-settings';
import { kebab, SETTING_OPTIONS_USAGE } from './entry-options';
import { runCliIn } from '../../tests/support/cli-run';

let home: string;
let pbk: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ras-cli-options-'));
  pbk = path.join(home, 'x.pbk');
});
afterEach(() => rm(home, { recursive: true, force: true }));

function cli(...argv: string[]) {
  return runCliIn(home, ['phonebook', ...argv, `/PHONEBOOK:${pbk}`]);
}

const FIVE_LINES =
  '[V]\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com';

describe('phonebook edit on a file as scripts write it', () => {
  it('adds one line and keeps the server whole when the file has no final newline', async () => {
    await writeFile(pbk, FIVE_LINES);
    expect((await cli('edit', 'V', '--redial-attempts', '5')).code).toBe(0);
    expect(await readFile(pbk, 'utf8')).toBe(
      FIVE_LINES.replace('[V]\r\n', '[V]\r\nRedialAttempts=5\r\n'),
    );
    const shown = (await cli('show', 'V')).out.join('\n');
    expect(shown).toMatch(/Server:\s+vpn\.example\.com\n/);
    expect(shown).toMatch(/Type:\s+vpn/);
  });

  it('checks the file clean and imports it, though it names no Type=', async () => {
    await writeFile(pbk, FIVE_LINES);
    expect((await cli('check', pbk)).code).toBe(0);
  });
});

describe('the settings options', () => {
  it('name every VPN strategy in the usage', () => {
    for (const name of Object.keys(VPN_STRATEGIES))
      expect(SETTING_OPTIONS_USAGE.replace(/\n/g, ' ')).toContain(kebab(name));
  });

  it('sets each setting in its own key, and shows them', async () => {
    await writeFile(pbk, FIVE_LINES);
    const { code, err } = await cli(
      'edit',
      'V',
      '--vpn-strategy',
      'l2tp-sstp',
      '--encryption',
      'maximum',
      '--auth',
      'mschapv2,pap',
      '--idle-seconds',
      'never',
      '--windows-logon',
      'yes',
      '--dns-suffix',
      'corp.example.com',
      '--register-dns',
      'yes',
      '--ipv4-metric',
      '25',
      '--class-based-route',
      'no',
      '--use-psk',
      'yes',
      '--mobility',
      'no',
      '--outage-seconds',
      '3600',
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = await readFile(pbk, 'utf8');
    for (const line of [
      'VpnStrategy=13',
      'DataEncryption=512',
      `AuthRestrictions=${0x200 | 0x8}`,
      'IdleDisconnectSeconds=-1',
      'AutoLogon=1',
      'IpDnsSuffix=corp.example.com',
      'IpDnsFlags=1',
      'IpInterfaceMetric=25',
      'DisableClassBasedDefaultRoute=1',
      'IpSecFlags=1',
      'DisableMobility=1',
      'NetworkOutageTime=3600',
    ])
      expect(text).toContain(`${line}\r\n`);
    expect(text).not.toContain('Type=');
    const shown = (await cli('show', 'V')).out.join('\n');
    expect(shown).toMatch(/VPN strategy:\s+l2tpSstp \(13\)/);
    expect(shown).toMatch(/Encryption:\s+maximum \(512\)/);
    expect(shown).toMatch(/Idle hang-up:\s+never/);
  });

  it('refuses a pre-shared key where no key store can keep it, and changes nothing', async () => {
    await writeFile(pbk, FIVE_LINES);
    const { code, err } = await cli('edit', 'V', '--psk', 'shared secret');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/key store/);
    expect(err.join('\n')).not.toContain('shared secret');
    expect(await readFile(pbk, 'utf8')).toBe(FIVE_LINES);
  });

  it.each([
    ['--vpn-strategy', 'fastest'],
    ['--encryption', 'strong'],
    ['--auth', 'pap,telnet'],
    ['--ipv4-metric', '10000'],
    ['--mobility', 'maybe'],
  ])('refuses %s %s as a usage error and writes nothing', async (option, value) => {
    await writeFile(pbk, FIVE_LINES);
    const { code, err } = await cli('edit', 'V', option, value);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(option);
    expect(await readFile(pbk, 'utf8')).toBe(FIVE_LINES);
  });

  it('keeps a strategy the names do not cover when given as a number', async () => {
    await writeFile(pbk, FIVE_LINES);
    expect((await cli('edit', 'V', '--vpn-strategy', '9')).code).toBe(0);
    expect(await readFile(pbk, 'utf8')).toContain('VpnStrategy=9\r\n');
  });
});

// Issue 11's defects, each on the text that showed it: the model reads every key as MS-RRASM
// §2.2.2.2 defines it, and a save changes only the lines of what the person changed.

import { describe, expect, it } from 'vitest';
import { applyEntry, otherSettings, phoneNumber, sectionToEntry, type RasEntry } from './entry';
import { copySection, IDENTITY_KEYS } from './entry-copy';
import { appendSection, documentEol, parsePbkOrThrow, replaceSection, writePbk } from './pbk-codec';

/** Applies `change` to the named entry of `text` and returns the file's new text. */
function edit(text: string, change: Partial<RasEntry>, name?: string): string {
  const doc = parsePbkOrThrow(text);
  const index = name ? doc.sections.findIndex((s) => s.name === name) : 0;
  const section = doc.sections[index]!;
  const updated = applyEntry(section, { ...sectionToEntry(section), ...change }, documentEol(doc));
  return writePbk(replaceSection(doc, index, updated));
}
const read = (text: string, index = 0): RasEntry =>
  sectionToEntry(parsePbkOrThrow(text).sections[index]!);
const entry = (keys: string): string =>
  `[E]\r\n${keys.split(' ').join('\r\n')}\r\n\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n`;

const FIVE_LINES =
  '[V]\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com';

describe('a file without a final newline', () => {
  it('keeps its last value whole when a key is added', () => {
    expect(edit(FIVE_LINES, { redialAttempts: 5 })).toBe(
      '[V]\r\nRedialAttempts=5\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com',
    );
  });

  it('ends the last line in the file’s own style before a key goes after it', () => {
    const lf = FIVE_LINES.replaceAll('\r\n', '\n');
    const out = edit(lf, { tryNextAlternateOnFail: false });
    expect(out).toBe(`${lf}\nTryNextAlternateOnFail=0\n`);
    expect(read(out).phoneNumbers[0]!.number).toBe('vpn.example.com');
  });

  it('ends the last line when an entry is added after it', () => {
    const doc = parsePbkOrThrow(FIVE_LINES);
    const copy = copySection(doc.sections[0]!, 'W', { freshIdentity: true });
    const out = writePbk(appendSection(doc, copy));
    expect(out).toContain('PhoneNumber=vpn.example.com\r\n[W]\r\n');
    expect([read(out, 0).phoneNumbers, read(out, 1).phoneNumbers]).toEqual([
      read(FIVE_LINES).phoneNumbers,
      read(FIVE_LINES).phoneNumbers,
    ]);
  });
});

describe('DataEncryption (MS-RRASM §2.2.2.2.14)', () => {
  it.each([
    [0, 'none'],
    [8, 'optional'],
    [256, 'required'],
    [512, 'maximum'],
  ])('reads %i as it is', (code) => {
    expect(read(entry(`DataEncryption=${code}`)).encryption).toBe(code);
  });

  it('keeps 512 (maximum strength) when another setting is saved', () => {
    const out = edit(entry('DataEncryption=512 RedialAttempts=3'), { redialAttempts: 4 });
    expect(out).toContain('DataEncryption=512\r\n');
  });

  it('writes optional as 8 and never 1', () => {
    const out = edit(entry('DataEncryption=256'), { encryption: 8 });
    expect(out).toContain('DataEncryption=8\r\n');
    expect(read(out).encryption).toBe(8);
  });

  it('keeps a value the spec does not define until the person picks another', () => {
    const text = entry('DataEncryption=1 RedialAttempts=3');
    expect(read(text).encryption).toBe(1);
    expect(edit(text, { redialAttempts: 9 })).toContain('DataEncryption=1\r\n');
    expect(edit(text, { encryption: 256 })).toContain('DataEncryption=256\r\n');
  });
});

describe('AuthRestrictions (MS-RRASM §2.2.2.2.58)', () => {
  it('reads EAP only (128) as EAP, with no other protocol', () => {
    const e = read(entry('CustomAuthKey=25 AuthRestrictions=128'));
    expect(e.authProtocols).toEqual([]);
    expect(e.eapTypeId).toBe(25);
  });

  it('reads 552 as PAP, MD5-CHAP and MS-CHAP v2, and 512 as MS-CHAP v2 only', () => {
    expect(read(entry('AuthRestrictions=552')).authProtocols).toEqual(['pap', 'chap', 'mschapv2']);
    expect(read(entry('AuthRestrictions=512')).authProtocols).toEqual(['mschapv2']);
  });

  it('sets bit 0x8 for PAP and keeps bits it does not model (SPAP, machine certificate)', () => {
    const text = entry(`AuthRestrictions=${0x200 | 0x10 | 0x800}`);
    const out = edit(text, { authProtocols: ['pap', 'mschapv2'] });
    expect(out).toContain(`AuthRestrictions=${0x200 | 0x10 | 0x800 | 0x8}\r\n`);
  });

  it('sets the EAP bit with the EAP type and clears it when EAP is turned off', () => {
    const on = edit(entry('CustomAuthKey=0 AuthRestrictions=512'), { eapTypeId: 25 });
    expect(on).toContain('CustomAuthKey=25\r\n');
    expect(on).toContain(`AuthRestrictions=${512 | 0x80}\r\n`);
    const off = edit(on, { eapTypeId: 0 });
    expect(off).toContain('AuthRestrictions=512\r\n');
    expect(read(off).eapTypeId).toBe(0);
  });
});

describe('VpnStrategy', () => {
  it.each([9, 12, 13, 15, 14, 6])('keeps strategy %i through a save of another setting', (code) => {
    const text = entry(`VpnStrategy=${code} RedialAttempts=3`);
    expect(read(text).vpnStrategy).toBe(code);
    expect(edit(text, { redialAttempts: 4 })).toContain(`VpnStrategy=${code}\r\n`);
  });

  it('writes the strategy the person chose', () => {
    expect(edit(entry('VpnStrategy=0'), { vpnStrategy: 13 })).toContain('VpnStrategy=13\r\n');
  });
});

describe('a sparse entry, as scripts write them for rasdial', () => {
  it('is not touched by a save without a change', () => {
    expect(edit(FIVE_LINES, {})).toBe(FIVE_LINES);
  });

  it('gets one line for one setting, where Windows writes it', () => {
    const text = entry('Type=2 RedialAttempts=3 IpPrioritizeRemote=1');
    const out = edit(text, { encryption: 512 });
    expect(out.split('\r\n').length).toBe(text.split('\r\n').length + 1);
    // DataEncryption comes after Type and before RedialAttempts in Windows' order.
    expect(out).toContain('Type=2\r\nDataEncryption=512\r\nRedialAttempts=3\r\n');
  });

  it('never gets Type=1 on a VPN entry', () => {
    expect(edit(FIVE_LINES, { redialAttempts: 2 })).not.toContain('Type=');
  });
});

describe('an entry without Type=', () => {
  it.each([
    ['vpn', 'vpn'],
    ['PPPoE', 'broadband'],
    ['modem', 'phone'],
    ['isdn', 'phone'],
    ['SERIAL', 'direct'],
  ])('DEVICE=%s is read as %s', (device, type) => {
    expect(
      read(`[E]\r\nMEDIA=rastapi\r\nPort=X\r\nDEVICE=${device}\r\nPhoneNumber=1\r\n`).type,
    ).toBe(type);
  });

  it('keeps Type= when it is there, whatever the device', () => {
    expect(read('[E]\r\nType=2\r\nMEDIA=serial\r\nDEVICE=modem\r\nPhoneNumber=x\r\n').type).toBe(
      'vpn',
    );
  });
});

describe('EAP type and its data', () => {
  const withData = entry(
    'CustomAuthKey=26 CustomAuthData=314442430100 CustomAuthData=0200 AuthRestrictions=128',
  );

  it('reads CustomAuthKey=-1 (Windows XP) as no EAP', () => {
    expect(read(entry('CustomAuthKey=-1 AuthRestrictions=512')).eapTypeId).toBe(0);
    expect(read(entry('CustomAuthKey=-1')).eapTypeId).toBe(0);
  });

  it('drops the previous type’s CustomAuthData when the type changes', () => {
    const out = edit(withData, { eapTypeId: 13 });
    expect(out).toContain('CustomAuthKey=13\r\n');
    expect(out).not.toContain('CustomAuthData');
  });

  it('keeps the data when something else changes', () => {
    const out = edit(withData, { redialAttempts: 2 });
    expect(out).toContain('CustomAuthData=314442430100\r\nCustomAuthData=0200\r\n');
  });
});

describe('the settings Windows users edit', () => {
  const full = entry(
    'Type=2 AutoLogon=0 VpnStrategy=3 AuthRestrictions=512 IpInterfaceMetric=0 IpDnsFlags=0 IpSecFlags=0 IpDnsSuffix= Ipv6InterfaceMetric=0 DisableClassBasedDefaultRoute=0 DisableMobility=0 NetworkOutageTime=1800',
  );

  it('reads and writes each one in its own key', () => {
    const out = edit(full, {
      useWindowsLogon: true,
      dnsSuffix: 'corp.example.com',
      registerInDns: true,
      ipv4Metric: 25,
      ipv6Metric: 30,
      disableClassBasedRoute: true,
      usePreSharedKey: true,
      ikev2Mobility: false,
      networkOutageSeconds: 3600,
    });
    for (const line of [
      'AutoLogon=1',
      'IpDnsSuffix=corp.example.com',
      'IpDnsFlags=1',
      'IpInterfaceMetric=25',
      'Ipv6InterfaceMetric=30',
      'DisableClassBasedDefaultRoute=1',
      'IpSecFlags=1',
      'DisableMobility=1',
      'NetworkOutageTime=3600',
    ])
      expect(out).toContain(`${line}\r\n`);
    expect(out.split('\r\n').length).toBe(full.split('\r\n').length);
    expect(read(out)).toMatchObject({
      useWindowsLogon: true,
      dnsSuffix: 'corp.example.com',
      registerInDns: true,
      ipv4Metric: 25,
      usePreSharedKey: true,
      ikev2Mobility: false,
      networkOutageSeconds: 3600,
    });
  });

  it('keeps the DNS flags’ other bits (use this connection’s suffix)', () => {
    expect(edit(entry('IpDnsFlags=3'), { registerInDns: false })).toContain('IpDnsFlags=2\r\n');
  });

  it('marks an IKEv2 pre-shared key in AuthRestrictions', () => {
    const out = edit(entry('VpnStrategy=7 AuthRestrictions=2048'), { usePreSharedKey: true });
    expect(out).toContain(`AuthRestrictions=${2048 | 0x1000}\r\n`);
  });

  it('reads IdleDisconnectSeconds=-1 as never (0xFFFFFFFF) and keeps it', () => {
    const text = entry('IdleDisconnectSeconds=-1 RedialAttempts=1');
    expect(read(text).idleDisconnectSeconds).toBe(0xffffffff);
    expect(edit(text, { redialAttempts: 2 })).toContain('IdleDisconnectSeconds=-1\r\n');
    expect(edit(entry('IdleDisconnectSeconds=0'), { idleDisconnectSeconds: 0xffffffff })).toContain(
      'IdleDisconnectSeconds=-1\r\n',
    );
  });
});

describe('other settings kept from Windows', () => {
  it('lists what the model does not edit, joining CustomAuthData', () => {
    const text = entry(
      'Type=2 Guid=AB CustomAuthKey=25 CustomAuthData=31 CustomAuthData=32 NrptRules=x AuthRestrictions=128',
    );
    const section = parsePbkOrThrow(text).sections[0]!;
    expect(otherSettings(section)).toEqual([
      { key: 'Guid', value: 'AB' },
      { key: 'CustomAuthData', value: '3132' },
      { key: 'NrptRules', value: 'x' },
    ]);
  });
});

describe('a copy', () => {
  it('keeps every line but the name and the identity keys', () => {
    const text = entry(
      'Type=2 DialParamsUID=123456 Guid=0123456789ABCDEF0123456789ABCDEF UseRasCredentials=1',
    );
    const section = parsePbkOrThrow(text).sections[0]!;
    const copy = copySection(section, 'Copy of E', { freshIdentity: true });
    const lines = (s: typeof section) =>
      s.lines.filter((l) => !IDENTITY_KEYS.some((k) => l.key === k)).map((l) => l.text);
    expect(lines(copy)).toEqual(lines(section));
    const value = (key: string) => copy.lines.find((l) => l.key === key)!.value;
    expect(value('Guid')).toMatch(/^[0-9A-F]{32}$/);
    expect(value('Guid')).not.toBe('0123456789ABCDEF0123456789ABCDEF');
    expect(value('DialParamsUID')).not.toBe('123456');
    expect(copy.header.text).toBe('[Copy of E]');
  });
});

describe('an entry without a number', () => {
  it('is left as it is when the editor sends the empty number it shows', () => {
    const text = '[P]\r\nMEDIA=rastapi\r\nPort=PPPoE5-0\r\nDEVICE=PPPoE\r\n';
    expect(edit(text, { phoneNumbers: [phoneNumber('')] })).toBe(text);
    expect(edit(text, { phoneNumbers: [phoneNumber('ISP')] })).toContain('PhoneNumber=ISP\r\n');
  });
});

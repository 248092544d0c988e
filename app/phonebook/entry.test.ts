import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  makeEntry,
  newSection,
  phoneNumber,
  sectionToEntry,
  type RasEntry,
} from './entry';
import { validateEntryName } from './entry-name';
import {
  appendSection,
  emptyDocument,
  parsePbkOrThrow,
  replaceSection,
  writePbk,
  type PbkSection,
} from './pbk-codec';

const windows = readFileSync(
  new URL('../../tests/fixtures/windows-examples.pbk', import.meta.url),
  'utf8',
);
const doc = parsePbkOrThrow(windows);
const dialUp = doc.sections[0]!;

function textOf(section: PbkSection): string {
  return writePbk({ bom: false, preamble: [], sections: [section] });
}

describe('entry model', () => {
  it('reads a Windows modem entry with its alternate', () => {
    const e = sectionToEntry(dialUp);
    expect(e).toMatchObject({
      name: 'Example Dial-up',
      type: 'phone',
      deviceType: 'modem',
      deviceName: 'Standard 56000 bps Modem',
      port: 'COM3',
      tryNextAlternateOnFail: true,
      promoteAlternates: false,
      callbackMode: 'none',
      eapTypeId: 0,
      terminalAfterDial: false,
      redialAttempts: 3,
      redialSeconds: 60,
      redialOnLinkFailure: false,
    });
    expect(e.phoneNumbers).toEqual([
      {
        number: '5550100',
        areaCode: '206',
        countryCode: 1,
        countryId: 1,
        useDialingRules: true,
        comment: 'Main access number',
      },
      {
        number: '5550199',
        areaCode: '425',
        countryCode: 1,
        countryId: 1,
        useDialingRules: true,
        comment: 'Backup access number',
      },
    ]);
  });

  it('reads the VPN and PPPoE entries', () => {
    const vpn = sectionToEntry(doc.sections[1]!);
    expect(vpn).toMatchObject({
      type: 'vpn',
      deviceType: 'vpn',
      deviceName: 'WAN Miniport (IKEv2)',
      redialOnLinkFailure: true,
    });
    expect(vpn.phoneNumbers[0]!.number).toBe('vpn.example.com');
    const broadband = sectionToEntry(doc.sections[2]!);
    expect(broadband).toMatchObject({ type: 'broadband', deviceType: 'PPPoE', port: 'PPPoE5-0' });
    expect(broadband.phoneNumbers).toHaveLength(1);
  });

  it('writes back an unchanged entry byte for byte', () => {
    for (const s of doc.sections)
      expect(textOf(applyEntry(s, sectionToEntry(s), '\r\n'))).toBe(textOf(s));
  });

  it('changes only the modelled keys and keeps every unknown one', () => {
    const e = sectionToEntry(dialUp);
    const changed: RasEntry = {
      ...e,
      phoneNumbers: [e.phoneNumbers[1]!, e.phoneNumbers[0]!, phoneNumber('5550142')],
      redialAttempts: 5,
      callbackMode: 'caller',
      eapTypeId: 25,
      promoteAlternates: true,
    };
    const out = applyEntry(dialUp, changed, '\r\n');
    expect(sectionToEntry(out)).toEqual(changed);
    const before = textOf(dialUp).split('\r\n');
    const after = textOf(out).split('\r\n');
    const unknown = (lines: string[]) =>
      lines.filter((l) =>
        /^(Guid|HwFlowControl|MdmProtocol|ConnectBPS|ms_server|IpDnsSuffix|PreferredBps)=/.test(l),
      );
    expect(unknown(after)).toEqual(unknown(before));
    // The phone groups moved as a whole; the keys after them stayed in place.
    expect(after.indexOf('LastSelectedPhone=0')).toBeGreaterThan(
      after.lastIndexOf('PhoneNumber=5550142'),
    );
    expect(after.length).toBe(before.length + 7);
  });

  it('adds and clears the terminal window as a post-connect switch device', () => {
    const e = sectionToEntry(dialUp);
    const on = applyEntry(dialUp, { ...e, terminalAfterDial: true }, '\r\n');
    expect(textOf(on)).toContain('DEVICE=switch\r\nType=Terminal\r\nTerminal=1\r\n');
    expect(sectionToEntry(on).terminalAfterDial).toBe(true);
    const off = applyEntry(on, { ...sectionToEntry(on), terminalAfterDial: false }, '\r\n');
    expect(sectionToEntry(off).terminalAfterDial).toBe(false);
    expect(sectionToEntry(off).phoneNumbers).toEqual(e.phoneNumbers);
  });

  it('creates new entries in the Windows layout that read back as written', () => {
    const entries = [
      makeEntry('Modem', 'phone', ['555-0100', '555-0199'], {
        redialAttempts: 2,
        terminalAfterDial: true,
      }),
      makeEntry('VPN', 'vpn', ['vpn.example.com'], { eapTypeId: 13 }),
      makeEntry('PPPoE', 'broadband', ['']),
    ];
    let built = emptyDocument();
    for (const e of entries) built = appendSection(built, newSection(e, '\r\n'));
    const reparsed = parsePbkOrThrow(writePbk(built));
    expect(reparsed.sections.map(sectionToEntry)).toEqual(entries);
    const renamed = replaceSection(
      reparsed,
      1,
      applyEntry(reparsed.sections[1]!, { ...entries[1]!, name: 'VPN 2' }, '\r\n'),
    );
    expect(writePbk(renamed)).toContain('[VPN 2]\r\n');
  });

  it('fills in a section that lacks MEDIA and DEVICE blocks', () => {
    const bare = parsePbkOrThrow('[Bare]\nType=2\n').sections[0]!;
    const e = makeEntry('Bare', 'vpn', ['host.example.com']);
    expect(sectionToEntry(applyEntry(bare, e, '\n'))).toEqual(e);
  });
});

describe('entry names', () => {
  it('follows RasValidateEntryName', () => {
    expect(validateEntryName('Office [2]')).toBeNull();
    expect(validateEntryName('Офис')).toBeNull();
    expect(validateEntryName('   ')?.code).toBe(123);
    expect(validateEntryName('a|b')?.code).toBe(123);
    for (const c of '|><?*\\/:') expect(validateEntryName(`x${c}y`)?.code, c).toBe(123);
    expect(validateEntryName('.hidden')?.code).toBe(123);
    expect(validateEntryName('x'.repeat(257))?.code).toBe(123);
    expect(validateEntryName('x'.repeat(256))).toBeNull();
    expect(validateEntryName('office vpn', ['Office VPN'])?.code).toBe(183);
  });
});

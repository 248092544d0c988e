import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionView } from '../../../app/connection-view';
import type { ConnectionDetails as Details } from '../../../app/ras/dial-types';
import { VPN_STRATEGIES } from '../../../app/phonebook/entry-settings';
import { connectionView } from '../../../tests/support/connection-view';
import { en } from '../i18n/en';
import { createI18n } from '../i18n/i18n';
import { ru } from '../i18n/ru';
import { renderIn } from '../test-utils';
import { ConnectionDetails } from './connection-details';

/** An SSTP link that fell back from IKEv2, signed in with PEAP, as Windows reports one. */
const sstp: Details = {
  projection: 'ppp',
  tunnel: 'sstp',
  ipv4: { client: '10.20.0.17', server: '10.20.0.1' },
  ipv6: null,
  dnsServers: ['10.20.0.2', '10.20.0.3'],
  authentication: { protocol: 'eap', code: 0xc227, eapType: 25 },
  encryption: { method: 'mppe', bits: 128, code: 0x40 },
  compression: 'mppc',
  multilink: false,
  ikev2Flags: null,
  device: { type: 'vpn', name: 'WAN Miniport (SSTP)' },
  endpoints: { local: '192.0.2.10', remote: '203.0.113.5' },
};

/** An IKEv2 link with an odd sign-in, no cipher and an IPv4 failure. */
const odd: Details = {
  projection: 'ikev2',
  tunnel: 'ikev2',
  ipv4: { error: 733 },
  ipv6: { client: 'fd00::17', server: 'fd00::1', prefixLength: 64 },
  dnsServers: [],
  authentication: { protocol: 'unknown', code: 3, eapType: null },
  encryption: { method: 'none', bits: 0, code: 0 },
  compression: null,
  multilink: false,
  ikev2Flags: { mobike: true, behindNat: true, serverBehindNat: false },
  device: { type: 'vpn', name: 'WAN Miniport (IKEv2)' },
  endpoints: { local: null, remote: null },
};

const connected = (details: Details | null, extra: Partial<ConnectionView> = {}) =>
  connectionView({ status: 'connected', handle: 'h1', connectedAt: 1, details, ...extra });

/** Each row of the list as [term, its values joined by " | "]. */
function rows(): [string, string][] {
  const list = screen.getByRole('heading', { name: /Details|Подробности/ }).closest('section')!;
  return [...list.querySelectorAll('dl > div')].map((div) => [
    div.querySelector('dt')!.textContent!,
    [...div.querySelectorAll('dd .details-value')].map((v) => v.textContent).join(' | '),
  ]);
}

afterEach(() => vi.restoreAllMocks());

describe('the Details section', () => {
  it('is not there while the entry is not connected', () => {
    for (const status of ['dialing', 'disconnecting', 'disconnected'] as const) {
      const { unmount } = renderIn(
        'en',
        <ConnectionDetails connection={connected(sstp, { status })} />,
      );
      expect(screen.queryByRole('heading', { name: 'Details' })).toBeNull();
      expect(document.querySelector('dl')).toBeNull();
      unmount();
    }
  });

  it('says it is reading until main has the details, without a live region or Copy', () => {
    renderIn('en', <ConnectionDetails connection={connected(null)} />);
    const section = screen.getByRole('region', { name: 'Details' });
    expect(within(section).getByText('Reading what was negotiated…')).toBeTruthy();
    expect(section.querySelector('[aria-live], [role="status"]')).toBeNull();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('lists what was negotiated, and says which protocol the strategy tried first', () => {
    renderIn(
      'en',
      <ConnectionDetails connection={connected(sstp)} vpnStrategy={VPN_STRATEGIES.ikev2First} />,
    );
    expect(rows()).toEqual([
      ['Tunnel', 'SSTP (the entry tries IKEv2 first)'],
      ['This computer’s address', '10.20.0.17'],
      ['Server’s address', '10.20.0.1'],
      ['IPv6', 'Not negotiated'],
      ['DNS servers', '10.20.0.2 | 10.20.0.3'],
      ['Authentication', 'EAP (PEAP, type 25)'],
      ['Encryption', 'MPPE 128-bit'],
      ['Compression', 'MPPC'],
      ['Multilink', 'No'],
      ['Device', 'WAN Miniport (SSTP)'],
      ['Device type', 'vpn'],
      ['Tunnel endpoints', '192.0.2.10 → 203.0.113.5'],
    ]);
    expect(document.querySelector('.warning')).toBeNull();
  });

  it('names the tunnel alone where it is the one tried first, or the strategy is not known', () => {
    const { unmount } = renderIn(
      'en',
      <ConnectionDetails connection={connected(sstp)} vpnStrategy={VPN_STRATEGIES.sstpFirst} />,
    );
    expect(rows()[0]).toEqual(['Tunnel', 'SSTP']);
    unmount();
    renderIn('en', <ConnectionDetails connection={connected(sstp)} />);
    expect(rows()[0]).toEqual(['Tunnel', 'SSTP']);
  });

  it('warns of no encryption, gives a failed protocol its RAS text and an unknown code its number', () => {
    renderIn('en', <ConnectionDetails connection={connected(odd)} />);
    expect(rows()).toEqual([
      ['Tunnel', 'IKEv2'],
      ['IPv4', `Error 733: ${en.error['733']!.message}`],
      ['This computer’s IPv6 address', 'fd00::17/64'],
      ['Server’s IPv6 address', 'fd00::1'],
      ['DNS servers', 'None set'],
      ['Authentication', 'Code 3'],
      ['Encryption', 'None: the link is not encrypted'],
      ['IKEv2 mobility and NAT', 'MOBIKE, this computer is behind NAT'],
      ['Device', 'WAN Miniport (IKEv2)'],
      ['Device type', 'vpn'],
    ]);
    const warnings = [...document.querySelectorAll('dl > .warning dt')].map((d) => d.textContent);
    expect(warnings).toEqual(['IPv4', 'Encryption']);
  });

  it('names every sign-in protocol Windows reports, in both languages', () => {
    const protocols = [
      'pap',
      'spap',
      'chap-md5',
      'ms-chap',
      'ms-chap-v2',
      'eap',
      'certificate',
      'psk',
    ] as const;
    for (const language of ['en', 'ru'] as const)
      for (const protocol of protocols) {
        const { unmount } = renderIn(
          language,
          <ConnectionDetails
            connection={connected({
              ...sstp,
              authentication: { protocol, code: 1, eapType: null },
            })}
          />,
        );
        const row = rows().find(
          ([term]) => term === (language === 'en' ? 'Authentication' : 'Проверка подлинности'),
        );
        expect(row?.[1], `${language} ${protocol}`).toBe(
          (language === 'en' ? en : ru).details.auth[protocol],
        );
        unmount();
      }
  });

  it('says an SSTP link is encrypted by TLS where PPP reports no cipher', () => {
    const { unmount } = renderIn(
      'en',
      <ConnectionDetails connection={connected({ ...sstp, encryption: null })} />,
    );
    expect(rows()).toContainEqual(['Encryption', 'TLS, by SSTP']);
    unmount();
    renderIn(
      'en',
      <ConnectionDetails connection={connected({ ...sstp, tunnel: 'pptp', encryption: null })} />,
    );
    expect(rows()).toContainEqual(['Encryption', 'Not negotiated']);
  });

  it('speaks Russian, with no English word of its own', () => {
    renderIn(
      'ru',
      <ConnectionDetails connection={connected(odd)} vpnStrategy={VPN_STRATEGIES.ikev2Only} />,
    );
    const section = screen.getByRole('region', { name: 'Подробности' });
    expect(rows()).toContainEqual(['Шифрование', 'Нет: подключение не зашифровано']);
    expect(rows()).toContainEqual(['IPv4', `Ошибка 733: ${ru.error['733']!.message}`]);
    const english = JSON.stringify(en.details).match(/[A-Za-z’]{4,}( [A-Za-z’]+)*/g)!;
    const shown = section.textContent!;
    for (const words of new Set(english))
      if (!JSON.stringify(ru.details).includes(words)) expect(shown).not.toContain(words);
  });

  it('has a Russian word for every English one but protocol names and layouts', () => {
    const same = (a: object, b: object, prefix = ''): string[] =>
      Object.entries(a).flatMap(([key, value]) => {
        const other = (b as Record<string, unknown>)[key];
        if (value && typeof value === 'object') return same(value, other as object, `${key}.`);
        return value === other ? [`${prefix}${key}`] : [];
      });
    expect(same(en.details, ru.details).sort()).toEqual(
      [
        'labels.ipv4',
        'labels.ipv6',
        ...Object.keys(en.details.tunnels).map((k) => `tunnels.${k}`),
        'auth.spap',
        'auth.chap-md5',
        'auth.ms-chap',
        'auth.ms-chap-v2',
        'auth.eap',
        ...Object.keys(en.details.ciphers).map((k) => `ciphers.${k}`),
        ...Object.keys(en.details.compressions).map((k) => `compressions.${k}`),
        'ikev2.mobike',
        'endpointsValue',
      ].sort(),
    );
  });

  it('copies the details as Name: value lines, and says so', async () => {
    const user = userEvent.setup();
    renderIn(
      'en',
      <ConnectionDetails connection={connected(sstp)} vpnStrategy={VPN_STRATEGIES.ikev2First} />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(await navigator.clipboard.readText()).toBe(
      [
        'Connection: Office VPN',
        'Tunnel: SSTP (the entry tries IKEv2 first)',
        'This computer’s address: 10.20.0.17',
        'Server’s address: 10.20.0.1',
        'IPv6: Not negotiated',
        'DNS servers: 10.20.0.2, 10.20.0.3',
        'Authentication: EAP (PEAP, type 25)',
        'Encryption: MPPE 128-bit',
        'Compression: MPPC',
        'Multilink: No',
        'Device: WAN Miniport (SSTP)',
        'Device type: vpn',
        'Tunnel endpoints: 192.0.2.10 → 203.0.113.5',
      ].join('\n'),
    );
    expect(screen.getByRole('status').textContent).toBe('Copied.');
  });

  it('copies with the copy command where the clipboard is refused, and says when both fail', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    let copied = '';
    const execCommand = vi.fn((command: string) => {
      const source = document.querySelector('textarea')!;
      copied = source.value.slice(source.selectionStart, source.selectionEnd);
      return command === 'copy';
    });
    document.execCommand = execCommand;
    renderIn('en', <ConnectionDetails connection={connected(sstp)} />);
    const button = screen.getByRole('button', { name: 'Copy details' });
    await user.click(button);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toMatch(/^Connection: Office VPN\nTunnel: SSTP\n/);
    expect(screen.getByRole('status').textContent).toBe('Copied.');
    expect(document.activeElement).toBe(button);
    expect(document.querySelector('textarea')).toBeNull();

    execCommand.mockReturnValue(false);
    await user.click(button);
    expect(screen.getByRole('status').textContent).toBe('Could not copy: select the text instead.');
  });

  it('forgets "Copied" when the details change', async () => {
    const user = userEvent.setup();
    const { rerender } = renderIn('en', <ConnectionDetails connection={connected(sstp)} />);
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(screen.getByRole('status').textContent).toBe('Copied.');
    act(() =>
      rerender(
        <I18nextProvider i18n={createI18n('en')}>
          <ConnectionDetails connection={connected({ ...sstp, dnsServers: ['10.0.0.9'] })} />
        </I18nextProvider>,
      ),
    );
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

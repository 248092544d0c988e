// What Windows negotiated for a connected link, as the rows of the Details section in the
// person's language: one function feeds the screen and the plain text the Copy button copies.

import type { TFunction } from 'i18next';
import type { ConnectionDetails } from '../../../app/ras/dial-types';
import { EAP_METHODS } from '../../../app/ras/eap-methods';
import { describeError } from '../../../app/ras/errors';
import { VPN_STRATEGIES } from '../../../app/phonebook/entry-settings';
import { errorText } from '../format';

export interface DetailRow {
  /** Stable for React and tests: which part of the details the row shows. */
  id: string;
  label: string;
  /** One or more lines (DNS servers each on their own). */
  values: string[];
  /** A value worth a second look: no encryption, a protocol that failed to negotiate. */
  warning?: boolean;
}

type Tunnel = NonNullable<ConnectionDetails['tunnel']>;

/** The protocol a "… first" strategy dials before the others (VS_ values, ras.h). */
const FIRST_TRIED: Partial<Record<number, Tunnel>> = {
  [VPN_STRATEGIES.pptpFirst]: 'pptp',
  [VPN_STRATEGIES.pptpSstp]: 'pptp',
  [VPN_STRATEGIES.l2tpFirst]: 'l2tp',
  [VPN_STRATEGIES.l2tpSstp]: 'l2tp',
  [VPN_STRATEGIES.sstpFirst]: 'sstp',
  [VPN_STRATEGIES.ikev2First]: 'ikev2',
  [VPN_STRATEGIES.ikev2Sstp]: 'ikev2',
};

function tunnelText(t: TFunction, tunnel: Tunnel, strategy: number | undefined): string {
  const name = t(`details.tunnels.${tunnel}`);
  const first = strategy === undefined ? undefined : FIRST_TRIED[strategy];
  return first && first !== tunnel
    ? t('details.fellBack', { tunnel: name, first: t(`details.tunnels.${first}`) })
    : name;
}

function negotiationError(t: TFunction, code: number): string {
  return t('ui.errorLine', { code, message: errorText(t, describeError(code)).message });
}

function authenticationText(
  t: TFunction,
  auth: NonNullable<ConnectionDetails['authentication']>,
): string {
  if (auth.protocol === 'unknown') return t('details.code', { code: auth.code });
  if (auth.protocol !== 'eap' || auth.eapType === null) return t(`details.auth.${auth.protocol}`);
  const method = EAP_METHODS[auth.eapType];
  return method
    ? t('details.eapMethod', { method, type: auth.eapType })
    : t('details.eapType', { type: auth.eapType });
}

/** SSTP encrypts with TLS, outside PPP: its projection carries no cipher, yet the link is encrypted. */
function encryptionRow(
  t: TFunction,
  { encryption, tunnel }: ConnectionDetails,
): Pick<DetailRow, 'values' | 'warning'> {
  if (encryption === null)
    return { values: [t(tunnel === 'sstp' ? 'details.sstpTls' : 'details.notNegotiated')] };
  if (encryption.method === 'unknown')
    return { values: [t('details.code', { code: encryption.code })] };
  if (encryption.method === 'none' || encryption.bits === 0)
    return { values: [t('details.notEncrypted')], warning: true };
  return {
    values: [
      t('details.cipher', {
        method: t(`details.ciphers.${encryption.method}`),
        bits: encryption.bits,
      }),
    ],
  };
}

function ikev2Text(t: TFunction, flags: NonNullable<ConnectionDetails['ikev2Flags']>): string {
  const said = (['mobike', 'behindNat', 'serverBehindNat'] as const)
    .filter((flag) => flags[flag])
    .map((flag) => t(`details.ikev2.${flag}`));
  return said.length > 0 ? said.join(', ') : t('details.ikev2.none');
}

/**
 * The rows in reading order. `strategy` is the entry's VpnStrategy where the page has read the
 * entry: it says which protocol the strategy tried first when another one won.
 */
export function detailRows(
  t: TFunction,
  details: ConnectionDetails,
  strategy?: number,
): DetailRow[] {
  const rows: DetailRow[] = [];
  const row = (id: string, values: string[], warning?: boolean) =>
    rows.push({ id, label: t(`details.labels.${id}`), values, ...(warning ? { warning } : {}) });
  const none = t('details.notNegotiated');

  if (details.tunnel) row('tunnel', [tunnelText(t, details.tunnel, strategy)]);
  const ipv4 = details.ipv4;
  if (ipv4 === null) row('ipv4', [none]);
  else if ('error' in ipv4) row('ipv4', [negotiationError(t, ipv4.error)], true);
  else {
    row('clientAddress', [ipv4.client]);
    row('serverAddress', [ipv4.server ?? t('details.unknown')]);
  }
  const ipv6 = details.ipv6;
  if (ipv6 === null) row('ipv6', [none]);
  else if ('error' in ipv6) row('ipv6', [negotiationError(t, ipv6.error)], true);
  else {
    const prefix = ipv6.prefixLength === null ? '' : `/${ipv6.prefixLength}`;
    row('clientIpv6', [`${ipv6.client}${prefix}`]);
    row('serverIpv6', [ipv6.server ?? t('details.unknown')]);
  }
  row('dns', details.dnsServers.length > 0 ? details.dnsServers : [t('details.noDns')]);
  row('authentication', [
    details.authentication ? authenticationText(t, details.authentication) : none,
  ]);
  const encryption = encryptionRow(t, details);
  row('encryption', encryption.values, encryption.warning);
  if (details.projection === 'ppp') {
    row('compression', [
      details.compression ? t(`details.compressions.${details.compression}`) : t('details.none'),
    ]);
    row('multilink', [t(details.multilink ? 'details.on' : 'details.off')]);
  }
  if (details.ikev2Flags) row('ikev2', [ikev2Text(t, details.ikev2Flags)]);
  row('device', [details.device.name]);
  row('deviceType', [details.device.type]);
  const { local, remote } = details.endpoints;
  if (local !== null || remote !== null)
    row('endpoints', [
      t('details.endpointsValue', {
        local: local ?? t('details.unknown'),
        remote: remote ?? t('details.unknown'),
      }),
    ]);
  return rows;
}

/** The rows as plain text, a `Name: value` line each, for a support ticket or a chat. */
export function detailsText(rows: DetailRow[]): string {
  return rows.map((r) => `${r.label}: ${r.values.join(', ')}`).join('\n');
}

// The name and the path: does the server's name resolve, do its TCP ports and (where Windows
// can tell) its IKE ports answer. Each check reads only what was measured.

import type { RasEntry } from '../phonebook/entry';
import { messageRef } from '../ras/app-messages';
import type { DoctorCheck } from './doctor-result';
import type { Measurements, PortMeasure } from './measurements';
import { PROTOCOL_NAMES, triedProtocols, type VpnProtocol } from './vpn-paths';

/** A list for a message: the same in every language; `?` when there is nothing to list. */
export const listOf = (items: readonly string[]): string =>
  items.length > 0 ? items.join(', ') : '?';

export function checkName(m: Measurements, host: string): DoctorCheck {
  const id = 'name';
  if (host.trim() === '')
    return {
      id,
      status: 'fail',
      summary: messageRef('doctor.name.noServer'),
      fix: { action: messageRef('doctor.fix.setServer') },
    };
  if (!m.name) return { id, status: 'skip', summary: messageRef('doctor.notMeasured') };
  const servers = listOf(m.name.dnsServers);
  const lookup = m.name.lookup;
  switch (lookup.kind) {
    case 'address':
      return { id, status: 'ok', summary: messageRef('doctor.name.address', { host }) };
    case 'resolved':
      return {
        id,
        status: 'ok',
        summary: messageRef('doctor.name.resolved', {
          host,
          addresses: listOf(lookup.addresses),
          servers,
        }),
      };
    case 'notFound':
      return {
        id,
        status: 'fail',
        summary: messageRef('doctor.name.notFound', { host, servers }),
        fix: { action: messageRef('doctor.fix.checkServerName', { host }) },
      };
    case 'timeout':
      return {
        id,
        status: 'fail',
        summary: messageRef('doctor.name.timeout', { host, servers }),
        fix: { action: messageRef('doctor.fix.checkDns') },
      };
    case 'failed':
      return {
        id,
        status: 'fail',
        summary: messageRef('doctor.name.failed', { host, servers, code: lookup.code }),
        fix: { action: messageRef('doctor.fix.checkDns') },
      };
  }
}

const PORT_PROTOCOL: Record<number, VpnProtocol> = { 443: 'sstp', 1723: 'pptp' };

/**
 * One TCP port. A closed port the entry never tries is no problem; one it tries is a warning,
 * and whether that explains the failure is the strategy check's to say (another path may work).
 */
export function checkPort(
  id: 'tcp443' | 'tcp1723',
  port: PortMeasure | null,
  entry: Pick<RasEntry, 'type' | 'vpnStrategy'>,
  timeoutSeconds: number,
): DoctorCheck {
  if (!port) return { id, status: 'skip', summary: messageRef('doctor.port.notMeasured') };
  const protocol = PORT_PROTOCOL[id === 'tcp443' ? 443 : 1723]!;
  const params = { port: port.port, protocol: PROTOCOL_NAMES[protocol], address: port.address };
  if (port.state === 'open')
    return { id, status: 'ok', summary: messageRef('doctor.port.open', params) };
  const tried = entry.type === 'vpn' && triedProtocols(entry.vpnStrategy).includes(protocol);
  if (!tried) return { id, status: 'ok', summary: messageRef('doctor.port.unused', params) };
  const summary =
    port.state === 'refused'
      ? messageRef('doctor.port.refused', params)
      : port.state === 'timeout'
        ? messageRef('doctor.port.timeout', { ...params, seconds: timeoutSeconds })
        : port.state === 'unreachable'
          ? messageRef('doctor.port.unreachable', params)
          : messageRef('doctor.port.failed', params);
  return { id, status: 'warn', summary };
}

export function checkIke(
  m: Measurements,
  entry: Pick<RasEntry, 'type' | 'vpnStrategy'>,
): DoctorCheck {
  const id = 'ike';
  const tried = triedProtocols(entry.vpnStrategy).filter((p) => p === 'ikev2' || p === 'l2tp');
  if (entry.type !== 'vpn' || tried.length === 0)
    return { id, status: 'skip', summary: messageRef('doctor.ike.unused') };
  if (m.ike === null) return { id, status: 'skip', summary: messageRef('doctor.notMeasured') };
  if (m.ike === 'unknown') return { id, status: 'skip', summary: messageRef('doctor.ike.unknown') };
  if (m.ike === 'answers') return { id, status: 'ok', summary: messageRef('doctor.ike.answers') };
  return { id, status: 'warn', summary: messageRef('doctor.ike.silent') };
}

// Which tunnel protocols an entry's VPN strategy tries, and which network path each needs:
// SSTP TCP 443, PPTP TCP 1723 (and GRE), IKEv2 and L2TP/IPsec UDP 500/4500.

import { VPN_STRATEGIES } from '../phonebook/entry-settings';
import type { IkeState, Measurements, PortMeasure } from './measurements';

export type VpnProtocol = 'ikev2' | 'sstp' | 'l2tp' | 'pptp' | 'gre';

/** The order Windows tries them in when the entry leaves the choice to it. */
const AUTOMATIC: readonly VpnProtocol[] = ['ikev2', 'sstp', 'l2tp', 'pptp'];

const first = (p: VpnProtocol): VpnProtocol[] => [p, ...AUTOMATIC.filter((q) => q !== p)];

/** The protocols a VS_ value tries, in order; an unknown value counts as automatic. */
export function triedProtocols(strategy: number): VpnProtocol[] {
  switch (strategy) {
    case VPN_STRATEGIES.pptpOnly:
      return ['pptp'];
    case VPN_STRATEGIES.pptpFirst:
      return first('pptp');
    case VPN_STRATEGIES.l2tpOnly:
      return ['l2tp'];
    case VPN_STRATEGIES.l2tpFirst:
      return first('l2tp');
    case VPN_STRATEGIES.sstpOnly:
      return ['sstp'];
    case VPN_STRATEGIES.sstpFirst:
      return first('sstp');
    case VPN_STRATEGIES.ikev2Only:
      return ['ikev2'];
    case VPN_STRATEGIES.ikev2First:
      return first('ikev2');
    case VPN_STRATEGIES.greOnly:
      return ['gre'];
    case VPN_STRATEGIES.pptpSstp:
      return ['pptp', 'sstp'];
    case VPN_STRATEGIES.l2tpSstp:
      return ['l2tp', 'sstp'];
    case VPN_STRATEGIES.ikev2Sstp:
      return ['ikev2', 'sstp'];
    default:
      return [...AUTOMATIC];
  }
}

/** How each protocol is written in messages (the same in every language). */
export const PROTOCOL_NAMES: Record<VpnProtocol, string> = {
  ikev2: 'IKEv2',
  sstp: 'SSTP',
  l2tp: 'L2TP/IPsec',
  pptp: 'PPTP',
  gre: 'GRE',
};

export const protocolList = (protocols: readonly VpnProtocol[]): string =>
  protocols.map((p) => PROTOCOL_NAMES[p]).join(', ');

const portOpen = (port: PortMeasure | null): boolean | null =>
  port === null ? null : port.state === 'open';
const ikeOpen = (ike: IkeState | null): boolean | null =>
  ike === null || ike === 'unknown' ? null : ike === 'answers';

/** Whether the protocol's path answered: true, false, or null when nobody could tell. */
export function pathOpen(protocol: VpnProtocol, m: Measurements): boolean | null {
  switch (protocol) {
    case 'sstp':
      return portOpen(m.sstp);
    case 'pptp':
      return portOpen(m.pptp);
    case 'ikev2':
    case 'l2tp':
      return ikeOpen(m.ike);
    case 'gre':
      return null;
  }
}

/** The strategy that tries an open protocol first, best first: SSTP, IKEv2, PPTP. */
export const STRATEGY_FOR: Partial<Record<VpnProtocol, number>> = {
  sstp: VPN_STRATEGIES.sstpFirst,
  ikev2: VPN_STRATEGIES.ikev2First,
  pptp: VPN_STRATEGIES.pptpFirst,
};

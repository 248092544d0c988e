// The entry against what was measured and the error: its VPN strategy against the paths that
// answer, its sign-in methods against the error, its IP settings, and the DNS settings that
// send names past the tunnel. Fixes name the entry's fields, so one click can apply them.

import type { RasEntry } from '../phonebook/entry';
import type { AuthProtocol } from '../phonebook/entry-settings';
import { messageRef } from '../ras/app-messages';
import type { DoctorCheck } from './doctor-result';
import type { Failure, Measurements } from './measurements';
import {
  pathOpen,
  PROTOCOL_NAMES,
  protocolList,
  STRATEGY_FOR,
  triedProtocols,
  type VpnProtocol,
} from './vpn-paths';

/** Where a VPN entry's metric stops being lower than a network adapter's automatic one. */
export const ADAPTER_METRIC = 25;

/** The protocols the entry could switch to, best first. */
const PREFERRED: readonly VpnProtocol[] = ['sstp', 'ikev2', 'pptp'];

export function checkStrategy(m: Measurements, entry: RasEntry): DoctorCheck {
  const id = 'strategy';
  if (entry.type !== 'vpn') return { id, status: 'skip', summary: messageRef('doctor.notVpn') };
  const tried = triedProtocols(entry.vpnStrategy);
  const answering = tried.filter((p) => pathOpen(p, m) === true);
  if (answering.length > 0)
    return {
      id,
      status: 'ok',
      summary: messageRef('doctor.strategy.ok', {
        tried: protocolList(tried),
        open: protocolList(answering),
      }),
    };
  const unknown = tried.some((p) => pathOpen(p, m) === null);
  const other = PREFERRED.find((p) => !tried.includes(p) && pathOpen(p, m) === true);
  if (other) {
    const strategy = STRATEGY_FOR[other]!;
    return {
      id,
      status: unknown ? 'warn' : 'fail',
      summary: messageRef(unknown ? 'doctor.strategy.otherMaybe' : 'doctor.strategy.other', {
        tried: protocolList(tried),
        open: PROTOCOL_NAMES[other],
      }),
      fix: {
        action: messageRef('doctor.fix.strategy', { protocol: PROTOCOL_NAMES[other] }),
        change: { vpnStrategy: strategy },
      },
    };
  }
  if (unknown)
    return {
      id,
      status: 'skip',
      summary: messageRef('doctor.strategy.unknown', { tried: protocolList(tried) }),
    };
  return {
    id,
    status: 'fail',
    summary: messageRef('doctor.strategy.nothing', { tried: protocolList(tried) }),
    fix: { action: messageRef('doctor.fix.firewall') },
  };
}

const METHOD_NAMES: Record<AuthProtocol, string> = {
  pap: 'PAP',
  chap: 'CHAP',
  mschapv2: 'MS-CHAP v2',
};
const EAP_NAMES: Record<number, string> = { 13: 'EAP-TLS', 25: 'PEAP', 26: 'EAP-MSCHAPv2' };

/** The sign-in methods the entry offers, as their acronyms (the same in every language). */
export function signInMethods(entry: RasEntry): string {
  const methods = entry.authProtocols.map((p) => METHOD_NAMES[p]);
  if (entry.eapTypeId > 0) methods.push(EAP_NAMES[entry.eapTypeId] ?? `EAP ${entry.eapTypeId}`);
  if (entry.usePreSharedKey) methods.push('PSK');
  return methods.length > 0 ? methods.join(', ') : '?';
}

/** IKEv2 without EAP or a key, and L2TP without a key, sign the computer in with a certificate. */
export function usesMachineCertificate(entry: RasEntry): boolean {
  if (entry.type !== 'vpn' || entry.usePreSharedKey) return false;
  const tried = triedProtocols(entry.vpnStrategy);
  return tried.includes('l2tp') || (tried.includes('ikev2') && entry.eapTypeId === 0);
}

const withMschapv2 = (entry: RasEntry): AuthProtocol[] =>
  entry.authProtocols.includes('mschapv2')
    ? entry.authProtocols
    : [...entry.authProtocols.filter((p) => p !== 'pap'), 'mschapv2'];

export function checkSignIn(entry: RasEntry, failure: Failure): DoctorCheck {
  const id = 'signIn';
  const methods = signInMethods(entry);
  const noEap = entry.eapTypeId === 0;
  const addMschapv2 = {
    action: messageRef('doctor.fix.useMschapv2'),
    change: { authProtocols: withMschapv2(entry) },
  };
  const ok: DoctorCheck = {
    id,
    status: 'ok',
    summary: messageRef('doctor.signIn.methods', { methods }),
  };
  switch (failure.code) {
    case 691:
      if (noEap && entry.authProtocols.length === 1 && entry.authProtocols[0] === 'pap')
        return {
          id,
          status: 'fail',
          summary: messageRef('doctor.signIn.papOnly'),
          fix: addMschapv2,
        };
      return ok;
    case 812:
      if (noEap && !entry.authProtocols.includes('mschapv2'))
        return {
          id,
          status: 'fail',
          summary: messageRef('doctor.signIn.weakOnly', { methods }),
          fix: addMschapv2,
        };
      return { id, status: 'warn', summary: messageRef('doctor.signIn.policy', { methods }) };
    case 789:
    case 13801:
      if (entry.usePreSharedKey)
        return {
          id,
          status: 'warn',
          summary: messageRef('doctor.signIn.psk'),
          fix: { action: messageRef('doctor.fix.checkPsk') },
        };
      if (failure.code === 789 && triedProtocols(entry.vpnStrategy).includes('l2tp'))
        return {
          id,
          status: 'warn',
          summary: messageRef('doctor.signIn.l2tpCertificate'),
          fix: { action: messageRef('doctor.fix.l2tpPsk') },
        };
      return ok;
    default:
      return ok;
  }
}

export function checkMachineCertificate(m: Measurements, entry: RasEntry): DoctorCheck {
  const id = 'machineCertificate';
  if (!usesMachineCertificate(entry))
    return { id, status: 'skip', summary: messageRef('doctor.machineCert.unused') };
  if (m.machineCertificate === 'present')
    return { id, status: 'ok', summary: messageRef('doctor.machineCert.present') };
  if (m.machineCertificate === 'missing')
    return {
      id,
      status: 'fail',
      summary: messageRef('doctor.machineCert.missing'),
      fix: { action: messageRef('doctor.fix.machineCert') },
    };
  return { id, status: 'skip', summary: messageRef('doctor.machineCert.unknown') };
}

export function checkNetworking(entry: RasEntry, failure: Failure): DoctorCheck {
  const id = 'networking';
  const enableIpv4 = { action: messageRef('doctor.fix.enableIpv4'), change: { ipv4: true } };
  if (!entry.ipv4 && !entry.ipv6)
    return { id, status: 'fail', summary: messageRef('doctor.net.none'), fix: enableIpv4 };
  if (!entry.ipv4 && failure.code === 720)
    return { id, status: 'warn', summary: messageRef('doctor.net.ipv6Only'), fix: enableIpv4 };
  return { id, status: 'ok', summary: messageRef('doctor.net.ok') };
}

/** The domain a server name belongs to (vpn.corp.example.com → corp.example.com), if any. */
export function serverDomain(host: string): string | null {
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 3 || /^\d+$/.test(labels[labels.length - 1]!)) return null;
  return labels.slice(1).join('.');
}

export function checkDnsRouting(entry: RasEntry, host: string): DoctorCheck {
  const id = 'dnsRouting';
  if (entry.type !== 'vpn') return { id, status: 'skip', summary: messageRef('doctor.notVpn') };
  if (entry.useRemoteGateway)
    return { id, status: 'ok', summary: messageRef('doctor.dns.fullTunnel') };
  if (entry.ipv4Metric > ADAPTER_METRIC)
    return {
      id,
      status: 'warn',
      summary: messageRef('doctor.dns.metric', {
        metric: entry.ipv4Metric,
        adapter: ADAPTER_METRIC,
      }),
      fix: { action: messageRef('doctor.fix.metric'), change: { ipv4Metric: 1 } },
    };
  if (entry.dnsSuffix.trim() === '') {
    const suffix = serverDomain(host);
    return {
      id,
      status: 'warn',
      summary: messageRef('doctor.dns.noSuffix'),
      fix: suffix
        ? { action: messageRef('doctor.fix.suffix', { suffix }), change: { dnsSuffix: suffix } }
        : { action: messageRef('doctor.fix.suffixAsk') },
    };
  }
  return { id, status: 'ok', summary: messageRef('doctor.dns.split', { suffix: entry.dnsSuffix }) };
}

// The options of `ras-connect phonebook create|edit` for the Options, Security and Networking
// settings, each turned into the entry field it sets. Values a person types are names where
// Windows shows names (strategies, encryption levels) and numbers otherwise; a VS_ or
// DataEncryption number the names do not cover may be given as it is.

import type { AuthProtocol, RasEntry } from '../../app/phonebook/entry';
import {
  AUTH_PROTOCOLS,
  DATA_ENCRYPTION,
  ENCRYPTION_LEVELS,
  VPN_STRATEGIES,
  type VpnStrategyName,
} from '../../app/phonebook/entry-settings';
import { UsageError } from './args';

export const SETTING_OPTIONS = {
  'vpn-strategy': { type: 'string' },
  encryption: { type: 'string' },
  auth: { type: 'string' },
  'idle-seconds': { type: 'string' },
  'windows-logon': { type: 'string' },
  'dns-suffix': { type: 'string' },
  'register-dns': { type: 'string' },
  'ipv4-metric': { type: 'string' },
  'ipv6-metric': { type: 'string' },
  'class-based-route': { type: 'string' },
  'use-psk': { type: 'string' },
  psk: { type: 'string' },
  mobility: { type: 'string' },
  'outage-seconds': { type: 'string' },
} as const;

export const SETTING_OPTIONS_USAGE = `--vpn-strategy NAME|N (automatic, pptp-only, pptp-first, l2tp-only, l2tp-first, sstp-only,
sstp-first, ikev2-only, ikev2-first, gre-only, pptp-sstp, l2tp-sstp, ikev2-sstp,
protocol-list), --encryption none|optional|required|maximum|N, --auth pap,chap,mschapv2,
--idle-seconds N|never (0 = Windows' global value), --windows-logon yes|no,
--dns-suffix SUFFIX, --register-dns yes|no, --ipv4-metric N, --ipv6-metric N (0 = automatic),
--class-based-route yes|no, --use-psk yes|no, --psk KEY ('' forgets it; saved like a password),
--mobility yes|no, --outage-seconds N.`;

/** The option value for a strategy name: ikev2Sstp → ikev2-sstp. */
export function kebab(name: string): string {
  return name.replace(
    /[A-Z0-9]/g,
    (c, i: number) => (i > 0 && /[A-Z]/.test(c) ? '-' : '') + c.toLowerCase(),
  );
}

export type SettingValues = Partial<Record<keyof typeof SETTING_OPTIONS, string>>;

const DWORD_MAX = 0xffffffff;

function number(value: string, option: string, max = DWORD_MAX): number {
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UsageError(`--${option} takes a whole number from 0 to ${max}, not "${value}".`);
  return Number(value);
}

function yesNo(value: string, option: string): boolean {
  if (/^(yes|true|1|on)$/i.test(value)) return true;
  if (/^(no|false|0|off)$/i.test(value)) return false;
  throw new UsageError(`--${option} takes yes or no, not "${value}".`);
}

function strategy(value: string): number {
  if (/^\d+$/.test(value)) return number(value, 'vpn-strategy');
  const name = (Object.keys(VPN_STRATEGIES) as VpnStrategyName[]).find(
    (n) => kebab(n) === value.toLowerCase(),
  );
  if (name === undefined)
    throw new UsageError(
      `--vpn-strategy is one of ${Object.keys(VPN_STRATEGIES).map(kebab).join(', ')}, or a VS_ number.`,
    );
  return VPN_STRATEGIES[name];
}

function encryption(value: string): number {
  if (/^\d+$/.test(value)) return number(value, 'encryption');
  const level = ENCRYPTION_LEVELS.find((l) => l === value.toLowerCase());
  if (level === undefined)
    throw new UsageError(`--encryption is one of ${ENCRYPTION_LEVELS.join(', ')}, or a number.`);
  return DATA_ENCRYPTION[level];
}

function protocols(value: string): AuthProtocol[] {
  const list = value
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  for (const p of list)
    if (!(AUTH_PROTOCOLS as readonly string[]).includes(p))
      throw new UsageError(`--auth takes a list of ${AUTH_PROTOCOLS.join(', ')}, not "${p}".`);
  return AUTH_PROTOCOLS.filter((p) => list.includes(p));
}

/** The entry with the setting options applied; the pre-shared key is returned apart (a secret). */
export function applySettingOptions(
  entry: RasEntry,
  v: SettingValues,
): { entry: RasEntry; preSharedKey: string | undefined } {
  const out: RasEntry = { ...entry };
  if (v['vpn-strategy'] !== undefined) out.vpnStrategy = strategy(v['vpn-strategy']);
  if (v.encryption !== undefined) out.encryption = encryption(v.encryption);
  if (v.auth !== undefined) out.authProtocols = protocols(v.auth);
  if (v['idle-seconds'] !== undefined)
    out.idleDisconnectSeconds =
      v['idle-seconds'] === 'never' ? DWORD_MAX : number(v['idle-seconds'], 'idle-seconds');
  if (v['windows-logon'] !== undefined)
    out.useWindowsLogon = yesNo(v['windows-logon'], 'windows-logon');
  if (v['dns-suffix'] !== undefined) out.dnsSuffix = v['dns-suffix'];
  if (v['register-dns'] !== undefined) out.registerInDns = yesNo(v['register-dns'], 'register-dns');
  if (v['ipv4-metric'] !== undefined)
    out.ipv4Metric = number(v['ipv4-metric'], 'ipv4-metric', 9999);
  if (v['ipv6-metric'] !== undefined)
    out.ipv6Metric = number(v['ipv6-metric'], 'ipv6-metric', 9999);
  if (v['class-based-route'] !== undefined)
    out.disableClassBasedRoute = !yesNo(v['class-based-route'], 'class-based-route');
  if (v['use-psk'] !== undefined) out.usePreSharedKey = yesNo(v['use-psk'], 'use-psk');
  if (v.psk) out.usePreSharedKey = true;
  if (v.mobility !== undefined) out.ikev2Mobility = yesNo(v.mobility, 'mobility');
  if (v['outage-seconds'] !== undefined)
    out.networkOutageSeconds = number(v['outage-seconds'], 'outage-seconds');
  return { entry: out, preSharedKey: v.psk };
}

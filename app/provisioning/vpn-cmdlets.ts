// What the VpnClient cmdlets mean for a phonebook entry, both ways: the values of
// Add-VpnConnection's parameters (Microsoft's reference: -TunnelType Pptp|L2tp|Sstp|Ikev2|
// Automatic, -EncryptionLevel NoEncryption|Optional|Required|Maximum|Custom,
// -AuthenticationMethod Pap|Chap|MSChapv2|Eap|MachineCertificate, -SplitTunneling, …) and the
// entry settings and phonebook keys they stand for.

import {
  DATA_ENCRYPTION,
  VPN_STRATEGIES,
  type AuthProtocol,
  type EncryptionLevel,
} from '../phonebook/entry-settings';

/** -TunnelType: each names one "only" strategy; Automatic is VS_Default (0). */
export const TUNNEL_TYPES = {
  Automatic: VPN_STRATEGIES.automatic,
  Pptp: VPN_STRATEGIES.pptpOnly,
  L2tp: VPN_STRATEGIES.l2tpOnly,
  Sstp: VPN_STRATEGIES.sstpOnly,
  Ikev2: VPN_STRATEGIES.ikev2Only,
} as const;
export type TunnelType = keyof typeof TUNNEL_TYPES;

/** -EncryptionLevel; Custom stands for an IPsec policy set by Set-VpnConnectionIPsecConfiguration. */
export const ENCRYPTION_LEVEL_NAMES: Record<EncryptionLevel, string> = {
  none: 'NoEncryption',
  optional: 'Optional',
  required: 'Required',
  maximum: 'Maximum',
};

export const AUTH_METHOD_NAMES: Record<AuthProtocol, string> = {
  pap: 'Pap',
  chap: 'Chap',
  mschapv2: 'MSChapv2',
};

/**
 * The EAP type Add-VpnConnection -AuthenticationMethod Eap sets up without -EapConfigXmlStream:
 * Windows' default EAP configuration, EAP-MSCHAP v2 (New-EapConfiguration's default).
 */
export const DEFAULT_EAP_TYPE = 26;

/** What Add-VpnConnection writes when a parameter is left out (Microsoft's Example 1). */
export const CMDLET_DEFAULTS = {
  vpnStrategy: TUNNEL_TYPES.Automatic,
  encryption: DATA_ENCRYPTION.required,
  authProtocols: ['mschapv2'] as AuthProtocol[],
  useRemoteGateway: true,
};

/** The parameter names Add-VpnConnection (and Set-VpnConnection) take, with their aliases. */
export const VPN_PARAMETERS: Record<string, readonly string[]> = {
  Name: ['ConnectionName'],
  ServerAddress: ['ServerName', 'DefaultServer'],
  TunnelType: [],
  EncryptionLevel: [],
  AuthenticationMethod: [],
  SplitTunneling: [],
  AllUserConnection: [],
  L2tpPsk: [],
  RememberCredential: [],
  UseWinlogonCredential: [],
  EapConfigXmlStream: [],
  DnsSuffix: [],
  IdleDisconnectSeconds: [],
  ServerList: [],
  MachineCertificateIssuerFilter: [],
  MachineCertificateEKUFilter: [],
  PlugInApplicationID: [],
  CustomConfiguration: [],
  ThirdPartyVpn: [],
  Force: [],
  PassThru: [],
  CimSession: ['Session'],
  ThrottleLimit: [],
  AsJob: [],
  WhatIf: ['wi'],
  Confirm: ['cf'],
  // PowerShell's common parameters.
  Verbose: ['vb'],
  Debug: ['db'],
  ErrorAction: ['ea'],
  WarningAction: ['wa'],
  InformationAction: ['infa'],
  ErrorVariable: ['ev'],
  WarningVariable: ['wv'],
  InformationVariable: ['iv'],
  OutVariable: ['ov'],
  OutBuffer: ['ob'],
  PipelineVariable: ['pv'],
};

/** Switch parameters: present means true unless given `:$false`. */
export const VPN_SWITCHES = new Set([
  'SplitTunneling',
  'AllUserConnection',
  'RememberCredential',
  'UseWinlogonCredential',
  'ThirdPartyVpn',
  'Force',
  'PassThru',
  'AsJob',
  'WhatIf',
  'Confirm',
  'Verbose',
  'Debug',
]);

/** Add-VpnConnection's positions (Microsoft's reference: Name 1, ServerAddress 2, …). */
export const VPN_POSITIONS = [
  'Name',
  'ServerAddress',
  'TunnelType',
  'EncryptionLevel',
  'AuthenticationMethod',
] as const;

/**
 * The parameter a typed name means, as PowerShell binds it: any case, an alias, or a prefix
 * that only one name starts with. Undefined for an unknown name, the candidates when ambiguous.
 */
export function resolveParameter(
  typed: string,
  table: Record<string, readonly string[]> = VPN_PARAMETERS,
): string | string[] | undefined {
  const lower = typed.toLowerCase();
  for (const [name, aliases] of Object.entries(table))
    if (name.toLowerCase() === lower || aliases.some((a) => a.toLowerCase() === lower)) return name;
  const matches = Object.keys(table).filter((name) => name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0];
  return matches.length > 1 ? matches : undefined;
}

/** A value from a fixed set, matched as PowerShell does (any case); undefined when not in it. */
export function oneOf<T extends string>(value: string, names: readonly T[]): T | undefined {
  return names.find((n) => n.toLowerCase() === value.toLowerCase());
}

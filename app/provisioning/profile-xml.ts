// An Intune / VPNv2 CSP ProfileXML (Microsoft's "ProfileXML XSD") read into the phonebook entry
// it describes: the native profile's servers, protocol, sign-in, routing policy, DNS suffix and
// registration. What a phonebook entry cannot hold (traffic filters, app triggers, name
// resolution tables, proxies, trusted-network detection, routes) is named in a note; a
// third-party plug-in profile is refused, since it is not a RAS entry at all.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeEntry } from '../phonebook/entry';
import {
  DATA_ENCRYPTION,
  VPN_STRATEGIES,
  type AuthProtocol,
  type EntrySettings,
} from '../phonebook/entry-settings';
import { messageRef, type MessageRef } from '../ras/app-messages';
import { AppError } from '../ras/errors';
import { DEFAULT_EAP_TYPE, oneOf } from './vpn-cmdlets';
import type { ImportedEntry } from './vpn-powershell';

type Node = Record<string, unknown>;

/** NativeProtocolType values (the CSP's documented ones) and the strategy each stands for. */
const PROTOCOLS = {
  Automatic: VPN_STRATEGIES.automatic,
  PPTP: VPN_STRATEGIES.pptpOnly,
  L2TP: VPN_STRATEGIES.l2tpOnly,
  IKEv2: VPN_STRATEGIES.ikev2Only,
  SSTP: VPN_STRATEGIES.sstpOnly,
  ProtocolList: VPN_STRATEGIES.protocolList,
} as const;

/** Children of VPNProfile that configure Windows outside the phonebook entry. */
const NOT_ENTRY = [
  'Route',
  'TrafficFilter',
  'AppTrigger',
  'DomainNameInformation',
  'Proxy',
  'TrustedNetworkDetection',
  'DeviceCompliance',
  'EdpModeId',
  'LockDown',
  'DeviceTunnel',
  'ByPassForLocal',
  'APNBinding',
  'RememberCredentials',
];

function child(node: unknown, name: string): unknown {
  if (typeof node !== 'object' || node === null) return undefined;
  const found = Object.entries(node as Node).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return found?.[1];
}

function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean')
    return String(node).trim();
  const t = (node as Node)['#text'];
  return t === undefined ? '' : String(t).trim();
}

function bool(node: unknown): boolean | undefined {
  const t = textOf(node);
  return t === undefined ? undefined : /^(true|1)$/i.test(t);
}

/** The EAP method type inside the EapHostConfig (EapMethod/Type), if one is given. */
function eapType(authentication: unknown): number | undefined {
  const config = child(child(child(authentication, 'Eap'), 'Configuration'), 'EapHostConfig');
  const type = textOf(child(child(config, 'EapMethod'), 'Type'));
  const n = Number.parseInt(type ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Reads a ProfileXML; `name` is the profile's name (the CSP node's, which the XML lacks). */
export function profileXmlToEntry(xml: string, name: string): ImportedEntry {
  const checked = XMLValidator.validate(xml);
  if (checked !== true)
    throw new AppError(
      'INVALID_INPUT',
      messageRef('provision.xml.invalid', {
        problem: `line ${checked.err.line}, column ${checked.err.col}`,
      }),
    );
  const parsed = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (tag) => tag === 'Route' || tag === 'TrafficFilter' || tag === 'AppTrigger',
  }).parse(xml) as Node;
  const profile = child(parsed, 'VPNProfile');
  if (profile === undefined)
    throw new AppError('INVALID_INPUT', messageRef('provision.xml.noProfile'));
  if (child(profile, 'PluginProfile') !== undefined)
    throw new AppError('INVALID_INPUT', messageRef('provision.xml.plugIn'));
  const native = child(profile, 'NativeProfile');
  const servers = (textOf(child(native, 'Servers')) ?? '')
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (servers.length === 0)
    throw new AppError('INVALID_INPUT', messageRef('provision.xml.noServers'));

  const notes: MessageRef[] = [];
  const settings: Partial<EntrySettings> = {
    // A ProfileXML says nothing of PPP encryption; Windows asks for it (Add-VpnConnection's default).
    encryption: DATA_ENCRYPTION.required,
  };
  const protocol = textOf(child(native, 'NativeProtocolType'));
  if (protocol) {
    const known = oneOf(protocol, Object.keys(PROTOCOLS) as (keyof typeof PROTOCOLS)[]);
    if (!known)
      throw new AppError(
        'INVALID_INPUT',
        messageRef('provision.xml.badValue', {
          element: 'NativeProtocolType',
          value: protocol,
          allowed: Object.keys(PROTOCOLS).join(', '),
        }),
      );
    settings.vpnStrategy = PROTOCOLS[known];
    if (known === 'ProtocolList') notes.push(messageRef('provision.note.protocolList'));
  }
  const routing = textOf(child(native, 'RoutingPolicyType'));
  if (routing) {
    const known = oneOf(routing, ['SplitTunnel', 'ForceTunnel'] as const);
    if (!known)
      throw new AppError(
        'INVALID_INPUT',
        messageRef('provision.xml.badValue', {
          element: 'RoutingPolicyType',
          value: routing,
          allowed: 'SplitTunnel, ForceTunnel',
        }),
      );
    settings.useRemoteGateway = known === 'ForceTunnel';
  }
  const classBased = bool(child(native, 'DisableClassBasedDefaultRoute'));
  if (classBased !== undefined) settings.disableClassBasedRoute = classBased;

  const authentication = child(native, 'Authentication');
  const userMethod = textOf(child(authentication, 'UserMethod'));
  const machineMethod = textOf(child(authentication, 'MachineMethod'));
  let eap = 0;
  if (userMethod && /^eap$/i.test(userMethod)) {
    eap = eapType(authentication) ?? DEFAULT_EAP_TYPE;
    settings.authProtocols = [];
  } else if (userMethod && /^mschapv2$/i.test(userMethod)) {
    settings.authProtocols = ['mschapv2' as AuthProtocol];
  } else if (machineMethod && !userMethod) {
    notes.push(messageRef('provision.note.xmlMachineCertificate'));
  }

  const psk = textOf(child(native, 'L2tpPsk'));
  if (psk) settings.usePreSharedKey = true;
  const suffix = textOf(child(profile, 'DnsSuffix'));
  if (suffix) settings.dnsSuffix = suffix;
  const register = bool(child(profile, 'RegisterDNS'));
  if (register !== undefined) settings.registerInDns = register;
  const alwaysOn = bool(child(profile, 'AlwaysOn')) === true;
  if (alwaysOn) notes.push(messageRef('provision.note.alwaysOn'));
  if (servers.length > 1)
    notes.push(messageRef('provision.note.alternates', { servers: servers.slice(1).join(', ') }));
  const ignored = NOT_ENTRY.filter((n) => child(profile, n) !== undefined);
  if (ignored.length > 0)
    notes.push(messageRef('provision.note.xmlIgnored', { elements: ignored.join(', ') }));

  const given = textOf(child(profile, 'ProfileName'));
  const entry = makeEntry(given || name, 'vpn', servers, { ...settings, eapTypeId: eap });
  return { entry, preSharedKey: psk || null, allUsers: false, keepConnected: alwaysOn, notes };
}

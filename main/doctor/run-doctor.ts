// Runs the failure doctor for one entry: each probe in turn, only to the entry's own server and
// only when asked, and each check as soon as what it reads is measured, so a window or the CLI
// can show them as they come. The checks and the verdict are app/doctor's pure functions.

import type { DoctorCheck, DoctorVerdict } from '../../app/doctor/doctor-result';
import { NOT_MEASURED, type Failure, type Measurements } from '../../app/doctor/measurements';
import { runCheck, verdict } from '../../app/doctor/verdict';
import { primaryDestination, type RasEntry } from '../../app/phonebook/entry';
import { httpDate, resolveName, tcpConnect, tlsHandshake, type LookupAll } from './probes';
import { windowsSideFor, type WindowsSide } from './windows-side';

export interface DoctorOptions {
  windows: WindowsSide;
  now: () => number;
  /** Each probe's timeout. */
  timeoutMs: number;
  /** SSTP and PPTP ports: 443 and 1723; tests point them at servers of their own. */
  ports: { sstp: number; pptp: number };
  /** Trusted roots in PEM (tests); undefined: the Windows side's. */
  ca?: string[];
  lookup?: LookupAll;
  dnsServers?: () => string[];
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const VPN_PORTS = { sstp: 443, pptp: 1723 } as const;

/** A run's options on this backend: the real ports and timeout, unless tests give their own. */
export function doctorOptions(
  backend: 'simulated' | 'win32',
  overrides: Partial<DoctorOptions> = {},
): DoctorOptions {
  return {
    windows: windowsSideFor(backend),
    now: () => Date.now(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    ports: VPN_PORTS,
    ...overrides,
  };
}

export interface DoctorReport {
  failure: Failure;
  checks: DoctorCheck[];
  verdict: DoctorVerdict;
}

export async function runDoctor(
  entry: RasEntry,
  failure: Failure,
  options: DoctorOptions,
  onCheck: (check: DoctorCheck) => void = () => undefined,
): Promise<DoctorReport> {
  const m: Measurements = { ...NOT_MEASURED, localNow: options.now() };
  const checks: DoctorCheck[] = [];
  const settings = { timeoutSeconds: Math.round(options.timeoutMs / 1000) };
  const emit = (...ids: DoctorCheck['id'][]): void => {
    for (const id of ids) {
      const check = runCheck(id, m, entry, failure, settings);
      checks.push(check);
      onCheck(check);
    }
  };
  const host = primaryDestination(entry).trim();
  const probe = entry.type === 'vpn' && host !== '';

  if (probe)
    m.name = await resolveName(host, {
      timeoutMs: options.timeoutMs,
      lookup: options.lookup,
      servers: options.dnsServers,
    });
  emit('name');
  const lookup = m.name?.lookup;
  const address =
    lookup?.kind === 'address' ? host : lookup?.kind === 'resolved' ? lookup.addresses[0]! : null;

  if (address) {
    [m.sstp, m.pptp] = await Promise.all([
      tcpConnect(address, options.ports.sstp, options.timeoutMs),
      tcpConnect(address, options.ports.pptp, options.timeoutMs),
    ]);
  }
  emit('tcp443', 'tcp1723');

  if (address && m.sstp?.state === 'open') {
    const target = {
      address,
      port: options.ports.sstp,
      servername: lookup?.kind === 'address' ? null : host,
      timeoutMs: options.timeoutMs,
      ca: options.ca ?? options.windows.trustedRoots(),
    };
    m.tls = await tlsHandshake(target);
    if (m.tls.kind === 'handshake') {
      m.serverDate = await httpDate({ ...target, host });
      m.localNow = options.now();
    }
  }
  emit('certificate', 'clock');

  if (address) m.ike = await options.windows.ike(host, address);
  emit('ike');
  if (entry.type === 'vpn') m.machineCertificate = await options.windows.machineCertificate(host);
  emit('machineCertificate', 'strategy', 'signIn', 'networking', 'dnsRouting');

  return { failure, checks, verdict: verdict(checks, failure) };
}

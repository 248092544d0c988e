// All checks over what was measured, then one verdict for the error: the first check, among
// those that can explain that error, that failed (else warned) gives the cause and its fix.

import type { RasEntry } from '../phonebook/entry';
import { primaryDestination } from '../phonebook/entry';
import { messageRef, type MessageKey } from '../ras/app-messages';
import { checkCertificate, checkClock } from './checks-certificate';
import {
  checkDnsRouting,
  checkMachineCertificate,
  checkNetworking,
  checkSignIn,
  checkStrategy,
} from './checks-entry';
import { checkIke, checkName, checkPort } from './checks-network';
import { CHECK_IDS, type CheckId, type DoctorCheck, type DoctorVerdict } from './doctor-result';
import type { Failure, Measurements } from './measurements';

/** CERT_E_UNTRUSTEDROOT, 0x800B0109, as Windows reports it: a negative HRESULT. */
export const CERT_E_UNTRUSTEDROOT = -2146762487;
/** 629 this soon after connecting is the server refusing the session, not a line that dropped. */
export const SHORT_SESSION_SECONDS = 60;

/** A code as Windows reports it: an HRESULT written unsigned (0x800B0109) becomes negative. */
export const windowsCode = (code: number): number => (code > 0x7fffffff ? code | 0 : code);

/** The checks that can explain each error, most telling first. */
const SUSPECTS: Record<number, readonly CheckId[]> = {
  800: ['name', 'strategy', 'certificate', 'clock', 'tcp443', 'tcp1723', 'ike'],
  809: ['name', 'strategy', 'ike', 'tcp443', 'tcp1723'],
  868: ['name'],
  691: ['signIn'],
  720: ['networking', 'signIn'],
  789: ['signIn', 'machineCertificate', 'ike', 'clock'],
  812: ['signIn'],
  13801: ['machineCertificate', 'certificate', 'clock', 'signIn'],
  13806: ['machineCertificate', 'signIn'],
  13868: ['strategy', 'ike'],
  [CERT_E_UNTRUSTEDROOT]: ['certificate', 'clock'],
  629: ['clock', 'certificate', 'networking', 'strategy'],
};

/** What to say when no check explains the error: what is left that the doctor cannot see. */
const UNEXPLAINED: Record<number, MessageKey> = {
  800: 'doctor.unexplained.800',
  809: 'doctor.unexplained.809',
  868: 'doctor.unexplained.868',
  691: 'doctor.unexplained.691',
  720: 'doctor.unexplained.720',
  789: 'doctor.unexplained.789',
  812: 'doctor.unexplained.812',
  13801: 'doctor.unexplained.13801',
  13806: 'doctor.unexplained.13806',
  13868: 'doctor.unexplained.13868',
  [CERT_E_UNTRUSTEDROOT]: 'doctor.unexplained.untrustedRoot',
  629: 'doctor.unexplained.629',
};

/** The checks over network probes, which only a VPN entry's server gets. */
const PROBED: readonly CheckId[] = ['name', 'tcp443', 'tcp1723', 'certificate', 'clock'];

export interface CheckOptions {
  /** The probes' timeout, named in a message about a port that did not answer. */
  timeoutSeconds: number;
}

/** One check by its id: the runner calls them one at a time, as their measurements arrive. */
export function runCheck(
  id: CheckId,
  m: Measurements,
  entry: RasEntry,
  failure: Failure,
  options: CheckOptions,
): DoctorCheck {
  const host = primaryDestination(entry).trim();
  // A phone number or a PPPoE service is no server to resolve or connect to.
  if (entry.type !== 'vpn' && PROBED.includes(id))
    return { id, status: 'skip', summary: messageRef('doctor.notVpn') };
  switch (id) {
    case 'name':
      return checkName(m, host);
    case 'tcp443':
      return checkPort(id, m.sstp, entry, options.timeoutSeconds);
    case 'tcp1723':
      return checkPort(id, m.pptp, entry, options.timeoutSeconds);
    case 'certificate':
      return checkCertificate(m, entry, host);
    case 'clock':
      return checkClock(m);
    case 'ike':
      return checkIke(m, entry);
    case 'machineCertificate':
      return checkMachineCertificate(m, entry);
    case 'strategy':
      return checkStrategy(m, entry);
    case 'signIn':
      return checkSignIn(entry, failure);
    case 'networking':
      return checkNetworking(entry, failure);
    case 'dnsRouting':
      return checkDnsRouting(entry, host);
  }
}

export function runChecks(
  m: Measurements,
  entry: RasEntry,
  failure: Failure,
  options: CheckOptions,
): DoctorCheck[] {
  return CHECK_IDS.map((id) => runCheck(id, m, entry, failure, options));
}

function isShortSession(failure: Failure): boolean {
  return failure.connectedSeconds !== null && failure.connectedSeconds <= SHORT_SESSION_SECONDS;
}

/**
 * Whether the doctor has something to say about a failure, so a window offers it only there:
 * an error some check can explain, and 629 only shortly after connecting.
 */
export function doctorExplains(failure: Failure): boolean {
  if (failure.code === null) return false;
  const code = windowsCode(failure.code);
  if (!Object.hasOwn(SUSPECTS, code)) return false;
  return code !== 629 || isShortSession(failure);
}

export function verdict(checks: readonly DoctorCheck[], failure: Failure): DoctorVerdict {
  const code = failure.code === null ? null : windowsCode(failure.code);
  const suspects: readonly CheckId[] = code === null ? CHECK_IDS : (SUSPECTS[code] ?? CHECK_IDS);
  // 629 after a long session is a line that dropped: nothing here can tell why.
  const considered = code === 629 && !isShortSession(failure) ? [] : suspects;
  const byId = new Map(checks.map((c) => [c.id, c]));
  for (const status of ['fail', 'warn'] as const)
    for (const id of considered) {
      const check = byId.get(id);
      if (check?.status === status)
        return {
          code,
          cause: id,
          status: status === 'fail' ? 'explained' : 'suspected',
          summary: check.summary,
          ...(check.fix ? { fix: check.fix } : {}),
        };
    }
  if (code === null)
    return { code, cause: null, status: 'clear', summary: messageRef('doctor.clear') };
  const key =
    code === 629 && !isShortSession(failure)
      ? 'doctor.unexplained.629long'
      : (UNEXPLAINED[code] ?? 'doctor.unexplained.other');
  return { code, cause: null, status: 'unexplained', summary: messageRef(key, { code }) };
}

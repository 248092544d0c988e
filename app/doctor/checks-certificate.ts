// SSTP's TLS certificate (the usual cause of 0x800B… errors) and the local clock, which breaks
// certificate checks when it is far off. The server's HTTP Date is the second opinion on time.

import type { RasEntry } from '../phonebook/entry';
import { messageRef } from '../ras/app-messages';
import {
  certificateMatchesHost,
  certificateNames,
  singleCertificateName,
} from './certificate-name';
import { listOf } from './checks-network';
import type { DoctorCheck } from './doctor-result';
import type { CertificateFacts, Measurements } from './measurements';
import { triedProtocols } from './vpn-paths';

/** A clock off by more than this is worth a word (Kerberos refuses beyond five minutes too). */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Errors that mean the chain does not end at a trusted root (node:tls / OpenSSL codes). */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
/**
 * Errors found after the chain reached a trusted root: OpenSSL builds the chain first, so a
 * date error or Node's name check means the root itself was trusted.
 */
const TRUSTED_ROOT_BUT = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const within = (cert: CertificateFacts, at: number): boolean =>
  at >= cert.validFrom && at <= cert.validTo;

/** The time to judge validity by: the server's, when it gave one, else this computer's. */
const referenceTime = (m: Measurements): number => m.serverDate ?? m.localNow;

export function checkCertificate(
  m: Measurements,
  entry: Pick<RasEntry, 'type' | 'vpnStrategy'>,
  host: string,
): DoctorCheck {
  const id = 'certificate';
  if (!m.tls) return { id, status: 'skip', summary: messageRef('doctor.cert.notMeasured') };
  if (m.tls.kind === 'failed') {
    const triesSstp = entry.type === 'vpn' && triedProtocols(entry.vpnStrategy).includes('sstp');
    return {
      id,
      status: triesSstp ? 'fail' : 'warn',
      summary: messageRef(
        m.tls.reason === 'timeout' ? 'doctor.cert.handshakeTimeout' : 'doctor.cert.noTls',
      ),
    };
  }
  const leaf = m.tls.chain[0];
  if (!leaf) return { id, status: 'fail', summary: messageRef('doctor.cert.none') };
  const root = m.tls.chain[m.tls.chain.length - 1]!;
  const dates = { validFrom: day(leaf.validFrom), validTo: day(leaf.validTo) };
  const now = referenceTime(m);
  const renew = { action: messageRef('doctor.fix.renewCert') };
  if (now > leaf.validTo)
    return { id, status: 'fail', summary: messageRef('doctor.cert.expired', dates), fix: renew };
  if (now < leaf.validFrom)
    return {
      id,
      status: 'fail',
      summary: messageRef('doctor.cert.notYetValid', dates),
      fix: renew,
    };
  if (!within(leaf, m.localNow))
    return {
      id,
      status: 'warn',
      summary: messageRef('doctor.cert.localClock', { ...dates, local: day(m.localNow) }),
    };
  if (!certificateMatchesHost(leaf, host)) {
    const name = singleCertificateName(leaf);
    return {
      id,
      status: 'fail',
      summary: messageRef('doctor.cert.nameMismatch', {
        host,
        names: listOf(certificateNames(leaf)),
      }),
      fix: name
        ? { action: messageRef('doctor.fix.useCertName', { name }), change: { server: name } }
        : { action: messageRef('doctor.fix.certName', { host }) },
    };
  }
  const error = m.tls.authorizationError;
  if (!m.tls.authorized && error && UNTRUSTED.has(error))
    return {
      id,
      status: 'fail',
      summary: messageRef('doctor.cert.untrusted', {
        subject: leaf.subject,
        issuer: leaf.issuer,
        root: root.subject,
      }),
      fix: { action: messageRef('doctor.fix.trustRoot', { root: root.subject }) },
    };
  if (!m.tls.authorized && error && !TRUSTED_ROOT_BUT.has(error))
    return { id, status: 'fail', summary: messageRef('doctor.cert.rejected', { reason: error }) };
  return {
    id,
    status: 'ok',
    summary: messageRef('doctor.cert.ok', {
      subject: leaf.subject,
      issuer: leaf.issuer,
      validTo: dates.validTo,
      host,
    }),
  };
}

export function checkClock(m: Measurements): DoctorCheck {
  const id = 'clock';
  const leaf = m.tls?.kind === 'handshake' ? m.tls.chain[0] : undefined;
  const fix = { action: messageRef('doctor.fix.setClock') };
  if (m.serverDate === null) {
    // Without the server's time, a certificate not valid yet by this clock is still a hint.
    if (leaf && m.localNow < leaf.validFrom)
      return {
        id,
        status: 'warn',
        summary: messageRef('doctor.clock.beforeCert', {
          local: day(m.localNow),
          validFrom: day(leaf.validFrom),
        }),
        fix,
      };
    return { id, status: 'skip', summary: messageRef('doctor.clock.noDate') };
  }
  const skew = m.localNow - m.serverDate;
  const minutes = Math.round(Math.abs(skew) / 60_000);
  if (Math.abs(skew) <= CLOCK_TOLERANCE_MS)
    return { id, status: 'ok', summary: messageRef('doctor.clock.ok') };
  const params = { minutes, local: day(m.localNow), server: day(m.serverDate) };
  // Far enough off that this computer thinks a certificate the server's time accepts is invalid.
  if (leaf && within(leaf, m.serverDate) && !within(leaf, m.localNow))
    return {
      id,
      status: 'fail',
      summary: messageRef(
        skew > 0 ? 'doctor.clock.aheadBreaksCert' : 'doctor.clock.behindBreaksCert',
        params,
      ),
      fix,
    };
  return {
    id,
    status: 'warn',
    summary: messageRef(skew > 0 ? 'doctor.clock.ahead' : 'doctor.clock.behind', params),
    fix,
  };
}

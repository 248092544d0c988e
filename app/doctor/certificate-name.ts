// Whether a certificate names the host the entry dials, by RFC 6125 as browsers and Node's
// checkServerIdentity apply it: DNS names from subjectAltName (a `*` only as the whole leftmost
// label), addresses only against IP entries, and the common name only when there is no SAN.

import type { CertificateFacts } from './measurements';

const isIpv4 = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
const isAddress = (s: string): boolean => isIpv4(s) || s.includes(':');

/** The names a certificate is for, as they are shown: `DNS:`/`IP:` prefixes dropped. */
export function certificateNames(cert: CertificateFacts): string[] {
  if (cert.altNames.length === 0) return [cert.subject];
  return cert.altNames.map((n) => n.replace(/^(DNS|IP Address|IP):/i, ''));
}

function dnsMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const rest = p.slice(2);
  const dot = h.indexOf('.');
  // `*.example.com` covers one label: a.example.com, not example.com or a.b.example.com.
  return dot > 0 && h.slice(dot + 1) === rest && rest.includes('.');
}

function sameAddress(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/^\[|\]$/g, '');
  return norm(a) === norm(b);
}

export function certificateMatchesHost(cert: CertificateFacts, host: string): boolean {
  if (isAddress(host))
    return cert.altNames.some(
      (n) => /^IP( Address)?:/i.test(n) && sameAddress(n.replace(/^IP( Address)?:/i, ''), host),
    );
  if (cert.altNames.length === 0) return dnsMatches(cert.subject, host);
  return cert.altNames.some((n) => /^DNS:/i.test(n) && dnsMatches(n.slice(4), host));
}

/** The one plain DNS name the certificate is for, when it has exactly one (no wildcard). */
export function singleCertificateName(cert: CertificateFacts): string | null {
  const dns =
    cert.altNames.length === 0
      ? [cert.subject]
      : cert.altNames.filter((n) => /^DNS:/i.test(n)).map((n) => n.slice(4));
  const plain = dns.filter((n) => !n.includes('*') && /^[a-z0-9.-]+$/i.test(n) && n.includes('.'));
  return plain.length === 1 ? plain[0]! : null;
}

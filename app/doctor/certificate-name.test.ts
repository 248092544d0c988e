import { describe, expect, it } from 'vitest';
import { certificateMatchesHost, singleCertificateName } from './certificate-name';
import type { CertificateFacts } from './measurements';

const cert = (subject: string, altNames: string[]): CertificateFacts => ({
  subject,
  issuer: 'CA',
  validFrom: 0,
  validTo: 1,
  altNames,
});

describe('a certificate’s names against the entry’s server', () => {
  it('matches a DNS name in any case, and a wildcard for one label only', () => {
    const c = cert('x', ['DNS:vpn.example.com', 'DNS:*.corp.example.com']);
    expect(certificateMatchesHost(c, 'VPN.example.com')).toBe(true);
    expect(certificateMatchesHost(c, 'a.corp.example.com')).toBe(true);
    expect(certificateMatchesHost(c, 'a.b.corp.example.com')).toBe(false);
    expect(certificateMatchesHost(c, 'corp.example.com')).toBe(false);
    expect(certificateMatchesHost(c, 'other.example.com')).toBe(false);
  });

  it('matches an address only against its IP entries, and the CN only without SANs', () => {
    expect(certificateMatchesHost(cert('127.0.0.1', ['DNS:localhost']), '127.0.0.1')).toBe(false);
    expect(certificateMatchesHost(cert('x', ['IP Address:127.0.0.1']), '127.0.0.1')).toBe(true);
    expect(certificateMatchesHost(cert('vpn.example.com', []), 'vpn.example.com')).toBe(true);
    expect(
      certificateMatchesHost(cert('vpn.example.com', ['DNS:other.example.com']), 'vpn.example.com'),
    ).toBe(false);
  });

  it('offers a name to dial only when there is one plain name', () => {
    expect(singleCertificateName(cert('x', ['DNS:gw.example.com', 'IP Address:192.0.2.1']))).toBe(
      'gw.example.com',
    );
    expect(singleCertificateName(cert('x', ['DNS:*.example.com']))).toBeNull();
    expect(singleCertificateName(cert('x', ['DNS:a.example.com', 'DNS:b.example.com']))).toBeNull();
  });
});

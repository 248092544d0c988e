import { describe, expect, it } from 'vitest';
import { makeEntry, type RasEntry } from '../phonebook/entry';
import { VPN_STRATEGIES } from '../phonebook/entry-settings';
import { englishText } from '../ras/app-messages';
import type { CheckId, DoctorCheck } from './doctor-result';
import type { CertificateFacts, Failure, Measurements } from './measurements';
import { CERT_E_UNTRUSTEDROOT, doctorExplains, runChecks, verdict, windowsCode } from './verdict';

const NOW = Date.UTC(2026, 5, 1, 12);
const YEAR = 365 * 86_400_000;
const HOST = 'vpn.corp.example.com';

function leaf(extra: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    subject: HOST,
    issuer: 'Corp Issuing CA',
    validFrom: NOW - YEAR,
    validTo: NOW + YEAR,
    altNames: [`DNS:${HOST}`],
    ...extra,
  };
}
const ROOT: CertificateFacts = {
  subject: 'Corp Root CA',
  issuer: 'Corp Root CA',
  validFrom: NOW - 10 * YEAR,
  validTo: NOW + 10 * YEAR,
  altNames: [],
};

/** A server that answers everything, measured from a computer whose clock is right. */
function healthy(extra: Partial<Measurements> = {}): Measurements {
  return {
    name: {
      host: HOST,
      lookup: { kind: 'resolved', addresses: ['192.0.2.10'] },
      dnsServers: ['192.0.2.53'],
    },
    sstp: { address: '192.0.2.10', port: 443, state: 'open' },
    pptp: { address: '192.0.2.10', port: 1723, state: 'open' },
    tls: { kind: 'handshake', chain: [leaf(), ROOT], authorized: true, authorizationError: null },
    serverDate: NOW,
    localNow: NOW,
    ike: 'answers',
    machineCertificate: 'present',
    ...extra,
  };
}

function vpn(extra: Partial<RasEntry> = {}): RasEntry {
  return makeEntry('Office', 'vpn', [HOST], extra);
}

const failure = (code: number | null, connectedSeconds: number | null = null): Failure => ({
  code,
  connectedSeconds,
});

function diagnose(m: Measurements, entry: RasEntry, f: Failure) {
  const checks = runChecks(m, entry, f, { timeoutSeconds: 5 });
  return {
    checks,
    verdict: verdict(checks, f),
    check: (id: CheckId) => checks.find((c) => c.id === id)!,
  };
}

const closed443 = { sstp: { address: '192.0.2.10', port: 443, state: 'refused' as const } };
const closed1723 = { pptp: { address: '192.0.2.10', port: 1723, state: 'timeout' as const } };

describe('the verdict for each error', () => {
  it('868: the name that does not resolve, through which DNS server', () => {
    const m = healthy({
      name: { host: HOST, lookup: { kind: 'notFound' }, dnsServers: ['192.0.2.53'] },
      sstp: null,
      pptp: null,
      tls: null,
      serverDate: null,
      ike: null,
    });
    const { verdict: v } = diagnose(m, vpn(), failure(868));
    expect(v).toMatchObject({ code: 868, cause: 'name', status: 'explained' });
    expect(englishText(v.summary)).toBe(
      'vpn.corp.example.com does not resolve: no such name (DNS servers: 192.0.2.53).',
    );
    expect(englishText(diagnose(healthy(), vpn(), failure(868)).verdict.summary)).toMatch(
      /resolves now/,
    );
  });

  it('800: TCP 443 answers, the entry tries IKEv2 only: switch to SSTP first', () => {
    const entry = vpn({ vpnStrategy: VPN_STRATEGIES.ikev2Only });
    const { verdict: v } = diagnose(healthy({ ike: 'silent' }), entry, failure(800));
    expect(v).toMatchObject({
      cause: 'strategy',
      status: 'explained',
      fix: { change: { vpnStrategy: VPN_STRATEGIES.sstpFirst } },
    });
    expect(englishText(v.summary)).toBe(
      'The entry tries IKEv2 only, and that does not answer; SSTP answers.',
    );
    expect(englishText(v.fix!.action)).toBe('Switch the entry’s VPN type to SSTP first.');
  });

  it('800: no port answers at all — no setting helps', () => {
    const m = healthy({ ...closed443, ...closed1723, tls: null, serverDate: null, ike: 'silent' });
    const { verdict: v } = diagnose(m, vpn(), failure(800));
    expect(v.cause).toBe('strategy');
    expect(v.summary.key).toBe('doctor.strategy.nothing');
    expect(v.fix?.change).toBeUndefined();
  });

  it('800: an SSTP-only entry whose 443 is closed but PPTP answers switches to PPTP first', () => {
    const m = healthy({ ...closed443, tls: null, serverDate: null, ike: 'silent' });
    const { verdict: v } = diagnose(m, vpn({ vpnStrategy: VPN_STRATEGIES.sstpOnly }), failure(800));
    expect(v.fix?.change).toEqual({ vpnStrategy: VPN_STRATEGIES.pptpFirst });
  });

  it('809: L2TP only, IKE silent, 443 open; only suspected when IKE cannot be checked', () => {
    const entry = vpn({ vpnStrategy: VPN_STRATEGIES.l2tpOnly });
    expect(diagnose(healthy({ ike: 'silent' }), entry, failure(809)).verdict).toMatchObject({
      cause: 'strategy',
      status: 'explained',
      fix: { change: { vpnStrategy: VPN_STRATEGIES.sstpFirst } },
    });
    expect(diagnose(healthy({ ike: 'unknown' }), entry, failure(809)).verdict).toMatchObject({
      cause: 'strategy',
      status: 'suspected',
      summary: { key: 'doctor.strategy.otherMaybe' },
    });
    expect(diagnose(healthy(), entry, failure(809)).verdict).toMatchObject({
      cause: null,
      status: 'unexplained',
      summary: { key: 'doctor.unexplained.809' },
    });
  });

  it('691 with PAP only: allow MS-CHAP v2; with MS-CHAP v2 it is the password', () => {
    const pap = diagnose(healthy(), vpn({ authProtocols: ['pap'] }), failure(691)).verdict;
    expect(pap).toMatchObject({
      cause: 'signIn',
      status: 'explained',
      fix: { change: { authProtocols: ['mschapv2'] } },
    });
    const ok = diagnose(healthy(), vpn(), failure(691)).verdict;
    expect(ok).toMatchObject({ cause: null, summary: { key: 'doctor.unexplained.691' } });
  });

  it('720: IPv4 and IPv6 both off; IPv6 only is a suspicion', () => {
    expect(
      diagnose(healthy(), vpn({ ipv4: false, ipv6: false }), failure(720)).verdict,
    ).toMatchObject({
      cause: 'networking',
      status: 'explained',
      fix: { change: { ipv4: true } },
    });
    expect(diagnose(healthy(), vpn({ ipv4: false }), failure(720)).verdict).toMatchObject({
      cause: 'networking',
      status: 'suspected',
    });
  });

  it('789: L2TP with a certificate: a missing computer certificate, else maybe a pre-shared key', () => {
    const entry = vpn({ vpnStrategy: VPN_STRATEGIES.l2tpOnly });
    expect(
      diagnose(healthy({ machineCertificate: 'missing' }), entry, failure(789)).verdict,
    ).toMatchObject({ cause: 'machineCertificate', status: 'explained' });
    expect(diagnose(healthy(), entry, failure(789)).verdict).toMatchObject({
      cause: 'signIn',
      status: 'suspected',
      summary: { key: 'doctor.signIn.l2tpCertificate' },
    });
    expect(
      diagnose(
        healthy(),
        vpn({ vpnStrategy: VPN_STRATEGIES.l2tpOnly, usePreSharedKey: true }),
        failure(789),
      ).verdict.summary.key,
    ).toBe('doctor.signIn.psk');
  });

  it('812: CHAP only: add MS-CHAP v2; with MS-CHAP v2 it is the server’s policy', () => {
    expect(
      diagnose(healthy(), vpn({ authProtocols: ['chap'] }), failure(812)).verdict,
    ).toMatchObject({
      cause: 'signIn',
      status: 'explained',
      fix: { change: { authProtocols: ['chap', 'mschapv2'] } },
    });
    expect(diagnose(healthy(), vpn(), failure(812)).verdict).toMatchObject({
      cause: 'signIn',
      status: 'suspected',
      summary: { key: 'doctor.signIn.policy' },
    });
  });

  it('13801 and 13806: IKEv2 with certificates and none in the store', () => {
    const entry = vpn({ vpnStrategy: VPN_STRATEGIES.ikev2Only });
    for (const code of [13801, 13806])
      expect(
        diagnose(healthy({ machineCertificate: 'missing' }), entry, failure(code)).verdict,
      ).toMatchObject({ cause: 'machineCertificate', status: 'explained' });
    // With EAP the computer needs no certificate of its own.
    expect(
      diagnose(
        healthy({ machineCertificate: 'missing' }),
        vpn({ vpnStrategy: 7, eapTypeId: 26 }),
        failure(13806),
      ).verdict.cause,
    ).toBeNull();
  });

  it('13801: the server’s certificate names another host: dial that name', () => {
    const m = healthy({
      tls: {
        kind: 'handshake',
        chain: [
          leaf({ subject: 'gw.corp.example.com', altNames: ['DNS:gw.corp.example.com'] }),
          ROOT,
        ],
        authorized: false,
        authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
      },
    });
    const v = diagnose(m, vpn({ vpnStrategy: 7, eapTypeId: 26 }), failure(13801)).verdict;
    expect(v).toMatchObject({
      cause: 'certificate',
      fix: { change: { server: 'gw.corp.example.com' } },
    });
  });

  it('13868: IKE proposals: IKE silent and 443 open suggests SSTP', () => {
    const v = diagnose(healthy({ ike: 'silent' }), vpn({ vpnStrategy: 7 }), failure(13868)).verdict;
    expect(v).toMatchObject({ cause: 'strategy', fix: { change: { vpnStrategy: 6 } } });
    expect(diagnose(healthy(), vpn({ vpnStrategy: 7 }), failure(13868)).verdict.summary.key).toBe(
      'doctor.unexplained.13868',
    );
  });

  it('0x800B0109: a root this computer does not trust, written either way', () => {
    const m = healthy({
      tls: {
        kind: 'handshake',
        chain: [leaf(), { ...ROOT, subject: 'Corp Private Root' }],
        authorized: false,
        authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
      },
    });
    for (const code of [CERT_E_UNTRUSTEDROOT, 0x800b0109]) {
      const v = diagnose(m, vpn(), failure(code)).verdict;
      expect(v).toMatchObject({
        code: CERT_E_UNTRUSTEDROOT,
        cause: 'certificate',
        status: 'explained',
      });
      expect(englishText(v.fix!.action)).toContain('Corp Private Root');
    }
    expect(diagnose(healthy(), vpn(), failure(CERT_E_UNTRUSTEDROOT)).verdict.summary.key).toBe(
      'doctor.unexplained.untrustedRoot',
    );
  });

  it('0x800B0109 with a clock two years ahead: the clock, not the certificate', () => {
    const m = healthy({ localNow: NOW + 2 * YEAR });
    const { verdict: v, check } = diagnose(m, vpn(), failure(CERT_E_UNTRUSTEDROOT));
    expect(check('certificate').status).toBe('warn');
    expect(v).toMatchObject({
      cause: 'clock',
      status: 'explained',
      summary: { key: 'doctor.clock.aheadBreaksCert' },
    });
  });

  it('629 after a short session is the server’s refusal; after a long one a drop', () => {
    expect(diagnose(healthy(), vpn(), failure(629, 20)).verdict.summary.key).toBe(
      'doctor.unexplained.629',
    );
    const expired = healthy({
      tls: {
        kind: 'handshake',
        chain: [leaf({ validTo: NOW - 86_400_000 }), ROOT],
        authorized: false,
        authorizationError: 'CERT_HAS_EXPIRED',
      },
    });
    expect(diagnose(expired, vpn(), failure(629, 20)).verdict).toMatchObject({
      cause: 'certificate',
    });
    expect(diagnose(expired, vpn(), failure(629, 3600)).verdict).toMatchObject({
      cause: null,
      summary: { key: 'doctor.unexplained.629long' },
    });
  });

  it('no error named: a split tunnel without a suffix, else all clear', () => {
    const split = diagnose(healthy(), vpn({ useRemoteGateway: false }), failure(null)).verdict;
    expect(split).toMatchObject({
      cause: 'dnsRouting',
      status: 'suspected',
      fix: { change: { dnsSuffix: 'corp.example.com' } },
    });
    expect(diagnose(healthy(), vpn(), failure(null)).verdict).toMatchObject({
      status: 'clear',
      cause: null,
    });
    expect(diagnose(healthy(), vpn(), failure(999)).verdict.summary.key).toBe(
      'doctor.unexplained.other',
    );
  });

  it('names an error above 0x7FFFFFFF as Windows does', () => {
    expect(windowsCode(0x800b0109)).toBe(-2146762487);
    expect(windowsCode(691)).toBe(691);
  });
});

describe('each check', () => {
  const statusOf = (checks: DoctorCheck[], id: CheckId) => checks.find((c) => c.id === id)!.status;

  it('skips what could not be measured after a name that did not resolve', () => {
    const m = healthy({
      name: { host: HOST, lookup: { kind: 'timeout' }, dnsServers: [] },
      sstp: null,
      pptp: null,
      tls: null,
      serverDate: null,
      ike: null,
    });
    const { checks } = diagnose(m, vpn(), failure(800));
    expect(statusOf(checks, 'name')).toBe('fail');
    expect(englishText(checks[0]!.summary)).toBe(
      'The DNS servers (?) did not answer for vpn.corp.example.com.',
    );
    for (const id of ['tcp443', 'tcp1723', 'certificate', 'clock', 'ike'] as const)
      expect(statusOf(checks, id), id).toBe('skip');
  });

  it('an entry without a server fails the name check at once', () => {
    expect(
      diagnose(healthy(), makeEntry('Empty', 'vpn', ['']), failure(868)).verdict.summary.key,
    ).toBe('doctor.name.noServer');
  });

  it('a closed port is a warning only when the entry tries its protocol', () => {
    const m = healthy({ ...closed1723 });
    expect(
      statusOf(
        diagnose(m, vpn({ vpnStrategy: VPN_STRATEGIES.sstpOnly }), failure(800)).checks,
        'tcp1723',
      ),
    ).toBe('ok');
    const pptp = diagnose(m, vpn({ vpnStrategy: VPN_STRATEGIES.pptpOnly }), failure(800)).checks;
    expect(statusOf(pptp, 'tcp1723')).toBe('warn');
    expect(englishText(pptp.find((c) => c.id === 'tcp1723')!.summary)).toBe(
      'TCP 1723 (PPTP) on 192.0.2.10 did not answer within 5 s: a firewall may drop it.',
    );
  });

  it('an expired certificate, one not valid yet, and one that is fine', () => {
    const expired = healthy({
      tls: {
        kind: 'handshake',
        chain: [leaf({ validTo: NOW - 1 })],
        authorized: false,
        authorizationError: 'CERT_HAS_EXPIRED',
      },
    });
    expect(diagnose(expired, vpn(), failure(800)).check('certificate').summary.key).toBe(
      'doctor.cert.expired',
    );
    const early = healthy({
      tls: {
        kind: 'handshake',
        chain: [leaf({ validFrom: NOW + 1 })],
        authorized: false,
        authorizationError: 'CERT_NOT_YET_VALID',
      },
    });
    expect(diagnose(early, vpn(), failure(800)).check('certificate').summary.key).toBe(
      'doctor.cert.notYetValid',
    );
    expect(englishText(diagnose(healthy(), vpn(), failure(800)).check('certificate').summary)).toBe(
      'vpn.corp.example.com, issued by Corp Issuing CA, valid until 2027-06-01: it names vpn.corp.example.com and chains to a trusted root.',
    );
  });

  it('443 answering without TLS fails an SSTP entry', () => {
    const m = healthy({ tls: { kind: 'failed', reason: 'notTls' } });
    expect(diagnose(m, vpn({ vpnStrategy: 5 }), failure(800)).verdict).toMatchObject({
      cause: 'certificate',
    });
    expect(diagnose(m, vpn({ vpnStrategy: 7 }), failure(null)).check('certificate').status).toBe(
      'warn',
    );
  });

  it('a clock a few minutes off is fine; ten minutes off is a warning', () => {
    expect(
      diagnose(healthy({ localNow: NOW + 4 * 60_000 }), vpn(), failure(null)).check('clock').status,
    ).toBe('ok');
    const behind = diagnose(healthy({ localNow: NOW - 10 * 60_000 }), vpn(), failure(null)).check(
      'clock',
    );
    expect(behind).toMatchObject({
      status: 'warn',
      summary: { key: 'doctor.clock.behind', params: { minutes: 10 } },
    });
  });

  it('a split tunnel with a high metric sends names to the local DNS first', () => {
    const c = diagnose(
      healthy(),
      vpn({ useRemoteGateway: false, dnsSuffix: 'corp.example.com', ipv4Metric: 50 }),
      failure(null),
    ).check('dnsRouting');
    expect(c).toMatchObject({ status: 'warn', fix: { change: { ipv4Metric: 1 } } });
    const fine = diagnose(
      healthy(),
      vpn({ useRemoteGateway: false, dnsSuffix: 'corp.example.com' }),
      failure(null),
    );
    expect(fine.check('dnsRouting').status).toBe('ok');
  });

  it('an entry that is not a VPN skips the VPN checks', () => {
    const modem = makeEntry('Dial-up', 'phone', ['5550100']);
    const { check } = diagnose(healthy(), modem, failure(null));
    expect(check('strategy').status).toBe('skip');
    expect(check('dnsRouting').status).toBe('skip');
    expect(check('ike').status).toBe('skip');
    expect(check('name').summary.key).toBe('doctor.notVpn');
  });
});

describe('which failures the window offers the doctor for', () => {
  it('the errors a check can explain, as Windows or as unsigned numbers report them', () => {
    for (const code of [800, 809, 868, 691, 720, 789, 812, 13801, 13806, 13868])
      expect(doctorExplains(failure(code)), String(code)).toBe(true);
    expect(doctorExplains(failure(CERT_E_UNTRUSTEDROOT))).toBe(true);
    expect(doctorExplains(failure(0x800b0109))).toBe(true);
  });

  it('not an error no check looks into, nor no error at all', () => {
    for (const code of [676, 678, 680, 718, 631]) expect(doctorExplains(failure(code))).toBe(false);
    expect(doctorExplains(failure(null))).toBe(false);
  });

  it('629 only shortly after connecting', () => {
    expect(doctorExplains(failure(629, 5))).toBe(true);
    expect(doctorExplains(failure(629, 60))).toBe(true);
    expect(doctorExplains(failure(629, 61))).toBe(false);
    expect(doctorExplains(failure(629, null))).toBe(false);
  });
});

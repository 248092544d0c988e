// The failure doctor's network probes, in plain Node: resolve the entry's server, try its TCP
// ports, read its TLS certificate chain and its HTTP Date. Each goes only to the address it is
// given, gives up after its timeout, and reports what it saw as data: it never throws.

import { getServers, promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import tls, { type DetailedPeerCertificate } from 'node:tls';
import type {
  CertificateFacts,
  NameMeasure,
  PortMeasure,
  TlsMeasure,
} from '../../app/doctor/measurements';

export type LookupAll = (host: string) => Promise<{ address: string }[]>;

const systemLookup: LookupAll = (host) => dnsPromises.lookup(host, { all: true, verbatim: true });

/** Settles with the fallback when the work takes longer than `ms`. */
function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    timer.unref?.();
    void work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

const errorCode = (error: unknown): string =>
  String((error as { code?: unknown } | null)?.code ?? 'UNKNOWN');

/**
 * Resolves as Windows dials: the system resolver (hosts file, then DNS). Names under .invalid
 * never resolve (RFC 6761 §6.4), so they are answered here without asking anyone.
 */
export async function resolveName(
  host: string,
  options: { timeoutMs: number; lookup?: LookupAll; servers?: () => string[] },
): Promise<NameMeasure> {
  const dnsServers = (options.servers ?? getServers)();
  if (net.isIP(host)) return { host, lookup: { kind: 'address' }, dnsServers };
  if (/(^|\.)invalid\.?$/i.test(host)) return { host, lookup: { kind: 'notFound' }, dnsServers };
  const lookup = options.lookup ?? systemLookup;
  const timedOut = Symbol('timeout');
  const answer = await within<{ address: string }[] | typeof timedOut | { error: string }>(
    lookup(host).catch((error: unknown) => ({ error: errorCode(error) })),
    options.timeoutMs,
    timedOut,
  );
  if (answer === timedOut) return { host, lookup: { kind: 'timeout' }, dnsServers };
  if ('error' in answer) {
    const code = answer.error;
    // getaddrinfo's "no such name" and "try again" (no DNS server answered).
    if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'ENODATA')
      return { host, lookup: { kind: 'notFound' }, dnsServers };
    if (code === 'EAI_AGAIN' || code === 'ETIMEOUT')
      return { host, lookup: { kind: 'timeout' }, dnsServers };
    return { host, lookup: { kind: 'failed', code }, dnsServers };
  }
  const addresses = [...new Set(answer.map((a) => a.address))];
  return addresses.length > 0
    ? { host, lookup: { kind: 'resolved', addresses }, dnsServers }
    : { host, lookup: { kind: 'notFound' }, dnsServers };
}

export async function tcpConnect(
  address: string,
  port: number,
  timeoutMs: number,
): Promise<PortMeasure> {
  const state = await new Promise<PortMeasure['state']>((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (result: PortMeasure['state']): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('open'));
    socket.once('error', (error) => {
      const code = errorCode(error);
      done(
        code === 'ECONNREFUSED'
          ? 'refused'
          : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
            ? 'unreachable'
            : code === 'ETIMEDOUT'
              ? 'timeout'
              : 'failed',
      );
    });
  });
  return { address, port, state };
}

export interface TlsTarget {
  address: string;
  port: number;
  /** The entry's server name: sent as SNI and checked against the certificate; none for an address. */
  servername: string | null;
  timeoutMs: number;
  /** Trusted roots in PEM; undefined: Node's own. */
  ca?: string[];
}

/** Node's "Jan  1 00:00:00 2020 GMT" dates. */
const time = (text: string): number => new Date(text).getTime();

const nameOf = (part: Record<string, string | string[] | undefined> | undefined): string => {
  if (!part) return '?';
  const cn = part.CN;
  if (cn) return Array.isArray(cn) ? cn.join(', ') : cn;
  return Object.entries(part)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
};

function factsOf(cert: DetailedPeerCertificate): CertificateFacts {
  return {
    subject: nameOf(cert.subject as unknown as Record<string, string>),
    issuer: nameOf(cert.issuer as unknown as Record<string, string>),
    validFrom: time(cert.valid_from),
    validTo: time(cert.valid_to),
    altNames: cert.subjectaltname ? cert.subjectaltname.split(/,\s*/) : [],
  };
}

/** The presented chain, leaf first; a self-signed root points at itself, which ends it. */
function chainOf(leaf: DetailedPeerCertificate): CertificateFacts[] {
  const chain: CertificateFacts[] = [];
  const seen = new Set<string>();
  for (let c: DetailedPeerCertificate | undefined = leaf; c && c.raw; c = c.issuerCertificate) {
    if (seen.has(c.fingerprint256)) break;
    seen.add(c.fingerprint256);
    chain.push(factsOf(c));
  }
  return chain;
}

function connectTls(target: TlsTarget): tls.TLSSocket {
  return tls.connect({
    host: target.address,
    port: target.port,
    ...(target.servername ? { servername: target.servername } : {}),
    ...(target.ca ? { ca: target.ca } : {}),
    // Refused chains are what the doctor wants to see, so it looks instead of refusing.
    rejectUnauthorized: false,
    // The name check is the doctor's own (certificate-name.ts), against the entry's server.
    checkServerIdentity: () => undefined,
    ALPNProtocols: ['http/1.1'],
  });
}

export function tlsHandshake(target: TlsTarget): Promise<TlsMeasure> {
  return new Promise((resolve) => {
    const socket = connectTls(target);
    let settled = false;
    const done = (result: TlsMeasure): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(target.timeoutMs, () => done({ kind: 'failed', reason: 'timeout' }));
    socket.once('secureConnect', () => {
      const error = socket.authorizationError as unknown;
      done({
        kind: 'handshake',
        chain: chainOf(socket.getPeerCertificate(true)),
        authorized: socket.authorized,
        authorizationError:
          error === null || error === undefined
            ? null
            : typeof error === 'string'
              ? error
              : errorCode(error),
      });
    });
    socket.once('error', (error) =>
      done({ kind: 'failed', reason: errorCode(error) === 'ECONNRESET' ? 'closed' : 'notTls' }),
    );
    socket.once('close', () => done({ kind: 'failed', reason: 'closed' }));
  });
}

/** The server's clock: the Date header of its answer to HEAD / over TLS; null without one. */
export function httpDate(target: TlsTarget & { host: string }): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connectTls(target);
    let head = '';
    let settled = false;
    const done = (result: number | null): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(target.timeoutMs, () => done(null));
    socket.once('secureConnect', () =>
      socket.write(`HEAD / HTTP/1.1\r\nHost: ${target.host}\r\nConnection: close\r\n\r\n`),
    );
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      head += chunk;
      const end = head.indexOf('\r\n\r\n');
      if (end < 0 && head.length < 16_384) return;
      const date = /^date:[ \t]*(.+?)[ \t]*$/im.exec(end < 0 ? head : head.slice(0, end));
      const ms = date ? Date.parse(date[1]!) : NaN;
      done(Number.isFinite(ms) ? ms : null);
    });
    socket.once('error', () => done(null));
    socket.once('close', () => done(null));
  });
}

// What the failure doctor measured, as plain data: the probes (main/doctor) fill it in, the
// checks (pure functions) read it. `null` means not measured: an earlier step made it
// pointless (a name that does not resolve has no ports to try) or nobody asked.

/** How the server's name resolved. */
export type Lookup =
  | { kind: 'address' }
  | { kind: 'resolved'; addresses: string[] }
  | { kind: 'notFound' }
  | { kind: 'timeout' }
  | { kind: 'failed'; code: string };

export interface NameMeasure {
  host: string;
  lookup: Lookup;
  /** The DNS servers this computer asks (dns.getServers()), in order. */
  dnsServers: string[];
}

export type PortState = 'open' | 'refused' | 'timeout' | 'unreachable' | 'failed';

export interface PortMeasure {
  address: string;
  port: number;
  state: PortState;
}

/** One certificate of the chain the server presented, leaf first. */
export interface CertificateFacts {
  /** The subject's common name, or the whole subject when it has none. */
  subject: string;
  issuer: string;
  /** Milliseconds since the epoch. */
  validFrom: number;
  validTo: number;
  /** subjectAltName DNS names (`DNS:`) and addresses (`IP:`); empty when it has none. */
  altNames: string[];
}

export type TlsMeasure =
  | {
      kind: 'handshake';
      chain: CertificateFacts[];
      /** Whether the chain verified against the trusted roots (Node's `authorized`). */
      authorized: boolean;
      /** Node's authorizationError code (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT …). */
      authorizationError: string | null;
    }
  | { kind: 'failed'; reason: 'timeout' | 'notTls' | 'closed' };

/** UDP 500/4500 (IKE), which only Windows' own dialer can tell; `unknown` where it cannot. */
export type IkeState = 'answers' | 'silent' | 'unknown';

/** A computer certificate for IKE in the Windows store (LocalMachine\My). */
export type MachineCertificateState = 'present' | 'missing' | 'unknown';

export interface Measurements {
  name: NameMeasure | null;
  /** TCP 443 (SSTP) and TCP 1723 (PPTP). */
  sstp: PortMeasure | null;
  pptp: PortMeasure | null;
  tls: TlsMeasure | null;
  /** The server's HTTP Date over TLS, in milliseconds since the epoch. */
  serverDate: number | null;
  /** This computer's clock when the date was read. */
  localNow: number;
  ike: IkeState | null;
  machineCertificate: MachineCertificateState | null;
}

/** The failure being explained: its RAS / Win32 / HRESULT code, and for 629 how long it was up. */
export interface Failure {
  code: number | null;
  connectedSeconds: number | null;
}

export const NOT_MEASURED: Omit<Measurements, 'localNow'> = {
  name: null,
  sstp: null,
  pptp: null,
  tls: null,
  serverDate: null,
  ike: null,
  machineCertificate: null,
};

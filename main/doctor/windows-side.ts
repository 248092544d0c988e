// What only Windows can tell the failure doctor: whether the server answers IKE on UDP 500/4500
// (Windows' own IKE client asks), whether the computer's store has a certificate for IKE, and
// which roots the computer trusts. The simulated backend answers by the rules below, as its
// server answers dials by host name (see the simulated RAS server's rules).

import tls from 'node:tls';
import type { IkeState, MachineCertificateState } from '../../app/doctor/measurements';

export interface WindowsSide {
  ike(host: string, address: string): Promise<IkeState>;
  machineCertificate(host: string): Promise<MachineCertificateState>;
  /** The trusted roots in PEM; undefined: Node's own list. */
  trustedRoots(): string[] | undefined;
}

/**
 * The simulated answers:
 * - IKE: a server whose name starts with `noike.` or `refuse.` does not answer; any other does.
 * - Computer certificate: missing for a server whose name starts with `nocert.`; else present.
 * - Trusted roots: Node's own list.
 */
export const simulatedWindowsSide: WindowsSide = {
  ike: async (host) => (/^(noike|refuse)\./i.test(host) ? 'silent' : 'answers'),
  machineCertificate: async (host) => (/^nocert\./i.test(host) ? 'missing' : 'present'),
  trustedRoots: () => undefined,
};

type WithSystemRoots = typeof tls & { getCACertificates?: (type: 'system') => string[] };

/**
 * On Windows: the store's roots where this Node can read them (tls.getCACertificates, Node 22.15
 * and later). IKE probes and the computer's store need Windows' own APIs, which this build does
 * not call yet: both are `unknown`, and their checks say they were not checked.
 */
export const win32WindowsSide: WindowsSide = {
  ike: async () => 'unknown',
  machineCertificate: async () => 'unknown',
  trustedRoots: () => {
    const read = (tls as WithSystemRoots).getCACertificates;
    if (!read) return undefined;
    const system = read('system');
    return system.length > 0 ? [...tls.rootCertificates, ...system] : undefined;
  },
};

/** The Windows side for the backend in use: Windows' own, or the simulated server's rules. */
export const windowsSideFor = (backend: 'simulated' | 'win32'): WindowsSide =>
  backend === 'win32' ? win32WindowsSide : simulatedWindowsSide;

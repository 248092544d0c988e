// What a paused dial is answered with, and what a connected one reports: shared by main,
// IPC and the window.

/** The answer that resumes a paused dial; it changes only what the paused state asks for. */
export type PausedAnswer =
  | { kind: 'callback'; callbackNumber: string }
  | { kind: 'retry-authentication'; userName: string; password: string; domain: string }
  | { kind: 'new-password'; password: string }
  /** `tokenCard`: what the simulated EAP method's dialog collected; Windows' own EAP UI fills its data itself. */
  | { kind: 'eap'; tokenCard?: { userName: string; code: string } }
  | { kind: 'interactive' };

export interface RasStatistics {
  bytesXmited: number;
  bytesRcved: number;
  framesXmited: number;
  framesRcved: number;
  crcErr: number;
  timeoutErr: number;
  alignmentErr: number;
  hardwareOverrunErr: number;
  framingErr: number;
  bufferOverrunErr: number;
  compressionRatioIn: number;
  compressionRatioOut: number;
  /** Connect speed in bits per second. */
  bps: number;
  /** Milliseconds since the connection was established. */
  connectDuration: number;
}

/**
 * What Windows applied to a connected entry (rasphone's Details page): from
 * RasGetProjectionInfoEx (RAS_PROJECTION_INFO, PPP or IKEv2), RasGetConnectStatus (device and
 * tunnel endpoints) and the connection's adapter (DNS servers), or from the simulated server.
 * A part Windows did not negotiate is null; numbers are kept beside the names so a value this
 * app has no word for still shows.
 */
export interface ConnectionDetails {
  /** Which projection answered: PPP (dial-up, PPPoE, PPTP, L2TP, SSTP) or IKEv2. */
  projection: 'ppp' | 'ikev2';
  /** The VPN tunnel that won the strategy's race; null for dial-up, broadband and direct links. */
  tunnel: 'pptp' | 'l2tp' | 'sstp' | 'ikev2' | 'gre' | null;
  /** IPv4 control protocol: this computer's and the server's address, or the negotiation error. */
  ipv4: { client: string; server: string | null } | { error: number } | null;
  /** IPv6: this computer's address (IKEv2) or interface identifier (PPP), the server's, the prefix. */
  ipv6:
    | { client: string; server: string | null; prefixLength: number | null }
    | { error: number }
    | null;
  /** The DNS servers of the connection's adapter, IPv4 then IPv6; empty when none were set. */
  dnsServers: string[];
  /** PPP LCP / IKEv2 authentication: a name this app knows, the raw number, the EAP type. */
  authentication: {
    protocol:
      | 'pap'
      | 'spap'
      | 'chap-md5'
      | 'ms-chap'
      | 'ms-chap-v2'
      | 'eap'
      | 'certificate'
      | 'psk'
      | 'unknown';
    /** RASLCPAP_* (PPP) or RASIKEV2_AUTH_* (IKEv2), as Windows reported it. */
    code: number;
    /** EAP type (13 TLS, 25 PEAP, 26 MS-CHAP v2, …) when `protocol` is eap, else null. */
    eapType: number | null;
  } | null;
  /** PPP CCP / IKEv2 cipher; `bits` 0 means the link is not encrypted. */
  encryption: {
    method: 'mppe' | 'des' | '3des' | 'aes' | 'aes-gcm' | 'none' | 'unknown';
    bits: number;
    code: number;
  } | null;
  /** PPP CCP compression (MPPC, STAC); null where none was negotiated or IKEv2. */
  compression: 'mppc' | 'stac' | null;
  /** PPP multilink: several links bundled into this connection. */
  multilink: boolean;
  /** IKEv2 flags: MOBIKE supported, this side or the server behind NAT. */
  ikev2Flags: { mobike: boolean; behindNat: boolean; serverBehindNat: boolean } | null;
  /** RASCONNSTATUS: the device and port the connection runs over. */
  device: { type: string; name: string };
  /** RASCONNSTATUS localEndPoint / remoteEndPoint: the tunnel's outer addresses (null: unknown). */
  endpoints: { local: string | null; remote: string | null };
}

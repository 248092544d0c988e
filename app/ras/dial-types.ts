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

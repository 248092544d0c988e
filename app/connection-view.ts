// What every side knows about one connection: main writes it, IPC carries it, the window
// and the tray draw it. Never a password.

import type { PausedKind } from './ras/connection-state';
import type { ConnectionDetails } from './ras/dial-types';
import type { ErrorInfo } from './ras/errors';
import type { Timeline } from './timeline';

export type ConnectionStatus =
  'dialing' | 'paused' | 'connected' | 'waiting-to-redial' | 'disconnecting' | 'disconnected';

export interface PausedRequest {
  kind: PausedKind;
  state: number;
  /** For retry-authentication and eap: 1-based count of the times asked in this attempt. */
  retry: number;
  /** Why the server paused, in words (the rejected sign-in, the expired password, …). */
  reason: string;
  /** What the dial used so far, so a dialog can prefill it; never a password. */
  userName: string;
  domain: string;
}

/**
 * How a connected link ended, a closed set: 'person' (hung up on the person's request: the
 * window, the tray, a notification, `ras-connect /DISCONNECT`, or quitting with hang-up),
 * 'dropped' (the link went down under us; `code` is the RAS error, 629 when RAS gave none) and
 * 'sleep' (it went down while the computer slept or just after it woke; `code` as for a drop).
 * This app hangs up a connected link only when a person asks, so nothing else ends one.
 */
export type ConnectionEnd = 'person' | 'dropped' | 'sleep';

export interface ConnectionEnding {
  ended: ConnectionEnd;
  /** The RAS error of a drop or of an end in sleep; null for a hang-up by the person. */
  code: number | null;
  /** The last statistics read before the end; null when none could be read. */
  bytesSent: number | null;
  bytesReceived: number | null;
}

export interface ConnectionView {
  id: string;
  entryName: string;
  phonebook: string;
  status: ConnectionStatus;
  handle: string | null;
  timeline: Timeline;
  paused: PausedRequest | null;
  /** The error the last attempt ended with; null while it goes on or after a clean hang-up. */
  error: ErrorInfo | null;
  attempt: number;
  attempts: number;
  numberIndex: number;
  numberCount: number;
  destination: string;
  connectedAt: number | null;
  redialAt: number | null;
  /** Found connected at start-up (or dialed by another program), not dialed by this app. */
  attached: boolean;
  /** How the last connected period ended; cleared when the link is up again. */
  ending?: ConnectionEnding | null;
  /**
   * What Windows negotiated for the link now up (addresses, tunnel, authentication, …): read
   * once it is connected, null before that, while it cannot be read, and after it ends.
   */
  details?: ConnectionDetails | null;
}

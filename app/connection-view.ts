// What every side knows about one connection: main writes it, IPC carries it, the window
// and the tray draw it. Never a password.

import type { PausedKind } from './ras/connection-state';
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
}

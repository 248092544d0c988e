// The remote side of a simulated dial paused in Interactive ("show terminal window after
// dialing"): a terminal server that asks for a login before it starts PPP, the way dial-up
// hosts did. It accepts the user name (any case) and password the dial was made with, so the
// login is guessable; a password that is empty or "wrong" is refused as everywhere in the
// simulated server. Three wrong logins: it hangs up (691); "bye" at the Username prompt: it
// hangs up (629). Continuing before it says "Starting PPP" fails in dial-script.ts (718).

import { RasErrorCode as E } from '../../../app/ras/errors';

/** What the remote side printed, and what it waits for now. */
export interface TerminalReply {
  text: string;
  /** The remote side does not echo what is typed next (a password prompt). */
  hideInput: boolean;
  /** The remote side has started PPP: the dial may continue. */
  ready: boolean;
  /** The remote side hung up: the dial ends with this RAS error. */
  hangUpWith: number | null;
}

/** Wrong logins the remote side allows before it hangs up. */
export const TERMINAL_MAX_FAILURES = 3;
/** Typed at the Username prompt, the remote side says goodbye and hangs up. */
export const TERMINAL_HANG_UP_WORD = 'bye';
/** The longest line the remote side reads; the rest of a longer one is dropped. */
export const TERMINAL_MAX_LINE = 256;

const BANNER = [
  '',
  'RAS Connect simulated terminal server',
  'Log in with the user name and password you dialed with.',
  `Type "${TERMINAL_HANG_UP_WORD}" at the Username prompt to hang up.`,
  '',
].join('\r\n');

type Stage = 'user' | 'password' | 'ppp' | 'gone';

export class TerminalScript {
  private stage: Stage = 'user';
  private typedUser = '';
  private failures = 0;
  /** Typed text not yet ended by Enter. */
  private pending = '';
  /** Why the remote side hung up, once it has. */
  private ending: number | null = null;

  constructor(private readonly expected: { userName: string; password: string }) {}

  get ready(): boolean {
    return this.stage === 'ppp';
  }

  /** The greeting, sent as the dial pauses. */
  start(): TerminalReply {
    return this.reply(`${BANNER}\r\nUsername: `);
  }

  /** What the person typed: lines end with CR or LF; the remote side answers each line. */
  input(text: string): TerminalReply {
    let out = '';
    this.pending += text;
    for (;;) {
      const end = this.pending.search(/[\r\n]/);
      if (end < 0) break;
      const line = this.pending.slice(0, end);
      // CR LF is one Enter.
      const skip = this.pending.startsWith('\r\n', end) ? 2 : 1;
      this.pending = this.pending.slice(end + skip);
      out += this.line(line.slice(0, TERMINAL_MAX_LINE));
      if (this.stage === 'gone' || this.stage === 'ppp') {
        this.pending = '';
        break;
      }
    }
    if (this.pending.length > TERMINAL_MAX_LINE)
      this.pending = this.pending.slice(0, TERMINAL_MAX_LINE);
    return this.reply(out, this.stage === 'gone' ? this.ending : null);
  }

  private line(line: string): string {
    switch (this.stage) {
      case 'user': {
        const echoed = `${line}\r\n`;
        if (line.trim() === '') return `${echoed}Username: `;
        if (line.trim().toLowerCase() === TERMINAL_HANG_UP_WORD) {
          this.stage = 'gone';
          this.ending = E.ERROR_REMOTE_DISCONNECTION;
          return `${echoed}Goodbye.\r\n`;
        }
        this.typedUser = line.trim();
        this.stage = 'password';
        return `${echoed}Password: `;
      }
      case 'password': {
        // No echo: only the end of the line shows.
        if (this.accepts(this.typedUser, line)) {
          this.stage = 'ppp';
          return `\r\nWelcome, ${this.typedUser}.\r\nStarting PPP...\r\n`;
        }
        this.failures++;
        if (this.failures >= TERMINAL_MAX_FAILURES) {
          this.stage = 'gone';
          this.ending = E.ERROR_AUTHENTICATION_FAILURE;
          return '\r\nLogin incorrect\r\nToo many failed logins. Goodbye.\r\n';
        }
        this.stage = 'user';
        return '\r\nLogin incorrect\r\n\r\nUsername: ';
      }
      default:
        // PPP has started (or the line is gone): typed text is not read as a login any more.
        return '';
    }
  }

  private accepts(userName: string, password: string): boolean {
    const expected = this.expected;
    return (
      // The simulated server's rules: an empty password and "wrong" are always refused.
      password !== '' &&
      password !== 'wrong' &&
      userName.toLowerCase() === expected.userName.trim().toLowerCase() &&
      password === expected.password
    );
  }

  private reply(text: string, hangUpWith: number | null = null): TerminalReply {
    return { text, hideInput: this.stage === 'password', ready: this.ready, hangUpWith };
  }
}

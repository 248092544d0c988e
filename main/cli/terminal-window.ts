// The terminal window of a dial paused in Interactive, on the command line: what the remote
// side prints goes out line by line (or as JSON events); the lines to type come from
// `--answer terminal=LINE`, then, on a terminal, from the person (a password prompt without
// echo). The dial continues once the remote side says it has started PPP.

import type { Terminal } from './terminal';

export interface TerminalChunk {
  text: string;
  hideInput: boolean;
  ready: boolean;
  closed: boolean;
}

/** ready: continue the dial; no-answer: nobody can type; cancelled: the person gave up; ended: the dial is over. */
export type ConversationEnd = 'ready' | 'no-answer' | 'cancelled' | 'ended';

export class CliTerminalWindow {
  /** The line the remote side has begun and not ended: its prompt, while it waits. */
  private partial = '';
  private latest: TerminalChunk | null = null;
  /** The remote side has answered since the last line was sent. */
  private answered = false;
  /** The remote side's echo of what readline has already shown. */
  private echo = '';
  private wake: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly print: (line: string) => void,
    /** JSON mode: each chunk as it came, instead of lines. */
    private readonly printChunk?: (text: string) => void,
  ) {}

  receive(chunk: TerminalChunk): void {
    let text = chunk.text;
    if (this.echo && text.startsWith(this.echo)) text = text.slice(this.echo.length);
    this.echo = '';
    if (this.printChunk) this.printChunk(chunk.text);
    else {
      const lines = (this.partial + text).split(/\r?\n/);
      this.partial = lines.pop()!;
      for (const line of lines) this.print(line.replace(/\r/g, ''));
    }
    this.latest = chunk;
    this.answered = true;
    this.wake?.();
  }

  /** The dial no longer waits in its terminal window (it failed or was hung up). */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Types the given lines, then asks the person, until the remote side is ready. */
  async converse(
    send: (text: string) => Promise<void>,
    lines: string[],
    terminal: Terminal,
  ): Promise<ConversationEnd> {
    // Only what happens from this pause on ends this conversation.
    this.stopped = false;
    try {
      for (;;) {
        while (!this.answered && !this.stopped)
          await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        // The remote side hung up: the dial ends with its error by itself.
        if (this.stopped || this.latest!.closed) return 'ended';
        if (this.latest!.ready) return 'ready';
        this.answered = false;
        let line = lines.shift();
        if (line === undefined) {
          if (!terminal.interactive) return 'no-answer';
          const prompt = this.partial;
          this.partial = '';
          const hidden = this.latest!.hideInput;
          const typed = hidden ? await terminal.askSecret(prompt) : await terminal.ask(prompt);
          if (typed === null) return 'cancelled';
          if (this.stopped) return 'ended';
          this.echo = hidden ? '\r\n' : `${typed}\r\n`;
          line = typed;
        }
        try {
          await send(`${line}\r`);
        } catch {
          // The dial left its terminal window meanwhile; its own end says why.
          return 'ended';
        }
      }
    } finally {
      if (this.partial !== '' && !this.printChunk) this.print(this.partial);
      this.partial = '';
    }
  }
}

// The CLI's conversation with a person at a terminal: questions, and secrets typed without echo.

import readline from 'node:readline';
import { printable } from './output';

export interface Terminal {
  /** Whether a person can answer (stdin and stdout are terminals). */
  readonly interactive: boolean;
  ask(question: string): Promise<string | null>;
  /** Like ask, without echoing what is typed; null when the person gave up (Ctrl-C, end of input). */
  askSecret(question: string): Promise<string | null>;
}

export function nodeTerminal(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Terminal {
  const prompt = (question: string, secret: boolean): Promise<string | null> =>
    new Promise((resolve) => {
      const rl = readline.createInterface({ input, output, terminal: true });
      let muted = false;
      if (secret) {
        // readline echoes through _writeToOutput; while muted nothing typed reaches the screen.
        const internal = rl as unknown as { _writeToOutput: (s: string) => void };
        const write = internal._writeToOutput.bind(rl);
        internal._writeToOutput = (s: string) => {
          if (!muted || s.includes('\n')) write(muted ? '\n' : s);
        };
      }
      let answered = false;
      rl.on('SIGINT', () => rl.close());
      rl.on('close', () => {
        if (!answered) resolve(null);
      });
      // The question may name an entry from a phonebook file: its control characters are escaped.
      rl.question(printable(question), (answer) => {
        answered = true;
        rl.close();
        resolve(answer);
      });
      muted = secret;
    });
  return {
    interactive: !!input.isTTY && !!output.isTTY,
    ask: (q) => prompt(q, false),
    askSecret: (q) => prompt(q, true),
  };
}

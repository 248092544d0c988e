// The app's log file: main-process events (the window's and ras-connect's) at info level, one
// timestamped line each, in ras-connect.log in the data folder; past MAX_BYTES it moves to
// ras-connect.log.1. Nothing here knows a password, and nothing that reaches it carries one
// (a test holds it to that).

import { appendFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOG_FILE = 'ras-connect.log';
export const MAX_BYTES = 1024 * 1024;

export class AppLog {
  readonly file: string;
  private size: number;

  constructor(
    dataDir: string,
    private readonly echo: (line: string) => void = () => undefined,
    private readonly maxBytes = MAX_BYTES,
  ) {
    this.file = path.join(dataDir, LOG_FILE);
    this.size = sizeOf(this.file);
  }

  /** Writes one line; a log that cannot be written never stops the app. */
  write(level: 'info' | 'warn', message: string): void {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message.replace(/\r?\n/g, ' ')}\n`;
    this.echo(line.trimEnd());
    try {
      // The window and ras-connect write one log: the size is the file's, not this process's
      // count, which misses the other's lines and its moving the file aside.
      this.size = sizeOf(this.file);
      if (this.size + line.length > this.maxBytes && this.size > 0) {
        renameSync(this.file, `${this.file}.1`);
        this.size = 0;
      }
      appendFileSync(this.file, line);
      this.size += Buffer.byteLength(line);
    } catch {
      // Disk full or read-only: the echo still has it.
    }
  }

  /** The `(message) => void` the core takes. */
  readonly info = (message: string): void => this.write('info', message);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

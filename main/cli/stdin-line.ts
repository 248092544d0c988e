// --password-stdin: the first line of standard input, read without waiting for the rest (a
// script may keep the pipe open), and never from a terminal, where what is typed would show.

import { UsageError } from './args';

/** A password line longer than this is not a password: the input is something else. */
const MAX_LINE_BYTES = 64 * 1024;

/** The first line without its line break (\n or \r\n); null when the input ends before any. */
export function readFirstLine(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
): Promise<string | null> {
  if (input.isTTY)
    return Promise.reject(
      new UsageError(
        '--password-stdin reads a pipe or a file, not a terminal; give * as the password to be asked without echo.',
      ),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (result: string | null, error?: Error): void => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onError);
      input.pause();
      if (error) reject(error);
      else resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const newline = buffer.indexOf(0x0a);
      chunks.push(newline < 0 ? buffer : buffer.subarray(0, newline));
      length += buffer.length;
      if (newline >= 0) finish(lineOf(chunks));
      else if (length > MAX_LINE_BYTES)
        finish(
          null,
          new UsageError(
            '--password-stdin: the first line of standard input is too long for a password.',
          ),
        );
    };
    const onEnd = (): void => finish(length === 0 ? null : lineOf(chunks));
    const onError = (error: Error): void =>
      finish(
        null,
        new UsageError(`--password-stdin: standard input could not be read (${error.message}).`),
      );
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('error', onError);
  });
}

function lineOf(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8').replace(/\r$/, '');
}

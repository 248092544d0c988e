import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { readFirstLine } from './stdin-line';

describe('--password-stdin reads the first line', () => {
  it('without its line break, and without waiting for the input to end', async () => {
    const input = new PassThrough();
    const line = readFirstLine(input);
    input.write('pa:ss');
    input.write(' word\r\nnext line\n');
    expect(await line).toBe('pa:ss word');
  });

  it('takes a last line without a line break, and null for no input', async () => {
    const one = new PassThrough();
    one.end('only');
    expect(await readFirstLine(one)).toBe('only');
    const none = new PassThrough();
    none.end();
    expect(await readFirstLine(none)).toBeNull();
  });

  it('refuses a terminal, where the password would show as it is typed', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    await expect(readFirstLine(tty)).rejects.toThrowError(UsageError);
    await expect(readFirstLine(tty)).rejects.toThrowError(/give \* as the password/);
  });
});

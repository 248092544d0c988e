// The two-call pattern of the RasEnum* functions: probe the size (603), then fill, with a
// bounded number of retries for a list that grows in between.

import { RasError, RasErrorCode as E } from '../../../app/ras/errors';
import type { RasApi32 } from './rasapi32';

export async function enumerate(
  api: RasApi32,
  name: 'RasEnumConnectionsW' | 'RasEnumEntriesW' | 'RasEnumDevicesW',
  struct: string,
  prefix: unknown[] = [],
): Promise<Buffer[]> {
  const size = api.sizeOf(struct);
  let buffer: Buffer | null = null;
  for (let tries = 0; tries < 5; tries++) {
    const bytes = [buffer ? buffer.length : 0];
    const count = [0];
    const result = await api.callAsync(name, ...prefix, buffer, bytes, count);
    if (result === E.ERROR_BUFFER_TOO_SMALL) {
      buffer = Buffer.alloc(Math.max(bytes[0]!, size));
      buffer.writeUInt32LE(size, 0);
      continue;
    }
    if (result !== 0) throw new RasError(result);
    const out: Buffer[] = [];
    for (let i = 0; i < count[0]!; i++) out.push(buffer!.subarray(i * size, (i + 1) * size));
    return out;
  }
  throw new RasError(E.ERROR_BUFFER_TOO_SMALL, '(the list kept growing)');
}

// HRASCONN as the app keeps it: an opaque "0x…" string, compared as such.

import { ERROR_INVALID_HANDLE, RasError } from '../../../app/ras/errors';
import type { RasHandle } from '../backend';

export function handleToString(handle: bigint | number): RasHandle {
  return `0x${BigInt(handle).toString(16)}`;
}

export function handleFromString(handle: RasHandle): bigint {
  if (!/^0x[0-9a-f]+$/i.test(handle)) throw new RasError(ERROR_INVALID_HANDLE);
  return BigInt(handle);
}

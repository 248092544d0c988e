// The system's country list through RasGetCountryInfo: one call per country, each naming the
// next (dwNextCountryID), from id 1 until the next is 0. RASCTRYINFOW is five DWORDs with the
// country's name after them, at dwCountryNameOffset from the start of the buffer.

import { RasError, RasErrorCode as E } from '../../../app/ras/errors';
import type { CountryInfo } from '../../../app/ras/countries';
import { regionOf } from '../../../app/ras/countries-table';
import type { RasApi32 } from './rasapi32';

const HEADER = 20;
/** Windows' list has about 240 countries; a longer chain is a loop in a broken list. */
const MAX_COUNTRIES = 1000;

async function readOne(api: RasApi32, id: number): Promise<{ country: CountryInfo; next: number }> {
  let buffer = Buffer.alloc(HEADER + 256 * 2);
  for (let tries = 0; tries < 3; tries++) {
    buffer.fill(0);
    buffer.writeUInt32LE(HEADER, 0);
    buffer.writeUInt32LE(id, 4);
    const size = [buffer.length];
    const result = await api.callAsync('RasGetCountryInfoW', buffer, size);
    if (result === E.ERROR_BUFFER_TOO_SMALL) {
      buffer = Buffer.alloc(Math.max(size[0]!, buffer.length * 2));
      continue;
    }
    if (result !== 0) throw new RasError(result);
    const offset = buffer.readUInt32LE(16);
    const text =
      offset >= HEADER && offset < buffer.length ? buffer.toString('utf16le', offset) : '';
    const end = text.indexOf('\0');
    const code = buffer.readUInt32LE(12);
    const name = end >= 0 ? text.slice(0, end) : text;
    const region = regionOf(id, code);
    return {
      country: { id, code, name: name || `+${code}`, ...(region ? { region } : {}) },
      next: buffer.readUInt32LE(8),
    };
  }
  throw new RasError(E.ERROR_BUFFER_TOO_SMALL, `(country ${id})`);
}

export async function readCountries(api: RasApi32): Promise<CountryInfo[]> {
  const out: CountryInfo[] = [];
  const seen = new Set<number>();
  for (let id = 1; id !== 0 && !seen.has(id) && out.length < MAX_COUNTRIES;) {
    seen.add(id);
    const { country, next } = await readOne(api, id);
    out.push(country);
    id = next;
  }
  return out;
}

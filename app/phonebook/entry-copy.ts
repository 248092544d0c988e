// Copies of whole entries, line for line: what copy, import and export do, so that no key is
// lost, modelled or not (EAP blobs over several lines, NRPT rules, routes, keys of Windows
// releases newer than this app). A copy differs from its source only in its name and, when it
// lives beside its source or could meet it again, in the keys that identify an entry.

import { entryBlocks, findKey } from './pbk-blocks';
import { keyLine, sectionHeader, type PbkLine, type PbkSection } from './pbk-codec';

/**
 * Keys that make an entry itself rather than a copy: its GUID (guidId, how Windows and VPN
 * profiles refer to it) and the id that links it to its saved credentials.
 */
export const IDENTITY_KEYS = ['Guid', 'DialParamsUID'] as const;

export interface CopyOptions {
  /** New values for the identity keys (Guid, DialParamsUID) the section has. */
  freshIdentity: boolean;
  /** Random bytes; crypto.getRandomValues by default (tests pass their own). */
  random?: (bytes: Uint8Array) => Uint8Array;
}

const defaultRandom = (bytes: Uint8Array): Uint8Array => crypto.getRandomValues(bytes);

/** 32 hex digits, upper case, no braces or dashes: the way Windows writes Guid=. */
export function newGuid(random = defaultRandom): string {
  const bytes = random(new Uint8Array(16));
  bytes[7] = (bytes[7]! & 0x0f) | 0x40; // version 4 (Data3's high byte, stored little-endian)
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return [...bytes]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** A DialParamsUID as Windows writes it: a positive 32-bit decimal number. */
export function newDialParamsUid(random = defaultRandom): string {
  const bytes = random(new Uint8Array(4));
  const n = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 1;
  return String(n === 0 ? 1 : n);
}

export function copySection(section: PbkSection, name: string, options: CopyOptions): PbkSection {
  const lines: PbkLine[] = section.lines.slice();
  if (options.freshIdentity) {
    const random = options.random ?? defaultRandom;
    const end = entryBlocks(section).entryEnd;
    for (const key of IDENTITY_KEYS) {
      const i = findKey(section, key, 0, end);
      // DialParamsUID=0 means "no saved credentials": a copy has none either.
      if (i < 0 || (key === 'DialParamsUID' && lines[i]!.value.trim() === '0')) continue;
      const value = key === 'Guid' ? newGuid(random) : newDialParamsUid(random);
      lines[i] = keyLine(key, value, lines[i]!.eol);
    }
  }
  const header = name === section.name ? section.header : sectionHeader(name, section.header.eol);
  return { name, header, lines, lineNumber: 0 };
}

/** The Guid= of a section, upper-cased, or undefined. */
export function sectionGuid(section: PbkSection): string | undefined {
  const i = findKey(section, 'Guid', 0, entryBlocks(section).entryEnd);
  return i < 0 ? undefined : section.lines[i]!.value.trim().toUpperCase();
}

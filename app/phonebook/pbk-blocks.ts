// The block structure inside one phonebook entry (shared/ras-reference.md §8.2): entry-level
// keys, an optional NETCOMPONENTS= block, MEDIA= blocks and the DEVICE= blocks inside them,
// with the repeated phone-number groups of each DEVICE block. Indices point into section.lines.

import type { PbkSection } from './pbk-codec';

export const PHONE_GROUP_KEYS = [
  'PhoneNumber',
  'AreaCode',
  'CountryCode',
  'CountryID',
  'UseDialingRules',
  'Comment',
  'FriendlyName',
] as const;

export interface PhoneGroupLines {
  /** Line index of each group key present, by key. */
  keys: Map<string, number>;
  start: number;
  end: number;
}

export interface DeviceBlock {
  header: number;
  type: string;
  /** Indices of the block's lines after its header, up to the next block (exclusive). */
  start: number;
  end: number;
  groups: PhoneGroupLines[];
}

export interface MediaBlock {
  header: number;
  medium: string;
  start: number;
  /** Where the MEDIA block's own keys end: its first DEVICE= header, or the block end. */
  keysEnd: number;
  end: number;
  devices: DeviceBlock[];
}

export interface EntryBlocks {
  /** Entry-level keys run from 0 to entryEnd (exclusive). */
  entryEnd: number;
  netComponents: { header: number; end: number } | null;
  media: MediaBlock[];
}

const groupKeySet = new Set<string>(PHONE_GROUP_KEYS);

export function entryBlocks(section: PbkSection): EntryBlocks {
  const lines = section.lines;
  const blocks: EntryBlocks = { entryEnd: lines.length, netComponents: null, media: [] };
  let media: MediaBlock | null = null;
  let device: DeviceBlock | null = null;
  let group: PhoneGroupLines | null = null;
  const closeDevice = (at: number): void => {
    if (device) device.end = at;
    device = null;
    group = null;
  };
  const closeMedia = (at: number): void => {
    closeDevice(at);
    if (media) {
      media.end = at;
      if (media.keysEnd < 0) media.keysEnd = at;
    }
    media = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'key') continue;
    if (line.key === 'NETCOMPONENTS') {
      closeMedia(i);
      if (blocks.entryEnd === lines.length) blocks.entryEnd = i;
      blocks.netComponents = { header: i, end: lines.length };
    } else if (line.key === 'MEDIA') {
      closeMedia(i);
      if (blocks.entryEnd === lines.length) blocks.entryEnd = i;
      if (blocks.netComponents && blocks.netComponents.end === lines.length)
        blocks.netComponents.end = i;
      media = {
        header: i,
        medium: line.value,
        start: i + 1,
        keysEnd: -1,
        end: lines.length,
        devices: [],
      };
      blocks.media.push(media);
    } else if (line.key === 'DEVICE') {
      closeDevice(i);
      if (!media) continue;
      if (media.keysEnd < 0) media.keysEnd = i;
      device = { header: i, type: line.value, start: i + 1, end: lines.length, groups: [] };
      media.devices.push(device);
    } else if (device && groupKeySet.has(line.key)) {
      // PhoneNumber opens a group; a key already seen in the current group opens one too.
      const current: PhoneGroupLines | null = group;
      if (!current || line.key === 'PhoneNumber' || current.keys.has(line.key)) {
        group = { keys: new Map([[line.key, i]]), start: i, end: i + 1 };
        device.groups.push(group);
      } else {
        current.keys.set(line.key, i);
        current.end = i + 1;
      }
    } else if (device && group) {
      // The first non-group key ends the phone groups of this device.
      group = null;
    }
  }
  closeMedia(lines.length);
  if (blocks.netComponents && blocks.netComponents.end === lines.length && blocks.media.length > 0)
    blocks.netComponents.end = blocks.media[0]!.header;
  return blocks;
}

/** Index of the first line with `key` in [start, end), or -1. */
export function findKey(
  section: PbkSection,
  key: string,
  start = 0,
  end = section.lines.length,
): number {
  for (let i = start; i < end; i++) {
    const line = section.lines[i]!;
    if (line.kind === 'key' && line.key === key) return i;
  }
  return -1;
}

// A small line icon for each entry type, drawn inline so it needs no font.

import type { EntryType } from '../../../app/phonebook/entry';

const PATHS: Record<EntryType, string> = {
  phone:
    'M5 3h3l1.5 4-2 1.5a9 9 0 0 0 4 4L13 10.5l4 1.5v3a2 2 0 0 1-2 2A13 13 0 0 1 3 5a2 2 0 0 1 2-2z',
  vpn: 'M6 9V6.5a4 4 0 0 1 8 0V9M5 9h10v8H5zM10 12v2',
  broadband: 'M3 7h11l-3-3M17 13H6l3 3',
  direct: 'M2 10h4M14 10h4M6 7h8v6H6z',
  internet: 'M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zM2 10h16M10 2c3 3 3 13 0 16M10 2c-3 3-3 13 0 16',
};

export function TypeIcon({ type, label }: { type: EntryType; label: string }) {
  return (
    <svg
      className="type-icon"
      viewBox="0 0 20 20"
      width="16"
      height="16"
      role="img"
      aria-label={label}
    >
      <path
        d={PATHS[type]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

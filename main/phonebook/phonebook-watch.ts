// Notices a phonebook file that changes on disk (another program, or RAS itself) and
// announces it, so every window reads the new contents.

import { unwatchFile, watchFile, type Stats } from 'node:fs';

export function watchPhonebooks(
  paths: () => string[],
  onChange: (file: string) => void,
  intervalMs = 1000,
): { refresh(): void; stop(): void } {
  const watched = new Map<string, (curr: Stats, prev: Stats) => void>();
  const refresh = (): void => {
    const wanted = new Set(paths());
    for (const [file, listener] of watched)
      if (!wanted.has(file)) {
        unwatchFile(file, listener);
        watched.delete(file);
      }
    for (const file of wanted) {
      if (watched.has(file)) continue;
      const listener = (curr: Stats, prev: Stats): void => {
        if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size) onChange(file);
      };
      watchFile(file, { interval: intervalMs, persistent: false }, listener);
      watched.set(file, listener);
    }
  };
  refresh();
  return {
    refresh,
    stop() {
      for (const [file, listener] of watched) unwatchFile(file, listener);
      watched.clear();
    },
  };
}

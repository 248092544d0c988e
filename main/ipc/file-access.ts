// Which files a window may import from or export to. In Electron only the paths the person
// picked in the system's file dialog; in browser mode (loopback, with its token) a typed
// path, since a browser page has no dialog that gives one.

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type FilePurpose = 'import' | 'export' | 'open' | 'diagnostics';

export type Choice = { file: string } | { typed: true } | null;

export interface FileAccess {
  choose(purpose: FilePurpose): Promise<Choice>;
  allowed(file: string, purpose: FilePurpose): boolean;
  /** The file a path names: a dialog's as it is; a typed one from the user's documents folder. */
  resolve(file: string): string;
  /** Whether choosing a file already asked about replacing it (the system's save dialog does). */
  readonly asksBeforeReplacing: boolean;
}

/** Where a typed relative path starts: the user's Documents folder, else the home folder. */
export function documentsFolder(home: string = os.homedir()): string {
  const documents = path.join(home, 'Documents');
  return existsSync(documents) ? documents : home;
}

/**
 * A typed path as the person means it: `~` is the home folder, and a relative path starts in
 * the documents folder, never in whatever folder the server was started from.
 */
export function resolveTyped(file: string, home: string = os.homedir()): string {
  if (file === '~' || file.startsWith('~/') || file.startsWith('~\\'))
    return path.join(home, file.slice(1));
  return path.resolve(documentsFolder(home), file);
}

export const typedPaths: FileAccess = {
  choose: async () => ({ typed: true }),
  allowed: () => true,
  resolve: (file) => resolveTyped(file),
  asksBeforeReplacing: false,
};

/** Grants exactly the paths a dialog returned, each for the purpose it was chosen for. */
export function dialogPaths(show: (purpose: FilePurpose) => Promise<string | null>): FileAccess {
  const granted = new Map<string, FilePurpose>();
  return {
    async choose(purpose) {
      const file = await show(purpose);
      if (file === null) return null;
      granted.set(file, purpose);
      return { file };
    },
    allowed: (file, purpose) => granted.get(file) === purpose,
    resolve: (file) => file,
    asksBeforeReplacing: true,
  };
}

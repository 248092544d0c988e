// Which files a window may import from or export to. In Electron only the paths the person
// picked in the system's file dialog; in browser mode (loopback, with its token) a typed
// path, since a browser page has no dialog that gives one.

export type FilePurpose = 'import' | 'export' | 'open' | 'diagnostics';

export type Choice = { file: string } | { typed: true } | null;

export interface FileAccess {
  choose(purpose: FilePurpose): Promise<Choice>;
  allowed(file: string, purpose: FilePurpose): boolean;
}

export const typedPaths: FileAccess = {
  choose: async () => ({ typed: true }),
  allowed: () => true,
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
  };
}

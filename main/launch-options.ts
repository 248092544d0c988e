// What the app was started with: `--dial "Entry"` and `--hang-up "Entry"` (each may repeat),
// `--phonebook FILE` for them, and `--hidden` (started at login: stay in the tray). A second
// launch hands its arguments to the running instance, which acts on them the same way.

import { parseArgs } from 'node:util';
import type { Core } from './app-core';
import { listBooks } from './phonebook/phonebook-books';

export interface LaunchOptions {
  hidden: boolean;
  dial: string[];
  hangUp: string[];
  phonebook: string | undefined;
}

/** Reads our options from a whole command line; Electron's and Chromium's own are ignored. */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      dial: { type: 'string', multiple: true },
      'hang-up': { type: 'string', multiple: true },
      phonebook: { type: 'string' },
      hidden: { type: 'boolean' },
    },
  });
  // With strict off, a value-less `--dial` comes back as `true`: there is nothing to dial.
  const names = (v: unknown): string[] =>
    (Array.isArray(v) ? v : []).filter(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    );
  return {
    hidden: values.hidden === true,
    dial: names(values.dial),
    hangUp: names(values['hang-up']),
    phonebook: typeof values.phonebook === 'string' ? values.phonebook : undefined,
  };
}

export function hasActions(options: LaunchOptions): boolean {
  return options.dial.length > 0 || options.hangUp.length > 0;
}

/** The phonebook holding an entry of that name: the one given, else the first listed. */
async function phonebookOf(core: Core, name: string, given: string | undefined): Promise<string> {
  if (given) return given;
  for (const book of listBooks(core.backend, core.settings.get())) {
    const entries = await core.phonebooks.list(book.path).catch(() => []);
    if (entries.some((e) => e.name.toLowerCase() === name.toLowerCase())) return book.path;
  }
  return core.backend.defaultPhonebook;
}

/** Dials and hangs up as asked; each failure is logged with the entry's name. */
export async function runLaunchOptions(
  core: Core,
  options: LaunchOptions,
  log: (message: string) => void,
): Promise<void> {
  for (const name of options.hangUp)
    await core.manager
      .hangUpEntry(name, await phonebookOf(core, name, options.phonebook))
      .catch((error: unknown) => log(`--hang-up "${name}": ${(error as Error).message}`));
  for (const name of options.dial)
    await core.manager
      .dial({ entryName: name, phonebook: await phonebookOf(core, name, options.phonebook) })
      .catch((error: unknown) => log(`--dial "${name}": ${(error as Error).message}`));
}

// Which phonebooks the app shows: Windows' per-user and all-users phonebooks (or the app's
// own file for the simulated server), then every .pbk file the person opened.

import path from 'node:path';
import type { PhonebookBook, Settings } from '../../app/ipc/contract';
import type { RasBackend } from '../ras/backend';
import type { SettingsStore } from '../settings/settings-store';

/** The all-users phonebook; writing it needs administrator rights (§8.1). */
export function allUsersPhonebook(env: NodeJS.ProcessEnv = process.env): string {
  return path.win32.join(
    env.ProgramData ?? 'C:\\ProgramData',
    'Microsoft',
    'Network',
    'Connections',
    'Pbk',
    'rasphone.pbk',
  );
}

const same = (a: string, b: string): boolean =>
  path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase();

export function listBooks(
  backend: RasBackend,
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): PhonebookBook[] {
  const base: PhonebookBook[] =
    backend.kind === 'win32'
      ? [
          { path: backend.defaultPhonebook, kind: 'user' },
          { path: allUsersPhonebook(env), kind: 'all-users' },
        ]
      : [{ path: backend.defaultPhonebook, kind: 'app' }];
  const opened = settings.openedPhonebooks
    .filter((p) => !base.some((b) => same(b.path, p)))
    .map((p): PhonebookBook => ({ path: p, kind: 'opened' }));
  return [...base, ...opened];
}

export async function openBook(settings: SettingsStore, file: string): Promise<void> {
  const opened = settings.get().openedPhonebooks;
  if (!opened.some((p) => same(p, file)))
    await settings.set({ openedPhonebooks: [...opened, file] });
}

export async function closeBook(settings: SettingsStore, file: string): Promise<void> {
  await settings.set({
    openedPhonebooks: settings.get().openedPhonebooks.filter((p) => !same(p, file)),
  });
}

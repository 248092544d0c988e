// The window's phonebook commands: each goes to main as an invoke; the list refreshes from
// the phonebook:changed event that every change raises.

import type { RasEntry } from '../../../app/phonebook/entry';
import type { RasApi, WireError } from '../../../app/ipc/contract';
import { useAppStore } from './app-store';

/** What the right pane shows: the entry, its editor, or a question about it. */
export type Pane =
  | { kind: 'entry' }
  | {
      kind: 'editor';
      mode: 'new' | 'edit';
      entry: RasEntry;
      originalName: string | null;
      revision: string | undefined;
    }
  | { kind: 'rename'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'import' }
  | { kind: 'export' };

export function setPane(pane: Pane): void {
  useAppStore.setState({ pane });
}

/** The invoke's value in a box (many values are null), or null when it failed and was shown. */
async function run<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: WireError }>,
): Promise<{ value: T } | null> {
  const result = await promise;
  useAppStore.setState({ failure: result.ok ? null : result.error });
  return result.ok ? { value: result.value } : null;
}

export async function openEditor(api: RasApi, name: string): Promise<void> {
  const details = (await run(api.invoke('phonebook:get', { name })))?.value;
  if (details)
    setPane({
      kind: 'editor',
      mode: 'edit',
      entry: details.entry,
      originalName: name,
      revision: details.revision,
    });
}

export async function saveEntry(
  api: RasApi,
  pane: Extract<Pane, { kind: 'editor' }>,
  entry: RasEntry,
): Promise<boolean> {
  const done =
    pane.mode === 'new'
      ? await run(api.invoke('phonebook:create', { entry }))
      : await run(
          api.invoke('phonebook:update', {
            originalName: pane.originalName!,
            entry,
            revision: pane.revision,
          }),
        );
  if (done === null) return false;
  useAppStore.setState({ selected: entry.name, pane: { kind: 'entry' } });
  return true;
}

export async function renameEntry(api: RasApi, name: string, newName: string): Promise<boolean> {
  const done = await run(api.invoke('phonebook:rename', { name, newName }));
  if (done === null) return false;
  useAppStore.setState({ selected: newName, pane: { kind: 'entry' } });
  return true;
}

export async function copyEntry(api: RasApi, name: string): Promise<void> {
  const copy = (await run(api.invoke('phonebook:copy', { name })))?.value;
  if (copy) useAppStore.setState({ selected: copy.name });
}

export async function deleteEntry(api: RasApi, name: string): Promise<void> {
  const done = await run(api.invoke('phonebook:delete', { name }));
  if (done === null) return;
  useAppStore.setState((s) => {
    const rest = s.entries.filter((e) => e.name !== name);
    return { pane: { kind: 'entry' }, selected: rest[0]?.name ?? null };
  });
}

export async function saveCredentials(
  api: RasApi,
  name: string,
  credentials: { userName: string; domain: string; password: string },
): Promise<boolean> {
  return (await run(api.invoke('phonebook:set-credentials', { name, ...credentials }))) !== null;
}

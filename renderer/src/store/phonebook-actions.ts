// The window's phonebook commands: each goes to main as an invoke; the list refreshes from
// the phonebook:changed event that every change raises. An entry is always named with its
// phonebook.

import type { RasEntry } from '../../../app/phonebook/entry';
import type { RasApi, WireError } from '../../../app/ipc/contract';
import { loadEntries, sameEntry, useAppStore, type EntryRef } from './app-store';

export interface EditorCredentials {
  userName: string;
  domain: string;
  hasPreSharedKey: boolean;
}

/** What the right pane shows: the entry, its editor, or a question about it. */
export type Pane =
  | { kind: 'entry' }
  | {
      kind: 'editor';
      mode: 'new' | 'edit';
      phonebook: string;
      entry: RasEntry;
      originalName: string | null;
      revision: string | undefined;
      /** What is saved for the entry (edit mode): the names go with a new pre-shared key. */
      credentials: EditorCredentials | null;
    }
  | { kind: 'rename'; ref: EntryRef }
  | { kind: 'delete'; ref: EntryRef }
  /** Enter or a double-click on a connected entry: hang it up? */
  | { kind: 'hang-up'; ref: EntryRef }
  | { kind: 'import'; phonebook: string }
  | { kind: 'export'; phonebook: string }
  | { kind: 'open' }
  | { kind: 'history' };

export function setPane(pane: Pane): void {
  useAppStore.setState({ pane });
}

/** The invoke's value in a box (many values are null), or null when it failed and was shown. */
async function run<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: WireError }>,
  api?: RasApi,
): Promise<{ value: T } | null> {
  const result = await promise;
  useAppStore.setState({ failure: result.ok ? null : result.error });
  // Another program changed the file: show what is there now.
  if (!result.ok && result.error.code === 'PHONEBOOK_CHANGED' && api) await loadEntries(api);
  return result.ok ? { value: result.value } : null;
}

export async function openEditor(api: RasApi, ref: EntryRef): Promise<void> {
  const details = (await run(api.invoke('phonebook:get', ref)))?.value;
  if (details)
    setPane({
      kind: 'editor',
      mode: 'edit',
      phonebook: ref.phonebook,
      entry: details.entry,
      originalName: ref.name,
      revision: details.revision,
      credentials: {
        userName: details.credentials.userName,
        domain: details.credentials.domain,
        hasPreSharedKey: details.credentials.hasPreSharedKey,
      },
    });
}

/**
 * Saves the entry, then a pre-shared key the person typed (a credential, kept like the
 * password, with the saved names unchanged). The key is sent only when one was typed.
 */
export async function saveEntry(
  api: RasApi,
  pane: Extract<Pane, { kind: 'editor' }>,
  entry: RasEntry,
  preSharedKey?: string,
): Promise<boolean> {
  const { phonebook } = pane;
  const done =
    pane.mode === 'new'
      ? await run(api.invoke('phonebook:create', { phonebook, entry }), api)
      : await run(
          api.invoke('phonebook:update', {
            phonebook,
            originalName: pane.originalName!,
            entry,
            revision: pane.revision,
          }),
          api,
        );
  if (done === null) return false;
  // The entry is saved either way: a refused key shows its reason on the entry's page.
  const keySaved =
    preSharedKey === undefined ||
    (await run(
      api.invoke('phonebook:set-credentials', {
        phonebook,
        name: entry.name,
        userName: pane.credentials?.userName ?? '',
        domain: pane.credentials?.domain ?? '',
        preSharedKey,
      }),
    )) !== null;
  useAppStore.setState({ selected: { phonebook, name: entry.name }, pane: { kind: 'entry' } });
  return keySaved;
}

export async function renameEntry(api: RasApi, ref: EntryRef, newName: string): Promise<boolean> {
  const done = await run(api.invoke('phonebook:rename', { ...ref, newName }), api);
  if (done === null) return false;
  useAppStore.setState({
    selected: { phonebook: ref.phonebook, name: newName },
    pane: { kind: 'entry' },
  });
  return true;
}

export async function copyEntry(api: RasApi, ref: EntryRef): Promise<void> {
  const copy = (await run(api.invoke('phonebook:copy', ref), api))?.value;
  if (copy) useAppStore.setState({ selected: { phonebook: ref.phonebook, name: copy.name } });
}

export async function deleteEntry(api: RasApi, ref: EntryRef): Promise<void> {
  const done = await run(api.invoke('phonebook:delete', ref), api);
  if (done === null) return;
  useAppStore.setState((s) => {
    const rest = s.entries.find((e) => !sameEntry(e, ref));
    return {
      pane: { kind: 'entry' },
      selected: rest ? { phonebook: rest.phonebook, name: rest.name } : null,
    };
  });
}

export async function saveCredentials(
  api: RasApi,
  ref: EntryRef,
  credentials: { userName: string; domain: string; password: string },
): Promise<boolean> {
  return (await run(api.invoke('phonebook:set-credentials', { ...ref, ...credentials }))) !== null;
}

export async function openPhonebook(api: RasApi, file: string): Promise<boolean> {
  return (await run(api.invoke('phonebook:open', { file }))) !== null;
}

export async function closePhonebook(api: RasApi, phonebook: string): Promise<void> {
  await run(api.invoke('phonebook:close', { phonebook }));
}

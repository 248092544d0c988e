// The window's phonebook commands: each goes to main as an invoke; the list refreshes from
// the phonebook:changed event that every change raises. An entry is always named with its
// phonebook.

import type { RasEntry } from '../../../app/phonebook/entry';
import type { RasApi, WireError } from '../../../app/ipc/contract';
import type { ImportedEntry } from '../../../app/provisioning/vpn-powershell';
import {
  leaveEditor,
  loadEntries,
  report,
  sameEntry,
  useAppStore,
  type EntryRef,
  type FailurePlace,
} from './app-store';

export interface EditorCredentials {
  userName: string;
  domain: string;
  hasPreSharedKey: boolean;
}

/** An imported entry's pre-shared key (saved as a credential), Keep connected and notes. */
export type ImportedExtras = Omit<ImportedEntry, 'entry'>;

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
      /** A new entry read from PowerShell or a ProfileXML: what came with it besides the entry. */
      imported?: ImportedExtras;
    }
  | { kind: 'rename'; ref: EntryRef }
  | { kind: 'delete'; ref: EntryRef }
  /** Enter or a double-click on a connected entry: hang it up? */
  | { kind: 'hang-up'; ref: EntryRef }
  | { kind: 'import'; phonebook: string }
  | { kind: 'export'; phonebook: string }
  /** Import from PowerShell or a ProfileXML (provisioning-dialogs.tsx). */
  | { kind: 'provision-import'; phonebook: string }
  | { kind: 'powershell'; ref: EntryRef }
  | { kind: 'open' }
  | { kind: 'history' };

export function setPane(pane: Pane): void {
  // A dialog's refusal belongs to that dialog: the next pane starts without it. Any pane put
  // over an editor with unsaved changes (a question, another editor) asks first.
  leaveEditor(() => useAppStore.setState({ pane, paneFailure: null }));
}

/**
 * The invoke's value in a box (many values are null), or null when it failed and was shown
 * where it was caused: in the dialog that asked ('pane'), on the entry's page, or at the top.
 */
async function run<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: WireError }>,
  place: FailurePlace,
  api?: RasApi,
): Promise<{ value: T } | null> {
  const result = await promise;
  report(place, result.ok ? null : result.error);
  // Another program changed the file: show what is there now.
  if (!result.ok && result.error.code === 'PHONEBOOK_CHANGED' && api) await loadEntries(api);
  return result.ok ? { value: result.value } : null;
}

export async function openEditor(api: RasApi, ref: EntryRef): Promise<void> {
  const details = (await run(api.invoke('phonebook:get', ref), ref))?.value;
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
      ? await run(api.invoke('phonebook:create', { phonebook, entry }), 'pane', api)
      : await run(
          api.invoke('phonebook:update', {
            phonebook,
            originalName: pane.originalName!,
            entry,
            revision: pane.revision,
          }),
          'pane',
          api,
        );
  if (done === null) return false;
  // The entry is saved either way: a refused key shows its reason on the entry's page.
  const saved = { phonebook, name: entry.name };
  const keyResult =
    preSharedKey === undefined
      ? null
      : await api.invoke('phonebook:set-credentials', {
          ...saved,
          userName: pane.credentials?.userName ?? '',
          domain: pane.credentials?.domain ?? '',
          preSharedKey,
        });
  useAppStore.setState({ selected: saved, pane: { kind: 'entry' }, paneFailure: null });
  if (keyResult) report(saved, keyResult.ok ? null : keyResult.error);
  return keyResult?.ok ?? true;
}

export async function renameEntry(api: RasApi, ref: EntryRef, newName: string): Promise<boolean> {
  const done = await run(api.invoke('phonebook:rename', { ...ref, newName }), 'pane', api);
  if (done === null) return false;
  useAppStore.setState({
    selected: { phonebook: ref.phonebook, name: newName },
    pane: { kind: 'entry' },
    paneFailure: null,
  });
  return true;
}

export async function copyEntry(api: RasApi, ref: EntryRef): Promise<void> {
  const copy = (await run(api.invoke('phonebook:copy', ref), ref, api))?.value;
  if (copy)
    useAppStore.setState({
      selected: { phonebook: ref.phonebook, name: copy.name },
      entryFailure: null,
    });
}

export async function deleteEntry(api: RasApi, ref: EntryRef): Promise<void> {
  const done = await run(api.invoke('phonebook:delete', ref), 'pane', api);
  if (done === null) return;
  useAppStore.setState((s) => {
    const rest = s.entries.find((e) => !sameEntry(e, ref));
    return {
      pane: { kind: 'entry' },
      paneFailure: null,
      entryFailure: null,
      selected: rest ? { phonebook: rest.phonebook, name: rest.name } : null,
    };
  });
}

export async function saveCredentials(
  api: RasApi,
  ref: EntryRef,
  credentials: { userName: string; domain: string; password: string },
): Promise<boolean> {
  return (
    (await run(api.invoke('phonebook:set-credentials', { ...ref, ...credentials }), ref)) !== null
  );
}

export async function openPhonebook(api: RasApi, file: string): Promise<boolean> {
  return (await run(api.invoke('phonebook:open', { file }), 'pane')) !== null;
}

export async function closePhonebook(api: RasApi, phonebook: string): Promise<void> {
  const { pane } = useAppStore.getState();
  // The editor's entry goes with its phonebook: closing that one leaves the editor first.
  if (pane.kind === 'editor' && pane.phonebook.toLowerCase() === phonebook.toLowerCase())
    return leaveEditor(() => {
      setPane({ kind: 'entry' });
      void closePhonebook(api, phonebook);
    });
  await run(api.invoke('phonebook:close', { phonebook }), 'global');
}

// Import from and export to .pbk files: the file comes from the system's dialog (or, in
// browser mode, a typed path); the person chooses the entries and what a name clash does.

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntrySummary, InvokeResult, Result, WireError } from '../../../app/ipc/contract';
import { Dialog, Problem } from '../dialogs/dialog';
import { wireErrorText } from '../format';
import { existingFile, useFileChoice, WrittenDialog } from './file-choice';
import { rasApi } from '../ras-api';
import { useAppStore } from '../store/app-store';
import { openPhonebook, setPane } from '../store/phonebook-actions';

type Clash = 'rename' | 'replace' | 'skip';

/**
 * Browser mode refuses a WebSocket message over 1 MiB, and the contract allows 100,000 names
 * of 256 characters (up to ~150 MB as JSON), so a large selection goes in parts whose names
 * take at most this many bytes as JSON, well under the limit with the rest of the request.
 */
export const IMPORT_NAMES_BUDGET = 512 * 1024;
const MAX_NAMES_PER_REQUEST = 100_000;

/** Splits names, in order, into parts of at most `budget` bytes of JSON each. */
export function splitNames(names: string[], budget = IMPORT_NAMES_BUDGET): string[][] {
  const encoder = new TextEncoder();
  const parts: string[][] = [];
  let part: string[] = [];
  let size = 2; // []
  for (const name of names) {
    const bytes = encoder.encode(JSON.stringify(name)).length + 1;
    if (part.length > 0 && (size + bytes > budget || part.length >= MAX_NAMES_PER_REQUEST)) {
      parts.push(part);
      part = [];
      size = 2;
    }
    part.push(name);
    size += bytes;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

type ImportResult = Result<'phonebook:import'>;

/**
 * The path field of browser mode, where there is no system dialog: it appears when the
 * person chose the file, and takes the focus (the button they pressed may be disabled now).
 */
function PathField({ field }: { field: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector('input')?.focus(), []);
  return <div ref={box}>{field}</div>;
}

/**
 * Imports the chosen entries: every entry of the file in one request (one write) when all
 * are chosen, otherwise the names in parts that fit browser mode's message limit. A part
 * that fails stops the rest; the parts before it stay imported.
 */
export async function importChosen(
  phonebook: string,
  file: string,
  entries: EntrySummary[],
  chosen: Set<string>,
  clash: Clash,
): Promise<InvokeResult<ImportResult>> {
  const names = entries.map((e) => e.name).filter((name) => chosen.has(name));
  if (names.length === entries.length)
    return rasApi().invoke('phonebook:import', { phonebook, file, names: null, clash });
  const total: ImportResult = { imported: [], skipped: [] };
  for (const part of splitNames(names)) {
    const result = await rasApi().invoke('phonebook:import', {
      phonebook,
      file,
      names: part,
      clash,
    });
    if (!result.ok) return result;
    total.imported.push(...result.value.imported);
    total.skipped.push(...result.value.skipped);
  }
  return { ok: true, value: total };
}

function EntryChecklist({
  entries,
  chosen,
  onChange,
}: {
  entries: EntrySummary[];
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="checklist">
      <legend>{t('transfer.entries', { count: chosen.size })}</legend>
      {entries.map((e) => (
        <label key={e.name} className="check">
          <input
            type="checkbox"
            checked={chosen.has(e.name)}
            onChange={(ev) => {
              const next = new Set(chosen);
              if (ev.target.checked) next.add(e.name);
              else next.delete(e.name);
              onChange(next);
            }}
          />{' '}
          {e.name}
        </label>
      ))}
    </fieldset>
  );
}

export function ImportDialog({ phonebook }: { phonebook: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<string | null>(null);
  const [entries, setEntries] = useState<EntrySummary[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [clash, setClash] = useState<Clash>('rename');
  // A refusal shows in the dialog that asked, which stays open with the focus where it was.
  const [refusal, setRefusal] = useState<WireError | null>(null);
  const message = refusal && wireErrorText(t, refusal);
  const close = () => setPane({ kind: 'entry' });

  const preview = async (path: string) => {
    const result = await rasApi().invoke('phonebook:preview', { file: path });
    if (!result.ok) return setRefusal(result.error);
    setFile(path);
    setEntries(result.value);
    setChosen(new Set(result.value.map((e) => e.name)));
    setRefusal(null);
  };
  const choice = useFileChoice('import', (path) => void preview(path));

  // Two steps, two dialogs: the second opens with the focus on its first entry.
  if (!entries) {
    return (
      <Dialog
        key="file"
        title={t('transfer.importTitle')}
        onCancel={close}
        onSubmit={choice.submit}
        actions={
          <>
            <button type="submit">
              {choice.askPath ? t('transfer.open') : t('transfer.chooseFile')}
            </button>
            {/* Not a phonebook file: one entry from a script or a profile, read in the window. */}
            <button type="button" onClick={() => setPane({ kind: 'provision-import', phonebook })}>
              {t('provision.fromText')}
            </button>
          </>
        }
      >
        {choice.pathField && <PathField field={choice.pathField} />}
        <Problem text={message} />
      </Dialog>
    );
  }
  return (
    <Dialog
      key="entries"
      title={t('transfer.importFrom', { file })}
      onCancel={close}
      onSubmit={() =>
        void importChosen(phonebook, file!, entries, chosen, clash).then((result) => {
          if (!result.ok) return setRefusal(result.error);
          close();
        })
      }
      actions={
        <button type="submit" disabled={chosen.size === 0}>
          {t('transfer.import')}
        </button>
      }
    >
      <EntryChecklist entries={entries} chosen={chosen} onChange={setChosen} />
      <label className="field">
        {t('transfer.clash')}
        <select value={clash} onChange={(e) => setClash(e.target.value as Clash)}>
          <option value="rename">{t('transfer.clashRename')}</option>
          <option value="replace">{t('transfer.clashReplace')}</option>
          <option value="skip">{t('transfer.clashSkip')}</option>
        </select>
      </label>
      <Problem text={message} />
    </Dialog>
  );
}

export function ExportDialog({ phonebook }: { phonebook: string }) {
  const { t } = useTranslation();
  const all = useAppStore((s) => s.entries);
  const selected = useAppStore((s) => s.selected);
  const entries = useMemo(() => all.filter((e) => e.phonebook === phonebook), [all, phonebook]);
  const initial = useMemo(
    () => new Set(selected && selected.phonebook === phonebook ? [selected.name] : []),
    [selected, phonebook],
  );
  const [chosen, setChosen] = useState<Set<string>>(initial);
  // A refusal shows in the dialog that asked, which stays open with the focus where it was.
  const [refusal, setRefusal] = useState<WireError | null>(null);
  const message = refusal && wireErrorText(t, refusal);
  // A typed path that names an existing file: asked once, then written only if confirmed.
  const [replacing, setReplacing] = useState<string | null>(null);
  const [written, setWritten] = useState<Result<'phonebook:export'> | null>(null);
  const close = () => setPane({ kind: 'entry' });
  const write = async (file: string, overwrite: boolean) => {
    const result = await rasApi().invoke('phonebook:export', {
      phonebook,
      file,
      names: [...chosen],
      overwrite,
    });
    if (!result.ok) {
      if (result.error.code === 'FILE_EXISTS' && !overwrite)
        return setReplacing(existingFile(result.error, file));
      return setRefusal(result.error);
    }
    setWritten(result.value);
  };
  // The system's save dialog has asked before replacing a file; a typed path is asked here.
  const choice = useFileChoice('export', (file, fromDialog) => void write(file, fromDialog));
  if (written)
    return (
      <WrittenDialog
        title={t('transfer.exportTitle')}
        text={t('files.exported', { count: written.count, file: written.file })}
        onClose={close}
      />
    );
  return (
    <Dialog
      title={t('transfer.exportTitle')}
      onCancel={close}
      onSubmit={choice.submit}
      actions={
        <button type="submit" disabled={chosen.size === 0 || choice.pathMissing}>
          {choice.askPath ? t('transfer.export') : t('transfer.chooseFile')}
        </button>
      }
    >
      <EntryChecklist entries={entries} chosen={chosen} onChange={setChosen} />
      {choice.pathField && <PathField field={choice.pathField} />}
      {replacing !== null && (
        <div role="alert" className="replace-question">
          <p>{t('transfer.replaceQuestion', { file: replacing })}</p>
          <button type="button" onClick={() => void write(replacing, true)}>
            {t('transfer.replace')}
          </button>
        </div>
      )}
      <Problem text={message} />
    </Dialog>
  );
}

/** Opens another .pbk file beside the default phonebooks. */
export function OpenDialog() {
  const { t } = useTranslation();
  const close = () => setPane({ kind: 'entry' });
  const choice = useFileChoice('open', (file) => {
    void openPhonebook(rasApi(), file).then((opened) => opened && close());
  });
  return (
    <Dialog
      title={t('book.openTitle')}
      onCancel={close}
      onSubmit={choice.submit}
      actions={
        <button type="submit" disabled={choice.pathMissing}>
          {choice.askPath ? t('transfer.open') : t('transfer.chooseFile')}
        </button>
      }
    >
      <p>{t('book.openText')}</p>
      {choice.pathField && <PathField field={choice.pathField} />}
    </Dialog>
  );
}

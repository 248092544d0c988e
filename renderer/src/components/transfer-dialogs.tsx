// Import from and export to .pbk files: the file comes from the system's dialog (or, in
// browser mode, a typed path); the person chooses the entries and what a name clash does.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntrySummary } from '../../../app/ipc/contract';
import { Dialog, Problem } from '../dialogs/dialog';
import { useFileChoice } from './file-choice';
import { rasApi } from '../ras-api';
import { useAppStore } from '../store/app-store';
import { openPhonebook, setPane } from '../store/phonebook-actions';

type Clash = 'rename' | 'replace' | 'skip';

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
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setPane({ kind: 'entry' });

  const preview = async (path: string) => {
    const result = await rasApi().invoke('phonebook:preview', { file: path });
    if (!result.ok) return setMessage(result.error.message);
    setFile(path);
    setEntries(result.value);
    setChosen(new Set(result.value.map((e) => e.name)));
    setMessage(null);
  };
  const choice = useFileChoice('import', (path) => void preview(path));

  if (!entries) {
    return (
      <Dialog
        title={t('transfer.importTitle')}
        onCancel={close}
        onSubmit={choice.submit}
        actions={
          <button type="submit">
            {choice.askPath ? t('transfer.open') : t('transfer.chooseFile')}
          </button>
        }
      >
        {choice.pathField}
        <Problem text={message} />
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('transfer.importFrom', { file })}
      onCancel={close}
      onSubmit={() =>
        void rasApi()
          .invoke('phonebook:import', { phonebook, file: file!, names: [...chosen], clash })
          .then((result) => {
            if (!result.ok) return setMessage(result.error.message);
            useAppStore.setState({ failure: null });
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
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setPane({ kind: 'entry' });
  const write = async (file: string) => {
    const result = await rasApi().invoke('phonebook:export', {
      phonebook,
      file,
      names: [...chosen],
    });
    if (!result.ok) return setMessage(result.error.message);
    close();
  };
  const choice = useFileChoice('export', (file) => void write(file));
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
      {choice.pathField}
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
      {choice.pathField}
    </Dialog>
  );
}

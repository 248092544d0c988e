// Rename and delete, each asked as a small dialog over the window: Rename with the name
// selected (typing replaces it), Delete with the focus on Cancel (Enter does not delete).

import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateEntryName } from '../../../app/phonebook/entry-name';
import { Dialog, Field } from '../dialogs/dialog';
import { rasApi } from '../ras-api';
import { sameEntry, useAppStore, type EntryRef } from '../store/app-store';
import { deleteEntry, renameEntry, setPane } from '../store/phonebook-actions';

export function RenameDialog({ entry }: { entry: EntryRef }) {
  const { name } = entry;
  const { t } = useTranslation();
  const entries = useAppStore((s) => s.entries);
  const others = useMemo(
    () =>
      entries
        .filter((e) => e.phonebook === entry.phonebook && !sameEntry(e, entry))
        .map((e) => e.name),
    [entries, entry],
  );
  const [value, setValue] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  // After the dialog has put focus in the box (a child's effects run first).
  useLayoutEffect(() => input.current?.select(), []);
  const problem = validateEntryName(value, others);
  const close = () => setPane({ kind: 'entry' });
  return (
    <Dialog
      title={t('pb.renameTitle', { name })}
      onSubmit={() => !problem && value !== name && void renameEntry(rasApi(), entry, value)}
      onCancel={close}
      initialFocus={input}
      actions={
        <button type="submit" disabled={!!problem || value === name}>
          {t('pb.rename')}
        </button>
      }
    >
      <Field
        ref={input}
        label={t('editor.name')}
        value={value}
        maxLength={256}
        onChange={(e) => setValue(e.target.value)}
      />
      {problem && value !== name && (
        <p className="problem" role="alert">
          {t(problem.code === 183 ? 'rule.name-taken' : 'rule.name-invalid')}
        </p>
      )}
    </Dialog>
  );
}

export function DeleteDialog({ entry }: { entry: EntryRef }) {
  const { name } = entry;
  const { t } = useTranslation();
  const close = () => setPane({ kind: 'entry' });
  return (
    <Dialog
      title={t('pb.deleteTitle', { name })}
      onSubmit={() => void deleteEntry(rasApi(), entry)}
      onCancel={close}
      initialFocus="cancel"
      actions={<button type="submit">{t('pb.delete')}</button>}
    >
      <p>{t('pb.deleteText')}</p>
    </Dialog>
  );
}

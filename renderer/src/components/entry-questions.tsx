// Rename and delete, each asked as a small dialog over the window.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateEntryName } from '../../../app/phonebook/entry-name';
import { Dialog, Field } from '../dialogs/dialog';
import { rasApi } from '../ras-api';
import { useAppStore } from '../store/app-store';
import { deleteEntry, renameEntry, setPane } from '../store/phonebook-actions';

export function RenameDialog({ name }: { name: string }) {
  const { t } = useTranslation();
  const entries = useAppStore((s) => s.entries);
  const others = useMemo(
    () => entries.map((e) => e.name).filter((n) => n.toLowerCase() !== name.toLowerCase()),
    [entries, name],
  );
  const [value, setValue] = useState(name);
  const problem = validateEntryName(value, others);
  const close = () => setPane({ kind: 'entry' });
  return (
    <Dialog
      title={t('pb.renameTitle', { name })}
      onSubmit={() => !problem && value !== name && void renameEntry(rasApi(), name, value)}
      onCancel={close}
      actions={
        <button type="submit" disabled={!!problem || value === name}>
          {t('pb.rename')}
        </button>
      }
    >
      <Field
        label={t('editor.name')}
        value={value}
        maxLength={256}
        onChange={(e) => setValue(e.target.value)}
      />
      {problem && value !== name && (
        <p className="problem" role="alert">
          {t(problem.code === 183 ? 'rule.name-taken' : 'rule.name-invalid', {
            defaultValue: problem.message,
          })}
        </p>
      )}
    </Dialog>
  );
}

export function DeleteDialog({ name }: { name: string }) {
  const { t } = useTranslation();
  const close = () => setPane({ kind: 'entry' });
  return (
    <Dialog
      title={t('pb.deleteTitle', { name })}
      onSubmit={() => void deleteEntry(rasApi(), name)}
      onCancel={close}
      actions={<button type="submit">{t('pb.delete')}</button>}
    >
      <p>{t('pb.deleteText')}</p>
    </Dialog>
  );
}

// Choosing a file for import, export, open or diagnostics: main shows the system's dialog and
// grants that one path; in browser mode there is none, and the person types the path.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payload, WireError } from '../../../app/ipc/contract';
import { Dialog, Field } from '../dialogs/dialog';
import { rasApi } from '../ras-api';

type FilePurpose = Payload<'file:choose'>['purpose'];

/** Asks main for a file; resolves with the path, 'typed' (ask for one), or null (cancelled). */
async function chooseFile(purpose: FilePurpose): Promise<string | 'typed' | null> {
  const result = await rasApi().invoke('file:choose', { purpose });
  if (!result.ok || result.value === null) return null;
  return 'file' in result.value ? result.value.file : 'typed';
}

/**
 * The file step of a dialog: submitting opens the system's dialog, or, where there is none
 * (browser mode), shows a path field and uses what is typed there.
 */
export function useFileChoice(
  purpose: FilePurpose,
  /** `fromDialog`: the system's dialog chose it (and asked before replacing a file). */
  use: (file: string, fromDialog: boolean) => void,
) {
  const { t } = useTranslation();
  const [askPath, setAskPath] = useState(false);
  const [typed, setTyped] = useState('');
  return {
    askPath,
    pathMissing: askPath && typed.trim() === '',
    submit: () => {
      if (askPath) use(typed.trim(), false);
      else
        void chooseFile(purpose).then((choice) => {
          if (choice === 'typed') setAskPath(true);
          else if (choice) use(choice, true);
        });
    },
    pathField: askPath && (
      <Field
        label={t(purpose === 'diagnostics' ? 'diagnostics.path' : 'transfer.path')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
    ),
  };
}

/**
 * The file a FILE_EXISTS refusal names: main's resolved path (a typed relative path lands in
 * the documents folder), so the question says which file would be replaced.
 */
export function existingFile(error: WireError, typed: string): string {
  const file = error.params?.file;
  return typeof file === 'string' ? file : typed;
}

/** Says where a written file went, in a dialog of the same title; its one button is Close. */
export function WrittenDialog({
  title,
  text,
  onClose,
}: {
  title: string;
  text: string;
  onClose: () => void;
}) {
  return (
    <Dialog title={title} actions={null} cancelLabel="close" onSubmit={onClose} onCancel={onClose}>
      <p role="status">{text}</p>
    </Dialog>
  );
}

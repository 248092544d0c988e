// "Prompt for phone number" (PreviewPhoneNumber), as rasphone does it: the Connect form shows
// the number it will dial, editable for this call only. Left as it is, the entry dials as
// usual (its alternates after it); changed, the dial takes that one number instead
// (connection:dial's phoneNumber, RASDIALPARAMS.szPhoneNumber on Windows).

import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RasEntry } from '../../../app/phonebook/entry';

/** `entry`: the selected entry as the panel read it (null until then, or none selected). */
export function useDialNumber(entry: RasEntry | null): {
  field: ReactNode;
  /** The number to dial instead of the entry's; undefined: the entry's own. */
  phoneNumber: string | undefined;
} {
  const { t } = useTranslation();
  const id = useId();
  // null: the entry does not ask (not a phone entry, or the option is off).
  const [numbers, setNumbers] = useState<string[] | null>(null);
  const [value, setValue] = useState('');
  // The panel reads the entry once per selection: a new object is a new entry (or a reload),
  // and a refreshed list, which keeps the object, must not undo what the person typed.
  useEffect(() => {
    const asks = entry?.type === 'phone' && entry.promptPhoneNumber;
    const listed = asks ? entry.phoneNumbers.map((n) => n.number).filter((n) => n !== '') : null;
    setNumbers(listed);
    setValue(listed?.[0] ?? '');
  }, [entry]);
  if (numbers === null) return { field: null, phoneNumber: undefined };
  const typed = value.trim();
  const phoneNumber = typed !== '' && typed !== (numbers[0] ?? '') ? typed : undefined;
  const field = (
    <div className="field">
      <label htmlFor={id}>{t('entryOptions.dialNumber')}</label>
      <input
        id={id}
        value={value}
        maxLength={128}
        list={numbers.length > 1 ? `${id}-numbers` : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setValue(e.target.value)}
      />
      {numbers.length > 1 && (
        <datalist id={`${id}-numbers`}>
          {numbers.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      )}
      <span id={`${id}-hint`} className="hint">
        {t('entryOptions.dialNumberHint')}
      </span>
    </div>
  );
  return { field, phoneNumber };
}

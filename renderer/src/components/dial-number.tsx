// "Prompt for phone number" (PreviewPhoneNumber), as rasphone does it: the Connect form shows
// the number it will dial, editable for this call only. Left as it is, the entry dials as
// usual (its alternates after it); changed, the dial takes that one number instead
// (connection:dial's phoneNumber, RASDIALPARAMS.szPhoneNumber on Windows).

import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rasApi } from '../ras-api';
import type { EntryRef } from '../store/app-store';

export function useDialNumber(selected: EntryRef | null): {
  field: ReactNode;
  /** The number to dial instead of the entry's; undefined: the entry's own. */
  phoneNumber: string | undefined;
} {
  const { t } = useTranslation();
  const id = useId();
  const key = selected ? `${selected.phonebook}\u0000${selected.name}` : null;
  // null: the entry does not ask (not a phone entry, or the option is off).
  const [numbers, setNumbers] = useState<string[] | null>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    setNumbers(null);
    setValue('');
    if (!selected) return;
    let current = true;
    void rasApi()
      .invoke('phonebook:get', selected)
      .then((result) => {
        if (!current || !result.ok || !result.value) return;
        const { entry } = result.value;
        if (entry.type !== 'phone' || !entry.promptPhoneNumber) return;
        const listed = entry.phoneNumbers.map((n) => n.number).filter((n) => n !== '');
        setNumbers(listed);
        setValue(listed[0] ?? '');
      });
    return () => {
      current = false;
    };
    // The key, not the object: a refreshed list must not undo what the person typed.
  }, [key]);
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

// The numbers an entry dials: the primary (a host for a VPN, a service for PPPoE) and, for a
// phone entry, its alternates, each of which can be removed or made the primary. After a
// removal the focus goes to the next alternate's Remove (else the one before, else Add), so a
// keyboard user is never dropped at the top of the page.

import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneNumber, type PhoneNumber, type RasEntry } from '../../../app/phonebook/entry';
import { Row } from './editor-fields';

export function PhoneNumbers({
  type,
  numbers,
  problem,
  onChange,
}: {
  type: RasEntry['type'];
  /** At least one: the primary first. */
  numbers: PhoneNumber[];
  problem: (index: number) => string | undefined;
  onChange: (numbers: PhoneNumber[]) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (focus === null) return;
    box.current?.querySelector<HTMLElement>(focus)?.focus();
    setFocus(null);
  }, [focus]);
  const phone = type === 'phone';
  // Alternates of another type (a file may have them) are kept, not shown; a direct cable
  // dials no number at all.
  const shown = phone ? numbers : type === 'direct' ? [] : numbers.slice(0, 1);
  const remove = (i: number) => {
    const rest = numbers.filter((_, k) => k !== i);
    onChange(rest);
    setFocus(
      i < rest.length
        ? `[data-remove="${i}"]`
        : i - 1 >= 1
          ? `[data-remove="${i - 1}"]`
          : '[data-add-alternate]',
    );
  };
  const makePrimary = (i: number) => {
    onChange([numbers[i]!, ...numbers.filter((_, k) => k !== i)]);
    setFocus('[data-number="0"]');
  };
  const label =
    type === 'vpn'
      ? t('editor.server')
      : type === 'broadband'
        ? t('editor.service')
        : t('editor.number');
  return (
    <div ref={box} className="phone-numbers">
      {shown.map((n, i) => (
        <div key={i} className={i === 0 ? undefined : 'editor-line alternate'}>
          <Row label={i === 0 ? label : t('editor.alternate', { index: i })} problem={problem(i)}>
            {(id) => (
              <input
                id={id}
                data-number={i}
                value={n.number}
                maxLength={128}
                onChange={(e) =>
                  onChange(numbers.map((m, k) => (k === i ? { ...m, number: e.target.value } : m)))
                }
              />
            )}
          </Row>
          {i > 0 && (
            <>
              <button
                type="button"
                data-remove={i}
                aria-label={t('entryOptions.removeAlternateLabel', { index: i })}
                onClick={() => remove(i)}
              >
                {t('entryOptions.removeAlternate')}
              </button>
              <button
                type="button"
                aria-label={t('entryOptions.makePrimaryLabel', { index: i })}
                onClick={() => makePrimary(i)}
              >
                {t('entryOptions.makePrimary')}
              </button>
            </>
          )}
        </div>
      ))}
      {phone && (
        <button
          type="button"
          data-add-alternate
          onClick={() => {
            onChange([...numbers, phoneNumber('')]);
            setFocus(`[data-number="${numbers.length}"]`);
          }}
        >
          {t('editor.addAlternate')}
        </button>
      )}
    </div>
  );
}

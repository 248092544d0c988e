// "Find out why" where the failure doctor has something to say about a failure: an error one
// of its checks can explain, and 629 only shortly after connecting (the entry's history says
// how long the link was up). Beside a failure's remedy, and under a failed attempt of the
// entry's history. The doctor runs only on this click.

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { failureToExplain, lastFailure } from '../../../app/doctor/failure-to-explain';
import type { Failure } from '../../../app/doctor/measurements';
import { doctorExplains } from '../../../app/doctor/verdict';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { rasApi } from '../ras-api';
import { sameEntry, useAppStore, type EntryRef } from '../store/app-store';
import { findOutWhy } from '../store/doctor-store';
import '../styles/doctor.css';

function FindOutWhyButton({ entry, failure }: { entry: EntryRef; failure: Failure | null }) {
  const { t } = useTranslation();
  if (!failure || !doctorExplains(failure)) return null;
  return (
    <button
      type="button"
      className="find-out-why"
      onClick={() => void findOutWhy(rasApi(), entry, failure.code)}
    >
      {t('doctor.findOutWhy')}
    </button>
  );
}

/** For the error that ended the entry's attempts. */
export function FindOutWhy({ entry, code }: { entry: EntryRef; code: number | string }) {
  const history = useAppStore((s) => s.history);
  const failure = useMemo(() => {
    if (typeof code !== 'number') return null;
    const own = history.filter((r) =>
      sameEntry({ phonebook: r.phonebook, name: r.entryName }, entry),
    );
    return failureToExplain(own, code);
  }, [history, entry, code]);
  return <FindOutWhyButton entry={entry} failure={failure} />;
}

/** For one attempt of the entry's history: its error, or its drop and how long it was up. */
export function FindOutWhyRecord({ record }: { record: HistoryRecord }) {
  const entry = useMemo(
    () => ({ phonebook: record.phonebook, name: record.entryName }),
    [record.phonebook, record.entryName],
  );
  return <FindOutWhyButton entry={entry} failure={lastFailure([record])} />;
}

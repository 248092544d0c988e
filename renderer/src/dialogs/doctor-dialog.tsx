// "Find out why": the failure doctor's checks as main runs them, each with its status as a
// picture and a word, then the verdict and its fix. A fix that is a setting of the entry is
// applied with one click (read the entry, change it, save it with the revision read); Copy
// report puts the whole of it on the clipboard as text.

import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { applyChange } from '../../../app/doctor/apply-change';
import type { CheckStatus, EntryChange } from '../../../app/doctor/doctor-result';
import type { WireError } from '../../../app/ipc/contract';
import { copyText } from '../clipboard';
import { rasApi } from '../ras-api';
import { closeDoctor, useDoctorStore, type DoctorRun } from '../store/doctor-store';
import { Dialog, DialogRefusal } from './dialog';
import { checkTitle, doctorText, failureLine, reportText } from './doctor-text';
import '../styles/doctor.css';

const ICONS: Record<CheckStatus, ReactElement> = {
  ok: <path d="M4 8.5l2.5 2.5L12 5.5" />,
  warn: (
    <>
      <path d="M8 2L14.5 13.5h-13z" />
      <path d="M8 6.5v3M8 11.5v.5" />
    </>
  ),
  fail: (
    <>
      <circle cx="8" cy="8" r="6.25" />
      <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" />
    </>
  ),
  skip: <path d="M4.5 8h7" />,
};

function StatusIcon({ status }: { status: CheckStatus }) {
  return (
    <svg className={`doctor-icon ${status}`} viewBox="0 0 16 16" aria-hidden="true">
      {ICONS[status]}
    </svg>
  );
}

type Applying =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'refused'; error: WireError };

function RunDialog({ run }: { run: DoctorRun }) {
  const { t } = useTranslation();
  const { entry, checks, report } = run;
  const verdict = report?.verdict ?? null;
  const code = report ? report.failure.code : run.code;
  const title = t('doctor.title', { entry: entry.name });
  const body = useRef<HTMLDivElement>(null);
  // Said aloud as it changes: saving, saved, copied.
  const note = useRef<HTMLParagraphElement>(null);
  const [applying, setApplying] = useState<Applying>({ state: 'idle' });
  const [noteKey, setNoteKey] = useState<string | null>(null);
  const change: EntryChange | undefined = verdict?.fix?.change;

  const apply = async (): Promise<void> => {
    if (!change || applying.state === 'saving') return;
    setApplying({ state: 'saving' });
    setNoteKey('doctor.applying');
    const api = rasApi();
    const got = await api.invoke('phonebook:get', entry);
    const result = got.ok
      ? await api.invoke('phonebook:update', {
          phonebook: entry.phonebook,
          originalName: entry.name,
          entry: applyChange(got.value.entry, change),
          revision: got.value.revision,
        })
      : got;
    if (!result.ok) {
      setNoteKey(null);
      return setApplying({ state: 'refused', error: result.error });
    }
    setApplying({ state: 'saved' });
    setNoteKey('doctor.applied');
    // The button is gone: focus goes to what replaced it, which says what happened.
    requestAnimationFrame(() => note.current?.focus());
  };

  const copy = async (): Promise<void> => {
    const text = reportText(t, title, code, checks, verdict);
    setNoteKey(
      (await copyText(text, { container: body.current! })) ? 'doctor.copied' : 'doctor.copyFailed',
    );
  };

  const refusal = run.refusal ?? (applying.state === 'refused' ? applying.error : null);
  return (
    <DialogRefusal.Provider value={refusal}>
      <Dialog
        title={title}
        onSubmit={() => void apply()}
        onCancel={closeDoctor}
        cancelLabel="close"
        actions={
          <>
            {change && verdict?.fix && applying.state !== 'saved' && (
              <button type="submit" disabled={applying.state === 'saving'}>
                {t('doctor.apply', { action: doctorText(t, verdict.fix.action) })}
              </button>
            )}
            <button type="button" onClick={() => void copy()}>
              {t('doctor.copy')}
            </button>
          </>
        }
      >
        <div className="doctor" ref={body}>
          <p className="doctor-failure">{failureLine(t, code)}</p>
          <ol className="doctor-checks" aria-label={t('doctor.checks')}>
            {checks.map((check) => (
              <li key={check.id} className={`doctor-check ${check.status}`}>
                <StatusIcon status={check.status} />
                <div>
                  <strong>{checkTitle(t, check)}</strong>{' '}
                  <span className="doctor-status">{t(`doctor.status.${check.status}`)}</span>
                  <p>{doctorText(t, check.summary)}</p>
                </div>
              </li>
            ))}
          </ol>
          <div className="doctor-verdict" role="status">
            {verdict ? (
              <>
                <h3>{t('doctor.verdict')}</h3>
                <p>{doctorText(t, verdict.summary)}</p>
                {verdict.fix && (
                  <p className="doctor-fix">
                    {t('doctor.fix', { action: doctorText(t, verdict.fix.action) })}
                  </p>
                )}
              </>
            ) : (
              !run.refusal && <p>{t('doctor.running')}</p>
            )}
          </div>
          <p ref={note} tabIndex={-1} role="status" className="doctor-note">
            {noteKey && t(noteKey)}
          </p>
        </div>
      </Dialog>
    </DialogRefusal.Provider>
  );
}

/** The doctor's dialog while a run is open; keyed by run, so each run starts fresh. */
export function DoctorDialog() {
  const run = useDoctorStore((s) => s.run);
  return run ? <RunDialog key={run.runId} run={run} /> : null;
}

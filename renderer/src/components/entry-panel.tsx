// The selected entry: Properties, Rename, Copy and Delete, Connect (with the credentials to
// use) or Hang up, the state of its connection, its statistics while connected, the timeline
// of its last attempt, the attempts before it, and the settings of its section that RAS
// Connect keeps as they are.

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../app/connection-view';
import type { RasEntry } from '../../../app/phonebook/entry';
import { rasApi } from '../ras-api';
import {
  connectionFor,
  dial,
  hangUp,
  redialNow,
  sameEntry,
  saveSettings,
  useAppStore,
  type EntryRef,
} from '../store/app-store';
import { copyEntry, openEditor, saveCredentials, setPane } from '../store/phonebook-actions';
import { StatisticsPanel } from './statistics-panel';
import { ConnectionDetails } from './connection-details';
import { Timeline } from './timeline';
import { HistoryList } from './history-list';
import { CredentialsFields } from '../dialogs/credentials-fields';
import { OtherSettings } from './other-settings';
import { useDialNumber } from './dial-number';
import { ErrorBanner, FailureBox, RedialActions, RedialCountdown } from './redial-controls';
import { KeptBadge, isKept } from './keep-connected';
import { DoctorDialog } from '../dialogs/doctor-dialog';
import { CopyPowerShellButton } from './provisioning-dialogs';
import { ReliabilitySection } from './reliability-report';

const ACTIVE = new Set(['dialing', 'paused', 'connected', 'waiting-to-redial', 'disconnecting']);

// The parts of the page that do not follow the connection's state are drawn again only when
// their own props change: each snapshot of a dial (one per RAS notification) drew the whole
// page, its verbs, reliability chart, history table and kept settings, before the timeline's
// new row could show (profiled, issue 14).
const sameRef = (a: { entry: EntryRef }, b: { entry: EntryRef }) =>
  a.entry.phonebook === b.entry.phonebook && a.entry.name === b.entry.name;
const Reliability = memo(ReliabilitySection);
const History = memo(HistoryList);
const Others = memo(OtherSettings);
const Doctor = memo(DoctorDialog);

/**
 * The verbs of the list's menu, as buttons anyone finds without a right-click. The tooltip
 * names each one's key in the list. A phonebook that cannot be read offers only Properties,
 * as the menu does.
 */
const EntryVerbs = memo(function EntryVerbs({ entry }: { entry: EntryRef }) {
  const { t } = useTranslation();
  const readOnly = useAppStore((s) => !!s.bookErrors[entry.phonebook]);
  return (
    <div className="actions entry-verbs">
      <button type="button" onClick={() => void openEditor(rasApi(), entry)}>
        {t('pb.properties')}
      </button>
      {!readOnly && (
        <>
          <button type="button" title="F2" onClick={() => setPane({ kind: 'rename', ref: entry })}>
            {t('pb.rename')}
          </button>
          <button type="button" title="Ctrl+D" onClick={() => void copyEntry(rasApi(), entry)}>
            {t('pb.copy')}
          </button>
          <button type="button" title="Del" onClick={() => setPane({ kind: 'delete', ref: entry })}>
            {t('pb.delete')}
          </button>
          <CopyPowerShellButton entry={entry} />
        </>
      )}
    </div>
  );
}, sameRef);

type Credentials = { userName: string; password: string; domain: string };

/**
 * A refusal no dialog asked for, on this entry's page: one the window got back, or one main
 * keeps on the connection (a hang-up refused from the tray). Said once, until dismissed.
 */
function EntryRefusal({ entry, connection }: { entry: EntryRef; connection?: ConnectionView }) {
  const own = useAppStore((s) =>
    s.entryFailure && sameEntry(s.entryFailure.ref, entry) ? s.entryFailure.error : null,
  );
  const kept = connection?.status === 'connected' ? connection.error : null;
  const keptKey = kept ? `${connection!.id}:${kept.code}` : null;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const error = own ?? (keptKey !== dismissed ? kept : null);
  if (!error) return null;
  return (
    <ErrorBanner
      error={error}
      onDismiss={() => {
        useAppStore.setState({ entryFailure: null });
        setDismissed(keptKey);
      }}
    />
  );
}

/** A star: favourites come first in the tray's menu. */
const FavouriteToggle = memo(function FavouriteToggle({ entry }: { entry: EntryRef }) {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  if (!settings) return null;
  const on = settings.favourites.some((f) => sameEntry(f, entry));
  return (
    <button
      type="button"
      className="star"
      aria-pressed={on}
      title={t('ui.favouriteHint')}
      aria-label={t('ui.favourite')}
      onClick={() =>
        void saveSettings(rasApi(), {
          favourites: on
            ? settings.favourites.filter((f) => !sameEntry(f, entry))
            : [...settings.favourites, entry],
        })
      }
    >
      {on ? '★' : '☆'}
    </button>
  );
}, sameRef);

export function EntryPanel() {
  const { t } = useTranslation();
  const selected = useAppStore((s) => s.selected);
  const entry = useAppStore((s) => s.entries.find((e) => sameEntry(e, s.selected)));
  const ref = entry ? { phonebook: entry.phonebook, name: entry.name } : null;
  const selectedKey = selected ? `${selected.phonebook}\u0000${selected.name}` : null;
  const connection = useAppStore((s) => connectionFor(s, s.selected));
  const settings = useAppStore((s) => s.settings);
  const allHistory = useAppStore((s) => s.history);
  const history = useMemo(
    () =>
      selected
        ? allHistory.filter((r) =>
            sameEntry({ phonebook: r.phonebook, name: r.entryName }, selected),
          )
        : [],
    [allHistory, selected],
  );
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [domain, setDomain] = useState('');
  const [hasSavedPassword, setHasSavedPassword] = useState(false);
  const [savePassword, setSavePassword] = useState(false);
  // No key store here (browser mode, a Linux session without one): the box says why it is off.
  const canSave = useAppStore((s) => s.info?.canSavePasswords !== false);
  const [otherSettings, setOtherSettings] = useState<{ key: string; value: string }[]>([]);
  /** What the last Connect of this page dialed with (undefined: the saved credentials), for Redial. */
  const lastDial = useRef<{ credentials: Credentials | undefined } | null>(null);
  // The entry's "prompt for phone number": the number field, and what to dial instead.
  // The entry as read for this selection, which the dial-number field also uses.
  const [details, setDetails] = useState<RasEntry | null>(null);
  const dialNumber = useDialNumber(details);

  useEffect(() => {
    lastDial.current = null;
    setUserName('');
    setPassword('');
    setDomain('');
    setHasSavedPassword(false);
    setOtherSettings([]);
    setDetails(null);
    if (!selected) return;
    let current = true;
    void rasApi()
      .invoke('phonebook:get', selected)
      .then((result) => {
        if (!current || !result.ok) return;
        // What the person typed meanwhile wins over the saved values.
        const saved = result.value.credentials;
        setUserName((typed) => typed || saved.userName);
        setDomain((typed) => typed || saved.domain);
        setHasSavedPassword(saved.hasPassword);
        setOtherSettings(result.value.otherSettings);
        setDetails(result.value.entry);
      });
    return () => {
      current = false;
    };
    // The key, not the object: a refreshed list must not reload what the person is typing over.
  }, [selectedKey]);

  const connectWith = async (): Promise<void> => {
    if (!entry) return;
    // A password that cannot be saved stops here, with the reason shown.
    if (
      savePassword &&
      canSave &&
      password !== '' &&
      !(await saveCredentials(rasApi(), ref!, { userName, domain, password }))
    )
      return;
    const useSaved =
      (password === '' && hasSavedPassword) ||
      (userName === '' && password === '' && domain === '');
    const credentials = useSaved ? undefined : { userName, password, domain };
    lastDial.current = { credentials };
    void dial(rasApi(), ref!, credentials, dialNumber.phoneNumber);
    setPassword('');
  };

  // The same entry with what the person typed for the failed dial, while the page still holds
  // it; otherwise what Connect would do now.
  const redial = (): void => {
    if (lastDial.current)
      void dial(rasApi(), ref!, lastDial.current.credentials, dialNumber.phoneNumber);
    else void connectWith();
  };

  if (!entry) return <p className="muted">{t('ui.noSelection')}</p>;
  const status = connection?.status ?? 'idle';
  const active = ACTIVE.has(status);
  const waiting = status === 'waiting-to-redial' && connection !== undefined;
  // The app's loop holds it: no cap on its attempts (see ConnectionView.attempts).
  const kept = active && connection?.attempts === 0;

  return (
    <section className="entry" aria-labelledby="entry-title">
      <header>
        <div className="title-row">
          <h1 id="entry-title">{entry.name}</h1>
          <FavouriteToggle entry={{ phonebook: entry.phonebook, name: entry.name }} />
        </div>
        <p className="muted">
          {t(`type.${entry.type}`)} · {entry.destination || '—'}
        </p>
        <EntryVerbs entry={ref!} />
      </header>
      <form
        className="connect"
        onSubmit={(e) => {
          e.preventDefault();
          if (active && connection) void hangUp(rasApi(), connection.id);
          else void connectWith();
        }}
      >
        {!active && (
          <div className="credentials">
            {dialNumber.field}
            <CredentialsFields
              value={{ userName, password, domain }}
              onChange={(next) => {
                setUserName(next.userName);
                setPassword(next.password);
                setDomain(next.domain);
              }}
              passwordPlaceholder={hasSavedPassword ? t('ui.savedPassword') : undefined}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={savePassword && canSave}
                disabled={!canSave}
                aria-describedby={canSave ? undefined : 'save-password-reason'}
                onChange={(e) => setSavePassword(e.target.checked)}
              />{' '}
              {t('ui.savePassword')}
            </label>
            {!canSave && (
              <span id="save-password-reason" className="hint">
                {t('ui.cannotSavePassword')}
              </span>
            )}
          </div>
        )}
        <div className="status-line">
          <span className={`badge status-${status}`} role="status">
            {t(`status.${status}`)}
          </span>
          {(kept || (active && isKept(settings, ref!))) && <KeptBadge />}
          {waiting && <RedialCountdown redialAt={connection.redialAt} />}
          {waiting ? (
            <RedialActions
              kept={kept}
              onRedialNow={() => void redialNow(rasApi(), connection.id)}
              onCancel={() => void hangUp(rasApi(), connection.id)}
            />
          ) : (
            <button
              type="submit"
              className={active ? 'danger' : 'primary'}
              disabled={status === 'disconnecting'}
            >
              {active ? t('ui.hangUp') : t('ui.connect')}
            </button>
          )}
        </div>
      </form>
      <EntryRefusal entry={ref!} connection={connection} />
      <Doctor />
      {/* The whole attempt sequence ended in an error. */}
      {status === 'disconnected' && connection?.error && (
        <FailureBox error={connection.error} onRedial={redial} entry={ref!} />
      )}
      {connection?.status === 'connected' && <StatisticsPanel connection={connection} />}
      {connection?.status === 'connected' && (
        <ConnectionDetails connection={connection} vpnStrategy={details?.vpnStrategy} />
      )}
      <Reliability
        records={history}
        connectedSince={connection?.status === 'connected' ? connection.connectedAt : null}
      />
      <h2>{t('ui.timeline')}</h2>
      <Timeline timeline={connection?.timeline ?? { startedAt: null, rows: [] }} live={active} />
      <h2>{t('history.title')}</h2>
      <History records={history} showEntry={false} limit={10} />
      {history.length > 10 && (
        <button type="button" className="link" onClick={() => setPane({ kind: 'history' })}>
          {t('history.more')}
        </button>
      )}
      <Others settings={otherSettings} />
    </section>
  );
}

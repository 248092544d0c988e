// The selected entry: Properties, Rename, Copy and Delete, Connect (with the credentials to
// use) or Hang up, the state of its connection, its statistics while connected, the timeline
// of its last attempt, the attempts before it, and the settings of its section that RAS
// Connect keeps as they are.

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format';
import { rasApi } from '../ras-api';
import {
  connectionFor,
  dial,
  hangUp,
  sameEntry,
  saveSettings,
  useAppStore,
  type EntryRef,
} from '../store/app-store';
import { copyEntry, openEditor, saveCredentials, setPane } from '../store/phonebook-actions';
import { useNow } from '../use-now';
import { StatisticsPanel } from './statistics-panel';
import { Timeline } from './timeline';
import { HistoryList } from './history-list';
import { CredentialsFields } from '../dialogs/credentials-fields';
import { OtherSettings } from './other-settings';

const ACTIVE = new Set(['dialing', 'paused', 'connected', 'waiting-to-redial', 'disconnecting']);

/**
 * The verbs of the list's menu, as buttons anyone finds without a right-click. The tooltip
 * names each one's key in the list. A phonebook that cannot be read offers only Properties,
 * as the menu does.
 */
function EntryVerbs({ entry }: { entry: EntryRef }) {
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
        </>
      )}
    </div>
  );
}

/** A star: favourites come first in the tray's menu. */
function FavouriteToggle({ entry }: { entry: EntryRef }) {
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
}

export function EntryPanel() {
  const { t } = useTranslation();
  const selected = useAppStore((s) => s.selected);
  const entry = useAppStore((s) => s.entries.find((e) => sameEntry(e, s.selected)));
  const ref = entry ? { phonebook: entry.phonebook, name: entry.name } : null;
  const selectedKey = selected ? `${selected.phonebook}\u0000${selected.name}` : null;
  const connection = useAppStore((s) => connectionFor(s, s.selected));
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
  const now = useNow(connection?.status === 'waiting-to-redial', 500);

  useEffect(() => {
    setUserName('');
    setPassword('');
    setDomain('');
    setHasSavedPassword(false);
    setOtherSettings([]);
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
    void dial(rasApi(), ref!, useSaved ? undefined : { userName, password, domain });
    setPassword('');
  };

  if (!entry) return <p className="muted">{t('ui.noSelection')}</p>;
  const status = connection?.status ?? 'idle';
  const active = ACTIVE.has(status);
  const failure = connection?.error ? errorText(t, connection.error) : null;

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
            {status === 'waiting-to-redial' && connection?.redialAt
              ? ` · ${t('ui.redialIn', { seconds: Math.max(0, Math.ceil((connection.redialAt - now) / 1000)) })}`
              : ''}
          </span>
          <button
            type="submit"
            className={active ? 'danger' : 'primary'}
            disabled={status === 'disconnecting'}
          >
            {active ? t('ui.hangUp') : t('ui.connect')}
          </button>
        </div>
      </form>
      {/* Connected with an error: a hang-up that Remote Access refused. */}
      {failure && (status === 'disconnected' || status === 'connected') && (
        <div className="failure-box" role="alert">
          <strong>
            {t('ui.errorLine', { code: connection!.error!.code, message: failure.message })}
          </strong>
          {failure.remedy && <p>{t('ui.whatToDo', { remedy: failure.remedy })}</p>}
        </div>
      )}
      {connection?.status === 'connected' && <StatisticsPanel connection={connection} />}
      <h2>{t('ui.timeline')}</h2>
      <Timeline timeline={connection?.timeline ?? { startedAt: null, rows: [] }} live={active} />
      <h2>{t('history.title')}</h2>
      <HistoryList records={history} showEntry={false} limit={10} />
      {history.length > 10 && (
        <button type="button" className="link" onClick={() => setPane({ kind: 'history' })}>
          {t('history.more')}
        </button>
      )}
      <OtherSettings settings={otherSettings} />
    </section>
  );
}

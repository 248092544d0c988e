// The window: the phonebook on the left, the selected entry on the right, the dialog of
// the first connection that waits for an answer on top.

import { useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n, languageFor } from '../i18n/i18n';
import { wireErrorText } from '../format';
import { DialogRefusal } from '../dialogs/dialog';
import { PausedDialog } from '../dialogs/paused-dialogs';
import { rasApi } from '../ras-api';
import {
  connectStore,
  hangUp,
  leaveEditor,
  paneFailureOf,
  resume,
  select,
  useAppStore,
} from '../store/app-store';
import { HistoryList } from './history-list';
import { EntryPanel } from './entry-panel';
import {
  currentBook,
  focusPhonebookList,
  HangUpDialog,
  newEntryPane,
  PhonebookList,
} from './phonebook-list';
import { EntryEditor } from './entry-editor';
import { DeleteDialog, RenameDialog } from './entry-questions';
import { ExportDialog, ImportDialog, OpenDialog } from './transfer-dialogs';
import { PowerShellDialog, ProvisionImportDialog } from './provisioning-dialogs';
import { setPane } from '../store/phonebook-actions';
import { SettingsPanel } from './settings-panel';
import { ErrorBanner } from './redial-controls';
import { useFocusKeeper } from './focus-keeper';

function PausedHost() {
  const waiting = useAppStore((s) =>
    Object.values(s.connections).find((c) => c.status === 'paused' && c.paused),
  );
  const waitingKey = waiting ? `${waiting.phonebook}\u0000${waiting.entryName}` : null;
  // The entry behind the dialog is the one the dialog is about.
  useEffect(() => {
    if (waiting) select({ phonebook: waiting.phonebook, name: waiting.entryName });
    // The key, not the object: each new snapshot must not select it again.
  }, [waitingKey]);
  if (!waiting?.paused) return null;
  return (
    <PausedDialog
      key={`${waiting.id}:${waiting.paused.state}:${waiting.paused.retry}`}
      connectionId={waiting.id}
      entryName={waiting.entryName}
      paused={waiting.paused}
      onAnswer={(answer) => void resume(rasApi(), waiting.id, answer)}
      onCancel={() => void hangUp(rasApi(), waiting.id)}
    />
  );
}

/** The question the pane asks, with a refusal of its answer shown inside it. */
export function PaneDialogs() {
  const pane = useAppStore((s) => s.pane);
  const refusal = useAppStore(paneFailureOf);
  return (
    <DialogRefusal.Provider value={refusal}>
      {pane.kind === 'rename' && <RenameDialog entry={pane.ref} />}
      {pane.kind === 'delete' && <DeleteDialog entry={pane.ref} />}
      {pane.kind === 'hang-up' && <HangUpDialog entry={pane.ref} />}
      {pane.kind === 'import' && <ImportDialog phonebook={pane.phonebook} />}
      {pane.kind === 'export' && <ExportDialog phonebook={pane.phonebook} />}
      {pane.kind === 'provision-import' && <ProvisionImportDialog phonebook={pane.phonebook} />}
      {pane.kind === 'powershell' && <PowerShellDialog entry={pane.ref} />}
      {pane.kind === 'open' && <OpenDialog />}
    </DialogRefusal.Provider>
  );
}

function HistoryPane() {
  const { t } = useTranslation();
  const history = useAppStore((s) => s.history);
  return (
    <section className="entry-panel history-pane" aria-labelledby="history-title">
      <h1 id="history-title">{t('history.overall')}</h1>
      <HistoryList records={history} showEntry />
      <button type="button" onClick={() => setPane({ kind: 'entry' })}>
        {t('ui.close')}
      </button>
    </section>
  );
}

function Shell() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const failure = useAppStore((s) => s.failure);
  const paneFailure = useAppStore(paneFailureOf);
  const pane = useAppStore((s) => s.pane);
  const [showSettings, setShowSettings] = useState(false);
  const main = useRef<HTMLElement>(null);
  // The sidebar link that opened Settings or History: where the focus goes when it closes.
  const paneOpener = useRef<HTMLElement | null>(null);
  useFocusKeeper(paneOpener);
  const editorKey = pane.kind === 'editor' ? `${pane.mode}:${pane.originalName ?? ''}` : null;
  // The editor opened (New, Ctrl+N, Properties): typing goes to the entry's name at once. When
  // it closes, the button that opened it may be gone with the entry's page: focus that fell
  // to nothing goes back to the list, on the entry just saved.
  useEffect(() => {
    if (editorKey === null) return;
    main.current?.querySelector<HTMLElement>('form.editor input')?.focus();
    return () => {
      const active = document.activeElement;
      if (!active || active === document.body) focusPhonebookList();
    };
  }, [editorKey]);
  useEffect(() => {
    document.title =
      info?.backend === 'simulated' ? `${t('ui.appName')} (${t('ui.simulated')})` : t('ui.appName');
  }, [info, t]);
  return (
    <div className="layout">
      <nav className="sidebar">
        <div className="sidebar-head">
          <strong>{t('ui.phonebook')}</strong>
          <button type="button" className="link" onClick={newEntryPane} title="Ctrl+N">
            {t('pb.new')}
          </button>
          <button type="button" className="link" onClick={() => setPane({ kind: 'open' })}>
            {t('book.open')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() =>
              setPane({ kind: 'import', phonebook: currentBook(useAppStore.getState()) })
            }
          >
            {t('transfer.importShort')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() =>
              setPane({ kind: 'export', phonebook: currentBook(useAppStore.getState()) })
            }
          >
            {t('transfer.exportShort')}
          </button>
          <button
            type="button"
            className="link"
            onClick={(e) => {
              paneOpener.current = e.currentTarget;
              setPane({ kind: 'history' });
            }}
          >
            {t('history.title')}
          </button>
          <button
            type="button"
            className="link"
            onClick={(e) => {
              paneOpener.current = e.currentTarget;
              leaveEditor(() => setShowSettings((v) => !v));
            }}
            aria-expanded={showSettings}
          >
            {t('ui.settings')}
          </button>
        </div>
        <PhonebookList />
      </nav>
      <main className="content" ref={main}>
        {failure && (
          <ErrorBanner error={failure} onDismiss={() => useAppStore.setState({ failure: null })} />
        )}
        {showSettings ? (
          <SettingsPanel onClose={() => setShowSettings(false)} />
        ) : pane.kind === 'history' ? (
          <HistoryPane />
        ) : pane.kind === 'editor' ? (
          <>
            <EntryEditor key={`${pane.mode}:${pane.originalName ?? ''}`} pane={pane} />
            {/* A refused save, beside the editor's Save that asked. */}
            {paneFailure && (
              <p className="failure-box" role="alert">
                {wireErrorText(t, paneFailure)}
              </p>
            )}
          </>
        ) : (
          <EntryPanel />
        )}
        <PaneDialogs />
      </main>
      <PausedHost />
    </div>
  );
}

export function App() {
  const settings = useAppStore((s) => s.settings);
  const ready = useAppStore((s) => s.ready);
  const language = languageFor(settings?.language);
  const i18n = useMemo(() => createI18n(language), [language]);
  useEffect(() => {
    let stop: (() => void) | undefined;
    void connectStore(rasApi()).then((s) => (stop = s));
    return () => stop?.();
  }, []);
  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    // 'system' follows the system's scheme, also when it changes while the window is open.
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme =
        theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  return <I18nextProvider i18n={i18n}>{ready ? <Shell /> : null}</I18nextProvider>;
}

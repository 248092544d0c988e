// The window: the phonebook on the left, the selected entry on the right, the dialog of
// the first connection that waits for an answer on top.

import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n, languageFor } from '../i18n/i18n';
import { wireErrorText } from '../format';
import { PausedDialog } from '../dialogs/paused-dialogs';
import { rasApi } from '../ras-api';
import { connectStore, hangUp, resume, select, useAppStore } from '../store/app-store';
import { EntryPanel } from './entry-panel';
import { newEntryPane, PhonebookList } from './phonebook-list';
import { EntryEditor } from './entry-editor';
import { DeleteDialog, RenameDialog } from './entry-questions';
import { ExportDialog, ImportDialog } from './transfer-dialogs';
import { setPane } from '../store/phonebook-actions';
import { SettingsPanel } from './settings-panel';

function PausedHost() {
  const waiting = useAppStore((s) =>
    Object.values(s.connections).find((c) => c.status === 'paused' && c.paused),
  );
  const waitingEntry = waiting?.entryName;
  // The entry behind the dialog is the one the dialog is about.
  useEffect(() => {
    if (waitingEntry) select(waitingEntry);
  }, [waitingEntry]);
  if (!waiting?.paused) return null;
  return (
    <PausedDialog
      key={`${waiting.id}:${waiting.paused.state}:${waiting.paused.retry}`}
      entryName={waiting.entryName}
      paused={waiting.paused}
      onAnswer={(answer) => void resume(rasApi(), waiting.id, answer)}
      onCancel={() => void hangUp(rasApi(), waiting.id)}
    />
  );
}

function Shell() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const failure = useAppStore((s) => s.failure);
  const pane = useAppStore((s) => s.pane);
  const [showSettings, setShowSettings] = useState(false);
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
          <button type="button" className="link" onClick={() => setPane({ kind: 'import' })}>
            {t('transfer.importShort')}
          </button>
          <button type="button" className="link" onClick={() => setPane({ kind: 'export' })}>
            {t('transfer.exportShort')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => setShowSettings((v) => !v)}
            aria-expanded={showSettings}
          >
            {t('ui.settings')}
          </button>
        </div>
        <PhonebookList />
      </nav>
      <main className="content">
        {failure && (
          <div className="failure-box" role="alert">
            {wireErrorText(t, failure)}
          </div>
        )}
        {showSettings ? (
          <SettingsPanel onClose={() => setShowSettings(false)} />
        ) : pane.kind === 'editor' ? (
          <EntryEditor key={`${pane.mode}:${pane.originalName ?? ''}`} pane={pane} />
        ) : (
          <EntryPanel />
        )}
        {pane.kind === 'rename' && <RenameDialog name={pane.name} />}
        {pane.kind === 'delete' && <DeleteDialog name={pane.name} />}
        {pane.kind === 'import' && <ImportDialog />}
        {pane.kind === 'export' && <ExportDialog />}
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

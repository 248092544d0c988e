// Settings: language, theme, which notifications show, the code page of older phonebooks,
// the simulated server's speed, and Export diagnostics.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../app/ipc/contract';
import { LEGACY_CODE_PAGES } from '../../../app/phonebook/pbk-encoding';
import { Problem } from '../dialogs/dialog';
import { wireErrorText } from '../format';
import { rasApi } from '../ras-api';
import { existingFile, useFileChoice } from './file-choice';
import { saveSettings, useAppStore } from '../store/app-store';

const NOTIFICATION_KINDS = [
  ['connected', 'ui.notifyConnected'],
  ['disconnected', 'ui.notifyDisconnected'],
  ['redialing', 'ui.notifyRedialing'],
  ['paused', 'ui.notifyPaused'],
] as const satisfies readonly (readonly [keyof Settings['notifications'], string])[];

/**
 * Writes the diagnostics zip to a file the person chooses, and says where it went (main resolves
 * a typed relative path against the documents folder). A typed path that names an existing file
 * is asked about here; the system's save dialog has asked already.
 */
function DiagnosticsExport() {
  const { t } = useTranslation();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [replacing, setReplacing] = useState<string | null>(null);
  const write = (file: string, overwrite: boolean) => {
    setReplacing(null);
    void rasApi()
      .invoke('diagnostics:export', { file, overwrite })
      .then((result) => {
        if (result.ok)
          return setSaid({ ok: true, text: t('diagnostics.written', { file: result.value.file }) });
        if (result.error.code === 'FILE_EXISTS' && !overwrite) {
          setSaid(null);
          return setReplacing(existingFile(result.error, file));
        }
        setSaid({ ok: false, text: wireErrorText(t, result.error) });
      });
  };
  const choice = useFileChoice('diagnostics', write);
  return (
    <form
      className="diagnostics"
      onSubmit={(e) => {
        e.preventDefault();
        choice.submit();
      }}
    >
      <p className="muted">{t('diagnostics.about')}</p>
      {choice.pathField}
      <button type="submit" disabled={choice.pathMissing}>
        {t('diagnostics.export')}
      </button>
      {replacing !== null && (
        <div role="alert" className="replace-question">
          <p>{t('diagnostics.replaceQuestion', { file: replacing })}</p>
          <button type="button" onClick={() => write(replacing, true)}>
            {t('diagnostics.replace')}
          </button>
        </div>
      )}
      {said && (said.ok ? <p role="status">{said.text}</p> : <Problem text={said.text} />)}
    </form>
  );
}

export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const simulated = useAppStore((s) => s.info?.backend === 'simulated');
  const desktop = useAppStore((s) => s.info?.desktop === true);
  if (!settings) return null;
  const change = (patch: Partial<Settings>) => void saveSettings(rasApi(), patch);
  return (
    <section
      className="settings"
      aria-labelledby="settings-title"
      // Escape closes Settings as Close does (every change is saved as it is made).
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented || e.nativeEvent.isComposing) return;
        e.preventDefault();
        onClose();
      }}
    >
      <h1 id="settings-title">{t('ui.settings')}</h1>
      <label>
        {t('ui.language')}
        <select
          value={settings.language}
          onChange={(e) => change({ language: e.target.value as Settings['language'] })}
        >
          <option value="system">{t('ui.system')}</option>
          <option value="en">{t('ui.english')}</option>
          <option value="ru">{t('ui.russian')}</option>
        </select>
      </label>
      <label>
        {t('ui.theme')}
        <select
          value={settings.theme}
          onChange={(e) => change({ theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">{t('ui.system')}</option>
          <option value="light">{t('ui.light')}</option>
          <option value="dark">{t('ui.dark')}</option>
        </select>
      </label>
      {desktop && (
        <fieldset className="checklist">
          <legend>{t('ui.desktop')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.startAtLogin}
              onChange={(e) => change({ startAtLogin: e.target.checked })}
            />{' '}
            {t('ui.startAtLogin')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.closeToTray}
              onChange={(e) => change({ closeToTray: e.target.checked })}
            />{' '}
            {t('ui.closeToTray')}
          </label>
        </fieldset>
      )}
      <fieldset className="checklist">
        <legend>{t('ui.notifications')}</legend>
        {NOTIFICATION_KINDS.map(([kind, label]) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={settings.notifications[kind]}
              onChange={(e) =>
                change({ notifications: { ...settings.notifications, [kind]: e.target.checked } })
              }
            />{' '}
            {t(label)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('ui.legacyEncoding')}
        <select
          value={settings.legacyPhonebookEncoding}
          aria-describedby="legacy-encoding-hint"
          onChange={(e) =>
            change({
              legacyPhonebookEncoding: e.target.value as Settings['legacyPhonebookEncoding'],
            })
          }
        >
          <option value="automatic">{t('ui.legacyEncodingAutomatic')}</option>
          {LEGACY_CODE_PAGES.map((c) => (
            <option key={c.name} value={c.name}>
              {`${t(`codePage.${c.codePage}`)} (${c.name})`}
            </option>
          ))}
        </select>
      </label>
      <p id="legacy-encoding-hint" className="muted">
        {t('ui.legacyEncodingHint')}
      </p>
      {simulated && (
        <label>
          {t('ui.speed')}
          <select
            value={String(settings.simulationSpeed)}
            onChange={(e) => change({ simulationSpeed: Number(e.target.value) })}
          >
            {[0, 0.1, 0.5, 1, 2].map((speed) => (
              <option key={speed} value={String(speed)}>
                {speed === 0 ? '∞' : `×${1 / speed}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <DiagnosticsExport />
      <button type="button" onClick={onClose}>
        {t('ui.close')}
      </button>
    </section>
  );
}

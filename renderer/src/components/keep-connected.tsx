// "Keep connected" in the window: the entry editor's option (kept in the app's settings, not
// in the phonebook: Windows has no key for an app's own reconnect loop), and the entry page's
// word that the loop holds the connection.

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RasApi, Settings } from '../../../app/ipc/contract';
import { saveSettings, sameEntry, useAppStore, type EntryRef } from '../store/app-store';
import '../styles/keep-connected.css';

/** Whether the settings keep the entry connected. */
export function isKept(settings: Settings | null, entry: EntryRef): boolean {
  return settings?.keepConnected.some((k) => sameEntry(k, entry)) ?? false;
}

/**
 * Saves the option beside the entry: `from` is the name it had when the editor opened (a
 * rename moves the setting, which main does too; the list is rewritten under the new name).
 */
export async function saveKeepOption(
  api: RasApi,
  entry: EntryRef,
  from: string | null | undefined,
  on: boolean,
): Promise<void> {
  const settings = useAppStore.getState().settings;
  if (!settings) return;
  const old = { phonebook: entry.phonebook, name: from ?? entry.name };
  const others = settings.keepConnected.filter((k) => !sameEntry(k, entry) && !sameEntry(k, old));
  await saveSettings(api, { keepConnected: on ? [...others, entry] : others });
}

export function KeepOption({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const hint = useId();
  return (
    <div className="keep-option">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {t('keep.option')}
      </label>
      <span id={hint} className="hint">
        {t('keep.optionHint')}
      </span>
    </div>
  );
}

/** On the entry's page while the loop holds the connection. */
export function KeptBadge() {
  const { t } = useTranslation();
  return <span className="kept-badge">{t('keep.kept')}</span>;
}

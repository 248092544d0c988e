// The keys of an entry's section that the editor does not show (Guid, IpSecFlags, NRPT rules,
// EAP data, network components …), read-only: RAS Connect writes them back as they are.

import { useTranslation } from 'react-i18next';

/** Long values (CustomAuthData runs to kilobytes of hex) are cut; the whole is in the title. */
const SHOWN_CHARS = 60;

export function OtherSettings({ settings }: { settings: { key: string; value: string }[] }) {
  const { t } = useTranslation();
  if (settings.length === 0) return null;
  return (
    <details className="other-settings">
      <summary>
        {t('otherSettings.title')} ({settings.length})
      </summary>
      <p className="muted">{t('otherSettings.about')}</p>
      <ul aria-label={t('otherSettings.title')}>
        {settings.map(({ key, value }, i) => {
          const cut = value.length > SHOWN_CHARS;
          return (
            <li key={`${i}:${key}`}>
              <code>{key}</code> ={' '}
              <code title={cut ? value : undefined} aria-description={cut ? value : undefined}>
                {cut ? `${value.slice(0, SHOWN_CHARS)}…` : value}
              </code>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

// The Details section of a connected entry, like rasphone's Details page: addresses, DNS
// servers, the tunnel and sign-in that were negotiated, encryption, the device and the
// endpoints. Read once by main when the link comes up; nothing here ticks, so a screen reader
// hears it only when the person goes to it.

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../app/connection-view';
import { copyText } from '../clipboard';
import { detailRows, detailsText } from './connection-details-rows';
import '../styles/connection-details.css';

export function ConnectionDetails({
  connection,
  vpnStrategy,
}: {
  connection: ConnectionView;
  /** The entry's VpnStrategy where the page has read the entry. */
  vpnStrategy?: number;
}) {
  const { t } = useTranslation();
  const details = connection.details ?? null;
  const rows = useMemo(
    () => (details ? detailRows(t, details, vpnStrategy) : []),
    [t, details, vpnStrategy],
  );
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => setCopied(null), [details]);
  if (connection.status !== 'connected') return null;
  const headingId = `details-${connection.id}`;
  const copy = async () => {
    const text = [
      `${t('details.labels.connection')}: ${connection.entryName}`,
      detailsText(rows),
    ].join('\n');
    setCopied((await copyText(text)) ? 'copied' : 'failed');
  };
  return (
    <section className="connection-details" aria-labelledby={headingId}>
      <div className="details-heading">
        <h2 id={headingId}>{t('details.title')}</h2>
        {details && (
          <span className="details-copy">
            <button type="button" onClick={() => void copy()}>
              {t('details.copy')}
            </button>
            <span role="status" className={copied === 'failed' ? 'copy-failed' : 'muted'}>
              {copied && t(`details.${copied}`)}
            </span>
          </span>
        )}
      </div>
      {details ? (
        <dl className="details-list">
          {rows.map((row) => (
            <div key={row.id} data-detail={row.id} className={row.warning ? 'warning' : undefined}>
              <dt>{row.label}</dt>
              <dd>
                {row.values.map((value, i) => (
                  <span key={i} className="details-value">
                    {value}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('details.reading')}</p>
      )}
    </section>
  );
}

// Duration, bytes in and out and speed of a connected connection. Main pushes the figures
// once a second for the connection this panel shows, while the window is visible.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView } from '../../../app/connection-view';
import { rasApi } from '../ras-api';
import { useAppStore } from '../store/app-store';
import { bitsPerSecond, bytes, duration } from '../format';
import { useNow } from '../use-now';

function isVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

function useVisible(): boolean {
  const [state, setState] = useState(isVisible);
  useEffect(() => {
    const update = () => setState(isVisible());
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [setState]);
  return state;
}

export function StatisticsPanel({ connection }: { connection: ConnectionView }) {
  const { t, i18n } = useTranslation();
  const stats = useAppStore((s) => s.statistics[connection.id]);
  const visible = useVisible();
  const now = useNow(visible, 1000);
  useEffect(() => {
    if (!visible) return;
    const api = rasApi();
    void api.invoke('connection:watch-statistics', { id: connection.id });
    return () => void api.invoke('connection:watch-statistics', { id: null });
  }, [connection.id, visible]);
  const language = i18n.language;
  return (
    <dl className="statistics">
      <div>
        <dt>{t('stats.duration')}</dt>
        <dd>{duration(connection.connectedAt === null ? 0 : now - connection.connectedAt)}</dd>
      </div>
      <div>
        <dt>{t('stats.received')}</dt>
        <dd>{stats ? bytes(stats.bytesRcved, language) : '—'}</dd>
      </div>
      <div>
        <dt>{t('stats.sent')}</dt>
        <dd>{stats ? bytes(stats.bytesXmited, language) : '—'}</dd>
      </div>
      <div>
        <dt>{t('stats.speed')}</dt>
        <dd>{stats ? bitsPerSecond(stats.bps, language) : '—'}</dd>
      </div>
    </dl>
  );
}

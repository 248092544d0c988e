// The phonebook on the left: each entry with its type and the state of its connection.

import { useTranslation } from 'react-i18next';
import { connectionFor, select, useAppStore } from '../store/app-store';
import { TypeIcon } from './type-icon';

export function PhonebookList() {
  const { t } = useTranslation();
  const entries = useAppStore((s) => s.entries);
  const selected = useAppStore((s) => s.selected);
  const state = useAppStore();
  if (entries.length === 0) return <p className="muted">{t('ui.noEntries')}</p>;
  return (
    <ul className="phonebook" role="listbox" aria-label={t('ui.phonebook')}>
      {entries.map((entry) => {
        const connection = connectionFor(state, entry.name);
        const status = connection?.status ?? 'idle';
        const isSelected = selected?.toLowerCase() === entry.name.toLowerCase();
        return (
          <li
            key={`${entry.phonebook}\u0000${entry.name}`}
            role="option"
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={isSelected ? 'selected' : undefined}
            onClick={() => select(entry.name)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') select(entry.name);
            }}
          >
            <TypeIcon type={entry.type} label={t(`type.${entry.type}`)} />
            <span className="name">{entry.name}</span>
            <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}

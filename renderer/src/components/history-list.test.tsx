import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { RasState } from '../../../app/ras/connection-state';
import { describeError } from '../../../app/ras/errors';
import { emptyTimeline, reduceTimeline, type TimelineEvent } from '../../../app/timeline';
import { renderIn } from '../test-utils';
import { HistoryList } from './history-list';

const n = (time: number, state: number, error = 0): TimelineEvent => ({
  kind: 'notification',
  time,
  state,
  error,
  extendedError: 0,
});

const T0 = Date.UTC(2025, 2, 4, 9, 0, 0);

function record(
  id: string,
  entryName: string,
  startedAt: number,
  outcome: HistoryRecord['outcome'],
  options: { connectedFor?: number; endedAt?: number; error?: number } = {},
): HistoryRecord {
  const events = [n(startedAt, RasState.OpenPort), n(startedAt + 200, RasState.ConnectDevice)];
  if (outcome === 'connected') events.push(n(startedAt + 1000, RasState.Connected));
  events.push(n(options.endedAt ?? startedAt + 3000, RasState.Disconnected, options.error ?? 0));
  return {
    id,
    entryName,
    phonebook: 'p',
    startedAt,
    endedAt: options.endedAt ?? startedAt + 3000,
    outcome,
    connectedFor: options.connectedFor ?? null,
    error: options.error ? describeError(options.error) : null,
    timeline: events.reduce(reduceTimeline, emptyTimeline),
  };
}

// Newest first, as main hands them over.
const records: HistoryRecord[] = [
  record('d', 'Drops after 30 s', T0 + 4 * 60_000, 'connected', {
    connectedFor: 31_000,
    endedAt: T0 + 4 * 60_000 + 32_000,
    error: 629,
  }),
  record('c', 'Busy line', T0 + 3 * 60_000, 'failed', { error: 676 }),
  record('b', 'Dial-up', T0 + 2 * 60_000, 'connected', {
    connectedFor: 3_600_000,
    endedAt: T0 + 2 * 60_000 + 3_601_000,
  }),
  record('a', 'Office VPN', T0 + 60_000, 'cancelled', { endedAt: T0 + 60_000 + 5000 }),
];

/** Connected attempts that say how they ended, newest first. */
const ended: HistoryRecord[] = [
  {
    ...record('s', 'Office VPN', T0 + 9 * 60_000, 'connected', {
      connectedFor: 600_000,
      endedAt: T0 + 9 * 60_000 + 601_000,
      error: 629,
    }),
    bytesSent: 1536,
    bytesReceived: 20_480,
    ended: 'sleep',
    endCode: 629,
  },
  {
    ...record('r', 'Drops after 30 s', T0 + 8 * 60_000, 'connected', {
      connectedFor: 31_000,
      endedAt: T0 + 8 * 60_000 + 32_000,
      error: 629,
    }),
    bytesSent: 0,
    bytesReceived: 0,
    ended: 'dropped',
    endCode: 629,
  },
  {
    ...record('p', 'Dial-up', T0 + 7 * 60_000, 'connected', {
      connectedFor: 3_600_000,
      endedAt: T0 + 7 * 60_000 + 3_601_000,
    }),
    bytesSent: 1024 * 1024,
    bytesReceived: 3.5 * 1024 * 1024,
    ended: 'person',
    endCode: null,
  },
];

/** The body's rows (its row header and cells) as the text of each. */
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...within(row).getAllByRole('rowheader'), ...within(row).getAllByRole('cell')].map(
        (cell) => cell.textContent,
      ),
    );

const entryColumn = (table: HTMLElement) => bodyRows(table).map((cells) => cells[1]);

describe('history list', () => {
  it('is a table with a header for each column', () => {
    renderIn('en', <HistoryList records={records} showEntry />);
    const table = screen.getByRole('table', { name: 'History' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Start', 'Entry', 'Outcome', 'Duration', 'Sent / received', 'Error']);
    for (const header of within(table).getAllByRole('columnheader'))
      expect(header.getAttribute('scope')).toBe('col');
    expect(bodyRows(table)[1]).toEqual([
      expect.any(String),
      'Busy line',
      'Failed',
      '0:00:03',
      '',
      'Error 676: The line is busy.',
    ]);
  });

  it('leaves the entry column out on an entry’s own page', () => {
    renderIn('en', <HistoryList records={records} showEntry={false} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Start',
      'Outcome',
      'Duration',
      'Sent / received',
      'Error',
    ]);
  });

  it('tells a drop apart from a connection that was hung up and from a failed dial', () => {
    renderIn('en', <HistoryList records={records} showEntry />);
    const rows = bodyRows(screen.getByRole('table'));
    expect(rows[0]!.slice(1)).toEqual([
      'Drops after 30 s',
      'Dropped',
      '0:00:31',
      '',
      'Error 629: The remote side closed the connection.',
    ]);
    expect(rows[2]!.slice(1)).toEqual(['Dial-up', 'Connected', '1:00:00', '', '']);
    expect(rows[3]!.slice(1)).toEqual([
      'Office VPN',
      'Hung up before connecting',
      '0:00:05',
      '',
      '',
    ]);
    expect(screen.queryByText(/Connected for/)).toBeNull();
    const outcomes = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.dataset.outcome);
    expect(outcomes).toEqual(['dropped', 'failed', 'connected', 'cancelled']);
  });

  it('sorts by any column with the buttons in its header, and says how with aria-sort', () => {
    renderIn('en', <HistoryList records={records} showEntry />);
    const table = screen.getByRole('table');
    const header = (name: string) => within(table).getByRole('columnheader', { name });
    const sortBy = (name: string) =>
      fireEvent.click(within(header(name)).getByRole('button', { name }));
    // Newest first until a column is chosen.
    expect(header('Start').getAttribute('aria-sort')).toBe('descending');
    expect(header('Entry').hasAttribute('aria-sort')).toBe(false);
    expect(entryColumn(table)).toEqual(['Drops after 30 s', 'Busy line', 'Dial-up', 'Office VPN']);

    sortBy('Entry');
    expect(header('Entry').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Start').hasAttribute('aria-sort')).toBe(false);
    expect(entryColumn(table)).toEqual(['Busy line', 'Dial-up', 'Drops after 30 s', 'Office VPN']);
    sortBy('Entry');
    expect(header('Entry').getAttribute('aria-sort')).toBe('descending');
    expect(entryColumn(table)).toEqual(['Office VPN', 'Drops after 30 s', 'Dial-up', 'Busy line']);

    sortBy('Duration');
    expect(header('Duration').getAttribute('aria-sort')).toBe('descending');
    expect(entryColumn(table)).toEqual(['Dial-up', 'Drops after 30 s', 'Office VPN', 'Busy line']);

    sortBy('Outcome');
    expect(entryColumn(table)).toEqual(['Dial-up', 'Drops after 30 s', 'Busy line', 'Office VPN']);

    sortBy('Error');
    expect(header('Error').getAttribute('aria-sort')).toBe('ascending');
    expect(entryColumn(table)).toEqual(['Dial-up', 'Office VPN', 'Drops after 30 s', 'Busy line']);

    sortBy('Start');
    expect(header('Start').getAttribute('aria-sort')).toBe('descending');
    sortBy('Start');
    expect(header('Start').getAttribute('aria-sort')).toBe('ascending');
    expect(entryColumn(table)).toEqual(['Office VPN', 'Dial-up', 'Busy line', 'Drops after 30 s']);
  });

  it('sorts the newest attempts it shows, not the whole history', () => {
    renderIn('en', <HistoryList records={records} showEntry limit={2} />);
    const table = screen.getByRole('table');
    fireEvent.click(within(table).getByRole('button', { name: 'Entry' }));
    expect(entryColumn(table)).toEqual(['Busy line', 'Drops after 30 s']);
  });

  it('opens a row’s timeline under it, and closes it again', () => {
    renderIn('en', <HistoryList records={records} showEntry />);
    const table = screen.getByRole('table');
    const busy = within(table).getAllByRole('row')[2]!;
    const open = within(busy).getByRole('button');
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(within(table).queryByRole('list', { name: 'Connection timeline' })).toBeNull();
    fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const timeline = within(table).getByRole('list', { name: 'Connection timeline' });
    // The opened row follows its record's row and is the one the button controls.
    const detail = timeline.closest('tr')!;
    expect(busy.nextElementSibling).toBe(detail);
    expect(open.getAttribute('aria-controls')).toBe(detail.id);
    expect(timeline.textContent).toContain('Error 676: The line is busy.');
    fireEvent.click(open);
    expect(within(table).queryByRole('list', { name: 'Connection timeline' })).toBeNull();
  });

  it('speaks Russian', () => {
    renderIn('ru', <HistoryList records={records} showEntry />);
    const table = screen.getByRole('table', { name: 'Журнал' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Начало', 'Запись', 'Итог', 'Длительность', 'Отправлено / получено', 'Ошибка']);
    expect(bodyRows(table)[0]!.slice(2)).toEqual([
      'Связь прервана',
      '0:00:31',
      '',
      'Ошибка 629: Удалённая сторона закрыла подключение.',
    ]);
  });

  it('says how a connected attempt ended and what it sent and received', () => {
    renderIn('en', <HistoryList records={ended} showEntry />);
    const rows = bodyRows(screen.getByRole('table'));
    expect(rows.map((cells) => cells.slice(1))).toEqual([
      [
        'Office VPN',
        'Ended by sleep',
        '0:10:00',
        '1.5 KB / 20 KB',
        'Error 629: The remote side closed the connection.',
      ],
      [
        'Drops after 30 s',
        'Dropped (629)',
        '0:00:31',
        '0 B / 0 B',
        'Error 629: The remote side closed the connection.',
      ],
      ['Dial-up', 'Hung up', '1:00:00', '1 MB / 3.5 MB', ''],
    ]);
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.dataset.outcome),
    ).toEqual(['connected', 'dropped', 'connected']);
  });

  it('sorts by bytes, the unknown below none at all', () => {
    renderIn('en', <HistoryList records={[...ended, ...records]} showEntry />);
    const table = screen.getByRole('table');
    fireEvent.click(within(table).getByRole('button', { name: 'Sent / received' }));
    const header = within(table).getByRole('columnheader', { name: 'Sent / received' });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(entryColumn(table).slice(0, 3)).toEqual(['Dial-up', 'Office VPN', 'Drops after 30 s']);
    fireEvent.click(within(table).getByRole('button', { name: 'Sent / received' }));
    expect(entryColumn(table).at(-1)).toBe('Dial-up');
    expect(entryColumn(table).at(-3)).toBe('Drops after 30 s');
    expect(bodyRows(table).at(-3)![4]).toBe('0 B / 0 B');
  });

  it('says how it ended in Russian', () => {
    renderIn('ru', <HistoryList records={ended} showEntry />);
    const rows = bodyRows(screen.getByRole('table'));
    expect(rows.map((cells) => cells[2])).toEqual([
      'Прервано спящим режимом',
      'Связь прервана (629)',
      'Разъединено',
    ]);
    expect(rows[2]![4]).toBe('1 МБ / 3,5 МБ');
  });

  it('says when there is nothing yet', () => {
    renderIn('en', <HistoryList records={[]} showEntry />);
    expect(screen.getByText('No attempts yet.')).toBeTruthy();
  });
});

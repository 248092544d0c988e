import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { describeError } from '../../../app/ras/errors';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { renderIn } from '../test-utils';
import { ReliabilitySection } from './reliability-report';

const HOUR = 3_600_000;
const MIN = 60_000;
/** Noon, local time; days are found with Date so a DST change in the month does not shift them. */
const NOW = new Date(2026, 2, 20, 12).getTime();
const at = (daysAgo: number, hour: number) => new Date(2026, 2, 20 - daysAgo, hour).getTime();

let serial = 0;
function record(fields: Partial<HistoryRecord> & Pick<HistoryRecord, 'endedAt'>): HistoryRecord {
  return {
    id: `r${serial++}`,
    entryName: 'Office VPN',
    phonebook: 'user',
    startedAt: fields.endedAt - (fields.connectedFor ?? 8_000) - 5_000,
    outcome: 'connected',
    connectedFor: null,
    error: null,
    timeline: { startedAt: null, rows: [] },
    ended: null,
    endCode: null,
    ...fields,
  };
}

function up(endedAt: number, connectedFor: number, ended: 'person' | 'dropped' | 'sleep') {
  return record({ endedAt, connectedFor, ended, endCode: ended === 'person' ? null : 629 });
}

function failed(endedAt: number, code: number) {
  return record({ endedAt, outcome: 'failed', error: { ...describeError(code) } });
}

/** Up half of yesterday, a drop ten days ago after 6 h, three failures (800 twice). */
const month = [
  up(at(1, 20), 12 * HOUR, 'person'),
  failed(at(3, 10), 800),
  failed(at(5, 10), 800),
  up(at(10, 18), 6 * HOUR, 'dropped'),
  failed(at(12, 10), 691),
];

async function open(
  language: 'en' | 'ru',
  records: HistoryRecord[],
  connectedSince = null as number | null,
) {
  renderIn(
    language,
    <ReliabilitySection records={records} connectedSince={connectedSince} now={NOW} />,
  );
  const words = language === 'en' ? en : ru;
  const toggle = screen.getByRole('button', { name: words.reliability.title });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return screen.getByRole('region', { name: words.reliability.title });
}

function figures(section: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    [...section.querySelectorAll('dl > div')].map((d) => [
      d.querySelector('dt')!.textContent!,
      d.querySelector('dd')!.textContent!,
    ]),
  );
}

describe('the Reliability section', () => {
  it('starts closed, behind a heading that opens it', () => {
    renderIn('en', <ReliabilitySection records={month} connectedSince={null} now={NOW} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Reliability' })).toBeTruthy();
    expect(document.querySelector('svg')).toBeNull();
    expect(screen.queryByText('Uptime, last 7 days')).toBeNull();
  });

  it('says there is no history yet for an entry never dialed', async () => {
    const section = await open('en', []);
    expect(within(section).getByText('No history yet.')).toBeTruthy();
    expect(section.querySelector('svg')).toBeNull();
  });

  it('gives uptime, connects, failures, drops per day, the median session and the common error', async () => {
    const section = await open('en', month);
    expect(figures(section)).toEqual({
      'Uptime, last 7 days': '7.1%',
      'Uptime, last 30 days': '2.5%',
      'Connects, 30 days': '2',
      'Failures, 30 days': '3',
      'Drops per day': '0.03',
      'Median session': '9 h',
      'Most common error': `Error 800, 2 times: ${en.error['800']!.message}`,
    });
    expect(within(section).queryByRole('heading', { name: 'Patterns' })).toBeNull();
  });

  it('draws one bar per day as tall as its uptime, with a mark on each day of failures or drops', async () => {
    const section = await open('en', month);
    const days = [...section.querySelectorAll('g.reliability-day')];
    expect(days).toHaveLength(30);
    const height = (g: Element, cls: string) =>
      Number(g.querySelector(`rect.${cls}`)!.getAttribute('height'));
    // Oldest first: today is the last bar.
    const expected = new Map([
      [28, 0.5],
      [19, 0.25],
    ]);
    days.forEach((g, i) => {
      expect(height(g, 'uptime') / height(g, 'track'), `day ${i}`).toBeCloseTo(
        expected.get(i) ?? 0,
        6,
      );
    });
    const marked = (cls: string) => days.flatMap((g, i) => (g.querySelector(`.${cls}`) ? [i] : []));
    expect(marked('failure-mark')).toEqual([17, 24, 26]);
    expect(marked('drop-mark')).toEqual([19]);
    const chart = within(section).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Uptime by day over the last 30 days: 2.5% in all; 3 failures, 1 drop.',
    );
    // The same numbers for a screen reader, one row per day.
    const rows = within(section).getByRole('table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(30);
    expect([...rows[28]!.children].map((c) => c.textContent)).toEqual([
      'Mar 19',
      '50%',
      '1',
      '0',
      '0',
    ]);
    expect([...rows[26]!.children].map((c) => c.textContent)).toEqual([
      'Mar 17',
      '0%',
      '0',
      '1',
      '0',
    ]);
  });

  it('counts the link up now', async () => {
    const section = await open('en', [], NOW - 6 * HOUR);
    expect(figures(section)['Uptime, last 7 days']).toBe('3.6%');
    const today = [...section.querySelectorAll('g.reliability-day')].at(-1)!;
    expect(Number(today.querySelector('rect.uptime')!.getAttribute('height'))).toBeGreaterThan(0);
  });

  it('names the patterns in words', async () => {
    const limit = [8 * HOUR - 2 * MIN, 8 * HOUR, 8 * HOUR + 2 * MIN, 8 * HOUR].map((length, i) =>
      up(at(2 + i, 20), length, 'dropped'),
    );
    const sleep = [up(at(8, 8), 3 * HOUR, 'sleep'), up(at(9, 8), 2 * HOUR, 'sleep')];
    // Three mornings where the first try fails and the second, a minute later, connects.
    const mornings = [14, 15, 16].flatMap((d) => [
      failed(at(d, 9), 800),
      up(at(d, 9) + 60_000 + HOUR, HOUR, 'person'),
    ]);
    const section = await open('en', [...limit, ...sleep, ...mornings]);
    expect(within(section).getByRole('heading', { name: 'Patterns' })).toBeTruthy();
    const items = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        'Drops every 8 h ± 2 min (4 drops) — a server session limit?',
        'Ends around the computer’s sleep (2 times)',
        'The first try of the day fails, the second works: on 3 of 3 days',
      ]),
    );
  });

  it('speaks Russian, with its plural forms, and no English', async () => {
    const limit = [8 * HOUR - 2 * MIN, 8 * HOUR, 8 * HOUR + 2 * MIN, 8 * HOUR, 8 * HOUR].map(
      (length, i) => up(at(2 + i, 20), length, 'dropped'),
    );
    const section = await open('ru', [...month, ...limit]);
    expect(
      within(section).getByText(/^Связь обрывается каждые 8 ч ± 2 мин \(5 обрывов\)/),
    ).toBeTruthy();
    expect(figures(section)['Самая частая ошибка']).toBe(
      `Ошибка 800, 2 раза: ${ru.error['800']!.message}`,
    );
    expect(within(section).getByRole('img').getAttribute('aria-label')).toMatch(
      /3 неудачные попытки, 6 обрывов\.$/,
    );
    // VPN is a VPN in Russian too.
    expect(section.textContent!.replaceAll('VPN', '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

import { act, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RasState } from '../../../app/ras/connection-state';
import { emptyTimeline, reduceTimeline, type TimelineEvent } from '../../../app/timeline';
import { createI18n } from '../i18n/i18n';
import { renderIn } from '../test-utils';
import { Timeline } from './timeline';

const n = (time: number, state: number, error = 0): TimelineEvent => ({
  kind: 'notification',
  time,
  state,
  error,
  extendedError: 0,
});

const busy = [
  {
    kind: 'dial',
    time: 1000,
    destination: '555-0486',
    attempt: 1,
    attempts: 2,
    numberIndex: 1,
    numberCount: 1,
    reason: 'first',
  } as const,
  n(1050, RasState.OpenPort),
  n(1200, RasState.ConnectDevice),
  n(2700, RasState.ConnectDevice, 676),
  { ...n(2900, RasState.Disconnected, 676), source: 'app' as const },
].reduce(reduceTimeline, emptyTimeline);

afterEach(() => vi.useRealTimers());

/** Renders in English and re-renders inside the same provider, so the tree stays mounted. */
function renderLive(ui: ReactElement) {
  const i18n = createI18n('en');
  const wrap = (el: ReactElement) => <I18nextProvider i18n={i18n}>{el}</I18nextProvider>;
  const result = render(wrap(ui));
  return { ...result, rerender: (el: ReactElement) => result.rerender(wrap(el)) };
}

/** The elements a screen reader announces by themselves, and what they hold. */
const liveRegions = (container: HTMLElement) =>
  [...container.querySelectorAll('[aria-live], [role="status"], [role="alert"]')].filter(
    (e) => e.getAttribute('aria-live') !== 'off',
  );

describe('timeline', () => {
  it('shows a row per event with its group, time since the start and duration', () => {
    renderIn('en', <Timeline timeline={busy} live={false} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[0]!.textContent).toContain('Dialing 555-0486, attempt 1 of 2');
    expect(rows[1]!.className).toContain('group-running');
    expect(rows[1]!.textContent).toContain('+0.05 s');
    expect(rows[1]!.textContent).toContain('0.15 s');
    expect(within(rows[1]!).getByText('running')).toBeTruthy();
    expect(rows[4]!.className).toContain('group-terminal');
  });

  it("writes seconds with the language's decimal separator", () => {
    renderIn('ru', <Timeline timeline={busy} live={false} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows[1]!.textContent).toContain('+0,05');
    expect(rows[1]!.textContent).not.toContain('0.15');
  });

  it('says on the failing row what happened and what to do', () => {
    renderIn('en', <Timeline timeline={busy} live={false} />);
    const failing = screen.getAllByRole('listitem')[3]!;
    expect(failing.textContent).toContain('Error 676: The line is busy.');
    expect(failing.textContent).toContain(
      'What to do: Try again later, or use an alternate number.',
    );
  });

  it('counts the current row live while the dial goes on', () => {
    // The clock stands still: on a busy machine the render came more than 0.1 s after the
    // rows were made, and the counter read 5.00 s.
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    try {
      const started = Date.now() - 5000;
      const live = [
        n(started, RasState.OpenPort),
        n(started + 100, RasState.RetryAuthentication),
      ].reduce(reduceTimeline, emptyTimeline);
      renderIn('en', <Timeline timeline={live} live />);
      const current = screen.getAllByRole('listitem')[1]!;
      expect(current.className).toContain('current');
      expect(current.className).toContain('group-paused');
      expect(current.textContent).toMatch(/for 4\.90 s/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('redraws a row whose content changed in a new snapshot, and every row on a change of language', async () => {
    const started = Date.now();
    const first = [n(started, RasState.OpenPort)].reduce(reduceTimeline, emptyTimeline);
    const i18n = createI18n('en');
    const wrap = (el: ReactElement) => <I18nextProvider i18n={i18n}>{el}</I18nextProvider>;
    const view = render(wrap(<Timeline timeline={first} live />));
    expect(screen.getAllByRole('listitem')[0]!.textContent).toMatch(/for \d+\.\d\d s/);
    // The next snapshot is new objects (as JSON from main): the first row now has a duration.
    const next = JSON.parse(
      JSON.stringify(
        [n(started, RasState.OpenPort), n(started + 1500, RasState.PortOpened)].reduce(
          reduceTimeline,
          emptyTimeline,
        ),
      ),
    ) as typeof first;
    view.rerender(wrap(<Timeline timeline={next} live />));
    let rows = screen.getAllByRole('listitem');
    expect(rows[0]!.className).not.toContain('current');
    expect(rows[0]!.textContent).toContain('1.50 s');
    expect(rows[0]!.textContent).not.toMatch(/for /);
    expect(rows[1]!.className).toContain('current');
    view.rerender(wrap(<Timeline timeline={next} live={false} />));
    expect(screen.getAllByRole('listitem')[1]!.className).not.toContain('current');
    // Another entry's finished timeline of as many rows: only the content tells them apart.
    const other = [n(started, RasState.OpenPort), n(started + 200, RasState.ConnectDevice)].reduce(
      reduceTimeline,
      emptyTimeline,
    );
    view.rerender(wrap(<Timeline timeline={other} live={false} />));
    expect(screen.getAllByRole('listitem')[1]!.textContent).toContain('Connecting the device');
    view.rerender(wrap(<Timeline timeline={next} live={false} />));
    await act(() => i18n.changeLanguage('ru'));
    rows = screen.getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Открытие порта');
    expect(rows[0]!.textContent).toContain('1,50');
  });

  it('keeps an unknown state visible as "State N"', () => {
    renderIn(
      'en',
      <Timeline timeline={[n(0, 77)].reduce(reduceTimeline, emptyTimeline)} live={false} />,
    );
    expect(screen.getByText('State 77')).toBeTruthy();
  });

  it('speaks Russian, states and errors included', () => {
    renderIn('ru', <Timeline timeline={busy} live={false} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Набор 555-0486, попытка 1 из 2');
    expect(rows[1]!.textContent).toContain('Открытие порта');
    expect(rows[3]!.textContent).toContain('Ошибка 676: Линия занята.');
    expect(rows[3]!.textContent).toContain(
      'Что делать: Повторите попытку позже или наберите запасной номер.',
    );
  });

  it('says when nothing was dialed yet', () => {
    renderIn('en', <Timeline timeline={emptyTimeline} live={false} />);
    expect(screen.getByText('Not dialed yet.')).toBeTruthy();
  });

  it('draws each icon as an SVG hidden from screen readers, beside its group in words', () => {
    const { container } = renderIn('en', <Timeline timeline={busy} live={false} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.icon')!.textContent)).toEqual([
      'step',
      'running',
      'running',
      'failed',
      'failed',
    ]);
    for (const row of rows) {
      const svg = row.querySelector('.icon svg')!;
      expect(svg, row.textContent!).toBeTruthy();
      expect(svg.getAttribute('aria-hidden')).toBe('true');
    }
    // No font glyph is left to show as an empty box.
    expect(container.textContent).not.toMatch(/[●⏸■↗]/u);
    expect(container.querySelector('[aria-label="running"]')).toBeNull();
  });

  it('says "paused" in words on a paused row, in Russian too', () => {
    const paused = [n(1000, RasState.OpenPort), n(1100, RasState.RetryAuthentication)].reduce(
      reduceTimeline,
      emptyTimeline,
    );
    renderIn('en', <Timeline timeline={paused} live={false} />);
    const row = screen.getAllByRole('listitem')[1]!;
    expect(row.querySelector('.icon')!.textContent).toBe('paused');
    expect(row.querySelector('.icon svg')!.getAttribute('aria-hidden')).toBe('true');
    renderIn('ru', <Timeline timeline={busy} live={false} />);
    const ru = screen.getAllByRole('list', { name: 'Ход подключения' }).at(-1)!;
    expect(within(ru).getAllByText('сбой')).toHaveLength(2);
  });

  it('announces each new state once, never the counter that ticks', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const started = Date.now();
    const events = [n(started, RasState.OpenPort), n(started + 100, RasState.ConnectDevice)];
    const first = events.reduce(reduceTimeline, emptyTimeline);
    // The region is there, empty, before the first row: it is added before it speaks.
    const { container, rerender } = renderLive(<Timeline timeline={emptyTimeline} live />);
    const regions = liveRegions(container);
    expect(regions).toHaveLength(1);
    const region = regions[0]!;
    expect(region.textContent).toBe('');
    rerender(<Timeline timeline={first} live />);
    expect(liveRegions(container)[0]).toBe(region);
    expect(region.textContent).toBe('Connecting the device (running)');
    const counter = screen.getAllByRole('listitem')[1]!.querySelector('.lasted')!;
    const before = counter.textContent;
    act(() => vi.advanceTimersByTime(1000));
    // The counter moved; what is announced did not.
    expect(counter.textContent).not.toBe(before);
    expect(counter.textContent).toMatch(/^for \d\.\d\d s$/);
    expect(region.textContent).toBe('Connecting the device (running)');
    expect(region.contains(counter)).toBe(false);
    const next = [...events, n(started + 1200, RasState.RetryAuthentication)].reduce(
      reduceTimeline,
      emptyTimeline,
    );
    rerender(<Timeline timeline={next} live />);
    // The same region, still there: a region added with its text is not reliably announced.
    expect(liveRegions(container)).toHaveLength(1);
    expect(liveRegions(container)[0]).toBe(region);
    expect(region.textContent).toBe('Waiting for you to enter other credentials (paused)');
  });

  it('announces a failure with its error, and nothing once the attempt is over', () => {
    const failing = busy.rows.slice(0, 4);
    const { container, rerender } = renderLive(
      <Timeline timeline={{ ...busy, rows: failing }} live />,
    );
    expect(liveRegions(container)[0]!.textContent).toBe(
      'Connecting the device (failed) Error 676: The line is busy.',
    );
    rerender(<Timeline timeline={busy} live={false} />);
    expect(liveRegions(container)[0]!.textContent).toBe('');
  });

  it('shows a drop that will be redialed as a step with its code, and announces the wait once', () => {
    const dropped = [
      n(1000, RasState.Connected),
      {
        kind: 'wait',
        time: 4000,
        error: 629,
        cause: 'dropped',
        seconds: 5,
        attempt: 2,
        attempts: 3,
      } as const,
    ].reduce(reduceTimeline, emptyTimeline);
    const { container } = renderLive(<Timeline timeline={dropped} live />);
    const row = screen.getAllByRole('listitem')[1]!;
    expect(row.className).not.toMatch(/failed|group-terminal/);
    expect(row.querySelector('.icon')!.textContent).toBe('step');
    expect(row.querySelector('.description')!.textContent).toBe(
      'The link dropped; redialing in 5 s (attempt 2 of 3)',
    );
    expect(row.textContent).toMatch(/Error 629/);
    expect(row.textContent).not.toMatch(/What to do|Connect again/);
    expect(liveRegions(container)[0]!.textContent).toMatch(
      /^The link dropped; redialing in 5 s \(attempt 2 of 3\) \(step\) Error 629: \S/,
    );
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RasState } from '../../../app/ras/connection-state';
import { emptyTimeline, reduceTimeline, type TimelineEvent } from '../../../app/timeline';
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

describe('timeline', () => {
  it('shows a row per event with its group, time since the start and duration', () => {
    renderIn('en', <Timeline timeline={busy} live={false} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[0]!.textContent).toContain('Dialing 555-0486, attempt 1 of 2');
    expect(rows[1]!.className).toContain('group-running');
    expect(rows[1]!.textContent).toContain('+0.05 s');
    expect(rows[1]!.textContent).toContain('0.15 s');
    expect(within(rows[1]!).getByLabelText('running')).toBeTruthy();
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
    const started = Date.now() - 5000;
    const live = [
      n(started, RasState.OpenPort),
      n(started + 100, RasState.RetryAuthentication),
    ].reduce(reduceTimeline, emptyTimeline);
    renderIn('en', <Timeline timeline={live} live />);
    const current = screen.getAllByRole('listitem')[1]!;
    expect(current.className).toContain('current');
    expect(current.className).toContain('group-paused');
    expect(current.textContent).toMatch(/for 4\.\d\d s/);
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
});

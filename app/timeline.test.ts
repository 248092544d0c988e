import { describe, expect, it } from 'vitest';
import { RasState } from './ras/connection-state';
import { emptyTimeline, reduceTimeline, type TimelineEvent } from './timeline';

const n = (time: number, state: number, error = 0): TimelineEvent => ({
  kind: 'notification',
  time,
  state,
  error,
  extendedError: 0,
});

describe('timeline reducer', () => {
  it('turns notifications into rows with times since the start and durations', () => {
    const events: TimelineEvent[] = [
      {
        kind: 'dial',
        time: 1000,
        destination: '555-0100',
        attempt: 1,
        attempts: 3,
        numberIndex: 1,
        numberCount: 2,
        reason: 'first',
      },
      n(1050, RasState.OpenPort),
      n(1200, RasState.PortOpened),
      n(1500, RasState.RetryAuthentication),
      n(4000, RasState.Connected),
    ];
    const t = events.reduce(reduceTimeline, emptyTimeline);
    expect(t.startedAt).toBe(1000);
    expect(t.rows.map((r) => [r.name, r.group, r.at, r.duration])).toEqual([
      ['Dial', 'info', 0, 50],
      ['OpenPort', 'running', 50, 150],
      ['PortOpened', 'running', 200, 300],
      ['RetryAuthentication', 'paused', 500, 2500],
      ['Connected', 'terminal', 3000, null],
    ]);
    expect(t.rows[0]!.description).toBe('Dialing 555-0100, number 1 of 2, attempt 1 of 3');
  });

  it('marks a row that carries an error as terminal and keeps the error', () => {
    const t = [n(0, RasState.ConnectDevice), n(10, RasState.ConnectDevice, 676)].reduce(
      reduceTimeline,
      emptyTimeline,
    );
    expect(t.rows[1]).toMatchObject({ group: 'terminal', error: 676, name: 'ConnectDevice' });
  });

  it('keeps unknown states and attached connections', () => {
    const t = [{ kind: 'attached', time: 5, state: RasState.Connected } as const, n(6, 99)].reduce(
      reduceTimeline,
      emptyTimeline,
    );
    expect(t.rows[0]).toMatchObject({ kind: 'attached', description: 'Found already connected' });
    expect(t.rows[1]).toMatchObject({ name: 'State 99', group: 'running' });
  });

  it('does not change the timeline it was given', () => {
    const first = reduceTimeline(emptyTimeline, n(0, 0));
    reduceTimeline(first, n(5, 1));
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]!.duration).toBeNull();
  });
});

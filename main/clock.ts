// The clock the simulated server and the session engine run on. Tests inject a manual
// clock and advance it; nothing waits on real time there.

export type Cancel = () => void;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): Cancel;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only when told, running due timers in time order. */
export class ManualClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): Cancel {
    const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Advances by `ms`, running each due timer and letting promises settle between timers. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await flushMicrotasks();
      const next = this.nextDue(until);
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = until;
    await flushMicrotasks();
  }

  /** Advances until `done()` holds, one timer at a time; throws if it never does within `limitMs`. */
  async runUntil(done: () => boolean, limitMs = 600_000): Promise<void> {
    const until = this.time + limitMs;
    await flushMicrotasks();
    let idle = 0;
    while (!done()) {
      const next = this.nextDue(until);
      if (!next) {
        // Work outside the clock (file I/O) may still be under way: give it real time.
        if (++idle > 400)
          throw new Error(`condition not reached within ${limitMs} ms of simulated time`);
        await new Promise<void>((resolve) => setTimeout(resolve, 5));
        continue;
      }
      idle = 0;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
      await flushMicrotasks();
    }
  }

  private nextDue(until: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers)
      if (t.at <= until && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)))
        best = t;
    return best;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setImmediate(resolve));
}

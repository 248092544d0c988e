// Statistics for the windows that show them: each client names the connection it shows
// (or none), and once a second the named, connected connections' statistics go out as events.

import type { EventName } from '../../app/ipc/channels';
import type { EventPayload } from '../../app/ipc/contract';
import type { Cancel, Clock } from '../clock';
import type { SessionManager } from '../sessions/session-manager';

export const STATISTICS_INTERVAL_MS = 1000;

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class StatisticsWatch {
  private readonly watched = new Map<string, string>();
  private timer: Cancel | null = null;

  constructor(
    private readonly manager: SessionManager,
    private readonly clock: Clock,
    private readonly emit: Emit,
  ) {}

  watch(client: string, id: string | null): void {
    if (id === null) this.watched.delete(client);
    else this.watched.set(client, id);
    if (this.watched.size > 0 && !this.timer) this.schedule();
    if (this.watched.size === 0) this.stop();
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => void this.tick(), STATISTICS_INTERVAL_MS);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    for (const id of new Set(this.watched.values())) {
      if (this.manager.get(id)?.status !== 'connected') continue;
      try {
        const statistics = await this.manager.getStatistics(id);
        // Nobody may be showing it any more by the time the figures come back.
        if ([...this.watched.values()].includes(id))
          this.emit('connection:statistics', { id, statistics });
      } catch {
        // The connection went down between the check and the call; its state event says so.
      }
    }
    if (this.watched.size > 0 && !this.timer) this.schedule();
  }

  stop(): void {
    this.timer?.();
    this.timer = null;
  }
}

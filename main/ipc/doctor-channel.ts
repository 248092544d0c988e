// `doctor:run`: the failure doctor for one entry, asked by a window. Each check goes out as a
// `doctor:check` event with the window's run id as it comes, and the report is the answer.
// Nothing is probed unless a window asks, and an entry has one run at a time.

import type { EventName } from '../../app/ipc/channels';
import type { EventPayload, Payload } from '../../app/ipc/contract';
import { messageRef } from '../../app/ras/app-messages';
import { AppError } from '../../app/ras/errors';
import { failureToExplain } from '../../app/doctor/failure-to-explain';
import {
  doctorOptions,
  runDoctor,
  type DoctorOptions,
  type DoctorReport,
} from '../doctor/run-doctor';
import type { HistoryStore } from '../history/history-store';
import type { RasBackend } from '../ras/backend';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface DoctorChannelDeps {
  backend: Pick<RasBackend, 'kind' | 'defaultPhonebook' | 'getEntry'>;
  history: Pick<HistoryStore, 'list'>;
  emit: Emit;
  /** Tests: their own ports, roots, name lookup, clock and timeouts. */
  overrides?: Partial<DoctorOptions>;
}

export interface DoctorChannel {
  run(payload: Payload<'doctor:run'>): Promise<DoctorReport>;
}

export function createDoctorChannel(deps: DoctorChannelDeps): DoctorChannel {
  const running = new Set<string>();
  return {
    async run({ phonebook, name, code, runId }) {
      const book = phonebook ?? deps.backend.defaultPhonebook;
      // Names are case-insensitive in a phonebook, as Windows compares them.
      const key = `${book.toLowerCase()}\u0000${name.toLowerCase()}`;
      if (running.has(key))
        throw new AppError('ALREADY_ACTIVE', messageRef('doctor.busy', { entry: name }));
      running.add(key);
      try {
        const entry = await deps.backend.getEntry(book, name);
        const records = await deps.history.list({ phonebook: book, name: entry.name });
        const options = doctorOptions(deps.backend.kind, deps.overrides);
        return await runDoctor(entry, failureToExplain(records, code), options, (check) =>
          deps.emit('doctor:check', { runId, check }),
        );
      } finally {
        running.delete(key);
      }
    },
  };
}

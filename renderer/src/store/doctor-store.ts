// The failure doctor as the window runs it: one run at a time, started by the person's click
// (never by a failure alone), its checks gathered from `doctor:check` events as main runs
// them, then the report. Closing forgets the run; what main still sends for it is ignored.

import { create } from 'zustand';
import type { DoctorCheck } from '../../../app/doctor/doctor-result';
import type { RasApi, Result, WireError } from '../../../app/ipc/contract';
import type { EntryRef } from './app-store';

export type DoctorReport = Result<'doctor:run'>;

export interface DoctorRun {
  runId: string;
  entry: EntryRef;
  /** The failure asked about; null: the entry's newest one, as main finds it. */
  code: number | null;
  checks: DoctorCheck[];
  report: DoctorReport | null;
  refusal: WireError | null;
}

export const useDoctorStore = create<{ run: DoctorRun | null }>(() => ({ run: null }));

let runs = 0;

function update(runId: string, change: (run: DoctorRun) => Partial<DoctorRun>): void {
  const run = useDoctorStore.getState().run;
  if (run?.runId === runId) useDoctorStore.setState({ run: { ...run, ...change(run) } });
}

export async function findOutWhy(api: RasApi, entry: EntryRef, code: number | null): Promise<void> {
  const runId = `doctor-${Date.now().toString(36)}-${++runs}`;
  useDoctorStore.setState({
    run: { runId, entry, code, checks: [], report: null, refusal: null },
  });
  const stop = api.on('doctor:check', (event) => {
    if (event.runId === runId) update(runId, (run) => ({ checks: [...run.checks, event.check] }));
  });
  try {
    const result = await api.invoke('doctor:run', {
      phonebook: entry.phonebook,
      name: entry.name,
      ...(code === null ? {} : { code }),
      runId,
    });
    update(runId, () =>
      result.ok ? { checks: result.value.checks, report: result.value } : { refusal: result.error },
    );
  } finally {
    stop();
  }
}

export function closeDoctor(): void {
  useDoctorStore.setState({ run: null });
}

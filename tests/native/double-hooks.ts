// The test double's own controls, reached through koffi like the RAS functions.

import koffi from 'koffi';

function hooks(library: string) {
  const lib = koffi.load(library);
  return {
    reset: lib.func('void RasTestDouble_Reset(void)'),
    setTiming: lib.func('void RasTestDouble_SetTiming(int, int, int)'),
    notifiedFromOtherThread: lib.func('int RasTestDouble_NotifiedFromOtherThread(void)'),
  };
}

export function resetDouble(
  library: string,
  timing: [step: number, release: number, drop: number] = [1, 30, 200],
): void {
  const h = hooks(library);
  h.reset();
  h.setTiming(...timing);
}

export function notifiedFromOtherThread(library: string): boolean {
  return hooks(library).notifiedFromOtherThread() !== 0;
}

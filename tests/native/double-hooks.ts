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

/** What the double saw, for the checks that Windows' own rules hold. */
export function doubleProbe(library: string) {
  const lib = koffi.load(library);
  return {
    callsOnJsThread: lib.func('int RasTestDouble_CallsOnJsThread(void)') as () => number,
    lastJsCall: lib.func('const char *RasTestDouble_LastJsCall(void)') as () => string,
    lastFinalReturn: lib.func('int RasTestDouble_LastFinalReturn(void)') as () => number,
    enumConnectionsCalls: lib.func('int RasTestDouble_EnumConnectionsCalls(void)') as () => number,
    portsInUse: lib.func('int RasTestDouble_PortsInUse(void)') as () => number,
    references: lib.func('int RasTestDouble_References(uintptr_t)') as (h: bigint) => number,
    setEapIdentity: lib.func('void RasTestDouble_SetEapIdentity(int)') as (on: number) => void,
    eapIdentitiesHeld: lib.func('int RasTestDouble_EapIdentitiesHeld(void)') as () => number,
    /** 10 (default) or 7: which struct sizes the double takes, as that Windows does. */
    setWindows: lib.func('void RasTestDouble_SetWindows(int)') as (version: number) => void,
    setBooks: lib.func('void RasTestDouble_SetBooks(str16, str16, int)') as (
      user: string,
      allUsers: string,
      readOnly: number,
    ) => void,
  };
}

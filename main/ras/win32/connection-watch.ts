// RasConnectionNotification on Windows: an auto-reset event that RAS signals when any
// connection comes or goes, waited for on a worker thread (WaitForSingleObject through
// .async, with a timeout so the loop can stop). Where it cannot be set up the caller's
// RasEnumConnections poll is all there is (shared/ras-reference.md §3.6).

import koffi from 'koffi';
import type { RasApi32 } from './rasapi32';

const RASCN_Connection = 0x1;
const RASCN_Disconnection = 0x2;
const WAIT_OBJECT_0 = 0;

export function watchWithNotifications(
  api: RasApi32,
  onSignal: () => void,
  platform = process.platform,
): () => void {
  if (platform !== 'win32') return () => undefined;
  let kernel32: ReturnType<typeof koffi.load>;
  try {
    kernel32 = koffi.load('kernel32.dll');
  } catch {
    return () => undefined;
  }
  const CreateEventW = kernel32.func('__stdcall', 'CreateEventW', 'void *', [
    'void *',
    'int32_t',
    'int32_t',
    'void *',
  ]);
  const WaitForSingleObject = kernel32.func('__stdcall', 'WaitForSingleObject', 'uint32_t', [
    'void *',
    'uint32_t',
  ]);
  const CloseHandle = kernel32.func('__stdcall', 'CloseHandle', 'int32_t', ['void *']);
  const event = CreateEventW(null, 0, 0, null);
  if (!event) return () => undefined;
  const all = process.arch === 'ia32' ? 0xffffffffn : 0xffffffffffffffffn; // INVALID_HANDLE_VALUE
  const result = api.functions.RasConnectionNotificationW(
    all,
    event,
    RASCN_Connection | RASCN_Disconnection,
  ) as number;
  if (result !== 0) {
    CloseHandle(event);
    return () => undefined;
  }
  let stopped = false;
  const wait = (): void => {
    WaitForSingleObject.async(event, 1000, (error: Error | null, signalled: number) => {
      if (stopped) {
        CloseHandle(event);
        return;
      }
      if (!error && signalled === WAIT_OBJECT_0) onSignal();
      wait();
    });
  };
  wait();
  return () => {
    stopped = true;
  };
}

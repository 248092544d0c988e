// RasConnectionNotification on Windows: an auto-reset event that RAS signals when any
// connection comes or goes. The event is waited for by the system's thread pool
// (RegisterWaitForSingleObject, as DotRas does), not by one of libuv's four threads held in
// WaitForSingleObject for ever; stopping unregisters the wait (on a worker thread, since it
// waits for a callback that runs on the main one) and closes the event. Where any of it
// cannot be set up the caller's RasEnumConnections poll is all there is (§3.6).

import koffi from 'koffi';
import type { RasApi32 } from './rasapi32';

const RASCN_Connection = 0x1;
const RASCN_Disconnection = 0x2;
const INFINITE = 0xffffffff;
const WT_EXECUTEDEFAULT = 0;

let callbackType: ReturnType<typeof koffi.proto> | null = null;

export function watchWithNotifications(
  api: RasApi32,
  onSignal: () => void,
  platform = process.platform,
): () => void {
  if (platform !== 'win32') return () => undefined;
  let stopped = false;
  let stop: () => void = () => undefined;
  void (async () => {
    const kernel32 = koffi.load('kernel32.dll');
    const HANDLE = 'void *';
    callbackType ??= koffi.proto('__stdcall', 'RasWaitOrTimerCallback', 'void', [
      'void *',
      'uint8_t',
    ]);
    const CreateEventW = kernel32.func('__stdcall', 'CreateEventW', HANDLE, [
      'void *',
      'int32_t',
      'int32_t',
      'void *',
    ]);
    const CloseHandle = kernel32.func('__stdcall', 'CloseHandle', 'int32_t', [HANDLE]);
    const RegisterWaitForSingleObject = kernel32.func(
      '__stdcall',
      'RegisterWaitForSingleObject',
      'int32_t',
      [
        koffi.out(koffi.pointer(HANDLE)),
        HANDLE,
        koffi.pointer(callbackType),
        'void *',
        'uint32_t',
        'uint32_t',
      ],
    );
    const UnregisterWaitEx = kernel32.func('__stdcall', 'UnregisterWaitEx', 'int32_t', [
      HANDLE,
      HANDLE,
    ]);
    const event = CreateEventW(null, 0, 0, null);
    if (!event) return;
    const all = process.arch === 'ia32' ? 0xffffffffn : 0xffffffffffffffffn; // INVALID_HANDLE_VALUE
    const result = await api
      .callAsync('RasConnectionNotificationW', all, event, RASCN_Connection | RASCN_Disconnection)
      .catch(() => -1);
    if (result !== 0 || stopped) {
      CloseHandle(event);
      return;
    }
    const callback = koffi.register(() => {
      if (!stopped) onSignal();
    }, koffi.pointer(callbackType));
    const wait: unknown[] = [null];
    if (!RegisterWaitForSingleObject(wait, event, callback, null, INFINITE, WT_EXECUTEDEFAULT)) {
      koffi.unregister(callback);
      CloseHandle(event);
      return;
    }
    stop = () => {
      // INVALID_HANDLE_VALUE: return once no callback runs any more, then let everything go.
      (UnregisterWaitEx as unknown as { async: (...a: unknown[]) => void }).async(
        wait[0],
        koffi.as(all, HANDLE),
        () => {
          koffi.unregister(callback);
          CloseHandle(event);
        },
      );
    };
    if (stopped) stop();
  })().catch(() => undefined);
  return () => {
    if (stopped) return;
    stopped = true;
    stop();
  };
}

// The router over Electron's IPC: one ipcMain.handle per contract channel, events sent to
// every window. A call from any frame but our own page's main frame is refused.

import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../app/ipc/channels';
import { englishText, messageRef } from '../../app/ras/app-messages';
import type { Core } from '../app-core';

/** Whether the call comes from the main frame of a page we loaded ourselves. */
export function isOwnFrame(event: IpcMainInvokeEvent, appUrlPrefix: string): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && frame.url.startsWith(appUrlPrefix);
}

export function connectIpc(
  core: Core,
  appUrlPrefix: string,
  log: (message: string) => void,
): () => void {
  const known = new Set<string>();
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isOwnFrame(event, appUrlPrefix)) {
        log(
          `refused ${channel} from a frame that is not ours (${event.senderFrame?.url ?? 'unknown'})`,
        );
        const text = messageRef('ipc.notOurPage');
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            name: 'INVALID_INPUT',
            message: englishText(text),
            ...text,
          },
        };
      }
      const client = `window:${event.sender.id}`;
      if (!known.has(client)) {
        known.add(client);
        // A closed window's requests (statistics it was shown) end with it.
        event.sender.once('destroyed', () => {
          known.delete(client);
          core.router.dropClient(client);
        });
      }
      return core.router.handle(channel, payload, client);
    });
  }
  const removeSink = core.addSink((event, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      if (!window.isDestroyed()) window.webContents.send(event, payload);
  });
  return () => {
    removeSink();
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

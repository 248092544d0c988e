// The only door between the window and main: window.ras, built from the contract's
// channel names. Nothing else is exposed; ipcRenderer itself never reaches the page.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isInvokeChannel } from '../app/ipc/channels';
import type { RasApi } from '../app/ipc/contract';

const api: RasApi = {
  invoke(channel, payload) {
    if (!isInvokeChannel(channel))
      return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, payload);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
};

contextBridge.exposeInMainWorld('ras', api);

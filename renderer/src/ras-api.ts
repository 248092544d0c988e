// The one way the window reaches the world: window.ras from the Electron preload, or the
// same API over the headless host's WebSocket in browser mode.

import type { RasApi } from '../../app/ipc/contract';
import { createWsApi } from './transport/ws-api';

declare global {
  interface Window {
    ras?: RasApi;
  }
}

let api: RasApi | null = null;

export function rasApi(): RasApi {
  api ??= window.ras ?? createWsApi(window.location);
  return api;
}

/** Tests put a fake API in place. */
export function setRasApi(fake: RasApi | null): void {
  api = fake;
}

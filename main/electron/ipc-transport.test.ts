// The Electron transport lets only our own page's main frame reach the router: calls on every
// channel from sub-frames, other pages and frames that are gone are refused before validation.

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { electronMock, FakeWebContents } from '../../tests/mocks/electron';
import { INVOKE_CHANNELS } from '../../app/ipc/channels';
import type { Core } from '../app-core';
import { connectIpc } from './ipc-transport';

vi.mock('electron', () => import('../../tests/mocks/electron'));

const APP = 'file:///opt/RAS%20Connect/resources/app.asar/out/renderer/index.html';

describe('Electron IPC transport', () => {
  it('refuses every channel to any frame that is not our page’s main frame', async () => {
    const handle = vi.fn(async () => ({ ok: true, value: null }));
    const core = { router: { handle, dropClient: vi.fn() }, addSink: () => () => {} };
    const logged: string[] = [];
    const disconnect = connectIpc(core as unknown as Core, APP, (m) => logged.push(m));
    const ours = new FakeWebContents();
    (ours.mainFrame as { url: string }).url = APP;
    const frames = fc.oneof(
      // A sub-frame of our own page, even at our own address.
      fc.webUrl().map((url) => ({ sender: ours, senderFrame: { url } })),
      fc.constant({ sender: ours, senderFrame: { url: APP } }),
      // The main frame of a page that is not ours (a window that navigated, or another one).
      fc.webUrl().map((url) => {
        const other = new FakeWebContents();
        (other.mainFrame as { url: string }).url = url;
        return { sender: other, senderFrame: other.mainFrame };
      }),
      // A frame that went away before the call arrived.
      fc.constant({ sender: ours, senderFrame: null }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...INVOKE_CHANNELS),
        frames,
        fc.anything(),
        async (channel, event, payload) => {
          const answer = await electronMock.handlers.get(channel)!(event, payload);
          expect(answer).toMatchObject({
            ok: false,
            error: { code: 'INVALID_INPUT', key: 'ipc.notOurPage', params: {} },
          });
        },
      ),
      { numRuns: 1000 },
    );
    expect(handle).not.toHaveBeenCalled();
    expect(logged.every((m) => m.startsWith('refused '))).toBe(true);
    // Our main frame does get through.
    await electronMock.handlers.get('app:info')!({ sender: ours, senderFrame: ours.mainFrame }, {});
    expect(handle).toHaveBeenCalledWith('app:info', {}, `window:${ours.id}`);
    disconnect();
  });
});

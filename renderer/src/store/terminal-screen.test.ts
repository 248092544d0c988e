// The window's copy of each terminal window: the remote side's text as it comes, its end kept.

import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test-utils';
import { connectStore, TERMINAL_KEEP_CHARS, terminalSend, useAppStore } from './app-store';

describe('renderer store: terminal windows', () => {
  it('adds what the remote side prints to its connection, keeps the latest flags and the end', async () => {
    const api = fakeApi({ 'phonebook:books': () => [] });
    await connectStore(api);
    const out = (
      id: string,
      text: string,
      flags: Partial<Record<'hideInput' | 'ready', boolean>>,
    ) =>
      api.emit('connection:terminal-output', {
        id,
        text,
        hideInput: false,
        ready: false,
        closed: false,
        ...flags,
      });
    out('c1', 'Username: ', {});
    out('c2', 'other', {});
    out('c1', 'alice\r\nPassword: ', { hideInput: true });
    expect(useAppStore.getState().terminals.c1).toEqual({
      text: 'Username: alice\r\nPassword: ',
      hideInput: true,
      ready: false,
      closed: false,
    });
    expect(useAppStore.getState().terminals.c2!.text).toBe('other');
    out('c1', 'x'.repeat(TERMINAL_KEEP_CHARS), { ready: true });
    const kept = useAppStore.getState().terminals.c1!;
    expect(kept.text).toHaveLength(TERMINAL_KEEP_CHARS);
    expect(kept).toMatchObject({ hideInput: false, ready: true });
  });

  it('sends a typed line with a CR, as a terminal sends Enter', async () => {
    const api = fakeApi();
    await terminalSend(api, 'c1', 'alice');
    expect(api.calls).toEqual([
      { channel: 'connection:terminal-send', payload: { id: 'c1', text: 'alice\r' } },
    ]);
  });
});

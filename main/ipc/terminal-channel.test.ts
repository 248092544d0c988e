// The terminal window over IPC: `connection:terminal-send` types into the port of a dial paused
// in Interactive, `connection:terminal-output` brings the remote side's text to every window.

import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../app/ipc/channels';
import { simulatedCore, until, type TestCore } from '../../tests/support/core';

let test: TestCore | undefined;
afterEach(async () => {
  await test?.dispose();
  test = undefined;
});

describe('IPC: the terminal window', () => {
  it('types the login through connection:terminal-send and hears the remote side as events', async () => {
    test = await simulatedCore();
    const { core } = test;
    const events: { event: EventName; payload: unknown }[] = [];
    core.addSink((event, payload) => events.push({ event, payload }));
    const printed = () =>
      events
        .filter((e) => e.event === 'connection:terminal-output')
        .map((e) => e.payload as { id: string; text: string; ready: boolean; closed: boolean });
    const dialed = await core.router.handle(
      'connection:dial',
      {
        entryName: 'Terminal window',
        credentials: { userName: 'alice', password: 'secret', domain: '' },
      },
      'test',
    );
    const { id } = (dialed as { ok: true; value: { id: string } }).value;
    await until(() => core.manager.get(id)?.paused?.kind === 'interactive');
    await until(() => printed().length > 0);
    expect(printed()[0]).toMatchObject({ id, ready: false, closed: false });
    for (const text of ['alice\r', 'secret\r'])
      expect(await core.router.handle('connection:terminal-send', { id, text }, 'test')).toEqual({
        ok: true,
        value: null,
      });
    expect(printed().at(-1)).toMatchObject({ id, ready: true });
    expect(JSON.stringify(printed())).not.toContain('secret');
    expect(
      await core.router.handle(
        'connection:resume',
        { id, answer: { kind: 'interactive' } },
        'test',
      ),
    ).toMatchObject({ ok: true });
    await until(() => core.manager.get(id)?.status === 'connected');
    expect(
      await core.router.handle('connection:terminal-send', { id, text: 'x\r' }, 'test'),
    ).toMatchObject({ ok: false, error: { code: 'NOT_PAUSED' } });
  });

  it('refuses a payload that is not a short piece of text for a connection', async () => {
    test = await simulatedCore();
    for (const payload of [
      { id: 'c1', text: '' },
      { id: 'c1', text: 'x'.repeat(513) },
      { id: 'c1' },
    ])
      expect(
        await test.core.router.handle('connection:terminal-send', payload, 'test'),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

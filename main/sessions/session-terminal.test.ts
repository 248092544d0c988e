// The session engine's part in the terminal window and the EAP method: typed text reaches the
// port of the paused dial, what the remote side prints comes back by connection id.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedWorld, type SimulatedWorld } from '../../tests/support/simulated';
import type { RasBackend } from '../ras/backend';
import type { ConnectionStatus, ConnectionView } from './connections-store';
import { SessionManager } from './session-manager';

let world: SimulatedWorld;
let manager: SessionManager;
let printed: { id: string; text: string; hideInput: boolean; ready: boolean }[];
let stop: () => void;
const good = { userName: 'alice', password: 'secret', domain: '' };

beforeEach(async () => {
  world = await simulatedWorld();
  manager = new SessionManager({ backend: world.backend, clock: world.clock });
  printed = [];
  stop = manager.watchTerminal((o) => printed.push(o));
});
afterEach(async () => {
  stop();
  manager.dispose();
  await world.cleanup();
});

const view = (id: string): ConnectionView => manager.get(id)!;
const until = (id: string, ...statuses: ConnectionStatus[]) =>
  world.clock.runUntil(() => statuses.includes(view(id).status));

async function dial(entryName: string): Promise<string> {
  let id: string | null = null;
  const dialing = manager.dial({ entryName, credentials: good }).then((v) => (id = v));
  await world.clock.runUntil(() => id !== null);
  await dialing;
  return id!;
}

describe('session engine: the terminal window', () => {
  it('sends typed lines to the paused dial and hears the remote side by connection id', async () => {
    const id = await dial('Terminal window');
    await until(id, 'paused');
    expect(view(id).paused!.kind).toBe('interactive');
    expect(printed.at(-1)).toMatchObject({ id, ready: false });
    await manager.terminalSend(id, 'alice\r');
    expect(printed.at(-1)).toMatchObject({ id, text: 'alice\r\nPassword: ', hideInput: true });
    await manager.terminalSend(id, 'secret\r');
    expect(printed.at(-1)).toMatchObject({ id, ready: true });
    await manager.resume(id, { kind: 'interactive' });
    await until(id, 'connected');
  });

  it('continued without the login, the dial ends with 718', async () => {
    const id = await dial('Terminal window');
    await until(id, 'paused');
    await manager.resume(id, { kind: 'interactive' });
    await until(id, 'disconnected');
    expect(view(id).error?.code).toBe(718);
  });

  it('refuses typed text for a connection that is not in its terminal window', async () => {
    const id = await dial('Office VPN');
    await expect(manager.terminalSend(id, 'x\r')).rejects.toMatchObject({ code: 'NOT_PAUSED' });
    await until(id, 'connected');
    await expect(manager.terminalSend(id, 'x\r')).rejects.toMatchObject({ code: 'NOT_PAUSED' });
    await expect(manager.terminalSend('c999', 'x\r')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('says plainly that a backend without a terminal (Windows) cannot send', async () => {
    // The same backend with no terminal, as the Win32 one has none.
    const bare = Object.assign(Object.create(world.backend) as RasBackend, { terminal: undefined });
    const m = new SessionManager({ backend: bare, clock: world.clock });
    expect(m.watchTerminal(() => undefined)).toBeTypeOf('function');
    await expect(m.terminalSend('c1', 'x\r')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    m.dispose();
  });
});

describe('session engine: the EAP method asks again', () => {
  it('counts the times the token card was asked for in `retry`', async () => {
    const id = await dial('EAP sign-in');
    await until(id, 'paused');
    expect(view(id).paused).toMatchObject({ kind: 'eap', retry: 1 });
    await manager.resume(id, { kind: 'eap', tokenCard: { userName: 'alice', code: '000000' } });
    await world.clock.runUntil(() => view(id).paused?.retry === 2);
    await manager.resume(id, { kind: 'eap', tokenCard: { userName: 'alice', code: '135790' } });
    await until(id, 'connected');
  });
});

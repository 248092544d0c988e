// The simulated server's terminal window (the remote side's login in Interactive) and its EAP
// method (the token card in InvokeEapUI), on the manual clock.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RasState as S } from '../../../app/ras/connection-state';
import {
  resumeDial,
  runDial,
  simulatedWorld,
  type Recorded,
  type SimulatedWorld,
} from '../../../tests/support/simulated';
import type { DialRequest, PausedAnswer, TerminalOutput } from '../backend';
import { TERMINAL_HANG_UP_MS } from './simulated-server';

let world: SimulatedWorld;
let output: TerminalOutput[];
beforeEach(async () => {
  world = await simulatedWorld();
  output = [];
  world.backend.terminal.watch((o) => output.push(o));
});
afterEach(() => world.cleanup());

const run = (entry: string, extra: Partial<DialRequest> = {}) => runDial(world, entry, extra);
const resume = (r: Recorded, answer: PausedAnswer) => resumeDial(world, r, answer);

/** Everything the remote side printed to this dial, line ends as a terminal shows them. */
const screen = (r: Recorded) =>
  output
    .filter((o) => o.handle === r.handle)
    .map((o) => o.text)
    .join('')
    .replace(/\r\n/g, '\n');
const lastOutput = () => output.at(-1)!;

describe('simulated terminal window', () => {
  it('greets with a login prompt, echoes the user name, hides the password, starts PPP', async () => {
    const r = await run('Terminal window');
    expect(r.last()!.state).toBe(S.Interactive);
    expect(screen(r)).toMatch(/simulated terminal server[\s\S]*\nUsername: $/);
    expect(lastOutput()).toMatchObject({ hideInput: false, ready: false });
    await world.backend.terminal.send(r.handle, 'alice\r');
    expect(screen(r)).toMatch(/Username: alice\nPassword: $/);
    expect(lastOutput()).toMatchObject({ hideInput: true, ready: false });
    await world.backend.terminal.send(r.handle, 'secret\r');
    expect(screen(r)).not.toContain('secret');
    expect(screen(r)).toMatch(/Welcome, alice\.\nStarting PPP\.\.\.\n$/);
    expect(lastOutput()).toMatchObject({ hideInput: false, ready: true });
    await resume(r, { kind: 'interactive' });
    expect(r.last()).toMatchObject({ state: S.Connected, error: 0 });
  });

  it('reads a line typed in pieces, takes LF or CR LF for Enter, and re-prompts on an empty line', async () => {
    const r = await run('Terminal window', { userName: 'Bob', password: 'pw' });
    await world.backend.terminal.send(r.handle, '\n');
    expect(screen(r)).toMatch(/Username: \nUsername: $/);
    await world.backend.terminal.send(r.handle, 'b');
    await world.backend.terminal.send(r.handle, 'ob\r\n');
    await world.backend.terminal.send(r.handle, 'pw\n');
    // The user name compares without case, as the dial's does.
    expect(lastOutput().ready).toBe(true);
  });

  it('says "Login incorrect" and asks again; the third wrong login hangs up with 691', async () => {
    const r = await run('Terminal window');
    for (const [user, password] of [
      ['alice', 'guess'],
      ['mallory', 'secret'],
    ]) {
      await world.backend.terminal.send(r.handle, `${user}\r${password}\r`);
      expect(screen(r)).toMatch(/Login incorrect\n\nUsername: $/);
      expect(r.last()!.state).toBe(S.Interactive);
    }
    await world.backend.terminal.send(r.handle, 'alice\rwrong\r');
    expect(screen(r)).toMatch(/Too many failed logins\. Goodbye\.\n$/);
    await world.clock.advance(TERMINAL_HANG_UP_MS);
    expect(r.last()).toMatchObject({ state: S.Interactive, error: 691 });
    await expect(world.backend.resume(r.handle, { kind: 'interactive' })).rejects.toMatchObject({
      code: 756,
    });
  });

  it('refuses "wrong" even when the dial was made with it', async () => {
    const r = await run('Terminal window', { password: 'wrong' });
    await world.backend.terminal.send(r.handle, 'alice\rwrong\r');
    expect(screen(r)).toMatch(/Login incorrect/);
  });

  it('hangs up with 629 when the person types "bye" at the Username prompt', async () => {
    const r = await run('Terminal window');
    await world.backend.terminal.send(r.handle, 'BYE\r');
    expect(screen(r)).toMatch(/Goodbye\.\n$/);
    expect(lastOutput()).toMatchObject({ closed: true, ready: false });
    await world.clock.advance(TERMINAL_HANG_UP_MS);
    expect(r.last()).toMatchObject({ state: S.Interactive, error: 629 });
  });

  it('continued before the login, fails in Authenticate with 718 (PPP gets no answer)', async () => {
    const r = await run('Terminal window');
    await world.backend.terminal.send(r.handle, 'alice\r');
    await resume(r, { kind: 'interactive' });
    expect(r.states().slice(-2)).toEqual(['Authenticate', 'Authenticate!718']);
  });

  it('refuses typed text when the dial is not in its terminal window', async () => {
    const r = await run('Office VPN');
    await expect(world.backend.terminal.send(r.handle, 'x\r')).rejects.toMatchObject({
      code: 756,
    });
    const t = await run('Terminal window');
    await world.backend.hangUp(t.handle);
    await expect(world.backend.terminal.send(t.handle, 'x\r')).rejects.toMatchObject({
      code: 756,
    });
    expect(screen(t)).not.toContain('x');
  });
});

describe('simulated EAP method: the token card', () => {
  it.each<[{ userName: string; code: string } | undefined, string]>([
    [{ userName: 'alice', code: '000000' }, 'the refused code'],
    [{ userName: 'alice', code: '12345' }, 'five digits'],
    [{ userName: 'alice', code: '12345a' }, 'a letter'],
    [{ userName: '  ', code: '123456' }, 'no user name'],
    [undefined, 'no data (eap=done)'],
  ])('asks again after %j (%s); the third refusal ends with 691', async (tokenCard) => {
    const r = await run('EAP sign-in');
    const answer: PausedAnswer = tokenCard ? { kind: 'eap', tokenCard } : { kind: 'eap' };
    await resume(r, answer);
    expect(r.states().slice(-2)).toEqual(['AuthNotify', 'InvokeEapUI']);
    await resume(r, answer);
    expect(r.states().slice(-2)).toEqual(['AuthNotify', 'InvokeEapUI']);
    await resume(r, answer);
    expect(r.last()).toMatchObject({ state: S.AuthNotify, error: 691 });
  });

  it('signs in as the token card user: a refused account is refused as the dial rules say', async () => {
    const r = await run('EAP sign-in');
    await resume(r, { kind: 'eap', tokenCard: { userName: 'nodialin', code: '654321' } });
    expect(r.last()).toMatchObject({ error: 649 });
  });

  it('connects after a refused code and then a good one', async () => {
    const r = await run('EAP sign-in');
    await resume(r, { kind: 'eap', tokenCard: { userName: 'alice', code: '000000' } });
    await resume(r, { kind: 'eap', tokenCard: { userName: 'alice', code: '246810' } });
    expect(r.last()).toMatchObject({ state: S.Connected, error: 0 });
  });
});

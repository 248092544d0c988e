import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulatedCore, type TestCore } from '../tests/support/core';
import type { Core } from './app-core';
import { hasActions, parseLaunchOptions, runLaunchOptions } from './launch-options';

describe('launch options', () => {
  it('reads --dial and --hang-up (repeated, either spelling) among Electron’s own arguments', () => {
    const options = parseLaunchOptions([
      'C:\\Program Files\\RAS Connect\\RAS Connect.exe',
      '--allow-file-access-from-files',
      '--dial',
      'Office VPN',
      '--dial=Dial-up',
      '--hang-up',
      'Home Broadband',
      '--original-process-start-time=1337',
    ]);
    expect(options).toEqual({
      hidden: false,
      dial: ['Office VPN', 'Dial-up'],
      hangUp: ['Home Broadband'],
      phonebook: undefined,
    });
    expect(hasActions(options)).toBe(true);
  });

  it('reads --hidden and --phonebook, and ignores a --dial without a name', () => {
    const options = parseLaunchOptions(['app', '--hidden', '--phonebook', '/x.pbk', '--dial']);
    expect(options).toEqual({ hidden: true, dial: [], hangUp: [], phonebook: '/x.pbk' });
    expect(hasActions(options)).toBe(false);
  });
});

describe('acting on launch options', () => {
  let test: TestCore;
  let core: Core;
  const logged: string[] = [];
  beforeEach(async () => {
    test = await simulatedCore();
    core = test.core;
    logged.length = 0;
  });
  afterEach(() => test.dispose());

  it('dials the entries named, finding their phonebook, and hangs them up again', async () => {
    await runLaunchOptions(core, parseLaunchOptions(['app', '--dial', 'busy LINE']), (m) =>
      logged.push(m),
    );
    expect(core.manager.list().map((c) => c.entryName)).toEqual(['Busy line']);
    await runLaunchOptions(core, parseLaunchOptions(['app', '--dial', 'Office VPN']), (m) =>
      logged.push(m),
    );
    for (let i = 0; i < 200 && !core.manager.list().some((c) => c.status === 'paused'); i++)
      await new Promise((r) => setTimeout(r, 5));
    await runLaunchOptions(core, parseLaunchOptions(['app', '--hang-up', 'Office VPN']), (m) =>
      logged.push(m),
    );
    const vpn = core.manager.list().find((c) => c.entryName === 'Office VPN');
    expect(vpn?.status).toBe('disconnected');
    expect(logged).toEqual([]);
  });

  it('says which entry could not be dialed or hung up', async () => {
    await runLaunchOptions(
      core,
      parseLaunchOptions(['app', '--dial', 'Nope', '--hang-up', 'Dial-up']),
      (m) => logged.push(m),
    );
    expect(logged).toEqual([
      '--hang-up "Dial-up": "Dial-up" is not connected.',
      expect.stringMatching(/^--dial "Nope": .*entry/i),
    ]);
  });
});

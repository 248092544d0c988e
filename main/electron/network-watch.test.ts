import type os from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { net, resetElectronMock } from '../../tests/mocks/electron';
import { ManualClock } from '../clock';
import { NETWORK_POLL_MS, watchNetwork } from './network-watch';

vi.mock('electron', () => import('../../tests/mocks/electron'));

type Interfaces = NodeJS.Dict<os.NetworkInterfaceInfo[]>;
const address = (address: string, internal = false) =>
  ({ address, internal, family: 'IPv4' }) as os.NetworkInterfaceInfo;
const loopbackOnly: Interfaces = { lo: [address('127.0.0.1', true)] };
const wired: Interfaces = { ...loopbackOnly, eth0: [address('192.168.1.20')] };
const wifi: Interfaces = { ...loopbackOnly, wlan0: [address('10.0.0.7')] };

let clock: ManualClock;
let interfaces: Interfaces;
beforeEach(() => {
  resetElectronMock();
  clock = new ManualClock();
  interfaces = wired;
});

const watch = () =>
  watchNetwork(clock, { isOnline: () => net.isOnline(), interfaces: () => interfaces });

describe('network watch', () => {
  it("is online with Electron's net online and an address outside loopback", () => {
    const network = watch();
    expect(network.online()).toBe(true);
    net.isOnline.mockReturnValue(false);
    expect(network.online()).toBe(false);
    net.isOnline.mockReturnValue(true);
    interfaces = loopbackOnly;
    expect(network.online()).toBe(false);
    network.stop();
  });

  it('tells of a change of the online state or of the interfaces, once per change', async () => {
    const network = watch();
    const heard = vi.fn();
    network.subscribe(heard);
    await clock.advance(NETWORK_POLL_MS * 3);
    expect(heard).not.toHaveBeenCalled();
    net.isOnline.mockReturnValue(false);
    await clock.advance(NETWORK_POLL_MS);
    expect(heard).toHaveBeenCalledTimes(1);
    net.isOnline.mockReturnValue(true);
    interfaces = wifi;
    await clock.advance(NETWORK_POLL_MS * 3);
    expect(heard).toHaveBeenCalledTimes(2);
    network.stop();
    interfaces = wired;
    await clock.advance(NETWORK_POLL_MS * 3);
    expect(heard).toHaveBeenCalledTimes(2);
    expect(clock.pending).toBe(0);
  });

  it("uses Electron's net and the system's interfaces by default", () => {
    const network = watchNetwork(clock);
    net.isOnline.mockReturnValue(false);
    expect(network.online()).toBe(false);
    expect(net.isOnline).toHaveBeenCalled();
    network.stop();
  });
});

import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EntrySummary, Payload } from '../../../app/ipc/contract';
import { fakeApi, renderIn, type FakeApi } from '../test-utils';
import { ImportDialog, splitNames } from './transfer-dialogs';

/** Browser mode's WebSocket refuses a message over this (main/headless/headless-server.ts). */
const MESSAGE_LIMIT = 1 << 20;

const longName = (i: number) => `${String(i).padStart(5, '0')} ${'Ж'.repeat(250)}`;

function entries(count: number): EntrySummary[] {
  return Array.from({ length: count }, (_, i) => ({
    name: longName(i),
    phonebook: '/tmp/big.pbk',
    type: 'vpn' as const,
    destination: 'vpn.example.com',
  }));
}

async function openImport(count: number): Promise<FakeApi> {
  const api = fakeApi({
    'file:choose': () => ({ file: '/tmp/big.pbk' }),
    'phonebook:preview': () => entries(count),
    'phonebook:import': ({ names }) => ({
      imported: (names ?? entries(count).map((e) => e.name)).map((n) => ({ from: n, as: n })),
      skipped: [],
    }),
  });
  renderIn('en', <ImportDialog phonebook="/home/p/rasphone.pbk" />);
  fireEvent.click(screen.getByRole('button', { name: 'Choose the file…' }));
  await screen.findByText('Import from /tmp/big.pbk');
  return api;
}

/** The n-th entry's checkbox (a role query over 5,000 of them is far too slow in jsdom). */
function checkbox(n: number): HTMLInputElement {
  const box = document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[n]!;
  expect(box.parentElement!.textContent).toContain(longName(n));
  return box;
}

/** The bytes browser mode's transport sends for one invoke. */
const wireSize = (payload: unknown) =>
  new TextEncoder().encode(
    JSON.stringify({ type: 'invoke', id: 1, channel: 'phonebook:import', payload }),
  ).length;

const importCalls = (api: FakeApi) =>
  api.calls
    .filter((c) => c.channel === 'phonebook:import')
    .map((c) => c.payload as Payload<'phonebook:import'>);

async function submit(api: FakeApi, calls: number): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  await expect.poll(() => importCalls(api).length).toBe(calls);
}

describe('the Import dialog with a large selection', () => {
  it('imports 5,000 pre-selected entries with long names in one request that fits browser mode', async () => {
    const api = await openImport(5_000);
    await submit(api, 1);
    const [call] = importCalls(api);
    expect(wireSize(call)).toBeLessThan(MESSAGE_LIMIT);
    // Every entry of the file is chosen: the whole file, in one write.
    expect(call).toEqual({
      phonebook: '/home/p/rasphone.pbk',
      file: '/tmp/big.pbk',
      names: null,
      clash: 'rename',
    });
  }, 60_000);

  it('splits a large partial selection into requests under the limit, names in order', async () => {
    const api = await openImport(5_000);
    fireEvent.click(checkbox(17));
    const chosen = entries(5_000)
      .map((e) => e.name)
      .filter((n) => n !== longName(17));
    // ~2.5 MB of names: more than browser mode takes in one message.
    expect(wireSize({ names: chosen })).toBeGreaterThan(MESSAGE_LIMIT);
    await submit(api, splitNames(chosen).length);
    const calls = importCalls(api);
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) {
      expect(wireSize(call)).toBeLessThan(MESSAGE_LIMIT);
      expect(call).toMatchObject({ phonebook: '/home/p/rasphone.pbk', file: '/tmp/big.pbk' });
    }
    expect(calls.flatMap((c) => c.names)).toEqual(chosen);
  }, 60_000);

  it('stops at a part that fails and shows its message', async () => {
    let n = 0;
    const api = fakeApi({
      'file:choose': () => ({ file: '/tmp/big.pbk' }),
      'phonebook:preview': () => entries(5_000),
      'phonebook:import': () =>
        ++n === 2
          ? {
              ok: false,
              error: { code: 'INVALID_INPUT', name: 'INVALID_INPUT', message: 'Part two failed.' },
            }
          : { imported: [], skipped: [] },
    });
    renderIn('en', <ImportDialog phonebook="/home/p/rasphone.pbk" />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose the file…' }));
    await screen.findByText('Import from /tmp/big.pbk');
    fireEvent.click(checkbox(0));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await expect
      .poll(() => document.querySelector('[role="alert"]')?.textContent, { timeout: 10_000 })
      .toBe('Part two failed.');
    expect(importCalls(api)).toHaveLength(2);
  }, 60_000);
});

describe('splitNames', () => {
  it('keeps every name once, in order, each part within the budget', () => {
    const names = entries(5_000).map((e) => e.name);
    const parts = splitNames(names);
    expect(parts.flat()).toEqual(names);
    for (const part of parts)
      expect(new TextEncoder().encode(JSON.stringify(part)).length).toBeLessThanOrEqual(512 * 1024);
    // The worst case the contract allows: 100,000 names of 256 characters that JSON escapes
    // to six bytes each (~154 MB) still goes in parts under the limit.
    const worst = Array.from({ length: 100_000 }, (_, i) =>
      (String(i) + '\u0001'.repeat(256)).slice(0, 256),
    );
    const worstParts = splitNames(worst);
    expect(worstParts.flat()).toHaveLength(100_000);
    expect(
      Math.max(...worstParts.map((p) => new TextEncoder().encode(JSON.stringify(p)).length)),
    ).toBeLessThanOrEqual(512 * 1024);
    expect(splitNames([])).toEqual([]);
  });
});

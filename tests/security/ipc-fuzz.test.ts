// Every IPC channel, fuzzed through the router with fast-check: a valid call is taken apart
// (a field of the wrong type, a required field missing, an extra field — `__proto__` and
// `constructor` among them —, a huge string, deep nesting, not an object at all). Each must be
// refused as invalid input, change nothing (settings, connections, files on disk), pollute no
// prototype, and leave no payload in the log or the answer. FUZZ_RUNS sets the cases per
// channel (1,000 by default, as in CI).

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../app/ipc/channels';
import { contract, defaultSettings } from '../../app/ipc/contract';
import type { RasEntry } from '../../app/phonebook/entry';
import { simulatedCore, type TestCore } from '../support/core';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
type Key = string | number;
type Path = Key[];

let test: TestCore;
let entry: RasEntry;
beforeAll(async () => {
  test = await simulatedCore();
  const got = await test.core.router.handle('phonebook:get', { name: 'Dial-up' }, 'fuzz');
  if (!got.ok) throw new Error('no Dial-up entry to start from');
  entry = (got.value as { entry: RasEntry }).entry;
});
afterAll(() => test.dispose());

interface Sample {
  payload: unknown;
  /** Fields that may be left out. */
  optional?: string[];
  /** Fields where null is a valid value. */
  nullable?: string[];
}

/** One valid call per channel, naming things that exist, so a mutant let through would act. */
function samples(): Record<InvokeChannel, Sample> {
  const book = { phonebook: path.join(test.dir, 'rasphone.pbk') };
  const file = path.join(test.dir, 'other.pbk');
  return {
    'app:info': { payload: {} },
    'ras:devices': { payload: {} },
    'ras:countries': { payload: {} },
    'phonebook:list': { payload: book, optional: ['phonebook'] },
    'phonebook:get': { payload: { ...book, name: 'Dial-up' }, optional: ['phonebook'] },
    'phonebook:create': {
      payload: { ...book, entry: { ...entry, name: 'Fuzzed' }, revision: 'r' },
      optional: ['phonebook', 'revision'],
    },
    'phonebook:update': {
      payload: { ...book, originalName: 'Dial-up', entry, revision: 'r' },
      optional: ['phonebook', 'revision'],
    },
    'phonebook:rename': {
      payload: { ...book, name: 'Dial-up', newName: 'Renamed', revision: 'r' },
      optional: ['phonebook', 'revision'],
    },
    'phonebook:copy': { payload: { ...book, name: 'Dial-up' }, optional: ['phonebook'] },
    'phonebook:delete': {
      payload: { ...book, name: 'Dial-up', revision: 'r' },
      optional: ['phonebook', 'revision'],
    },
    'phonebook:books': { payload: {} },
    'phonebook:open': { payload: { file } },
    'phonebook:close': { payload: { phonebook: file } },
    'phonebook:set-credentials': {
      payload: { ...book, name: 'Dial-up', userName: 'alice', domain: 'D', password: 'pw' },
      optional: ['phonebook', 'password'],
    },
    'phonebook:preview': { payload: { file } },
    'phonebook:import': {
      payload: { ...book, file, names: ['Dial-up'], clash: 'rename' },
      optional: ['phonebook'],
      nullable: ['names'],
    },
    'phonebook:powershell': { payload: { ...book, name: 'Office VPN' }, optional: ['phonebook'] },
    'phonebook:export': {
      payload: { ...book, file, names: ['Dial-up'] },
      optional: ['phonebook'],
    },
    'file:choose': { payload: { purpose: 'open' } },
    'connection:list': { payload: {} },
    'connection:dial': {
      payload: {
        ...book,
        entryName: 'Dial-up',
        credentials: { userName: 'alice', password: 'pw', domain: '' },
        phoneNumber: '555',
      },
      optional: ['phonebook', 'credentials', 'phoneNumber'],
    },
    'connection:resume': {
      payload: {
        id: 'c1',
        answer: { kind: 'retry-authentication', userName: 'a', password: 'p', domain: '' },
      },
    },
    'connection:hang-up': { payload: { id: 'c1' } },
    'connection:redial-now': { payload: { id: 'c1' } },
    'connection:terminal-send': { payload: { id: 'c1', text: 'alice\r' } },
    'connection:statistics': { payload: { id: 'c1' } },
    'connection:watch-statistics': { payload: { id: 'c1' }, nullable: ['id'] },
    'history:list': { payload: { ...book, name: 'Dial-up' }, optional: ['phonebook', 'name'] },
    // A phone entry: the doctor probes no server for it.
    'doctor:run': {
      payload: { ...book, name: 'Dial-up', code: 691, runId: 'r1' },
      optional: ['phonebook', 'code'],
    },
    'diagnostics:export': { payload: { file: path.join(test.dir, 'diagnostics.zip') } },
    'settings:get': { payload: {} },
    'settings:set': {
      payload: {
        ...defaultSettings,
        favourites: [{ phonebook: book.phonebook, name: 'Dial-up' }],
        openedPhonebooks: [file],
      },
      optional: Object.keys(defaultSettings),
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every place in a value: its path and what is there. */
function places(value: unknown, at: Path = []): { path: Path; value: unknown }[] {
  const children = Array.isArray(value)
    ? value.flatMap((v, i) => places(v, [...at, i]))
    : isObject(value)
      ? Object.entries(value).flatMap(([k, v]) => places(v, [...at, k]))
      : [];
  return [{ path: at, value }, ...children];
}

/** A deep copy with `change` applied to the parent of `at` (JSON-safe values only). */
function mutate(payload: unknown, at: Path, change: (parent: never, key: Key) => void): unknown {
  const copy = structuredClone(payload);
  let parent = copy as Record<Key, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  change(parent as never, at.at(-1)!);
  return copy;
}

const HUGE = 'x'.repeat(4 << 20);
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function nest(depth: number, inArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = inArray ? [value] : { deeper: value };
  return value;
}

/** Wrong, by construction, for this sample. */
function mutants(sample: Sample): fc.Arbitrary<{ what: string; payload: unknown }> {
  const all = places(sample.payload).filter((p) => p.path.length > 0);
  const top = (p: Path) => String(p[0]);
  const optional = (p: Path) => p.length === 1 && (sample.optional ?? []).includes(top(p));
  const nullable = (p: Path) => p.length === 1 && (sample.nullable ?? []).includes(top(p));
  const wrongValue = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.string({ maxLength: 20 }),
    fc.constant(null),
    fc.bigInt(),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  );
  const choices: fc.Arbitrary<{ what: string; payload: unknown }>[] = [
    fc
      .oneof(
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(fc.anything(), { maxLength: 3 }),
        fc.constant(HUGE),
      )
      .map((payload) => ({ what: `payload ${kindOf(payload)}`, payload })),
  ];
  if (all.length > 0) {
    choices.push(
      fc
        .record({ place: fc.constantFrom(...all), to: wrongValue })
        .filter(({ place, to }) => kindOf(to) !== kindOf(place.value))
        .filter(({ place, to }) => !(to === null && nullable(place.path)))
        .map(({ place, to }) => ({
          what: `${place.path.join('.')} as ${kindOf(to)}`,
          payload: mutate(sample.payload, place.path, (parent: Record<Key, unknown>, key) => {
            parent[key] = to;
          }),
        })),
      fc
        .record({
          place: fc.constantFrom(...all),
          depth: fc.integer({ min: 50, max: 5000 }),
          inArray: fc.boolean(),
        })
        .map(({ place, depth, inArray }) => ({
          what: `${place.path.join('.')} nested ${depth} deep`,
          payload: mutate(sample.payload, place.path, (parent: Record<Key, unknown>, key) => {
            parent[key] = nest(depth, inArray);
          }),
        })),
    );
  }
  const strings = all.filter((p) => typeof p.value === 'string');
  if (strings.length > 0)
    choices.push(
      fc
        .record({
          place: fc.constantFrom(...strings),
          length: fc.integer({ min: 70_000, max: HUGE.length }),
        })
        .map(({ place, length }) => ({
          what: `${place.path.join('.')} ${length} characters long`,
          payload: mutate(sample.payload, place.path, (parent: Record<Key, unknown>, key) => {
            parent[key] = HUGE.slice(0, length);
          }),
        })),
    );
  const required = all.filter((p) => typeof p.path.at(-1) === 'string' && !optional(p.path));
  if (required.length > 0)
    choices.push(
      fc.constantFrom(...required).map((place) => ({
        what: `without ${place.path.join('.')}`,
        payload: mutate(sample.payload, place.path, (parent: Record<Key, unknown>, key) => {
          delete parent[key];
        }),
      })),
    );
  const objects = [{ path: [], value: sample.payload }, ...all].filter((p) => isObject(p.value));
  choices.push(
    fc
      .record({
        place: fc.constantFrom(...objects),
        key: fc.oneof(fc.constantFrom(...FORBIDDEN_KEYS), fc.string({ minLength: 1 })),
        value: fc.anything({ maxDepth: 2 }),
      })
      .filter(({ place, key }) => !Object.hasOwn(place.value as object, key))
      .map(({ place, key, value }) => ({
        what: `${[...place.path, key].join('.')} added`,
        payload: mutate(
          sample.payload,
          [...place.path, key],
          (parent: Record<Key, unknown>, name) => {
            // Defined, not assigned: `__proto__` must arrive as a key, as JSON.parse gives it.
            Object.defineProperty(parent, name, { value, enumerable: true, writable: true });
          },
        ),
      })),
  );
  return fc.oneof(...choices);
}

/** What a refused call must leave as it was. */
async function snapshot() {
  const files: Record<string, string> = {};
  for (const name of (await readdir(test.dir)).sort())
    if (!name.endsWith('.log'))
      files[name] = await readFile(path.join(test.dir, name), 'base64').catch(() => 'folder');
  return {
    settings: JSON.stringify(test.core.settings.get()),
    connections: test.core.manager.store.getState().version,
    files,
  };
}

describe('IPC payload fuzzing', () => {
  it('starts from a valid call on every channel', () => {
    const all = samples();
    expect(Object.keys(all).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS)
      expect(
        contract.invoke[channel].payload.safeParse(all[channel].payload).error,
        channel,
      ).toBeUndefined();
  });

  it.each(INVOKE_CHANNELS)(
    '%s refuses every malformed payload and changes nothing',
    async (channel) => {
      const sample = samples()[channel];
      const before = await snapshot();
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
      await fc.assert(
        fc.asyncProperty(mutants(sample), async ({ what, payload }) => {
          const logFrom = test.logged.length;
          const result = await test.core.router.handle(channel, payload, 'fuzz');
          expect(result, what).toMatchObject({
            ok: false,
            error: { code: 'INVALID_INPUT', message: expect.stringMatching(`^Invalid ${channel}`) },
          });
          if (!result.ok) expect(result.error.message.length, what).toBeLessThan(400);
          for (const line of test.logged.slice(logFrom))
            expect(line.length, `${what}: ${line.slice(0, 80)}`).toBeLessThan(400);
          expect(JSON.stringify(test.core.settings.get()), what).toBe(before.settings);
          expect(test.core.manager.store.getState().version, what).toBe(before.connections);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(await snapshot()).toEqual(before);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).deeper).toBeUndefined();
    },
    120_000,
  );
});

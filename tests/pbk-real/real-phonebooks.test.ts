// Real phonebooks from public repositories (tests/fixtures/pbk-real, sources in SOURCES.md),
// through the phonebook service as the window and the CLI use it: what Windows and scripts
// wrote must come back with every key line, and a save changes only what the person changed.

import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sectionToEntry, type RasEntry } from '../../app/phonebook/entry';
import { IDENTITY_KEYS } from '../../app/phonebook/entry-copy';
import { parsePbk, type PbkSection } from '../../app/phonebook/pbk-codec';
import { decodePbk } from '../../app/phonebook/pbk-encoding';
import { ManualClock } from '../../main/clock';
import { PhonebookService } from '../../main/phonebook/phonebook-service';
import { SimulatedRasBackend } from '../../main/ras/simulated/simulated-backend';

const corpus = fileURLToDir('../fixtures/pbk-real');
// The one file Windows cannot read either: a program wrote a whole entry on one line.
const MALFORMED = 'malformed-single-line-no-newlines-modernvpn.pbk';
const files = readdirSync(corpus).filter((f) => f.endsWith('.pbk') && f !== MALFORMED);

function fileURLToDir(relative: string): string {
  return new URL(relative, import.meta.url).pathname;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'ras-connect-real-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let serial = 0;

/** A service over a copy of `file` as its default phonebook. */
function serviceFor(file?: string): { service: PhonebookService; book: string } {
  const book = path.join(scratch, `${serial++}.pbk`);
  if (file) copyFileSync(path.join(corpus, file), book);
  const backend = new SimulatedRasBackend({
    defaultPhonebook: book,
    clock: new ManualClock(),
    speed: 0,
  });
  return { service: new PhonebookService(backend, null), book };
}

const textOf = (file: string): string => decodePbk(readFileSync(file)).text;
function sectionsOf(file: string): PbkSection[] {
  const parsed = parsePbk(textOf(file));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0]!.message}`);
  return parsed.document.sections.slice();
}
const keyLines = (s: PbkSection, except: readonly string[] = []): string[] =>
  s.lines.filter((l) => l.kind === 'key' && !except.includes(l.key)).map((l) => l.text);

/** The lines of `after` that differ from `before`: changed ones and added ones. */
function lineDiff(
  before: string,
  after: string,
): { changed: number; added: number; removed: number } {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const changed = Math.min(endA - start, endB - start);
  return { changed, added: endB - start - changed, removed: endA - start - changed };
}

/** One setting changed the way a person changes it in the editor or with `phonebook edit`. */
const EDITS: [string, (e: RasEntry) => Partial<RasEntry>][] = [
  ['redial attempts', (e) => ({ redialAttempts: e.redialAttempts + 1 })],
  ['data encryption', (e) => ({ encryption: e.encryption === 256 ? 512 : 256 })],
  ['idle time', (e) => ({ idleDisconnectSeconds: e.idleDisconnectSeconds === 600 ? 1200 : 600 })],
  [
    'server',
    (e) => ({
      phoneNumbers:
        e.phoneNumbers.length > 0
          ? [{ ...e.phoneNumbers[0]!, number: 'edited.example.com' }, ...e.phoneNumbers.slice(1)]
          : e.phoneNumbers,
    }),
  ],
];

describe.each(files)('%s', (file) => {
  const sections = sectionsOf(path.join(corpus, file));

  it('is checked clean', async () => {
    const { service } = serviceFor();
    const result = await service.check(path.join(corpus, file));
    expect(result.problems).toEqual([]);
    expect(result.entries).toBe(sections.length);
  });

  it('is left byte for byte by a save without a change, entry by entry', async () => {
    const { service, book } = serviceFor(file);
    const before = readFileSync(book);
    for (const s of sections) {
      const { entry, revision } = await service.get(undefined, s.name);
      await service.update(undefined, s.name, entry, revision);
      expect(readFileSync(book).equals(before), s.name).toBe(true);
    }
  });

  it.each(EDITS)('changes one line (or adds one) for a change of the %s', async (_, edit) => {
    const { service, book } = serviceFor(file);
    for (const s of sections) {
      const before = textOf(book);
      const { entry, revision } = await service.get(undefined, s.name);
      const changed = { ...entry, ...edit(entry) };
      if (JSON.stringify(changed) === JSON.stringify(entry)) continue;
      await service.update(undefined, s.name, changed, revision);
      const diff = lineDiff(before, textOf(book));
      expect(diff.removed, s.name).toBe(0);
      expect(diff.changed + diff.added, s.name).toBe(1);
      expect((await service.get(undefined, s.name)).entry).toEqual(changed);
    }
  });

  it('keeps every key line through rename, copy and delete', async () => {
    const { service, book } = serviceFor(file);
    const first = sections[0]!;
    await service.rename(undefined, first.name, `${first.name} renamed`);
    let now = sectionsOf(book);
    const renamed = now.find((s) => s.name === `${first.name} renamed`)!;
    expect(keyLines(renamed)).toEqual(keyLines(first));
    const copyName = await service.copy(undefined, renamed.name);
    now = sectionsOf(book);
    const copy = now.find((s) => s.name === copyName)!;
    expect(keyLines(copy, IDENTITY_KEYS)).toEqual(keyLines(first, IDENTITY_KEYS));
    await service.delete(undefined, copyName);
    await service.delete(undefined, renamed.name);
    const rest = sectionsOf(book);
    expect(rest.map((s) => s.name)).toEqual(sections.slice(1).map((s) => s.name));
    rest.forEach((s, i) => expect(keyLines(s)).toEqual(keyLines(sections[i + 1]!)));
  });

  it('keeps every key line of every entry through export and import', async () => {
    const { service } = serviceFor(file);
    const exported = path.join(scratch, `${serial++}-export.pbk`);
    await service.export(
      undefined,
      sections.map((s) => s.name),
      exported,
    );
    const target = serviceFor();
    const result = await target.service.import(undefined, exported, null, 'rename');
    expect(result.imported.map((i) => i.as)).toEqual(sections.map((s) => s.name));
    const back = sectionsOf(target.book);
    back.forEach((s, i) => expect(keyLines(s), s.name).toEqual(keyLines(sections[i]!)));
    expect(back.map(sectionToEntry)).toEqual(sections.map(sectionToEntry));
  });

  it('keeps every key line when the whole file is imported into an empty phonebook', async () => {
    const target = serviceFor();
    await target.service.import(undefined, path.join(corpus, file), null, 'rename');
    const back = sectionsOf(target.book);
    expect(back.map((s) => s.name)).toEqual(sections.map((s) => s.name));
    back.forEach((s, i) => expect(keyLines(s), s.name).toEqual(keyLines(sections[i]!)));
  });

  it('imports again beside itself as copies with identities of their own', async () => {
    const { service, book } = serviceFor(file);
    await service.import(undefined, path.join(corpus, file), null, 'rename');
    const all = sectionsOf(book);
    const copies = all.slice(sections.length);
    copies.forEach((s, i) => {
      expect(s.name).toBe(`Copy of ${sections[i]!.name}`);
      expect(keyLines(s, IDENTITY_KEYS)).toEqual(keyLines(sections[i]!, IDENTITY_KEYS));
    });
    const guids = all.flatMap((s) => keyLines(s).filter((l) => l.startsWith('Guid=')));
    expect(new Set(guids).size).toBe(guids.length);
  });
});

describe('a file a program wrote on one line', () => {
  it('is reported with its line and never written', async () => {
    const { service, book } = serviceFor(MALFORMED);
    const result = await service.check(book);
    expect(result.problems[0]).toMatchObject({ line: 1 });
    const before = readFileSync(book);
    await expect(service.copy(undefined, 'MyServer')).rejects.toThrow(/line 1/);
    expect(readFileSync(book).equals(before)).toBe(true);
    writeFileSync(path.join(scratch, 'unused'), '');
  });
});

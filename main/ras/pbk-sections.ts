// Whole entries read from and written to a phonebook file, line for line: the lossless path
// for copy, import and export. RasGetEntryProperties/RasSetEntryProperties carry only what
// RASENTRY has (no NRPT rules, routes, Always On keys, keys of newer Windows), so both backends
// copy entries through the file, which RAS reads anew on every call.

import { copySection, sectionGuid } from '../../app/phonebook/entry-copy';
import { validateEntryName } from '../../app/phonebook/entry-name';
import type { PbkSection } from '../../app/phonebook/pbk-codec';
import { AppError, ERROR_ALREADY_EXISTS, RasError, RasErrorCode as E } from '../../app/ras/errors';
import { messageRef } from '../../app/ras/app-messages';
import type { ChangeOptions } from './backend';
import { readPbkFile, writePbkFile, type PbkFileLock } from './simulated/pbk-file';
import type { PbkCharset } from './pbk-charset';

export interface WriteSectionsOptions extends ChangeOptions {
  /** An entry of the same name is replaced; otherwise such a name is refused (183). */
  replace?: boolean;
}

/** The named sections (every one for null), in the order asked; a missing name is 623. */
export async function readSections(
  file: string,
  names: string[] | null,
  charset?: PbkCharset,
): Promise<PbkSection[]> {
  const { document } = await readPbkFile(file, { charset });
  if (names === null) return document.sections.slice();
  // One look-up a name: an export of thousands of entries stays linear.
  const byName = new Map<string, PbkSection>();
  for (const s of document.sections) {
    const folded = s.name.toLowerCase();
    if (!byName.has(folded)) byName.set(folded, s);
  }
  return names.map((name) => {
    const section = byName.get(name.toLowerCase());
    if (!section) throw new RasError(E.ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, `("${name}")`);
    return section;
  });
}

/**
 * Adds the sections in one atomic write. A section whose Guid another entry of the file already
 * has gets fresh identity keys, so two entries never share one.
 */
export function writeSections(
  file: string,
  lock: PbkFileLock,
  sections: readonly PbkSection[],
  options: WriteSectionsOptions = {},
  charset?: PbkCharset,
): Promise<void> {
  for (const s of sections) {
    const problem = validateEntryName(s.name);
    if (problem)
      // The code's own words say what is wrong (123: the name rules, 183: taken) in any language.
      return Promise.reject(new RasError(problem.code, `("${s.name}")`));
  }
  return lock.run(file, async () => {
    const loaded = await readPbkFile(file, { missingOk: true, charset });
    if (options.expectedRevision !== undefined && options.expectedRevision !== loaded.revision)
      throw new AppError('PHONEBOOK_CHANGED', messageRef('phonebook.changed', { file }));
    // Names and Guids looked up in maps: an import of thousands of entries stays linear.
    const all = loaded.document.sections.slice();
    const byName = new Map<string, number>();
    const byGuid = new Map<string, number>();
    all.forEach((s, i) => {
      byName.set(s.name.toLowerCase(), i);
      const guid = sectionGuid(s);
      if (guid !== undefined && !byGuid.has(guid)) byGuid.set(guid, i);
    });
    for (const incoming of sections) {
      const found = byName.get(incoming.name.toLowerCase());
      if (found !== undefined && !options.replace)
        throw new RasError(ERROR_ALREADY_EXISTS, `("${incoming.name}")`);
      const guid = sectionGuid(incoming);
      const owner = guid === undefined ? undefined : byGuid.get(guid);
      const section =
        owner !== undefined && owner !== found
          ? copySection(incoming, incoming.name, { freshIdentity: true })
          : incoming;
      const index = found ?? all.length;
      if (found !== undefined) {
        const replaced = sectionGuid(all[found]!);
        if (replaced !== undefined && byGuid.get(replaced) === found) byGuid.delete(replaced);
      }
      all[index] = section;
      byName.set(section.name.toLowerCase(), index);
      const kept = sectionGuid(section);
      if (kept !== undefined && !byGuid.has(kept)) byGuid.set(kept, index);
    }
    // writePbk ends a last line without an ending when an entry follows it.
    const document = { ...loaded.document, sections: all };
    await writePbkFile(file, { ...loaded, document });
  });
}

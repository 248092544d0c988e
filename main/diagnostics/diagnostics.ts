// "Export diagnostics": one zip with what a person sends when something is wrong: the log, the
// history, how reliable each entry in it has been, the entries involved (settings only: no
// user names, no passwords), what was negotiated for each connected connection, the app and OS
// versions and the backend in use. Built in memory with fflate, then written atomically.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { RasEntry } from '../../app/phonebook/entry';
import type { Core } from '../app-core';
import { writeFileAtomic } from '../fs/atomic-write';
import { LOG_FILE } from '../log/app-log';
import { reliabilityByEntry } from './reliability-file';

export interface DiagnosticsInfo {
  version: string;
  platform: string;
  /** Electron's, Chromium's and Node's versions where known. */
  versions: Record<string, string | undefined>;
}

export async function buildDiagnostics(
  core: Pick<Core, 'history' | 'manager' | 'phonebooks' | 'backend'>,
  dataDir: string,
  info: DiagnosticsInfo,
  now = new Date(),
): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const name of [LOG_FILE, `${LOG_FILE}.1`]) {
    const file = path.join(dataDir, name);
    if (existsSync(file)) files[name] = new Uint8Array(await readFile(file));
  }
  const history = await core.history.list();
  files['history.json'] = strToU8(JSON.stringify(history, null, 2));
  files['reliability.json'] = strToU8(
    JSON.stringify(reliabilityByEntry(history, core.manager.list(), now.getTime()), null, 2),
  );
  // The entries the history or a connection names, read now; one that is gone is said so.
  const involved = new Map<string, { phonebook: string; name: string }>();
  for (const r of [...history, ...core.manager.list()])
    involved.set(`${r.phonebook}\u0000${r.entryName.toLowerCase()}`, {
      phonebook: r.phonebook,
      name: r.entryName,
    });
  const entries: (
    (RasEntry & { phonebook: string }) | { phonebook: string; name: string; missing: string }
  )[] = [];
  for (const { phonebook, name } of involved.values())
    try {
      const { entry } = await core.phonebooks.get(phonebook, name);
      entries.push({ phonebook, ...entry });
    } catch (error) {
      entries.push({ phonebook, name, missing: (error as Error).message });
    }
  files['entries.json'] = strToU8(JSON.stringify(entries, null, 2));
  // Named fields only, not the whole view: what the zip holds stays what is listed here.
  const connected = core.manager
    .list()
    .filter((c) => c.status === 'connected')
    .map((c) => ({
      entryName: c.entryName,
      phonebook: c.phonebook,
      connectedAt: c.connectedAt === null ? null : new Date(c.connectedAt).toISOString(),
      details: c.details ?? null,
    }));
  files['connections.json'] = strToU8(JSON.stringify(connected, null, 2));
  files['about.json'] = strToU8(
    JSON.stringify(
      {
        app: 'RAS Connect',
        version: info.version,
        createdAt: now.toISOString(),
        platform: info.platform,
        os: { type: os.type(), release: os.release(), arch: os.arch() },
        versions: info.versions,
        backend: core.backend.kind,
        activeConnections: core.manager.list().filter((c) => c.status !== 'disconnected').length,
      },
      null,
      2,
    ),
  );
  return zipSync(files, { level: 6, mtime: now });
}

export async function exportDiagnostics(
  core: Pick<Core, 'history' | 'manager' | 'phonebooks' | 'backend'>,
  dataDir: string,
  info: DiagnosticsInfo,
  file: string,
): Promise<void> {
  await writeFileAtomic(file, await buildDiagnostics(core, dataDir, info));
}

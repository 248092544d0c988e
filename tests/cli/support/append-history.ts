// Test support, run as its own process: appends COUNT copies of a template record to the data
// folder's history through HistoryStore (bound MAX), ids TAG-1…TAG-COUNT, as a window or a
// ras-connect would, to see two processes write one history.

import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryRecord } from '../../../app/ipc/contract';
import { HistoryStore } from '../../../main/history/history-store';

const [dir, tag, count, max] = process.argv.slice(2) as [string, string, string, string];
const template = JSON.parse(
  await readFile(path.join(dir, 'template.json'), 'utf8'),
) as HistoryRecord;
const history = new HistoryStore(dir, (m) => process.stderr.write(`${m}\n`), Number(max));
// Both processes start appending together: each says it is ready, then waits for "go".
await writeFile(path.join(dir, `ready-${tag}`), '');
for (;;) {
  if (
    await access(path.join(dir, 'go')).then(
      () => true,
      () => false,
    )
  )
    break;
  await new Promise((resolve) => setTimeout(resolve, 5));
}
for (let i = 1; i <= Number(count); i++) await history.add({ ...template, id: `${tag}-${i}` });

// The phonebook service on large files, each next to a baseline from the same run: an import
// of 2,000 entries into an empty phonebook against a plain copy of the file, and a check of
// 40,000 entries against parsing the same text alone.

import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePbkOrThrow } from '../../app/phonebook/pbk-codec';
import { ManualClock } from '../../main/clock';
import { PhonebookService } from '../../main/phonebook/phonebook-service';
import { SimulatedRasBackend } from '../../main/ras/simulated/simulated-backend';
import { fakeSecretStore } from '../support/fake-secrets';
import { largePhonebook } from './phonebook-text';

export interface ServiceFigures {
  import2000: number;
  copy2000: number;
  check40000: number;
  parse40000: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function measurePhonebookService(runs = 3): Promise<ServiceFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ras-bench-service-'));
  const backend = new SimulatedRasBackend({
    defaultPhonebook: path.join(dir, 'rasphone.pbk'),
    clock: new ManualClock(),
    speed: 0,
    credentialsFile: path.join(dir, 'credentials.json'),
    secrets: fakeSecretStore(),
  });
  try {
    const service = new PhonebookService(backend, null);
    const source = path.join(dir, 'import.pbk');
    await writeFile(source, largePhonebook(2_000));
    const imports: number[] = [];
    const copies: number[] = [];
    for (let i = 0; i < runs; i++) {
      const book = path.join(dir, `empty-${i}.pbk`);
      imports.push(await timed(() => service.import(book, source, null, 'rename')));
      copies.push(await timed(() => copyFile(source, path.join(dir, `copy-${i}.pbk`))));
    }
    const large = path.join(dir, 'large.pbk');
    const text = largePhonebook(40_000);
    await writeFile(large, text);
    const check40000 = await timed(() => service.check(large));
    const parse40000 = await timed(async () => parsePbkOrThrow(text));
    return { import2000: median(imports), copy2000: median(copies), check40000, parse40000 };
  } finally {
    backend.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

// One of several processes editing the same phonebook at once, as CLI processes do (bundled as CommonJS: iconv-lite requires Node built-ins): each edit
// is a read-modify-write through the simulated backend's phonebook (the file lock, then
// readPbkFile → add an entry → writePbkFile). It prints `saved NAME` for every edit it was told
// was saved, and tries again after PHONEBOOK_CHANGED (nothing was saved then).

import { parsePbkOrThrow } from '../../app/phonebook/pbk-codec';
import { SimulatedPhonebooks } from '../../main/ras/simulated/simulated-phonebooks';

const [file, id, count] = process.argv.slice(2) as [string, string, string];
const phonebooks = new SimulatedPhonebooks(async () => new Set<string>());

async function main(): Promise<void> {
  for (let k = 0; k < Number(count); k++) {
    const name = `Writer ${id} edit ${k}`;
    const [section] = parsePbkOrThrow(`[${name}]\r\nPhoneNumber=555-${k}\r\n`).sections;
    for (let attempt = 0; ; attempt++) {
      try {
        await phonebooks.writeSections(file, [section!]);
        process.stdout.write(`saved ${name}\n`);
        break;
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'PHONEBOOK_CHANGED' || attempt > 1000)
          throw error;
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

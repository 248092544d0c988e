// The writer the interrupted-write test kills: writes the phonebook over and over through the
// app's atomic write (with its backup), alternating two versions, until it is killed.

import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../main/fs/atomic-write';

const [file, first, second] = process.argv.slice(2) as [string, string, string];
const versions = [readFileSync(first), readFileSync(second)];

for (let i = 0; ; i++) {
  await writeFileAtomic(file, versions[i % 2]!, { backup: true });
  if (i === 0) process.stdout.write('writing\n');
}

// Loaded with --import into a CLI process under test: every fs.promises open, read or stat of a
// path containing "stall-here" never settles, as a read from a disk or pipe that never answers.
// (main/cli.ts keeps the process alive while a command runs, so the process waits for it.)

import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const MARK = 'stall-here';
for (const name of ['open', 'readFile', 'stat', 'lstat']) {
  const original = fs.promises[name];
  fs.promises[name] = function (file, ...rest) {
    if (String(file).includes(MARK)) return new Promise(() => undefined);
    return original.call(this, file, ...rest);
  };
}
syncBuiltinESMExports();

// npm run security: Electronegativity over the shipped sources (main, preload, renderer, app,
// without tests), for the installed Electron version. It exits 0 even with findings, so this
// reads its SARIF report and fails on every finding that security/electronegativity-allow.json
// does not list with a reason, on allow-list entries that no longer match anything (so the list
// stays reviewed), and on files it could not parse (a file it cannot read is a file unchecked).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const SHIPPED = ['main', 'preload', 'renderer', 'app'];
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}__`);

/**
 * Runs Electronegativity over `sources` (folders under `from`) and compares with the allow-list.
 * Returns { findings, unexplained, stale, parseErrors, sarif }.
 */
export async function securityCheck({ from = root, sources = SHIPPED, allowList, sarif }) {
  const stage = mkdtempSync(path.join(tmpdir(), 'ras-electronegativity-'));
  try {
    for (const folder of sources)
      cpSync(path.join(from, folder), path.join(stage, folder), {
        recursive: true,
        filter: (file) => !isTest(file),
      });
    mkdirSync(path.dirname(sarif), { recursive: true });
    rmSync(sarif, { force: true });
    const run = require('@doyensec/electronegativity');
    const electron = require('electron/package.json').version;
    const { errors } = await quietly(() =>
      run(
        {
          input: stage,
          output: sarif,
          isSarif: true,
          customScan: [],
          // Asks GitHub whether a newer Electron has security fixes: no network here, and a
          // result that would change with the date rather than with our code. `npm outdated`
          // and the Electron release notes answer it.
          excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
          isRelative: true,
          isVerbose: false,
          electronVersionOverride: electron,
          parserPlugins: [],
        },
        false,
      ),
    );
    const findings = readSarif(await written(sarif), stage);
    const allowed = JSON.parse(readFileSync(allowList, 'utf8')).allowed;
    const matches = (entry, finding) =>
      entry.rule === finding.rule && entry.file === finding.file && entry.code === finding.code;
    return {
      electron,
      findings,
      unexplained: findings.filter((f) => !allowed.some((entry) => matches(entry, f))),
      stale: allowed.filter((entry) => !findings.some((f) => matches(entry, f))),
      parseErrors: errors
        .filter((e) => !e.tolerable)
        .map((e) => ({
          file: path.relative(stage, e.file),
          message: e.message,
        })),
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The SARIF results as { rule, level, file, line, code }, code being the flagged line's text. */
function readSarif(file, stage) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return report.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations[0].physicalLocation;
      const relative = location.artifactLocation.uri.replace(/^file:\/\//, '');
      const line = location.region?.startLine ?? 0;
      // Global checks (no navigation limit anywhere, say) name the whole folder, not a file.
      let text = '';
      try {
        text = readFileSync(path.join(stage, relative), 'utf8').split(/\r?\n/)[line - 1];
      } catch {
        text = '';
      }
      return {
        rule: result.ruleId,
        level: result.level,
        file: relative,
        line,
        code: (text ?? '').trim(),
        message: result.message.text,
      };
    }),
  );
}

/** Electronegativity writes its report without waiting for the write: wait for whole JSON. */
async function written(file) {
  for (let tries = 0; ; tries++) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
      return file;
    } catch (error) {
      if (tries === 200) throw new Error(`No SARIF report at ${file}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Electronegativity logs its own progress (and a failed look-up of its translations). */
async function quietly(work) {
  const { log, warn, error } = console;
  console.log = console.warn = console.error = () => {};
  try {
    return await work();
  } finally {
    Object.assign(console, { log, warn, error });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await securityCheck({
    allowList: path.join(root, 'security/electronegativity-allow.json'),
    sarif: path.join(root, 'reports/electronegativity.sarif'),
  });
  const say = (f) => `  ${f.rule} ${f.file}:${f.line}  ${f.code}`;
  console.log(
    `Electronegativity (Electron ${result.electron}): ${result.findings.length} findings, ` +
      `${result.findings.length - result.unexplained.length} allowed with a reason`,
  );
  if (result.unexplained.length)
    console.log(`Not in the allow-list:\n${result.unexplained.map(say).join('\n')}`);
  if (result.stale.length)
    console.log(`Allow-list entries that match nothing:\n${result.stale.map(say).join('\n')}`);
  for (const e of result.parseErrors) console.log(`Could not parse ${e.file}: ${e.message}`);
  process.exit(result.unexplained.length || result.stale.length || result.parseErrors.length);
}

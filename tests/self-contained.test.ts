// The repository tests itself: nothing it builds, tests or runs reads a file outside it. The
// project's shared notes (the RAS reference, the simulated server's rules) live beside the
// repository, not in it; tables a test needs are copied into tests/fixtures/ras-reference/.
//
// The rule works on the syntax tree, so comments that cite the shared notes stay allowed:
// 1. no string (or template piece) names the shared notes, a `../shared` folder or /work/shared;
// 2. no path a file is read from — new URL(…, import.meta.url), path.join/resolve from the
//    file's folder or the working folder, an fs call, an import or vi.mock — leads out of the
//    repository (an absolute one beside it included).
// Shell scripts and YAML are read as text, comment lines left out.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const SCANNED_FOLDERS = [
  'app',
  'main',
  'preload',
  'renderer',
  'tests',
  'scripts',
  '.ci',
  'bin',
  'security',
];
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist', 'coverage', '.git']);
const CODE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const JSON_FILE = /\.json$/;
const SHELL_OR_YAML = /\.(?:sh|ya?ml)$/;
/** Files in .ci/ without an extension are shell scripts. */
const isShell = (file: string): boolean =>
  SHELL_OR_YAML.test(file) ||
  (path.basename(path.dirname(file)) === '.ci' && !path.basename(file).includes('.'));

/** Rule 1: text that names the shared notes or the shared folder, wherever a string holds it. */
const SHARED_NAMES: readonly RegExp[] = [
  /ras-reference\.md/i,
  /simulated-ras\.md/i,
  /(?<![\w.])\.\.[\\/]+shared(?:[\\/]|$)/i,
  /[\\/]work[\\/]+shared(?:[\\/]|$)/i,
];

const FS_CALLS = new Set([
  'readFileSync',
  'readFile',
  'existsSync',
  'statSync',
  'stat',
  'lstat',
  'lstatSync',
  'access',
  'accessSync',
  'open',
  'openSync',
  'readdir',
  'readdirSync',
  'createReadStream',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'readlink',
  'realpath',
  'realpathSync',
  'watch',
]);
const MODULE_CALLS = new Set(['require', 'mock', 'doMock', 'importActual', 'importMock']);

function isInside(target: string): boolean {
  const relative = path.relative(root, target);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The folder the repository sits in, unless that is the file system's root. */
const beside = path.dirname(root) === path.parse(root).root ? null : path.dirname(root);

/**
 * Rule 2 for one path. A relative path may not climb out of the repository. An absolute one
 * elsewhere on the system (a temp file, /usr/bin/chromium, a made-up /nonexistent) is no
 * project file, but one beside the repository (its parent folder and below) is.
 */
function leadsOut(target: string, absolute: boolean): boolean {
  if (isInside(target)) return false;
  if (!absolute) return true;
  return beside !== null && (target === beside || !path.relative(beside, target).startsWith('..'));
}

/** Where a path literal points, read from base; null for what is no file path (a URL, node:fs). */
function resolvedFrom(base: string, literal: string): string | null {
  if (/^[a-z][\w+.-]*:/i.test(literal) && !/^[a-z]:[\\/]/i.test(literal)) return null;
  if (path.isAbsolute(literal)) return path.resolve(literal);
  if (/^\.\.?(?:[\\/]|$)/.test(literal)) return path.resolve(base, literal);
  return null;
}

function pathLeadsOut(base: string, literal: string): string | null {
  const target = resolvedFrom(base, literal);
  return target !== null && leadsOut(target, path.isAbsolute(literal)) ? target : null;
}

function stringOf(node: ts.Node | undefined): string | undefined {
  return node && ts.isStringLiteralLike(node) ? node.text : undefined;
}

/** What a path expression is relative to: the file's folder, the working folder, or unknown. */
function baseOf(node: ts.Expression, dir: string): string | null {
  const text = node.getText();
  if (/^(?:import\.meta\.dirname|__dirname)$/.test(text)) return dir;
  if (/import\.meta\.url/.test(text) && /dirname/.test(text)) return dir;
  if (/^process\.cwd\(\)$/.test(text)) return root;
  return null;
}

function calleeName(node: ts.LeftHandSideExpression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

function isPathModuleCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  const name = calleeName(callee);
  if (name !== 'join' && name !== 'resolve') return false;
  if (ts.isIdentifier(callee)) return true;
  return (
    ts.isPropertyAccessExpression(callee) &&
    /^(?:path|nodePath|node_path)(?:\.(?:posix|win32))?$/.test(callee.expression.getText())
  );
}

/** Every problem of one JavaScript or TypeScript file, as "line: what". */
function codeProblems(file: string, text: string): string[] {
  const dir = path.dirname(file);
  const kind = /x$/.test(file)
    ? ts.ScriptKind.TSX
    : /\.[mc]?ts$/.test(file)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const problems: string[] = [];
  const report = (node: ts.Node, what: string): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    problems.push(`${line}: ${what}`);
  };
  const checkPath = (node: ts.Node, base: string, literal: string, how: string): void => {
    const target = pathLeadsOut(base, literal);
    if (target !== null) report(node, `${how} reads ${target}`);
  };
  const visit = (node: ts.Node): void => {
    // Rule 1: any string, template piece included.
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const hit = SHARED_NAMES.find((pattern) => pattern.test(node.text));
      if (hit) report(node, `names the shared notes outside the repository: "${node.text}"`);
    }
    // Rule 2: the places a path is read from.
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined
    ) {
      const spec = stringOf(node.moduleSpecifier);
      if (spec !== undefined) checkPath(node, dir, spec, 'an import');
    }
    if (ts.isNewExpression(node) && node.expression.getText() === 'URL') {
      const [first, second] = node.arguments ?? [];
      const literal = stringOf(first);
      if (literal !== undefined && second && /import\.meta\.url/.test(second.getText()))
        checkPath(node, dir, literal, 'new URL');
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const [first, ...rest] = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || MODULE_CALLS.has(name ?? '')) {
        const spec = stringOf(first);
        if (spec !== undefined) checkPath(node, dir, spec, `${name ?? 'import'}()`);
      } else if (isPathModuleCall(node) && first) {
        const literalFirst = stringOf(first);
        const base = literalFirst !== undefined ? root : baseOf(first, dir);
        const pieces = (literalFirst !== undefined ? [first, ...rest] : rest).map(stringOf);
        if (base !== null && pieces.every((p) => p !== undefined)) {
          const joined = path.resolve(base, ...(pieces as string[]));
          const absolute = pieces.some((p) => path.isAbsolute(p!));
          if (leadsOut(joined, absolute)) report(node, `path.${name} reads ${joined}`);
        }
      } else if (name !== undefined && FS_CALLS.has(name)) {
        const literal = stringOf(first);
        if (literal !== undefined) checkPath(node, root, literal, `${name}()`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

function jsonProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      if (SHARED_NAMES.some((pattern) => pattern.test(value)))
        problems.push(`${where}: names the shared notes outside the repository: "${value}"`);
      const target = pathLeadsOut(path.dirname(file), value);
      if (target !== null) problems.push(`${where}: reads ${target}`);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  // tsconfig files allow comments; strip whole-line ones before parsing.
  walk(JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')), '$');
  return problems;
}

function textProblems(text: string): string[] {
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*#/.test(line)) return;
    if (SHARED_NAMES.some((pattern) => pattern.test(line)))
      problems.push(`${i + 1}: names the shared notes outside the repository: ${line.trim()}`);
  });
  return problems;
}

function* filesUnder(folder: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIPPED_FOLDERS.has(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

function scannedFiles(): string[] {
  const atRoot = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'package-lock.json')
    .map((e) => path.join(root, e.name));
  return [...atRoot, ...SCANNED_FOLDERS.flatMap((f) => [...filesUnder(path.join(root, f))])].filter(
    (f) => CODE.test(f) || JSON_FILE.test(f) || isShell(f),
  );
}

function fileProblems(file: string, text: string): string[] {
  if (CODE.test(file)) return codeProblems(file, text);
  if (JSON_FILE.test(file)) return jsonProblems(file, text);
  return textProblems(text);
}

describe('the repository is self-contained', () => {
  it('reads no file outside the repository in its code, tests, scripts and configs', () => {
    const files = scannedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join(root, 'app', 'ras', 'errors.test.ts'));
    expect(files).toContain(path.join(root, '.ci', 'run'));
    const problems = files.flatMap((file) =>
      fileProblems(file, readFileSync(file, 'utf8')).map(
        (p) => `${path.relative(root, file)}:${p}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  // The rule itself, on the lines that once read the shared reference from outside. The
  // names are put together here so that this file does not trip its own rule.
  const reference = ['ras', 'reference.md'].join('-');
  const shared = ['..', 'shared'].join('/');
  const testFile = path.join(root, 'app', 'ras', 'errors.test.ts');

  it('catches the old line that read the reference from beside the repository', () => {
    const old = `const text = readFileSync(new URL('../../${shared}/${reference}', import.meta.url), 'utf8');`;
    expect(codeProblems(testFile, old)).toHaveLength(2);
    // The same file moved into the repository is fine.
    const copied = `readFileSync(new URL('../../tests/fixtures/ras-reference/rasconnstate.md', import.meta.url));`;
    expect(codeProblems(testFile, copied)).toEqual([]);
  });

  it('catches the other ways to reach outside, and leaves comments and system paths alone', () => {
    const outside = (line: string): number => codeProblems(testFile, line).length;
    expect(
      outside(`readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'notes.md'));`),
    ).toBe(1);
    expect(outside(`readFileSync(path.resolve(__dirname, '../../../notes.md'));`)).toBe(1);
    expect(outside(`readFileSync(new URL('../../../notes.md', import.meta.url));`)).toBe(1);
    expect(outside(`import notes from '../../../notes.json';`)).toBe(1);
    expect(outside(`const t = await readFile(\`\${root}/${shared}/x.md\`);`)).toBe(1);
    if (beside !== null)
      expect(outside(`readFileSync('${path.join(beside, 'elsewhere', 'x.md')}');`)).toBe(1);
    expect(outside(`// The table of shared/${reference} §7.3, copied into tests/fixtures.`)).toBe(
      0,
    );
    expect(outside(`/* read from ${shared}/${reference} once */ const x = 1;`)).toBe(0);
    expect(outside(`import { describeError } from '../../app/ras/errors';`)).toBe(0);
    expect(outside(`const root = path.resolve(import.meta.dirname, '../..');`)).toBe(0);
    expect(outside(`await readFile('/nonexistent/file.pbk'); spawn('/usr/bin/chromium');`)).toBe(0);
    expect(textProblems(`# see ${shared}/${reference}\ncat ${shared}/x`)).toHaveLength(1);
    expect(
      jsonProblems(path.join(root, 'tsconfig.json'), `{"include": ["${shared}/x"]}`),
    ).toHaveLength(2);
  });
});

/**
 * The production build: `npm run build` (what the Dockerfile runs) compiles
 * to dist/, the compiled bot needs nothing from the dev dependencies, and the
 * container's start command answers a piped question from any directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.ts';

const root = projectRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

/** The argv of the Dockerfile's CMD (exec form). */
function dockerCmd(): string[] {
  const line = dockerfile.split('\n').find((l) => l.startsWith('CMD '));
  return JSON.parse(line!.slice(4)) as string[];
}

/** What a production image runs: the bot, and the scripts the README gives for it. */
const ENTRY_POINTS = ['main.js', 'src/cli/deploy.js', 'src/cli/invite.js', 'src/cli/local.js'];

/** The module specifiers of one compiled file: static and dynamic imports, and createRequire calls. */
function specifiersOf(code: string): string[] {
  return [
    // import x, { a, b } from 'y' · import * as x from 'y' · export { a } from 'y' · export * from 'y'
    ...code.matchAll(/^(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,?\s*)?(?:\*(?:\s+as\s+[\w$]+)?\s*|\{[^}]*\}\s*)?from\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/\brequire\)?\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

/** Every compiled file the entry points can load, and every package they import. */
function reachable(): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else if (packageOf(specifier)) packages.add(packageOf(specifier)!);
    }
  };
  for (const entry of ENTRY_POINTS) visit(join(root, 'dist', entry));
  return { files: [...files], packages };
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or null for relative and builtin ones. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

let build: ReturnType<typeof spawnSync>;
const elsewhere = mkdtempSync(join(tmpdir(), 'citebot-cwd-'));

beforeAll(() => {
  build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}, 130_000);
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('the production build', () => {
  it('is what the Dockerfile runs, and compiles without errors to dist/main.js', () => {
    expect(dockerfile).toMatch(/^RUN npm run build && npm prune --omit=dev$/m);
    expect(`${build.stdout}${build.stderr}`).toBe('');
    expect(build.status).toBe(0);
    expect(statSync(join(root, 'dist', 'main.js')).isFile()).toBe(true);
  });

  it('loads only production dependencies and Node built-ins, so an --omit=dev install runs it', () => {
    const { files, packages } = reachable();
    for (const file of files) {
      expect(statSync(file, { throwIfNoEntry: false })?.isFile(), `${file} is imported but was not built`).toBe(true);
      if (file.endsWith('.js')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s*['"][^'"]+\.ts['"]/);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(packages).toContain('discord.js');
    expect([...packages].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  /** Runs `node <args>` (dist/main.js from the project root) from another directory with one piped question. */
  const askBuilt = (args: readonly string[]) =>
    spawnSync(process.execPath, args.map((a) => (a.endsWith('.js') ? join(root, a) : a)), {
      cwd: elsewhere,
      input: '/ask question: who said megaphone diplomacy\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      timeout: 30_000,
    });

  it('starts as the container does and answers a piped question, whatever the working directory', () => {
    const [command, ...args] = dockerCmd();
    expect(command).toBe('node');
    // npm start runs the same node command (after building).
    expect(pkg.scripts.start).toBe(['node', ...args].join(' '));
    const run = askBuilt(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The Russian Embassy in Washington said it');
    expect(run.stdout).toContain('¶ 9');
  });

  it('npm run start:http runs the same built entry with node flags that also start and answer', () => {
    const [command, ...args] = pkg.scripts['start:http']!.split(/\s+/);
    expect(command).toBe('node');
    expect(args.at(-1)).toBe('dist/main.js');
    expect(pkg.scripts['prestart:http']).toBe(pkg.scripts.prestart);
    const run = askBuilt(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The Russian Embassy in Washington said it');
  });
});

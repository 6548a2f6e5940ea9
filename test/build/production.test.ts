/**
 * The production build: `npm run build` (what the Dockerfile runs) compiles
 * to dist/, the compiled bot needs nothing from the dev dependencies, and the
 * container's start command answers a piped question from any directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
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

  it('imports only production dependencies and Node built-ins, so an --omit=dev install runs it', () => {
    const needed = new Set<string>();
    for (const file of jsFiles(join(root, 'dist'))) {
      const code = readFileSync(file, 'utf8');
      const specifiers = [
        // import x, { a, b } from 'y' · import * as x from 'y' · export { a } from 'y' · export * from 'y'
        ...code.matchAll(/^(?:import|export)\s+(?:[\w$]+\s*,?\s*)?(?:\*(?:\s+as\s+[\w$]+)?\s*|\{[^}]*\}\s*)?from\s*['"]([^'"]+)['"]/gm),
        ...code.matchAll(/^import\s*['"]([^'"]+)['"]/gm),
        ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
        ...code.matchAll(/\brequire\)?\(\s*['"]([^'"]+)['"]\s*\)/g),
      ];
      for (const m of specifiers) {
        const name = packageOf(m[1]!);
        if (name) needed.add(name);
      }
      expect(code, file).not.toMatch(/from\s*['"][^'"]+\.ts['"]/);
    }
    expect(needed.size).toBeGreaterThan(3);
    expect([...needed].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('starts as the container does and answers a piped question, whatever the working directory', () => {
    const [command, ...args] = dockerCmd();
    expect(command).toBe('node');
    // npm start runs the same node command (after building).
    expect(pkg.scripts.start).toBe(['node', ...args].join(' '));
    const run = spawnSync(process.execPath, args.map((a) => (a.endsWith('.js') ? join(root, a) : a)), {
      cwd: elsewhere,
      input: '/ask question: who said megaphone diplomacy\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The Russian Embassy in Washington said it');
    expect(run.stdout).toContain('¶ 9');
  });
});

// The type check and the linter, as part of the suite: `npm test` runs them beside the other test files
// instead of before them (each is single-threaded, and the machines here have two cores).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.ts';

const root = projectRoot();

/** Runs a package's command-line script with this Node; its exit code and everything it printed. */
function run(script: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', script), ...args], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the sources', () => {
  it('type-check (tsc --noEmit, strict) and lint (eslint) clean, both at once', async () => {
    const [types, lint] = await Promise.all([run('typescript/bin/tsc', ['--noEmit', '-p', 'tsconfig.json']), run('eslint/bin/eslint.js', ['.'])]);
    expect(types.output, 'tsc').toBe('');
    expect(types.code).toBe(0);
    expect(lint.output, 'eslint').toBe('');
    expect(lint.code).toBe(0);
  }, 240_000);
});

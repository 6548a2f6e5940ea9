// The type check and the linter, as part of the suite: `npm test` runs them beside the other test files
// instead of before them (each is single-threaded, and the machines here have two cores).
import { describe, expect, it } from 'vitest';
import { runNode } from '../support/run-tsx.ts';

/** How long each may take on a busy two-core machine. */
const LIMIT_MS = 200_000;

describe('the sources', () => {
  it('type-check (tsc --noEmit, strict) and lint (eslint) clean, both at once', async () => {
    const [types, lint] = await Promise.all([
      runNode(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], { timeout: LIMIT_MS }),
      runNode(['node_modules/eslint/bin/eslint.js', '.'], { timeout: LIMIT_MS }),
    ]);
    expect(`${types.stdout}${types.stderr}`, 'tsc').toBe('');
    expect(types.code).toBe(0);
    expect(`${lint.stdout}${lint.stderr}`, 'eslint').toBe('');
    expect(lint.code).toBe(0);
  }, LIMIT_MS + 20_000);
});

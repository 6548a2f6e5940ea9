import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest, started first so that no worker is left finishing one alone at the end
 * (with no timings cached, as on a fresh clone, Vitest orders files by size, which puts these short files last).
 */
const LONGEST_FIRST = ['test/engine/eval-articles.test.ts', 'test/build/static.test.ts', 'test/build/production.test.ts', 'test/engine/eval.test.ts', 'test/e2e/bot.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const at = LONGEST_FIRST.findIndex((name) => f.moduleId.replace(/\\/g, '/').endsWith(name));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest's default leaves a core free: one worker on the 2-core machines here, where two
    // finish the suite in about 105–120 s instead of 140–160 s (most of a test file's time is
    // loading modules and waiting on child processes, which overlap well).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps the modules it has loaded from one test file to the next (no test mocks a module or
    // changes the environment): compromise, the WordNet data and discord.js load once per worker, not once
    // per file. Here that took the suite from 186 s to 138 s, all of it CPU-bound on two cores.
    isolate: false,
    sequence: { sequencer: LongestFirst },
  },
});

/** Distinct questions for benchmarks: every question of the fixture sets, each once, in a fixed order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.ts';

/** Up to `count` distinct questions (fewer when the fixtures hold fewer), one line each. */
export function distinctQuestions(count: number): string[] {
  const dir = join(projectRoot(), 'test', 'fixtures');
  const seen = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    if (!Array.isArray(cases)) continue;
    for (const c of cases as { q?: unknown; question?: unknown }[]) {
      const q = typeof c === 'string' ? c : (c.q ?? c.question);
      if (typeof q !== 'string') continue;
      const line = q.replace(/\s+/g, ' ').trim();
      if (line && !line.startsWith('/') && !line.startsWith('#')) seen.add(line);
      if (seen.size >= count) return [...seen];
    }
  }
  return [...seen];
}

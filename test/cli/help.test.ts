// Every npm script's `--help`: usage on standard output, exit 0, nothing else, and nothing done.
// The scripts' entry files are read from package.json, so a new script is checked too. Those whose
// entry function is exported run in-process; the others (which run on import) as processes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDeploy } from '../../src/cli/deploy.ts';
import { runInvite } from '../../src/cli/invite.ts';
import { runLocal } from '../../src/cli/local.ts';
import { run as runStart } from '../../src/main.ts';
import { memoryIo } from '../bot/memory-io.ts';
import { ROOT, runTsx, type Run } from '../support/run-tsx.ts';

/** Entry points run in-process, by the file package.json names. */
const IN_PROCESS: Record<string, (argv: readonly string[], env: Record<string, string>, io: ReturnType<typeof memoryIo>) => Promise<number>> = {
  'src/main.ts': runStart,
  'src/cli/local.ts': runLocal,
  'src/cli/deploy.ts': runDeploy,
  'src/cli/invite.ts': runInvite,
};


const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** `npm run <name>` scripts that are `tsx <file>`: the entry points a user runs. */
const entries = Object.entries(scripts).flatMap(([name, line]) => {
  const m = /^tsx (\S+\.ts)$/.exec(line);
  return m ? [[name, m[1]!] as const] : [];
});

/** When each file of the data the scripts write was last changed: the knowledge packs and src/english. */
function mtimes(): Record<string, number> {
  const dirs = [join(ROOT, 'knowledge'), join(ROOT, 'src', 'english')];
  const files = dirs.flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => join(d, f)));
  return Object.fromEntries(files.map((f) => [f, statSync(f).mtimeMs]));
}

/** Does the entry read `--help` itself (`parseArgs` with `help`), or through `parseFlags` or `helpOnly`? */
const readsHelp = (file: string): boolean => /\bhelp\b|\bparseFlags\(|\bhelpOnly\(/.test(readFileSync(join(ROOT, file), 'utf8'));

function run(file: string, args: readonly string[]): Promise<Run> {
  return runTsx(file, args, { env: { ...process.env, DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_API_URL: '', LOG_LEVEL: '' } });
}

describe('every script takes --help', () => {
  it('lists the scripts it checks', () => {
    expect(entries.map(([name]) => name)).toEqual(expect.arrayContaining(['dev', 'ask', 'local', 'deploy', 'invite', 'bench', 'bench:e2e', 'bench:start', 'bench:http', 'build:thesaurus', 'eval']));
  });

  it('each reads --help (checked in its source first: one that does not might go on to write files)', () => {
    for (const [name, file] of entries) expect(readsHelp(file), name).toBe(true);
  });

  it('each prints its usage and exits 0, touching nothing', async () => {
    const before = mtimes();
    const results: { name: string; code: number | null; stdout: string; stderr: string }[] = [];
    const spawned: (readonly [string, string])[] = [];
    for (const [name, file] of entries.filter(([, f]) => readsHelp(f))) {
      const entry = IN_PROCESS[file];
      if (!entry) {
        spawned.push([name, file]);
        continue;
      }
      const io = memoryIo();
      const code = await entry(['--help'], {}, io);
      results.push({ name, code, stdout: io.out(), stderr: io.err() });
    }
    // Two processes at a time, one a core: all at once they would crowd out the tests running beside them.
    const next = async (): Promise<void> => {
      for (let job = spawned.shift(); job; job = spawned.shift()) results.push({ name: job[0], ...(await run(job[1], ['--help'])) });
    };
    await Promise.all([next(), next()]);
    for (const r of results) {
      expect({ name: r.name, code: r.code, stderr: r.stderr }).toEqual({ name: r.name, code: 0, stderr: '' });
      expect(r.stdout, r.name).toMatch(/^Usage: /);
    }
    expect(mtimes()).toEqual(before);
  }, 60_000);
});

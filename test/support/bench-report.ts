/**
 * What the load benchmarks (`bench:start`, `bench:http`) share: building the
 * bot they measure, the node flags of `npm start`, a median, the machine's
 * load (other jobs share its cores, which slows every timing), the CPU time a
 * process has used, and one PASS or FAIL line per target.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.ts';

/**
 * The node flags of an npm script (package.json): `start` (the console and the
 * gateway bot, lean on memory; the Dockerfile and the systemd unit use them too)
 * or `start:http` (an HTTP-interactions replica, which trades 8 MB for speed).
 */
export function startFlags(script: 'start' | 'start:http' = 'start'): string[] {
  const scripts = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts[script] ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/** `npm run build` (incremental), so the benchmark measures the sources as they are; throws when it fails. */
export function build(): void {
  const run = spawnSync('npm', ['run', '-s', 'build'], { cwd: projectRoot(), stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm run build exited ${run.status}`);
}

/** The middle value (the upper middle of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The 1-minute load average and the cores, as one phrase: how busy the machine was. */
export function machineLoad(): string {
  return `load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ): 100 on every Linux this runs on. */
const USER_HZ = 100;

/** CPU time (user + system) a live process has used so far, in ms. Linux only (reads /proc). */
export function cpuMsOf(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)\s+/s, '').split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
}

/** One target, measured. */
export interface Verdict {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** One line per target: `PASS` or `FAIL`, what was measured, and the target. */
export function verdictLines(verdicts: readonly Verdict[]): string[] {
  return verdicts.map((v) => `${v.pass ? 'PASS' : 'FAIL'}  ${v.measured}  (target ${v.target})`);
}

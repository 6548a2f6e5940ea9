/**
 * `npm run bench:start`: the built bot (`node dist/main.js`, what `npm start`
 * and the container run) as a user meets it, in the local console.
 *
 * 1. Cold start: the wall time of one process that answers one piped
 *    question and exits, as `/usr/bin/time` measures it, over several runs.
 * 2. Memory: one process is piped 1,000 distinct questions (the fixture sets),
 *    then one last line whose reply marks the end; once that reply is out, its
 *    resident memory (VmRSS) is read, and again after a few idle seconds. Its
 *    peak (VmHWM) is shown beside them.
 *
 * Node runs with the flags of `npm start` (package.json), unless
 * `--node-flags="..."` gives others. Exits 1 when a target is missed: cold
 * start ≤ 1 s (median), RSS ≤ 100 MB after the 1,000 answers. Linux only (reads /proc).
 *
 *   npm run bench:start [-- --runs 7 --questions 1000 --node-flags="--max-semi-space-size=1" --json]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../src/paths.ts';
import { distinctQuestions } from './questions.ts';

const TARGET = { coldStartMs: 1000, rssMb: 100 } as const;
const QUESTION = 'who said megaphone diplomacy';
/** A line the console answers with a notice naming it: the end of the questions. */
const END_MARK = 'zz-bench-end';
const IDLE_MS = 5_000;
const KB = 1024;

const root = projectRoot();
/** The node flags of `npm start` (package.json), which the Dockerfile and the systemd unit use too. */
const START_FLAGS = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));
let nodeFlags: string[] = START_FLAGS;
const entry = join(root, 'dist', 'main.js');

/** Memory lines of /proc/<pid>/status, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / KB, peakMb: kb('VmHWM') / KB };
}

/** One process, one piped question: wall time to exit, and to the first byte of the answer. */
function coldStart(): Promise<{ totalMs: number; firstAnswerMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstAnswerMs = NaN;
    const child = spawn(process.execPath, [...nodeFlags, entry], { cwd: root, env: { ...process.env, DISCORD_TOKEN: '' }, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.once('data', () => (firstAnswerMs = performance.now() - started));
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ totalMs: performance.now() - started, firstAnswerMs }) : reject(new Error(`exit ${code}`))));
    child.stdin.end(`${QUESTION}\n`);
  });
}

/** One process answers `questions`; its memory once the last is answered, and after idling. */
async function memoryAfter(questions: readonly string[]): Promise<{ seconds: number; afterAnswers: { rssMb: number; peakMb: number }; afterIdle: { rssMb: number; peakMb: number } }> {
  const child = spawn(process.execPath, [...nodeFlags, entry], { cwd: root, env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'error' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let tail = '';
  const started = performance.now();
  const ended = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-200);
      if (tail.includes(END_MARK)) resolve();
    }),
  );
  child.stdin.write(`${questions.join('\n')}\n/${END_MARK}\n`);
  await ended;
  const seconds = (performance.now() - started) / 1000;
  const afterAnswers = memoryOf(child.pid!);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const afterIdle = memoryOf(child.pid!);
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`the console exited ${code}`);
  return { seconds, afterAnswers, afterIdle };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'node-flags': { type: 'string' }, runs: { type: 'string', default: '7' }, questions: { type: 'string', default: '1000' }, json: { type: 'boolean' } } });
  if (values['node-flags'] !== undefined) nodeFlags = values['node-flags'].split(/\s+/).filter(Boolean);
  const runs = Math.max(1, Number(values.runs));
  await coldStart(); // the first run also warms the file cache, as any later start of a deployed bot finds it
  const starts = [];
  for (let i = 0; i < runs; i++) starts.push(await coldStart());
  const totals = starts.map((s) => s.totalMs);
  const questions = distinctQuestions(Number(values.questions));
  const memory = await memoryAfter(questions);
  const result = {
    coldStartMs: { median: Math.round(median(totals)), min: Math.round(Math.min(...totals)), max: Math.round(Math.max(...totals)), firstAnswerMedian: Math.round(median(starts.map((s) => s.firstAnswerMs))) },
    questions: questions.length,
    answerSeconds: Number(memory.seconds.toFixed(1)),
    rssMb: { afterAnswers: Math.round(memory.afterAnswers.rssMb), afterIdle: Math.round(memory.afterIdle.rssMb), peak: Math.round(memory.afterIdle.peakMb) },
  };
  const misses = [
    ...(result.coldStartMs.median > TARGET.coldStartMs ? [`cold start ${result.coldStartMs.median} ms > ${TARGET.coldStartMs} ms`] : []),
    ...(result.rssMb.afterAnswers > TARGET.rssMb ? [`RSS after ${questions.length} answers ${result.rssMb.afterAnswers} MB > ${TARGET.rssMb} MB`] : []),
  ];
  if (values.json) {
    console.log(JSON.stringify({ ...result, target: TARGET, misses }));
  } else {
    console.log(`node ${process.version} ${[...nodeFlags, entry].join(' ')}`);
    console.log(`cold start, one piped question (${runs} runs): median ${result.coldStartMs.median} ms (min ${result.coldStartMs.min}, max ${result.coldStartMs.max}); first answer at ${result.coldStartMs.firstAnswerMedian} ms; target ≤ ${TARGET.coldStartMs} ms`);
    console.log(`memory, ${questions.length} distinct questions answered in ${result.answerSeconds} s: RSS ${result.rssMb.afterAnswers} MB after the last answer, ${result.rssMb.afterIdle} MB after ${IDLE_MS / 1000} s idle, peak ${result.rssMb.peak} MB; target ≤ ${TARGET.rssMb} MB`);
    for (const miss of misses) console.log(`MISSED: ${miss}`);
  }
  return misses.length > 0 ? 1 : 0;
}

process.exitCode = await main();

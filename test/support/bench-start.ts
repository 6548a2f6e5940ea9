/**
 * `npm run bench:start`: the built bot (`node dist/main.js`, what `npm start`
 * and the container run) as a user meets it, in the local console. It builds
 * first (incrementally), then:
 *
 * 1. Cold start: the wall time of one process that answers one piped
 *    question and exits, as `/usr/bin/time` measures it; the median of several
 *    runs, after one untimed run that warms the file cache.
 * 2. Memory: one process is piped 1,000 distinct questions (the fixture sets),
 *    then one last line whose reply marks the end; once that reply is out, its
 *    resident memory (VmRSS) is read, and again after a few idle seconds. Its
 *    peak (VmHWM) is shown beside them. The median of several such processes.
 *
 * Node runs with the flags of `npm start` (package.json), unless
 * `--node-flags="..."` gives others. Prints PASS or FAIL for each target and
 * exits 1 when one is missed: cold start ≤ 1 s (median), RSS ≤ 100 MB after
 * the 1,000 answers (median). The machine's load average is printed with the
 * results: other jobs on its cores slow every run. Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags, processIo } from '../../src/bot/app.ts';
import { projectRoot } from '../../src/paths.ts';
import { build, machineLoad, median, startFlags, verdictLines, type Verdict } from './bench-report.ts';
import { distinctQuestions } from './questions.ts';

const USAGE = `Usage: npm run bench:start [-- --runs 7 --questions 1000 --memory-runs 3 --node-flags="--max-semi-space-size=1 --optimize-for-size" --json]
  Builds, then times the cold start of node dist/main.js to the answer of one piped question
  (median of --runs) and reads its resident memory after --questions distinct questions
  (median of --memory-runs processes). PASS/FAIL per target: cold start <= 1000 ms, RSS <= 100 MB.
  --node-flags   node's flags (default: those of npm start)
  --json         one JSON line instead of text`;

const TARGET = { coldStartMs: 1000, rssMb: 100 } as const;
const QUESTION = 'who said megaphone diplomacy';
/** A line the console answers with a notice naming it: the end of the questions. */
const END_MARK = 'zz-bench-end';
const IDLE_MS = 5_000;
const KB = 1024;

const root = projectRoot();
let nodeFlags: string[] = startFlags();
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

async function main(): Promise<number> {
  const values = parseFlags(
    process.argv.slice(2),
    {
      'node-flags': { type: 'string' },
      runs: { type: 'string', default: '7' },
      questions: { type: 'string', default: '1000' },
      'memory-runs': { type: 'string', default: '3' },
      json: { type: 'boolean' },
    },
    USAGE,
    processIo(),
  );
  if (typeof values === 'number') return values;
  if (typeof values['node-flags'] === 'string') nodeFlags = values['node-flags'].split(/\s+/).filter(Boolean);
  const runs = Math.max(1, Number(values.runs) || 1);
  const memoryRuns = Math.max(1, Number(values['memory-runs']) || 1);
  build();
  const loadBefore = machineLoad();
  await coldStart(); // the first run also warms the file cache, as any later start of a deployed bot finds it
  const starts = [];
  for (let i = 0; i < runs; i++) starts.push(await coldStart());
  const totals = starts.map((s) => s.totalMs);
  const questions = distinctQuestions(Number(values.questions));
  const memories: Awaited<ReturnType<typeof memoryAfter>>[] = [];
  for (let i = 0; i < memoryRuns; i++) memories.push(await memoryAfter(questions));
  const loadAfter = machineLoad();
  const mb = (pick: (m: (typeof memories)[number]) => number): number => Math.round(median(memories.map(pick)));
  const result = {
    coldStartMs: {
      median: Math.round(median(totals)),
      min: Math.round(Math.min(...totals)),
      max: Math.round(Math.max(...totals)),
      firstAnswerMedian: Math.round(median(starts.map((s) => s.firstAnswerMs))),
      runs: totals.map(Math.round),
    },
    questions: questions.length,
    answerSeconds: Number(median(memories.map((m) => m.seconds)).toFixed(1)),
    rssMb: {
      afterAnswers: mb((m) => m.afterAnswers.rssMb),
      afterIdle: mb((m) => m.afterIdle.rssMb),
      peak: mb((m) => m.afterIdle.peakMb),
      runs: memories.map((m) => Math.round(m.afterAnswers.rssMb)),
    },
    load: { before: loadBefore, after: loadAfter },
  };
  const verdicts: Verdict[] = [
    { target: `<= ${TARGET.coldStartMs} ms`, measured: `cold start to the first answer: median ${result.coldStartMs.median} ms of ${runs} runs`, pass: result.coldStartMs.median <= TARGET.coldStartMs },
    { target: `<= ${TARGET.rssMb} MB`, measured: `RSS after ${questions.length} answered questions: median ${result.rssMb.afterAnswers} MB of ${memoryRuns} processes`, pass: result.rssMb.afterAnswers <= TARGET.rssMb },
  ];
  if (values.json) {
    console.log(JSON.stringify({ ...result, target: TARGET, verdicts }));
  } else {
    console.log(`node ${process.version} ${[...nodeFlags, entry].join(' ')}; ${loadBefore} before, ${loadAfter} after`);
    console.log(`cold start, one piped question: median ${result.coldStartMs.median} ms (min ${result.coldStartMs.min}, max ${result.coldStartMs.max}; runs ${result.coldStartMs.runs.join(', ')}); first answer out at ${result.coldStartMs.firstAnswerMedian} ms`);
    console.log(`memory, ${questions.length} distinct questions answered in ${result.answerSeconds} s: RSS ${result.rssMb.afterAnswers} MB after the last answer (runs ${result.rssMb.runs.join(', ')}), ${result.rssMb.afterIdle} MB after ${IDLE_MS / 1000} s idle, peak ${result.rssMb.peak} MB`);
    for (const line of verdictLines(verdicts)) console.log(line);
  }
  return verdicts.every((v) => v.pass) ? 0 : 1;
}

process.exitCode = await main();

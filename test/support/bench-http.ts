/**
 * `npm run bench:http`: HTTP interactions mode under load. It builds, starts
 * the built bot (`node dist/main.js` with the flags of `npm run start:http`) with
 * INTERACTIONS_PORT on 127.0.0.1, and from this process sends it signed
 * `/ask` interactions over loopback with keep-alive, each with a distinct
 * question (the fixture sets, each question once, so no answer comes from a
 * cache) and a distinct user (so the rate limit never applies):
 *
 * 1. a warm-up (untimed): /ask with questions not used again, other commands, autocompletes;
 * 2. throughput: questions with 50 in flight;
 * 3. latency: further questions with 4 in flight, p50 and p99.
 *
 * Latency is from the request being sent to its answer fully read; signing
 * happens before. Every answer must be a 200 with a type-4 message. The whole
 * is run several times, each with a fresh bot, and the median run of each
 * figure is checked. Beside the timings, the CPU time the bot process spent per
 * interaction: the machine's other jobs slow the timings, much less that.
 * Prints PASS or FAIL for each target and exits 1 when one is missed: ≥ 500
 * interactions/s at 50 in flight, p99 ≤ 20 ms at 4 in flight, no errors.
 *
 * Node runs with the flags of `npm run start:http` unless `--node-flags="..."` gives others.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseFlags, processIo } from '../../src/bot/app.ts';
import { OPERATOR_TEXT } from '../../src/bot/messages.ts';
import { projectRoot } from '../../src/paths.ts';
import { build, cpuMsOf, machineLoad, median, startFlags as npmStartFlags, verdictLines, type Verdict } from './bench-report.ts';
import { distinctQuestions } from './questions.ts';

const USAGE = `Usage: npm run bench:http [-- --runs 3 --node-flags="--max-semi-space-size=1 --optimize-for-size" --json]
  Builds, starts node dist/main.js in HTTP interactions mode on 127.0.0.1 and sends it signed
  /ask interactions with distinct questions: throughput with 50 in flight, p50/p99 with 4 in
  flight, the median of --runs runs (a fresh bot each). PASS/FAIL per target: >= 500/s, p99 <= 20 ms.
  --node-flags   node's flags (default: those of npm run start:http)
  --json         one JSON line instead of text`;
import { applicationKeys, postInteraction, signatureHeaders, httpRequest } from './signed.ts';

const TARGET = { throughputPerSecond: 500, p99Ms: 20 } as const;
const WIDE = 50;
const NARROW = 4;
/** Distinct questions asked (with as many other interactions) before timing, so the JIT has compiled the /ask path. */
const WARM_UP = 300;
const WIDE_COUNT = 1200;
const NARROW_COUNT = 400;
const APP_ID = '1300000000000000001';

const root = projectRoot();
let startFlags = npmStartFlags('start:http');
const keys = applicationKeys();
let sequence = 0;

/** A chat-input interaction as Discord would POST it, from a user of its own. */
function interaction(name: string, options: { name: string; type: number; value: string; focused?: boolean }[], type = 2): Record<string, unknown> {
  const n = ++sequence;
  const user = { id: String(200000000000000000n + BigInt(n)), username: `user${n}`, discriminator: '0', global_name: null, avatar: null };
  return {
    id: String(1400000000000000000n + BigInt(n)),
    application_id: APP_ID,
    type,
    token: `bench-token-${n}`,
    version: 1,
    data: { id: '1', name, type: 1, options },
    guild_id: '1100000000000000001',
    channel_id: '1100000000000000002',
    member: { user, roles: [], permissions: '0', joined_at: '2024-01-01T00:00:00.000000+00:00' },
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': '1100000000000000001' },
    context: 0,
  };
}
const ask = (question: string) => interaction('ask', [{ name: 'question', type: 3, value: question }]);

/** One load phase: per-request latency in ms, errors, the wall time, and the bot's CPU time per request. */
interface Phase {
  readonly latencies: number[];
  readonly errors: string[];
  readonly seconds: number;
  readonly cpuMsPerRequest: number;
}

/** Sends `bodies` with `inFlight` at a time to the bot (process `pid`) on `port`. */
async function load(port: number, pid: number, bodies: readonly Record<string, unknown>[], inFlight: number): Promise<Phase> {
  const signed = bodies.map((b) => {
    const text = JSON.stringify(b);
    return { text, headers: signatureHeaders(keys.privateKey, text) };
  });
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const cpuBefore = cpuMsOf(pid);
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < signed.length) {
      const { text, headers } = signed[next++]!;
      const t = performance.now();
      const answer = await httpRequest(port, 'POST', '/interactions', text, headers);
      latencies.push(performance.now() - t);
      const type = (answer.json as { type?: unknown } | undefined)?.type;
      if (answer.status !== 200 || (type !== 4 && type !== 8)) errors.push(`${answer.status} ${answer.text.slice(0, 120)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, errors, seconds, cpuMsPerRequest: (cpuMsOf(pid) - cpuBefore) / Math.max(1, signed.length) };
}

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (x: number): number => Math.round(x * 100) / 100;

/** The figures of one run. */
interface RunResult {
  readonly wide: Summary;
  readonly narrow: Summary;
  readonly errors: readonly string[];
  readonly problems: readonly string[];
}

interface Summary {
  readonly inFlight: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly cpuMsPerRequest: number;
}

const summary = (inFlight: number, p: Phase): Summary => ({
  inFlight,
  requests: p.latencies.length,
  perSecond: Math.round(p.latencies.length / p.seconds),
  p50Ms: round(percentile(p.latencies, 50)),
  p99Ms: round(percentile(p.latencies, 99)),
  errors: p.errors.length,
  cpuMsPerRequest: round(p.cpuMsPerRequest),
});

/** One run: a fresh bot, the warm-up, both timed phases, PING, and SIGTERM. */
async function runOnce(): Promise<RunResult> {
  const child = spawn(process.execPath, [...startFlags, join(root, 'dist', 'main.js')], {
    cwd: root,
    // The default log level (info), as in production: one line per command.
    env: { ...process.env, DISCORD_TOKEN: '', INTERACTIONS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: keys.publicKeyHex, LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the bot exited ${code}:\n${stderr}`)));
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 100_000) stderr += c.toString();
      const listening = stderr.split('\n').find((l) => l.includes(OPERATOR_TEXT.listening('interactions')));
      if (listening) resolve((JSON.parse(listening) as { port: number }).port);
    });
  });
  child.stderr.removeAllListeners('data');
  child.stderr.resume();
  const pid = child.pid!;

  const questions = distinctQuestions(100_000);
  // Warm-up questions are never asked again: the timed ones still miss every cache.
  const warmQuestions = questions.slice(0, Math.min(WARM_UP, questions.length - NARROW_COUNT - 400));
  const timed = questions.slice(warmQuestions.length);
  const wideCount = Math.min(WIDE_COUNT, timed.length - NARROW_COUNT);
  const warm = warmQuestions.flatMap((q, i) => [
    ask(q),
    i % 2 === 0 ? interaction('article', []) : interaction('who-is', [{ name: 'name', type: 3, value: q.slice(0, 3), focused: true }], 4),
  ]);
  await load(port, pid, warm, WIDE);
  const wide = await load(port, pid, timed.slice(0, wideCount).map(ask), WIDE);
  const narrow = await load(port, pid, timed.slice(wideCount, wideCount + NARROW_COUNT).map(ask), NARROW);
  const ping = await postInteraction(port, keys.privateKey, { type: 1 });
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  child.kill('SIGTERM');
  const code = await exited;
  return {
    wide: summary(WIDE, wide),
    narrow: summary(NARROW, narrow),
    errors: [...wide.errors, ...narrow.errors],
    problems: [...(ping.status !== 200 ? ['PING not answered'] : []), ...(code !== 0 ? [`the bot exited ${code} on SIGTERM`] : [])],
  };
}

async function main(): Promise<number> {
  const values = parseFlags(process.argv.slice(2), { json: { type: 'boolean' }, 'node-flags': { type: 'string' }, runs: { type: 'string', default: '3' } }, USAGE, processIo());
  if (typeof values === 'number') return values;
  if (typeof values['node-flags'] === 'string') startFlags = values['node-flags'].split(/\s+/).filter(Boolean);
  const runCount = Math.max(1, Number(values.runs) || 1);
  build();
  const loadBefore = machineLoad();
  const runs: RunResult[] = [];
  for (let i = 0; i < runCount; i++) runs.push(await runOnce());
  const loadAfter = machineLoad();

  const throughput = median(runs.map((r) => r.wide.perSecond));
  const p99 = median(runs.map((r) => r.narrow.p99Ms));
  const errors = runs.flatMap((r) => r.errors);
  const problems = [...new Set(runs.flatMap((r) => r.problems))];
  const verdicts: Verdict[] = [
    { target: `>= ${TARGET.throughputPerSecond}/s`, measured: `throughput with ${WIDE} in flight: median ${throughput}/s of ${runCount} runs`, pass: throughput >= TARGET.throughputPerSecond },
    { target: `<= ${TARGET.p99Ms} ms`, measured: `p99 with ${NARROW} in flight: median ${p99} ms of ${runCount} runs`, pass: p99 <= TARGET.p99Ms },
    { target: 'none', measured: `errors: ${errors.length}${errors.length > 0 ? ` (first: ${errors[0]})` : ''}${problems.length > 0 ? `; ${problems.join('; ')}` : ''}`, pass: errors.length === 0 && problems.length === 0 },
  ];
  if (values.json) {
    console.log(JSON.stringify({ node: process.version, runs, median: { throughputPerSecond: throughput, p99Ms: p99 }, load: { before: loadBefore, after: loadAfter }, target: TARGET, verdicts }));
  } else {
    console.log(`node ${process.version}, ${startFlags.join(' ')} dist/main.js, signed /ask interactions over loopback, each question once; ${loadBefore} before, ${loadAfter} after`);
    runs.forEach((run, i) => {
      for (const r of [run.wide, run.narrow]) {
        console.log(`run ${i + 1}, ${String(r.inFlight).padStart(2)} in flight: ${r.requests} interactions, ${r.perSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors; the bot's CPU ${r.cpuMsPerRequest} ms per interaction`);
      }
    });
    for (const line of verdictLines(verdicts)) console.log(line);
  }
  return verdicts.every((v) => v.pass) ? 0 : 1;
}

process.exitCode = await main();

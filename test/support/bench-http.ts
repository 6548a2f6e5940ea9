/**
 * `npm run bench:http`: HTTP interactions mode under load. It starts the
 * built bot (`node dist/main.js` with the flags of `npm start`) with
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
 * happens before. Every answer must be a 200 with a type-4 message. Exits 1
 * when a target is missed: ≥ 500 interactions/s at 50 in flight, p99 ≤ 20 ms
 * at 4 in flight, no errors.
 *
 * Node runs with the flags of `npm start` unless `--node-flags="..."` gives others.
 *
 *   npm run bench:http [-- --json]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OPERATOR_TEXT } from '../../src/bot/messages.ts';
import { projectRoot } from '../../src/paths.ts';
import { distinctQuestions } from './questions.ts';
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
let startFlags = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((w) => w.startsWith('--'));
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

/** Sends `bodies` with `inFlight` at a time; per-request latency in ms, errors, and the wall time. */
async function load(port: number, bodies: readonly Record<string, unknown>[], inFlight: number): Promise<{ latencies: number[]; errors: string[]; seconds: number }> {
  const signed = bodies.map((b) => {
    const text = JSON.stringify(b);
    return { text, headers: signatureHeaders(keys.privateKey, text) };
  });
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
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
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (x: number): number => Math.round(x * 100) / 100;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, 'node-flags': { type: 'string' } } });
  if (values['node-flags'] !== undefined) startFlags = values['node-flags'].split(/\s+/).filter(Boolean);
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

  const questions = distinctQuestions(100_000);
  // Warm-up questions are never asked again: the timed ones still miss every cache.
  const warmQuestions = questions.slice(0, Math.min(WARM_UP, questions.length - NARROW_COUNT - 400));
  const timed = questions.slice(warmQuestions.length);
  const wideCount = Math.min(WIDE_COUNT, timed.length - NARROW_COUNT);
  const warm = warmQuestions.flatMap((q, i) => [
    ask(q),
    i % 2 === 0 ? interaction('article', []) : interaction('who-is', [{ name: 'name', type: 3, value: q.slice(0, 3), focused: true }], 4),
  ]);
  await load(port, warm, WIDE);
  const wide = await load(port, timed.slice(0, wideCount).map(ask), WIDE);
  const narrow = await load(port, timed.slice(wideCount, wideCount + NARROW_COUNT).map(ask), NARROW);
  const ping = await postInteraction(port, keys.privateKey, { type: 1 });
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));

  const result = {
    node: process.version,
    wide: { inFlight: WIDE, requests: wide.latencies.length, perSecond: Math.round(wide.latencies.length / wide.seconds), p50Ms: round(percentile(wide.latencies, 50)), p99Ms: round(percentile(wide.latencies, 99)), errors: wide.errors.length },
    narrow: { inFlight: NARROW, requests: narrow.latencies.length, perSecond: Math.round(narrow.latencies.length / narrow.seconds), p50Ms: round(percentile(narrow.latencies, 50)), p99Ms: round(percentile(narrow.latencies, 99)), errors: narrow.errors.length },
  };
  const misses = [
    ...(result.wide.perSecond < TARGET.throughputPerSecond ? [`throughput ${result.wide.perSecond}/s < ${TARGET.throughputPerSecond}/s`] : []),
    ...(result.narrow.p99Ms > TARGET.p99Ms ? [`p99 ${result.narrow.p99Ms} ms > ${TARGET.p99Ms} ms`] : []),
    ...[...wide.errors, ...narrow.errors].slice(0, 3).map((e) => `error: ${e}`),
    ...(ping.status !== 200 ? ['PING not answered'] : []),
    ...(code !== 0 ? [`the bot exited ${code} on SIGTERM`] : []),
  ];
  if (values.json) {
    console.log(JSON.stringify({ ...result, target: TARGET, misses }));
  } else {
    console.log(`node ${process.version}, ${startFlags.join(' ')} dist/main.js, signed /ask interactions over loopback, each question once`);
    for (const r of [result.wide, result.narrow]) {
      console.log(`${String(r.inFlight).padStart(2)} in flight: ${r.requests} interactions, ${r.perSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors`);
    }
    console.log(`targets: ≥ ${TARGET.throughputPerSecond}/s with ${WIDE} in flight; p99 ≤ ${TARGET.p99Ms} ms with ${NARROW} in flight`);
    for (const miss of misses) console.log(`MISSED: ${miss}`);
  }
  return misses.length > 0 ? 1 : 0;
}

process.exitCode = await main();

/**
 * `npm run bench`: latency (p50, p99) and throughput of the engine over a
 * question set, side by side with a naive baseline (fuse.js over the
 * article's paragraphs) on the same questions, and how often each puts the
 * expected passage first.
 *
 *   npm run bench -- [questions.json] [--rounds N]
 * The default question set is ../shared/eval/dev-questions.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { foldForComparison } from '../knowledge/article.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, createGeneralEngine, loadKnowledge, type Engine } from '../engine/index.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/** Every distinct question of the fixture sets: none repeats, so no cache of any kind can serve one. */
function distinctQuestions(): string[] {
  const files = [
    ...readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => join(FIXTURES, f)),
    ...readdirSync(join(FIXTURES, 'articles')).filter((f) => f.endsWith('.json')).map((f) => join(FIXTURES, 'articles', f)),
  ];
  return [...new Set(files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as Case[]).map((c) => c.q)))];
}

/**
 * Mean and p99 per answer over distinct questions, each asked once, after warming up on other text
 * and, for an engine, after its own warm-up ({@link Engine.warm}), which a running bot has done.
 */
function distinct(name: string, engine: Pick<Engine, 'answer'> & Partial<Pick<Engine, 'warm'>>, questions: readonly string[]): string {
  engine.warm?.();
  // Warm the JIT on different strings (the questions reversed), so nothing of the timed ones is remembered anywhere.
  for (const q of questions.slice(0, 300)) engine.answer([...q].reverse().join(''));
  const times: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    engine.answer(q);
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  const p99 = times[Math.floor(0.99 * (times.length - 1))]!;
  return `${name.padEnd(34)} ${questions.length} distinct questions: mean ${mean.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (budget 0.5 ms mean: ${mean <= 0.5 ? 'within' : 'OVER'})`;
}

interface Case {
  readonly q: string;
  readonly excerpt?: readonly string[];
  readonly none?: boolean;
}

const DEFAULT_SET = fileURLToPath(new URL('../../../shared/eval/dev-questions.json', import.meta.url));
const FALLBACK_SET = fileURLToPath(new URL('../../test/fixtures/paraphrase-questions.json', import.meta.url));

/** Untimed rounds over the question set before timing starts. */
const WARMUP_ROUNDS = 20;

interface Stats {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly perSecond: number;
  readonly top1: number;
}

function measure(cases: readonly Case[], rounds: number, answer: (q: string) => string | null): Stats {
  // Steady state, as in a bot that has been running: the JIT compiles the hot paths over the first
  // rounds, and timing those would measure start-up, not answering. Both answerers get the same.
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const c of cases) answer(c.q);
  const times: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const t0 = performance.now();
      answer(c.q);
      times.push(performance.now() - t0);
    }
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const norm = (s: string): string => foldForComparison(s).toLowerCase();
  const top1 = cases.filter((c) => {
    const excerpt = answer(c.q);
    if (c.none) return excerpt === null;
    return excerpt !== null && (c.excerpt ?? []).some((k) => norm(excerpt).includes(norm(k)));
  }).length;
  return { p50: at(0.5), p99: at(0.99), mean: total / times.length, perSecond: (times.length / total) * 1000, top1 };
}

const USAGE = `Usage: npm run bench -- [questions.json] [--rounds N]
  Engine latency and throughput against fuse.js over the article's paragraphs, on the same questions.
  questions.json  a question set (default ../shared/eval/dev-questions.json, else test/fixtures/paraphrase-questions.json)
  --rounds N      timed rounds over the set (default 200)`;

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ options: { rounds: { type: 'string', default: '200' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const file = positionals[0] ?? (existsSync(DEFAULT_SET) ? DEFAULT_SET : FALLBACK_SET);
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Case[];
  const rounds = Math.max(1, Number(values.rounds) || 200);

  const kb = loadKnowledge();
  // No result cache: every answer is worked out, as for a question never asked before.
  const engine = createEngine(kb, { cache: false });
  const fuse = new Fuse(kb.article.paragraphs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });

  const ours = measure(cases, rounds, (q) => engine.answer(q).answers[0]?.excerpt ?? null);
  const naive = measure(cases, rounds, (q) => fuse.search(q, { limit: 3 })[0]?.item.text ?? null);

  const row = (name: string, s: Stats): string =>
    `${name.padEnd(28)} ${s.p50.toFixed(3).padStart(8)} ${s.p99.toFixed(3).padStart(8)} ${s.mean.toFixed(3).padStart(8)} ${Math.round(s.perSecond).toString().padStart(10)} ${`${s.top1}/${cases.length}`.padStart(8)}`;
  console.log(`${cases.length} questions × ${rounds} rounds from ${file}`);
  console.log(`${'answerer'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'mean ms'.padStart(8)} ${'answers/s'.padStart(10)} ${'top-1'.padStart(8)}`);
  console.log(row('citebot engine', ours));
  console.log(row('fuse.js over paragraphs', naive));
  console.log(`ratio (baseline / engine): p50 ${(naive.p50 / ours.p50).toFixed(1)}×, p99 ${(naive.p99 / ours.p99).toFixed(1)}×, throughput ${(ours.perSecond / naive.perSecond).toFixed(1)}×`);
  console.log(`engine mean per answer: ${ours.mean.toFixed(3)} ms (budget 0.5 ms): ${ours.mean <= 0.5 ? 'within' : 'OVER'}`);
  const questions = distinctQuestions();
  console.log(distinct('curated engine (seed pack)', createEngine(kb, { cache: false }), questions));
  console.log(distinct('general engine (seed pack)', createGeneralEngine(kb, { cache: false }), questions));
  console.log(distinct('fuse.js over paragraphs', { answer: (q) => fuse.search(q, { limit: 3 }) as never }, questions));
}

main();

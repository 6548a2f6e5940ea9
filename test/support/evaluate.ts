/**
 * Scores question sets in-process with score.py's rules (test/support/judge.ts):
 * the seed article's sets against the curated pack, and each development
 * article's set against a pack `npm run ingest` extracts from its text.
 *
 *   npm run eval              every set, one line each, and the total
 *   npm run eval -- -v        with each failure
 *   npm run eval -- <name>    only sets whose file name contains <name>
 *   npm run eval -- --extracted-seed   also the seed sets on the seed article's extracted pack
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGeneralEngine as createEngine, type GeneralEngine } from '../../src/engine/general.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type * as Ingest from '../../src/ingest/index.ts';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load.ts';
import { foldForComparison } from '../../src/knowledge/article.ts';
import { createEngine as createProductEngine } from '../../src/engine/engine.ts';
import { judge, type EvalCase } from './judge.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const ARTICLE_TEXTS = join(FIXTURES, 'articles', 'texts');

export interface SetScore {
  readonly set: string;
  readonly right: number;
  readonly total: number;
  /** Out-of-scope questions refused, of how many. */
  readonly refused: number;
  readonly outOfScope: number;
  readonly failures: readonly string[];
}

export function loadSet(file: string): EvalCase[] {
  return JSON.parse(readFileSync(file, 'utf8')) as EvalCase[];
}

export function score(set: string, cases: readonly EvalCase[], engine: Engine): SetScore {
  const failures: string[] = [];
  let refused = 0;
  for (const c of cases) {
    const answers = engine.answer(c.q).answers;
    const v = judge(c, answers);
    if (c.none && answers.length === 0) refused++;
    if (!v.ok) failures.push(`${c.id} [${c.kind}] ${JSON.stringify(c.q)}: ${v.why}`);
  }
  return { set, right: cases.length - failures.length, total: cases.length, refused, outOfScope: cases.filter((c) => c.none).length, failures };
}

/**
 * Where each article's question sets are, under fixtures/articles: the first
 * set (written before the engine met the article, and tuned on since), a
 * held-out set and a fresh set written later, whose first scores are in docs/evaluation.md.
 */
export const ARTICLE_SETS = ['', 'heldout', 'fresh', 'blind', 'blind2', 'unseen', 'unseen2', 'unseen3', 'unseen4', 'unseen5', 'unseen6', 'unseen7', 'unseen8', 'unseen9', 'unseen10', 'unseen11', 'unseen12', 'unseen13', 'unseen14', 'unseen15', 'unseen16', 'unseen17', 'unseen18', 'unseen19', 'reasked', 'reasked2'] as const;

/** The development articles, by slug. */
export function articleSlugs(): string[] {
  return readdirSync(ARTICLE_TEXTS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

/** The ingest pipeline, loaded when first needed: its taggers take seconds, which `--help` need not wait for. */
const ingestion = (): Promise<typeof Ingest> => import('../../src/ingest/index.ts');

/** Extracts a development article into a fresh pack and builds an engine over it. */
export async function articleEngine(slug: string, into: string): Promise<GeneralEngine> {
  const { ingest, writePack } = await ingestion();
  const meta = JSON.parse(readFileSync(join(ARTICLE_TEXTS, `${slug}.meta.json`), 'utf8')) as { published: string; title: string; outlet: string; url: string };
  const result = await ingest(readFileSync(join(ARTICLE_TEXTS, `${slug}.txt`), 'utf8'), { published: meta.published, outlet: meta.outlet, url: meta.url });
  const dir = join(into, slug);
  writePack(dir, result.pack);
  return createEngine(loadKnowledge(dir), { cache: false, ...experimentOptions() });
}

/** EngineOptions to try, as JSON in CITEBOT_OPTIONS (experiments only; the defaults are in options.ts). */
function experimentOptions(): object {
  return process.env.CITEBOT_OPTIONS ? (JSON.parse(process.env.CITEBOT_OPTIONS) as object) : {};
}

/** The seed article's pack as `npm run ingest` extracts it, with no curated knowledge. */
export async function extractedSeedEngine(into: string): Promise<GeneralEngine> {
  const { ingest, writePack } = await ingestion();
  const result = await ingest(readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8'), { published: '2018-08', outlet: 'RFE/RL' });
  const dir = join(into, 'seed-extracted');
  writePack(dir, result.pack);
  return createEngine(loadKnowledge(dir), { cache: false, ...experimentOptions() });
}

/**
 * The pack with its lexicon (synonym groups), entity aliases and item keywords limited to
 * words the article itself writes: what the engines score without words curators added
 * (issue #9: how much the score leans on words that may have come from test questions).
 */
export function articleWordsOnly(kb: KnowledgeBase): { kb: KnowledgeBase; dropped: string[] } {
  const words = new Set(wordsOf(kb.article.paragraphs.map((p) => p.text).join(' ')));
  const dropped: string[] = [];
  const own = (phrase: string): boolean => {
    const ok = wordsOf(phrase).every((w) => words.has(w));
    if (!ok) dropped.push(phrase);
    return ok;
  };
  const synonyms = kb.lexicon.synonyms.map((g) => g.filter(own)).filter((g) => g.length >= 2);
  const entities = kb.entities.map((e) => ({ ...e, aliases: e.aliases.filter(own) }));
  const keywords = <T extends { keywords: string[] }>(x: T): T => ({ ...x, keywords: x.keywords.filter(own) });
  return {
    kb: {
      ...kb,
      lexicon: { ...kb.lexicon, synonyms },
      entities,
      entityById: new Map(entities.map((e) => [e.id, e])),
      events: kb.events.map(keywords),
      facts: kb.facts.map(keywords),
      quotes: kb.quotes.map(keywords),
    },
    dropped,
  };
}

/** A text's words, lower case, quotes straightened, possessive "'s" left off. */
function wordsOf(text: string): string[] {
  return (foldForComparison(text).toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'.-]*/gu) ?? []).map((w) => w.replace(/'s$|[.'-]+$/u, ''));
}

/** Scores every development article's set on its extracted pack. */
export async function scoreArticles(filter = ''): Promise<SetScore[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'citebot-eval-'));
  try {
    const out: SetScore[] = [];
    for (const slug of articleSlugs()) {
      const sets = ARTICLE_SETS.map((d) => ({ name: d ? `${d}/${slug}` : slug, file: join(FIXTURES, 'articles', d, `${slug}.json`) })).filter((x) => x.name.includes(filter) && existsSync(x.file));
      if (sets.length === 0) continue;
      const engine = await articleEngine(slug, tmp);
      for (const x of sets) out.push(score(x.name, loadSet(x.file), engine));
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const USAGE = `Usage: npm run eval [-- -v] [-- <name>]
  Scores every question set in-process (score.py's rules): one line a set, and the totals.
  -v       with each failure
  <name>   only sets whose file name contains <name>
  --extracted-seed   also the seed sets on the seed article's extracted pack
  --article-words    also the seed sets with the lexicon, aliases and keywords limited to the article's own words`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const verbose = args.includes('-v');
  const filter = args.find((a) => !a.startsWith('-')) ?? '';
  const rows = await scoreArticles(filter);
  const seed = createEngine(loadKnowledge(), { cache: false, ...experimentOptions() });
  const seedFiles = readdirSync(FIXTURES).filter((x) => x.endsWith('.json') && x.includes(filter)).sort();
  for (const f of seedFiles) rows.push(score(f, loadSet(join(FIXTURES, f)), seed));
  if (args.includes('--article-words')) {
    // The product's engine on the seed sets, with the pack as curated and with its words limited to the article's.
    const full = loadKnowledge();
    const limited = articleWordsOnly(full);
    for (const [name, kb] of [['as curated', full], ['article words only', limited.kb]] as const) {
      const engine = createProductEngine(kb, { cache: false });
      const rs = seedFiles.map((f) => score(f, loadSet(join(FIXTURES, f)), engine));
      console.log(`seed sets, curated engine, lexicon and aliases ${name}: ${rs.reduce((n, r) => n + r.right, 0)}/${rs.reduce((n, r) => n + r.total, 0)}`);
    }
    console.log(`left out (${limited.dropped.length}): ${limited.dropped.join(', ')}`);
  }
  if (args.includes('--extracted-seed')) {
    const tmp = mkdtempSync(join(tmpdir(), 'citebot-eval-'));
    const extracted = await extractedSeedEngine(tmp);
    const ex = seedFiles.map((f) => score(f, loadSet(join(FIXTURES, f)), extracted));
    rmSync(tmp, { recursive: true, force: true });
    for (const r of ex) {
      console.log(`extracted/${r.set.padEnd(30)} ${r.right}/${r.total}  refused ${r.refused}/${r.outOfScope}`);
      if (verbose) for (const f of r.failures) console.log(`    ${f}`);
    }
    console.log(`seed sets on the extracted seed pack (general engine): ${ex.reduce((n, r) => n + r.right, 0)}/${ex.reduce((n, r) => n + r.total, 0)}`);
  }
  for (const r of rows) {
    console.log(`${r.set.padEnd(40)} ${r.right}/${r.total}  refused ${r.refused}/${r.outOfScope}`);
    if (verbose) for (const f of r.failures) console.log(`    ${f}`);
  }
  const sum = (f: (r: SetScore) => number, list = rows): number => list.reduce((n, r) => n + f(r), 0);
  for (const d of ARTICLE_SETS) {
    const arts = rows.filter((r) => !r.set.endsWith('.json') && (d ? r.set.startsWith(`${d}/`) : !r.set.includes('/')));
    if (arts.length) console.log(`articles${d ? ` (${d})` : ''}: ${sum((r) => r.right, arts)}/${sum((r) => r.total, arts)}, refused ${sum((r) => r.refused, arts)}/${sum((r) => r.outOfScope, arts)}`);
  }
  const seedRows = rows.filter((r) => r.set.endsWith('.json'));
  console.log(`seed sets: ${sum((r) => r.right, seedRows)}/${sum((r) => r.total, seedRows)}, refused ${sum((r) => r.refused, seedRows)}/${sum((r) => r.outOfScope, seedRows)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

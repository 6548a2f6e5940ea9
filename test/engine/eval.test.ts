// Answer quality, measured with the shared scorer's rules (test/support/judge.ts) on every
// question set, written by people who had not seen the engine (docs/evaluation.md has each
// set's first-meeting score beside its current one). One floor over all sets, with some
// tolerance, rather than each set held at its exact score: a change that helps most sets and
// costs one question somewhere is not blocked, and a set is not fitted question by question.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, createGeneralEngine, loadKnowledge } from '../../src/engine/index.ts';
import { articleWordsOnly, extractedSeedEngine, FIXTURES, loadSet, score, scoreArticles, type SetScore } from '../support/evaluate.ts';

const seedSets = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('-questions.json'))
  .sort();
const total = (rows: readonly SetScore[], f: (r: SetScore) => number): number => rows.reduce((n, r) => n + f(r), 0);
const report = (rows: readonly SetScore[]): string => rows.map((r) => `${r.set}: ${r.right}/${r.total}\n  ${r.failures.join('\n  ')}`).join('\n');

/** Floors, a few questions under what the engines score today (see docs/evaluation.md). */
const FLOOR = {
  /** The seed article's 45 sets (2,615 questions) on its pack, extraction plus overlay (2,477 today). */
  seedCurated: 2455,
  /** The same sets on the general engine over the same pack (2,166 today). */
  seedGeneral: 2145,
  /** The same sets on the general engine over the seed's extraction alone, no overlay (1,955 today). */
  seedExtracted: 1930,
  /** The nine development articles' sets (360 questions), each on the pack ingest extracts (304 today). */
  articles: 297,
  /** Their 45 out-of-scope questions refused (38 today). */
  articlesRefused: 36,
  /** The held-out sets on the same articles (216 questions; 136 at first meeting, 171 today). */
  heldout: 163,
  /** The fresh sets on the same articles (180 questions; 145 at first meeting, 164 today). */
  fresh: 158,
  /** The blind sets on the same articles (270 questions; 177 at first meeting, 191 today). */
  blind: 185,
  /** Their 36 near misses refused (21 at first meeting, 27 today). */
  blindRefused: 25,
  /** The second blind sets (180 questions, 27 near misses; 143 and 23 at first meeting, 145 and 24 today). */
  blind2: 138,
  blind2Refused: 21,
  /** Eight articles the project had never seen (240 questions, 32 near misses; 157 and 18 at first meeting, 182 and 23 today). */
  unseen: 175,
  unseenRefused: 21,
  /** Four more new articles (120 questions, 17 near misses), written mid-session and scored once: 77 and 12 (80 and 12 today). */
  unseen2: 74,
  unseenRefused2: 10,
  /**
   * Nine more new articles (270 questions, 36 near misses), from the eighth session, each scored once when
   * it arrived: 177 and 28 at first meeting (191 and 29 today).
   */
  unseen3: 183,
  unseenRefused3: 26,
  /**
   * Six more (240 questions, 32 near misses; two articles with two writers' questions), from the ninth session,
   * scored once when they arrived: 163 and 24 at first meeting (179 and 24 today).
   */
  unseen4: 172,
  unseenRefused4: 22,
  /** Four more (120 questions, 16 near misses), late in the ninth session: 75 and 12 at first meeting, 76 and 12 today. */
  unseen5: 71,
  unseenRefused5: 11,
  /** Five more (150 questions, 20 near misses), from the tenth session, scored once when they arrived: 103 and 13 (113 and 15 today). */
  unseen6: 107,
  unseenRefused6: 13,
} as const;

describe('answer quality', () => {
  let articles: SetScore[] = [];
  beforeAll(async () => {
    articles = await scoreArticles();
  }, 120_000);

  it(`the seed article's sets, curated pack: at least ${FLOOR.seedCurated} right`, () => {
    const engine = createEngine(loadKnowledge(), { cache: false });
    const rows = seedSets.map((f) => score(f, loadSet(join(FIXTURES, f)), engine));
    expect(total(rows, (r) => r.right), report(rows)).toBeGreaterThanOrEqual(FLOOR.seedCurated);
  });

  it(`the seed article's sets, general engine: at least ${FLOOR.seedGeneral} right`, () => {
    const engine = createGeneralEngine(loadKnowledge(), { cache: false });
    const rows = seedSets.map((f) => score(f, loadSet(join(FIXTURES, f)), engine));
    expect(total(rows, (r) => r.right), report(rows)).toBeGreaterThanOrEqual(FLOOR.seedGeneral);
  });

  it(`the seed article's sets, general engine over its extraction alone: at least ${FLOOR.seedExtracted} right`, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'citebot-eval-seed-'));
    try {
      const engine = await extractedSeedEngine(tmp);
      const rows = seedSets.map((f) => score(f, loadSet(join(FIXTURES, f)), engine));
      expect(total(rows, (r) => r.right), report(rows)).toBeGreaterThanOrEqual(FLOOR.seedExtracted);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it(`nine articles nobody curated, extracted by ingest: at least ${FLOOR.articles} of 360 right, ${FLOOR.articlesRefused} of 45 out-of-scope refused`, () => {
    const first = articles.filter((r) => !r.set.includes('/'));
    expect(total(first, (r) => r.total)).toBe(360);
    expect(total(first, (r) => r.right), report(first)).toBeGreaterThanOrEqual(FLOOR.articles);
    expect(total(first, (r) => r.refused), report(first)).toBeGreaterThanOrEqual(FLOOR.articlesRefused);
  });

  /** The article sets scored apart from the tuned nine: their folder, what they are, and their floors. */
  const SETS = [
    { folder: 'heldout', what: "the same articles' held-out sets", questions: 216, right: FLOOR.heldout },
    { folder: 'fresh', what: "the same articles' fresh sets", questions: 180, right: FLOOR.fresh },
    { folder: 'blind', what: "the same articles' blind sets", questions: 270, right: FLOOR.blind, nearMisses: 36, refused: FLOOR.blindRefused },
    { folder: 'blind2', what: "the same articles' second blind sets", questions: 180, right: FLOOR.blind2, nearMisses: 27, refused: FLOOR.blind2Refused },
    { folder: 'unseen', what: 'eight articles new to the project', questions: 240, right: FLOOR.unseen, nearMisses: 32, refused: FLOOR.unseenRefused },
    { folder: 'unseen2', what: 'four more new articles, scored once', questions: 120, right: FLOOR.unseen2, nearMisses: 17, refused: FLOOR.unseenRefused2 },
    { folder: 'unseen3', what: 'nine more new articles, scored once', questions: 270, right: FLOOR.unseen3, nearMisses: 36, refused: FLOOR.unseenRefused3 },
    { folder: 'unseen4', what: 'six more new articles, scored once', questions: 240, right: FLOOR.unseen4, nearMisses: 32, refused: FLOOR.unseenRefused4 },
    { folder: 'unseen5', what: 'four more new articles, scored once', questions: 120, right: FLOOR.unseen5, nearMisses: 16, refused: FLOOR.unseenRefused5 },
    { folder: 'unseen6', what: 'five more new articles, scored once', questions: 150, right: FLOOR.unseen6, nearMisses: 20, refused: FLOOR.unseenRefused6 },
  ] as const;

  it.each(SETS.map((t) => [`${t.what} (${t.folder}): at least ${t.right} of ${t.questions} right${'refused' in t ? `, ${t.refused} of ${t.nearMisses} near misses refused` : ''}`, t] as const))('%s', (_name, t) => {
    const rows = articles.filter((r) => r.set.startsWith(`${t.folder}/`));
    expect(total(rows, (r) => r.total)).toBe(t.questions);
    expect(total(rows, (r) => r.right), report(rows)).toBeGreaterThanOrEqual(t.right);
    if ('refused' in t) expect(total(rows, (r) => r.refused), report(rows)).toBeGreaterThanOrEqual(t.refused);
  });

  it('measures the lexicon dependency: the pack with only words the article writes keeps those and leaves out the rest', () => {
    const kb = loadKnowledge();
    const { kb: limited, dropped } = articleWordsOnly(kb);
    const body = kb.article.paragraphs.map((p) => p.text.toLowerCase()).join(' ');
    const aliases = limited.entities.flatMap((e) => e.aliases);
    expect(aliases.length).toBeGreaterThan(0);
    for (const a of aliases) for (const w of a.toLowerCase().split(/\s+/)) expect(body).toContain(w.replace(/['’]s$/, ''));
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped).toContain('spy boss');
    expect(limited.lexicon.synonyms.flat().length).toBeLessThan(kb.lexicon.synonyms.flat().length);
  });

  it('scores a set exactly as score.py would: a wrong excerpt, speaker or date fails the question', () => {
    const engine = createGeneralEngine(loadKnowledge(), { cache: false });
    const cases = [
      { id: 'x1', kind: 'who', q: "Who said 'megaphone diplomacy'?", excerpt: ['megaphone diplomacy'], speaker: ['nobody-by-this-name'] },
      { id: 'x2', kind: 'none', q: 'Who is Heather Nauert?', none: true },
    ];
    expect(score('check', cases, engine).right).toBe(0);
  });
});

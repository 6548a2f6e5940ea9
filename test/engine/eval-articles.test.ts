// Answer quality on the articles nobody curated, each extracted by the ingest pipeline as
// `npm run ingest` does and scored with the shared scorer's rules (test/support/judge.ts).
// Apart from the seed article's sets (eval.test.ts) so that the two run side by side.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreArticles, type SetScore } from '../support/evaluate.ts';
import { FLOOR, report, total } from '../support/floors.ts';

describe('answer quality on articles nobody curated', () => {
  let articles: SetScore[] = [];
  beforeAll(async () => {
    articles = await scoreArticles();
  }, 120_000);

  it(`nine articles nobody curated, extracted by ingest: at least ${FLOOR.articles} of 360 right, ${FLOOR.articlesRefused} of 45 out-of-scope refused`, () => {
    const first = articles.filter((r) => !r.set.includes('/'));
    expect(total(first, (r) => r.total)).toBe(360);
    expect(total(first, (r) => r.right), report(first)).toBeGreaterThanOrEqual(FLOOR.articles);
    expect(total(first, (r) => r.refused), report(first)).toBeGreaterThanOrEqual(FLOOR.articlesRefused);
  });

  /** An article set scored apart from the tuned nine: its folder, what it is, and its floors. */
  interface ArticleSet {
    readonly folder: string;
    readonly what: string;
    readonly questions: number;
    readonly right: number;
    readonly nearMisses?: number;
    readonly refused?: number;
  }
  const SETS: readonly ArticleSet[] = [
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
    { folder: 'unseen7', what: 'eight more new articles, held back to the end', questions: 240, right: FLOOR.unseen7, nearMisses: 32, refused: FLOOR.unseenRefused7 },
    { folder: 'unseen8', what: 'five more new articles, three held back to the end', questions: 150, right: FLOOR.unseen8, nearMisses: 20, refused: FLOOR.unseenRefused8 },
    { folder: 'unseen9', what: 'four more new articles, scored once', questions: 120, right: FLOOR.unseen9, nearMisses: 16, refused: FLOOR.unseenRefused9 },
    { folder: 'unseen10', what: 'four more new articles, held back to the end', questions: 120, right: FLOOR.unseen10, nearMisses: 16, refused: FLOOR.unseenRefused10 },
    { folder: 'unseen11', what: 'five more new articles, held back', questions: 150, right: FLOOR.unseen11, nearMisses: 20, refused: FLOOR.unseenRefused11 },
    { folder: 'unseen12', what: 'ten more new articles, held back', questions: 300, right: FLOOR.unseen12, nearMisses: 40, refused: FLOOR.unseenRefused12 },
    { folder: 'unseen13', what: 'four more new articles, scored once', questions: 120, right: FLOOR.unseen13, nearMisses: 16, refused: FLOOR.unseenRefused13 },
    { folder: 'unseen14', what: 'four more new articles, held back', questions: 120, right: FLOOR.unseen14, nearMisses: 16, refused: FLOOR.unseenRefused14 },
    { folder: 'unseen15', what: 'two articles from another source, scored once', questions: 60, right: FLOOR.unseen15, nearMisses: 8, refused: FLOOR.unseenRefused15 },
    { folder: 'unseen16', what: 'four articles from another source, held back', questions: 120, right: FLOOR.unseen16, nearMisses: 16, refused: FLOOR.unseenRefused16 },
    { folder: 'unseen17', what: 'four articles from a third source, scored once', questions: 120, right: FLOOR.unseen17, nearMisses: 16, refused: FLOOR.unseenRefused17 },
    { folder: 'unseen18', what: 'three articles from a fourth source, scored once', questions: 90, right: FLOOR.unseen18, nearMisses: 12, refused: FLOOR.unseenRefused18 },
    { folder: 'unseen19', what: 'four articles from a fifth source, held back', questions: 120, right: FLOOR.unseen19, nearMisses: 16, refused: FLOOR.unseenRefused19 },
    { folder: 'reasked2', what: "another writer's questions on three of unseen10's articles, held back", questions: 90, right: FLOOR.reasked2, nearMisses: 12, refused: FLOOR.reasked2Refused },
    { folder: 'reasked', what: 'new questions on four articles already developed on', questions: 120, right: FLOOR.reasked, nearMisses: 16, refused: FLOOR.reaskedRefused },
  ];

  it.each(SETS.map((t) => [`${t.what} (${t.folder}): at least ${t.right} of ${t.questions} right${t.refused === undefined ? '' : `, ${t.refused} of ${t.nearMisses} near misses refused`}`, t] as const))('%s', (_name, t) => {
    const rows = articles.filter((r) => r.set.startsWith(`${t.folder}/`));
    expect(total(rows, (r) => r.total)).toBe(t.questions);
    expect(total(rows, (r) => r.right), report(rows)).toBeGreaterThanOrEqual(t.right);
    if (t.refused !== undefined) expect(total(rows, (r) => r.refused), report(rows)).toBeGreaterThanOrEqual(t.refused);
  });
});

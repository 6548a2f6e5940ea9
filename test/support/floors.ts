// The floors of the answer-quality tests (eval.test.ts for the seed article's sets,
// eval-articles.test.ts for the articles nobody curated), and how they total and report a set's rows.
import type { SetScore } from './evaluate.ts';

/** Floors, a few questions under what the engines score today (see docs/evaluation.md). */
export const FLOOR = {
  /** The seed article's 55 sets (3,115 questions) on its pack, extraction plus overlay (2,904 today). */
  seedCurated: 2875,
  /** The same sets on the general engine over the same pack (2,563 today). */
  seedGeneral: 2530,
  /** The same sets on the general engine over the seed's extraction alone, no overlay (2,361 today). */
  seedExtracted: 2330,
  /** The nine development articles' sets (360 questions), each on the pack ingest extracts (308 today). */
  articles: 300,
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
  /**
   * Eight more from Readability's test pages (240 questions, 32 near misses), scored at arrival (163 and 24; the
   * session-start tree 162) and held back, unread, until the tenth session's end: 162 and 24 then, 170 and 25 today.
   */
  unseen7: 157,
  unseenRefused7: 22,
  /**
   * Five more from Readability's test pages (150 questions, 20 near misses), from the eleventh session, scored at
   * arrival on the session-start tree: 118 and 16. Three of them (90, 12) were held back, unread, to the session's
   * end: 69 and 10 at arrival, 71 and 10 then. 121 and 16 today.
   */
  unseen8: 115,
  unseenRefused8: 14,
  /**
   * Four more from the article-extraction benchmark (120 questions, 16 near misses), from the twelfth session,
   * scored at arrival on the session-start tree: 83 and 7 (meant to be held back; their failures were printed
   * by mistake in the first comparison, so they are development data). 88 and 10 today.
   */
  unseen9: 80,
  unseenRefused9: 6,
  /**
   * New questions on four articles already developed on (120 questions, 16 near misses), written in the twelfth
   * session by helpers who saw no code: 85 and 12 at first meeting on the session-start tree, 87 and 13 today.
   */
  reasked: 82,
  reaskedRefused: 11,
  /**
   * Four more from the benchmark (120 questions, 16 near misses), from the twelfth session, scored at arrival
   * (79 and 12) and held back, unread, to the session's end: 81 and 12 then.
   */
  unseen10: 76,
  unseenRefused10: 11,
  /**
   * Five more from the benchmark (150 questions, 20 near misses), from the thirteenth session, scored at arrival
   * (101 and 13; the session-start tree 100 and 13) and held back, unread.
   */
  unseen11: 97,
  unseenRefused11: 12,
  /**
   * New questions by another writer on three of unseen10's articles (90 questions, 12 near misses), from the
   * thirteenth session, scored at arrival (55 and 9; the session-start tree 54 and 9) and held back, unread.
   */
  reasked2: 52,
  reasked2Refused: 8,
  /**
   * Ten more from the benchmark (300 questions, 40 near misses), from the fourteenth session, scored at arrival
   * (185 and 28; the session-start tree the same) and held back, unread.
   */
  unseen12: 178,
  unseenRefused12: 26,
  /**
   * Four more from the benchmark (120 questions, 16 near misses), from the fifteenth session, scored at arrival
   * (86 and 11; the session-start tree the same) and developed on: 92 and 11 at the session's end.
   */
  unseen13: 82,
  unseenRefused13: 10,
  /**
   * Four more (120 questions, 16 near misses), from the fifteenth session, scored at arrival (68 and 9; the
   * session-start tree the same) and held back, unread.
   */
  unseen14: 64,
  unseenRefused14: 8,
  /**
   * Two from another source (`codelucas/newspaper`'s test pages; 60 questions, 8 near misses), from the sixteenth
   * session, scored at arrival (30 and 2; the session-start tree the same) and developed on.
   */
  unseen15: 27,
  unseenRefused15: 1,
  /**
   * Four more from that source (120 questions, 16 near misses), from the sixteenth session, scored at arrival (73 and
   * 12; the session-start tree the same) and held back, unread.
   */
  unseen16: 69,
  unseenRefused16: 10,
  /**
   * Four from a third source (`adbar/trafilatura`'s saved pages; 120 questions, 16 near misses), from the sixteenth
   * session, scored at arrival (86 and 11; the session-start tree the same) and developed on: 90 and 11 at the session's end.
   */
  unseen17: 82,
  unseenRefused17: 9,
  /**
   * Three from a fourth source (`goose3`'s test pages; 90 questions, 12 near misses), from the seventeenth session,
   * scored at arrival on the session-start tree (57 and 6) and developed on.
   */
  unseen18: 54,
  unseenRefused18: 5,
  /**
   * Four from a fifth source (`postlight/parser`'s fixtures; 120 questions, 16 near misses), from the seventeenth
   * session, scored at arrival on the session-start tree (87 and 13) and held back, unread.
   */
  unseen19: 83,
  unseenRefused19: 11,
} as const;

export const total = (rows: readonly SetScore[], f: (r: SetScore) => number): number => rows.reduce((n, r) => n + f(r), 0);
export const report = (rows: readonly SetScore[]): string => rows.map((r) => `${r.set}: ${r.right}/${r.total}\n  ${r.failures.join('\n  ')}`).join('\n');

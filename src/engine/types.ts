/**
 * What the engine returns. Plain data: the bot, the console and `npm run ask`
 * all render from these shapes.
 */

/** Which knowledge item an answer came from. */
export interface AnswerSource {
  readonly kind: 'quote' | 'event' | 'fact' | 'entity' | 'sentence';
  readonly id: string;
}

/** One cited answer. */
export interface Answer {
  /** One direct sentence, at most {@link MAX_ANSWER_CHARS} characters. */
  readonly answer: string;
  /** Verbatim article text (a span of paragraph `paragraph`). */
  readonly excerpt: string;
  /** 1-based body paragraph the excerpt is from. */
  readonly paragraph: number;
  /** Display name of who said it, for quotes and reported speech. */
  readonly speaker?: string;
  /** ISO date: YYYY-MM-DD, or YYYY-MM / YYYY where the article is less precise. */
  readonly date?: string;
  /** Relevance, higher is better; comparable only within one result. */
  readonly score: number;
  /** Words of the excerpt that matched the question, for highlighting. */
  readonly highlights: readonly string[];
  readonly source: AnswerSource;
  /** The article's slug, when the answer comes from a library of several. */
  readonly article?: string;
  /** That article's outlet, for the citation, when the answer comes from a library of several. */
  readonly outlet?: string;
}

/** Why a result has no answers. */
export type NoAnswerReason =
  /** Nothing to answer: empty, or no words at all. */
  | 'empty'
  /** The question names someone or something the article never mentions. */
  | 'not-mentioned'
  /** The article does not answer it. */
  | 'no-match';

/** The named rules by which the engine refuses to answer; each says what the article lacks. */
export type RefusalRule =
  | 'empty'
  | 'unknown-name'
  | 'not-covered'
  | 'unknown-topic'
  | 'no-date'
  | 'no-number'
  | 'no-name'
  | 'unsettled'
  | 'wrong-time'
  | 'no-age'
  | 'no-duration'
  | 'no-place'
  | 'no-reason'
  | 'no-speaker'
  | 'not-quoted'
  | 'not-said'
  | 'no-role'
  | 'no-superior'
  | 'no-leader'
  | 'no-attribute'
  | 'unknown-action'
  | 'undescribed';

/** The engine's reply to one question. `answers` is best first, at most {@link MAX_ANSWERS}. */
export interface AnswerResult {
  readonly question: string;
  readonly answers: readonly Answer[];
  /** Present when `answers` is empty: why, and a sentence saying so. */
  readonly noAnswer?: { readonly reason: NoAnswerReason; readonly message: string; readonly rule?: RefusalRule };
  /** With no answer: the passages closest to the question ("closest the article comes"). */
  readonly related?: readonly Answer[];
}

/** At most this many answers per question. */
export const MAX_ANSWERS = 3;
/** A direct answer sentence is at most this long. */
export const MAX_ANSWER_CHARS = 200;
/** Questions longer than this are cut before answering (the meaning is in the first words). */
export const MAX_QUESTION_CHARS = 500;

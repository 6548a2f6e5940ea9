/**
 * The shape of the curated knowledge in `knowledge/*.json`.
 *
 * Every item that shows article text names its `paragraph` (1-based, counted
 * over the article body) and an `excerpt` that must stand verbatim in that
 * paragraph; `load.ts` checks that against the article before anything uses it.
 */
import { z } from 'zod';

/** Lower-case kebab-case identifier, unique across all knowledge files. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case');

/** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the article is less precise. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

/** One direct sentence a reader is shown; Discord titles and the eval both want it short. */
export const AnswerSentence = z.string().trim().min(1).max(200);

const Paragraph = z.number().int().positive();

/** Where an item comes from: `npm run ingest` (`extracted`) or a person (`curated`, the default). */
export const Origin = z.enum(['extracted', 'curated']);
const origin = Origin.default('curated');
const Excerpt = z.string().trim().min(1);
const Words = z.array(z.string().trim().min(1));

export const MetaSchema = z.strictObject({
  /** The headline exactly as it stands in the article file. */
  title: z.string().min(1),
  /** Short outlet name shown in footers. */
  outlet: z.string().min(1),
  /** The outlet's full name. */
  outletName: z.string().min(1),
  /** Publication date as precisely as it is known; null when nothing says it. */
  published: IsoDate.nullable(),
  /** How that date was worked out, for `/article` and for maintainers. */
  publishedNote: z.string().min(1),
  /** Link to the article; null while unknown. */
  url: z.url().nullable(),
  /** The first words of body paragraph 1: everything before it is page furniture. */
  bodyStartsWith: z.string().min(1),
});

export const EntityKind = z.enum(['person', 'organization', 'government', 'country', 'group', 'platform', 'place']);

export const EntitySchema = z.strictObject({
  id: Id,
  /** Canonical display name. */
  name: z.string().min(1),
  /** A shorter name for tight spaces ("the Russian Embassy"); defaults to `name`. */
  shortName: z.string().min(1).optional(),
  kind: EntityKind,
  /** Other names and the ways the article refers to it ("the spokeswoman", "the embassy"). */
  aliases: Words,
  /** The role as the article gives it, e.g. "State Department spokeswoman"; null when it gives none. */
  role: z.string().min(1).nullable(),
  /** Entity ids this one speaks or acts for (the spokeswoman for the State Department). */
  partOf: z.array(Id).default([]),
  /** One sentence answering "who is X?". */
  answer: AnswerSentence,
  /** Where the article says who or what this is. */
  paragraph: Paragraph,
  excerpt: Excerpt,
  origin,
});

export const QuoteVia = z.enum(['tweet', 'statement', 'briefing', 'remark', 'reaction']);

export const QuoteSchema = z.strictObject({
  id: Id,
  /** Entity id of who said it. */
  speaker: Id,
  /** The quoted words, verbatim (without the surrounding quotation marks). */
  text: z.string().min(1),
  paragraph: Paragraph,
  /** The sentence that carries the quote and its attribution. */
  excerpt: Excerpt,
  date: IsoDate.nullable(),
  /** How the date is written in the article ("August 5"), or null. */
  dateText: z.string().min(1).nullable(),
  via: QuoteVia,
  /** Id of the event or quote whose sentence dates these words, when their own sentence does not ("it added": the August 1 statement). */
  datedBy: Id.nullable().default(null),
  /** `context` where the article attributes it only by context ("it added"). */
  attribution: z.enum(['explicit', 'context']),
  /** Extra words a reader might use for what the quote is about. */
  keywords: Words.default([]),
  origin,
});

export const EventSchema = z.strictObject({
  id: Id,
  date: IsoDate,
  /** How the date is written in the article ("August 5", "2016"). */
  dateText: z.string().min(1),
  /** What happened, as one direct sentence that states the date as the article does. */
  answer: AnswerSentence,
  /** Entity ids of who acted (none where the sentence names no one). */
  who: z.array(Id),
  paragraph: Paragraph,
  excerpt: Excerpt,
  keywords: Words.default([]),
  origin,
});

export const FactSchema = z.strictObject({
  id: Id,
  /** What the fact answers, in a reader's words and synonyms ("why was the official called in, summoned or convoked"); searched. */
  topic: z.string().min(1),
  /** The fact as one natural question, offered as a "did you mean" suggestion. */
  question: z.string().trim().min(1).max(100).endsWith('?'),
  answer: AnswerSentence,
  /** Entity ids the fact is about. */
  about: z.array(Id).default([]),
  /** Entity id whose reported (not quoted) words these are, if any. */
  speaker: Id.nullable().default(null),
  date: IsoDate.nullable().default(null),
  /**
   * Words one of which a question must have for this fact to answer it: a fact that gives a place
   * answers "where" and "which city", not every question about the same people.
   */
  askedWith: Words.default([]),
  /** Id of the event or quote whose sentence dates this, when its own does not ("Russia criticized the summons": the embassy's statement later on August 5). */
  datedBy: Id.nullable().default(null),
  paragraph: Paragraph,
  excerpt: Excerpt,
  keywords: Words.default([]),
  origin,
});

/** Groups of words a reader may use for one idea; the first is the group's name. */
export const LexiconSchema = z.strictObject({
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
  /** Words that carry no topic but are ordinary in questions, beyond the general ones of `src/english/question-words.json`. */
  questionWords: Words.default([]),
  /** Places the article names ("Washington"): a where-question is answered only by a passage naming one. */
  places: Words.default([]),
});

/** How many WordNet senses of each article word the thesaurus takes (the commonest first). */
export const THESAURUS_SENSES = 1;

/** Generated by `npm run build:thesaurus`: a reader's word → the article words it is a synonym of. */
export const ThesaurusSchema = z.strictObject({
  source: z.string().min(1),
  words: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
});

/** Written by `npm run ingest`: each body paragraph's sentences, verbatim, as wink-nlp splits them. */
export const SentencesSchema = z.strictObject({
  source: z.string().min(1),
  paragraphs: z.array(z.array(z.string().min(1)).min(1)),
});

export type Meta = z.infer<typeof MetaSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type EntityKind = z.infer<typeof EntityKind>;
export type Quote = z.infer<typeof QuoteSchema>;
export type KbEvent = z.infer<typeof EventSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Lexicon = z.infer<typeof LexiconSchema>;
export type Thesaurus = z.infer<typeof ThesaurusSchema>;

/** The files under `knowledge/` and the schema each one follows. */
export const KNOWLEDGE_FILES = {
  meta: { file: 'meta.json', schema: MetaSchema },
  entities: { file: 'entities.json', schema: z.array(EntitySchema) },
  quotes: { file: 'quotes.json', schema: z.array(QuoteSchema) },
  events: { file: 'events.json', schema: z.array(EventSchema) },
  facts: { file: 'facts.json', schema: z.array(FactSchema) },
  lexicon: { file: 'lexicon.json', schema: LexiconSchema },
  thesaurus: { file: 'thesaurus.json', schema: ThesaurusSchema },
  /** Optional: without it, sentences are split by sbd. */
  sentences: { file: 'sentences.json', schema: SentencesSchema },
} as const;

export const ARTICLE_FILE = 'article.txt';

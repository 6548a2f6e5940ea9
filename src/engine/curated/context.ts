/**
 * What the curated engine knows of its pack, worked out once when it is built:
 * the items, their search index, and each item's terms, entities and words,
 * with the small lookups every part of the engine shares. The other modules of
 * src/engine/curated/ take this context instead of closing over it.
 */
import MiniSearch from 'minisearch';
import { foldForComparison } from '../../knowledge/article.ts';
import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { Entity } from '../../knowledge/schema.ts';
import { Analyzer, type Analysis } from '../analyze.ts';
import { isCommonWord } from '../common-words.ts';
import { buildItems, type Item } from '../items.ts';
import { sameSide } from '../model.ts';
import { splitWords, type Terms, type Token } from '../text.ts';
import type { AnswerResult } from '../types.ts';
import { COUNT_WORD, MONTH_DAY, escapeRegExp, foldWords } from './text.ts';
import { WEIGHTS } from './weights.ts';

/** What is worked out once about each item, for ranking and answering. */
export interface ItemFacts {
  /** Terms of its excerpt, extra words and the names of its entities. */
  readonly terms: ReadonlySet<string>;
  /** Terms of its quote's words, when it is a quote. */
  readonly quoteTerms: ReadonlySet<string> | null;
  /** Terms of its excerpt alone. */
  readonly excerptTerms: ReadonlySet<string>;
  /** Terms of its extra words ("tweet" for a quote given in a tweet). */
  readonly extraTerms: ReadonlySet<string>;
  /** The entities it is about: its own, and those its excerpt names ("Facebook's decision"). */
  readonly entities: ReadonlySet<string>;
  /** The words of its excerpt as written (normalized, not stemmed). */
  readonly excerptWords: ReadonlySet<string>;
  /** Its quote (or excerpt), folded by {@link foldWords}, for finding quoted words verbatim. */
  readonly folded: string;
  /** The tokens of the sentence it cites, for highlighting. */
  readonly sentenceTokens: readonly Token[];
}

/** A word of a quote and its terms, for cutting long quotes to the asked part. */
export interface QuoteWord {
  readonly text: string;
  readonly terms: readonly string[];
}

/** Everything the curated engine's parts share about one pack. */
export interface CuratedContext {
  readonly kb: KnowledgeBase;
  readonly analyzer: Analyzer;
  readonly terms: Terms;
  /** Every citable item, in pack order. */
  readonly items: readonly Item[];
  /** BM25 over the items' excerpts and extra words. */
  readonly index: MiniSearch<Item & { names: string }>;
  /** Entities quoted or reported as speaking. */
  readonly speakers: readonly Entity[];
  /** The article's paragraphs, in order. */
  readonly paragraphTexts: readonly string[];
  /** Years the article writes, and the year it was published. */
  readonly articleYears: ReadonlySet<string>;
  /** The item of a key; a key that names none is a bug. */
  itemOf(key: string): Item;
  /** The item of a key, if there is one. */
  findItem(key: string): Item | undefined;
  /** What was worked out about an item when the engine was built. */
  factsOf(item: Item): ItemFacts;
  /** An entity's name, or its id when the pack has no such entity; '' for none. */
  entityName(id: string | null): string;
  /** Does `who` speak for `forId` (the spokeswoman for the State Department)? */
  speaksFor(who: string, forId: string): boolean;
  /** Does `who` stand for the same side as `forId`: a body named for a country and the country ("the Russian Embassy", "Russia")? */
  onSideOf(who: string, forId: string): boolean;
  /** Inverse document frequency of a term over the items. */
  idf(term: string): number;
  /**
   * How much a question word counts towards coverage. A word the article never
   * uses weighs the most when it is rare (a name, a topic: "Crimea"), half as
   * much when it is everyday English, which is more often just the reader's
   * way of putting it ("get rid of", "sucking up to").
   */
  weightOf(t: Token): number;
  /** For facts that answer only questions with one of their words ("where", "platform"): those words' terms. */
  askedWith(item: Item): ReadonlySet<string> | undefined;
  /** Is the item a fact that answers "where"? */
  answersPlace(item: Item): boolean;
  /** Does the item's sentence say where, by a place the article names ("in Washington", "from abroad")? */
  namesPlace(item: Item): boolean;
  /** Does the text give a number of `term` ("less than 100 days" for days)? */
  countsTerm(text: string, term: string): boolean;
  /** Does the item's quote (or excerpt) hold these words exactly, up to case, quotes and spacing? */
  quotesVerbatim(item: Item, words: string): boolean;
  /** Share of the phrase's topic words found anywhere in the item's excerpt. */
  excerptOverlap(item: Item, phrase: readonly Token[]): number;
  /** Share of the phrase's topic words found in the item's quote (its excerpt when it is no quote). */
  phraseOverlap(item: Item, phrase: readonly Token[]): number;
  /** A quote's words and their terms. */
  quoteWords(quoteId: string): readonly QuoteWord[];
}

/** Share of `words` that `have` holds; 0 for no words. */
function shareIn(have: ReadonlySet<string>, words: readonly string[]): number {
  if (words.length === 0) return 0;
  let n = 0;
  for (const t of words) if (have.has(t)) n++;
  return n / words.length;
}

/** A value a map built from the same list must hold; its absence is a bug. */
function required<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`curated engine: no ${what} for ${String(key)}`);
  return value;
}

/** Works out the curated engine's context for a pack. */
export function buildContext(kb: KnowledgeBase): CuratedContext {
  // Building the engine reads the same texts many times over (an excerpt for the analyzer, the
  // index, its terms, its entities ...): each is tokenized once while building, and the memory of
  // them then let go.
  let buildTokens: Map<string, Token[]> | null = new Map();
  const analyzer = new Analyzer(kb, buildTokens);
  const { terms } = analyzer;
  const items = buildItems(kb);
  const itemByKey = new Map(items.map((i) => [i.key, i]));
  const entityName = (id: string | null): string => (id ? (kb.entityById.get(id)?.name ?? id) : '');
  const speaksFor = (who: string, forId: string): boolean => kb.entityById.get(who)?.partOf.includes(forId) ?? false;
  const onSideOf = (who: string, forId: string): boolean => {
    const a = kb.entityById.get(who);
    const b = kb.entityById.get(forId);
    return a !== undefined && b !== undefined && who !== forId && sameSide(a, b);
  };

  // Item names: the names and aliases of the entities it involves, so that
  // "the spokeswoman" finds Nauert's items.
  const namesOf = (item: Item): string =>
    item.entityIds
      .map((id) => kb.entityById.get(id))
      .filter((e): e is Entity => e !== undefined)
      .map((e) => [e.name, ...e.aliases, e.role ?? ''].join(' '))
      .join(' ');

  const tokensOf = (text: string): Token[] => {
    let tokens = buildTokens?.get(text);
    if (tokens === undefined) {
      tokens = terms.tokens(text);
      buildTokens?.set(text, tokens);
    }
    return tokens;
  };
  const termsOf = (text: string): string[] => tokensOf(text).map((t) => t.term);

  const index = new MiniSearch<Item & { names: string }>({
    idField: 'key',
    // Names are matched by mentions (see rank.ts), not by BM25, so one alias-rich item cannot drown the rest.
    fields: ['excerpt', 'extra'],
    tokenize: (text) => termsOf(text),
    processTerm: (term) => (analyzer.isQuestionTerm(term) ? null : term),
    searchOptions: { boost: { excerpt: WEIGHTS.excerptBoost, extra: WEIGHTS.extraBoost } },
  });
  index.addAll(items.map((i) => ({ ...i, names: namesOf(i) })));

  // Inverse document frequency of each term over items, to weigh coverage.
  const df = new Map<string, number>();
  for (const item of items) {
    for (const t of new Set(termsOf(`${item.excerpt} ${item.extra} ${namesOf(item)}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = (term: string): number => Math.log(1 + items.length / (df.get(term) ?? 0.5));
  const weightOf = (t: Token): number => (df.has(t.term) || analyzer.isKnown(t) ? idf(t.term) : isCommonWord(t.norm) ? idf(t.term) / 2 : idf(t.term));

  const facts = new Map<string, ItemFacts>(
    items.map((i) => [
      i.key,
      {
        terms: new Set(termsOf(`${i.excerpt} ${i.extra} ${namesOf(i)}`)),
        quoteTerms: i.quote ? new Set(termsOf(i.quote.text)) : null,
        entities: new Set([...i.entityIds, ...analyzer.mentions(tokensOf(i.excerpt)).map((m) => m.entityId)]),
        excerptWords: new Set(splitWords(i.excerpt).map((w) => w.norm)),
        extraTerms: new Set(termsOf(i.extra)),
        excerptTerms: new Set(termsOf(i.excerpt)),
        folded: foldWords(i.quote?.text ?? i.excerpt),
        sentenceTokens: tokensOf(i.sentence),
      },
    ]),
  );
  const askedWithByKey = new Map(kb.facts.filter((f) => f.askedWith.length > 0).map((f) => [`fact:${f.id}`, new Set(f.askedWith.map((w) => terms.term(w)))]));
  const placePattern = kb.lexicon.places.length > 0 ? new RegExp(`\\b(?:in|at|from) (?:the )?(?:${kb.lexicon.places.map(escapeRegExp).join('|')})\\b`, 'i') : null;
  const quoteWordsById = new Map(
    kb.quotes.map((q) => [q.id, q.text.replace(/,$/, '').split(/\s+/).map((text) => ({ text, terms: termsOf(text) }))] as const),
  );
  buildTokens = null;
  const speakerIds = new Set(items.flatMap((i) => (i.speakerId ? [i.speakerId] : [])));

  const itemOf = (key: string): Item => required(itemByKey, key, 'item');
  const factsOf = (item: Item): ItemFacts => required(facts, item.key, 'facts');

  /** The quoted words last compared, folded once for all items. */
  let lastQuoted = { words: '', folded: '' };
  /** A phrase's topic terms, worked out once per phrase however many items it is compared with. */
  const topicTermsOf = new WeakMap<readonly Token[], readonly string[]>();
  const topicTerms = (phrase: readonly Token[]): readonly string[] => {
    let words = topicTermsOf.get(phrase);
    if (!words) topicTermsOf.set(phrase, (words = phrase.map((t) => t.term).filter((t) => !analyzer.isQuestionTerm(t))));
    return words;
  };

  return {
    kb,
    analyzer,
    terms,
    items,
    index,
    speakers: kb.entities.filter((e) => speakerIds.has(e.id)),
    paragraphTexts: kb.article.paragraphs.map((p) => p.text),
    articleYears: new Set([...kb.article.paragraphs.flatMap((p) => p.text.match(/\b(?:1[89]|20)\d\d\b/g) ?? []), ...(kb.meta.published ? [kb.meta.published.slice(0, 4)] : [])]),
    itemOf,
    findItem: (key) => itemByKey.get(key),
    factsOf,
    entityName,
    speaksFor,
    onSideOf,
    idf,
    weightOf,
    askedWith: (item) => askedWithByKey.get(item.key),
    answersPlace: (item) => askedWithByKey.get(item.key)?.has(terms.term('where')) === true,
    namesPlace: (item) => placePattern?.test(foldForComparison(item.sentence)) === true,
    countsTerm: (text, term) => {
      const words = text.replace(MONTH_DAY, '').split(/\s+/);
      return words.some((w, i) => COUNT_WORD.test(w) && words.slice(i + 1, i + 3).some((x) => terms.termsOf(x)[0] === term));
    },
    quotesVerbatim: (item, words) => {
      if (words !== lastQuoted.words) lastQuoted = { words, folded: foldWords(words) };
      return factsOf(item).folded.includes(lastQuoted.folded);
    },
    excerptOverlap: (item, phrase) => shareIn(factsOf(item).excerptTerms, topicTerms(phrase)),
    phraseOverlap: (item, phrase) => {
      const f = factsOf(item);
      return shareIn(f.quoteTerms ?? f.excerptTerms, topicTerms(phrase));
    },
    quoteWords: (quoteId) => required(quoteWordsById, quoteId, 'quote words'),
  };
}

/**
 * The engine's own answering, for the parts that answer a question by asking
 * another ("the day after X" asks when X was): passed in, so that those parts
 * need not import the answering that calls them.
 */
export interface Ask {
  /** Answers a question as typed (not remembered: the inner questions are not the reader's). */
  answer(question: string): AnswerResult;
  /** The same, with the terms its reading searched for (null when a special shape answered first). */
  answerWithTerms(question: string): { readonly result: AnswerResult; readonly terms: readonly string[] | null };
  /** Answers a question already analysed, past the special shapes. */
  analyzed(question: string, a: Analysis): AnswerResult;
  /** Who an act was done to ("who got called in?"), which the general reader answers; null for any other question. */
  patient(question: string): AnswerResult | null;
}

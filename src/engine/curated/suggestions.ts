/**
 * "Did you mean": questions the curated pack can answer (who is each entity,
 * what did each speaker say, what happened on each date, who said each short
 * quote, each fact's question), matched by Fuse to the words asked.
 */
import Fuse from 'fuse.js';
import type { Entity } from '../../knowledge/schema.ts';
import type { CuratedContext } from './context.ts';
import { cleanQuestion } from './text.ts';

/** "Did you mean" candidates taken from each word of the question. */
const WORD_LIMIT = 10;
/** "Did you mean" candidates taken from any word of the question. */
const ANY_WORD_LIMIT = 50;
/** Most words whose suggestion matches are remembered before the memory starts afresh. */
const SUGGESTION_WORDS_MAX = 1_000;
/** Fuse's fuzziness for suggestions (0 exact, 1 anything). */
const SUGGESTION_FUZZ = 0.8;
/** A quote of at most this many words is short enough to suggest "Who said ...?". */
const SHORT_QUOTE_WORDS = 4;
/** Suggestions given when none is asked for. */
const DEFAULT_LIMIT = 3;

/** The suggestions a word matches, best first: their places in the list, and Fuse's scores (0 is exact). */
interface SuggestionMatches {
  readonly indexes: Uint32Array;
  readonly scores: Float64Array;
}

/** A suggestion and Fuse's score for it (0 is exact). */
interface Hit {
  readonly item: string;
  readonly score: number;
}

/** "the U.S. State Department", "the legislators briefed by Facebook": names as a sentence needs them. */
function named(e: Entity): string {
  return e.kind === 'person' || e.kind === 'country' || e.kind === 'platform' || /^the\b/i.test(e.name) ? e.name : `the ${e.name}`;
}

/** The questions a pack can answer, one for each thing it knows. */
function suggestionList(ctx: CuratedContext): string[] {
  const { kb } = ctx;
  return [
    ...kb.entities.map((e) => (e.kind === 'person' ? `Who is ${e.name}?` : e.kind === 'group' ? `Who are ${named(e)}?` : `What is ${named(e)}?`)),
    ...ctx.speakers.map((e) => `What did ${named(e)} say?`),
    ...[...new Set(kb.events.map((e) => e.dateText))].map((d) => (/^\d{4}$/.test(d) ? `What happened in ${d}?` : /\d/.test(d) ? `What happened on ${d}?` : `What happened in ${d}?`)),
    ...kb.quotes.filter((q) => q.text.split(' ').length <= SHORT_QUOTE_WORDS).map((q) => `Who said "${q.text}"?`),
    ...kb.facts.map((f) => f.question),
  ];
}

/**
 * Offered after the suggestions that match, when there are too few: who the
 * first person is, what happened on the day with the most events (the latest
 * of equals), and who said the first short quote, all from the pack in use.
 */
export function defaultSuggestions(kb: CuratedContext['kb']): string[] {
  const person = kb.entities.find((e) => e.kind === 'person');
  const days = new Map<string, number>();
  for (const e of kb.events) if (/^\d{4}-\d{2}-\d{2}$/.test(e.date)) days.set(e.dateText, (days.get(e.dateText) ?? 0) + 1);
  const busiest = [...days.entries()].reduce<[string, number] | null>((best, d) => (!best || d[1] >= best[1] ? d : best), null);
  const quote = kb.quotes.find((q) => q.text.split(' ').length <= SHORT_QUOTE_WORDS);
  return [
    ...(person ? [`Who is ${person.name}?`] : []),
    ...(busiest ? [`What happened on ${busiest[0]}?`] : []),
    ...(quote ? [`Who said "${quote.text}"?`] : []),
  ];
}

/** The suggestions for a context: `(text, limit)` → questions, best first. */
export function createSuggestions(ctx: CuratedContext): (text: string, limit?: number) => string[] {
  const list = suggestionList(ctx);
  const defaults = defaultSuggestions(ctx.kb);
  const fuse = new Fuse(list, { includeScore: true, threshold: SUGGESTION_FUZZ, ignoreLocation: true, useExtendedSearch: true });
  /** Each word's matches among the suggestions, best first; words recur from question to question. */
  const remembered = new Map<string, SuggestionMatches>();
  const matchesOf = (word: string): SuggestionMatches => {
    let found = remembered.get(word);
    if (found === undefined) {
      // Kept as two typed arrays: a word matches most of the list, and many words are remembered.
      const hits = fuse.search(word);
      found = { indexes: Uint32Array.from(hits, (h) => h.refIndex), scores: Float64Array.from(hits, (h) => h.score ?? 1) };
      if (remembered.size >= SUGGESTION_WORDS_MAX) remembered.clear();
      remembered.set(word, found);
    }
    return found;
  };
  /** The word's first `limit` matches as suggestions and scores. */
  const hitsOf = (word: string, limit = Infinity): Hit[] => {
    const { indexes, scores } = matchesOf(word);
    const out: Hit[] = [];
    for (let i = 0; i < Math.min(limit, indexes.length); i++) {
      const item = list[indexes[i] ?? -1];
      if (item !== undefined) out.push({ item, score: scores[i] ?? 1 });
    }
    return out;
  };
  /**
   * What Fuse's extended search for `w1 | w2 | ...` finds, from each word's own matches: an "or"
   * scores an entry by the first word that matches it, with the same score as that word's own
   * search. The 50 best, best first (the lower index first on equal scores, as Fuse sorts).
   */
  const anyWordMatches = (words: readonly string[]): Hit[] => {
    const first = new Map<number, number>();
    for (const w of words) {
      const { indexes, scores } = matchesOf(w);
      indexes.forEach((index, i) => {
        if (!first.has(index)) first.set(index, scores[i] ?? 1);
      });
    }
    return [...first]
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .slice(0, ANY_WORD_LIMIT)
      .flatMap(([index, score]) => {
        const item = list[index];
        return item === undefined ? [] : [{ item, score }];
      });
  };
  return (text, limit = DEFAULT_LIMIT) => {
    const words = ctx.analyzer
      .tokens(cleanQuestion(text))
      .filter((t) => !ctx.analyzer.isQuestionTerm(t.term))
      .map((t) => t.norm);
    const hits = words.length > 0 ? anyWordMatches(words) : [];
    const scored = new Map<string, number>();
    for (const w of words) for (const h of hitsOf(w, WORD_LIMIT)) scored.set(h.item, (scored.get(h.item) ?? 0) + (1 - h.score));
    for (const h of hits) scored.set(h.item, (scored.get(h.item) ?? 0) + (1 - h.score) / 2);
    const ranked = [...scored.entries()].sort((x, y) => y[1] - x[1]).map(([s]) => s);
    return [...new Set([...ranked, ...defaults])].slice(0, Math.max(0, limit));
  };
}

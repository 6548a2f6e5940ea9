/**
 * The curated engine: plain functions over a curated knowledge base, nothing of
 * Discord. `answer(question)` ranks the curated items (quotes, events, facts,
 * who-is entries, and the article's sentences as a fallback) with BM25
 * (MiniSearch), reweighs them by what the question asks (who said, who is,
 * when, what did X say) and whom it names, and abstains when the article does
 * not answer.
 */
import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import { foldForComparison } from '../knowledge/article.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity, KbEvent, Quote } from '../knowledge/schema.ts';
import { Analyzer, isMonthWord, isSayVerb, type Analysis, type AskedDate, type Mention } from './analyze.ts';
import { createChoiceLists } from './choices.ts';
import { commonRank, isCommonWord } from './common-words.ts';
import { buildItems, capitalize, type Item } from './items.ts';
import { MAX_ANSWERS, MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, type Answer, type AnswerResult, type NoAnswerReason } from './types.ts';
import { splitWords, type Token } from './text.ts';
import { plainQuestion, ROLE_NOUN } from './read.ts';
import { referenceAnswer, referenceAsked, referentOf } from './refer.ts';
import { remember, rememberWithLimit } from './curated/memo.ts';

import type { Engine, SpeakerQuotes } from './engine.ts';

/** Below this share of the question's weight found in the best item, the article does not answer. */
const MIN_COVERAGE = 0.4;
/** How much more a who-question's answer counts when a person, not an institution, did the act. */
const PERSON_ACTOR_BONUS = 1.5;
/** How much more an item counts for each of the reader's own words it uses ("Kremlin" over "Russia"). */
const LITERAL_BONUS = 0.15;
/** Further answers must score at least this share of the best one. */
const FURTHER_ANSWER_RATIO = 0.3;
/** Joins search terms into one query string; terms of phrases hold spaces ("=state department"). */
const TERM_SEPARATOR = '\u0000';
/** "Did you mean" candidates taken from each word of the question. */
const WORD_LIMIT = 10;
/** "Did you mean" candidates taken from any word of the question. */
const ANY_WORD_LIMIT = 50;
/** Most words whose suggestion matches are remembered before the memory starts afresh. */
const SUGGESTION_WORDS_MAX = 1_000;

/** The suggestions a word matches, best first: their places in the list, and Fuse's scores (0 is exact). */
interface SuggestionMatches {
  readonly indexes: Uint32Array;
  readonly scores: Float64Array;
}

interface Scored {
  readonly item: Item;
  score: number;
  coverage: number;
  matched: ReadonlySet<string>;
}

/** The terms an item matched when it matched none: one set for all, as most items match few words. */
const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * The engine of a pack with curated knowledge (the seed article's): it answers
 * from the curated quotes, events, facts and entities and their lexicon.
 * Packs that `npm run ingest` extracts are answered by the general engine.
 */
export function createCuratedEngine(kb: KnowledgeBase, { cache = true }: { readonly cache?: boolean } = {}): Engine {
  const memo = cache ? remember : <F>(fn: F): F => fn;
  const memo2 = cache ? rememberWithLimit : <F>(fn: F): F => fn;
  // Building the engine reads the same texts many times over (an excerpt for the analyzer, the
  // index, its terms, its entities ...): each is tokenized once while building, and the memory of
  // them then let go.
  let buildTokens: Map<string, Token[]> | null = new Map();
  const analyzer = new Analyzer(kb, buildTokens);
  const { terms } = analyzer;
  const items = buildItems(kb);
  const itemByKey = new Map(items.map((i) => [i.key, i]));
  const entityName = (id: string | null): string => (id ? (kb.entityById.get(id)?.name ?? id) : '');
  /** Does `who` speak for `forId` (the spokeswoman for the State Department)? */
  const speaksFor = (who: string, forId: string): boolean => kb.entityById.get(who)?.partOf.includes(forId) ?? false;

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
    // Names are matched by mentions (see `weigh`), not by BM25, so one alias-rich item cannot drown the rest.
    fields: ['excerpt', 'extra'],
    tokenize: (text) => termsOf(text),
    processTerm: (term) => (analyzer.isQuestionTerm(term) ? null : term),
    searchOptions: { boost: { excerpt: 1.2, extra: 0.8 } },
  });
  index.addAll(items.map((i) => ({ ...i, names: namesOf(i) })));

  // Inverse document frequency of each term over items, to weigh coverage.
  const df = new Map<string, number>();
  for (const item of items) {
    for (const t of new Set(termsOf(`${item.excerpt} ${item.extra} ${namesOf(item)}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = (term: string): number => Math.log(1 + items.length / (df.get(term) ?? 0.5));
  /**
   * How much a question word counts towards coverage. A word the article never
   * uses weighs the most when it is rare (a name, a topic: "Crimea"), half as
   * much when it is everyday English, which is more often just the reader's
   * way of putting it ("get rid of", "sucking up to").
   */
  const weightOf = (t: Token): number => (df.has(t.term) || analyzer.isKnown(t) ? idf(t.term) : isCommonWord(t.norm) ? idf(t.term) / 2 : idf(t.term));
  const itemTerms = new Map(items.map((i) => [i.key, new Set(termsOf(`${i.excerpt} ${i.extra} ${namesOf(i)}`))]));
  const quoteTerms = new Map(items.filter((i) => i.quote).map((i) => [i.key, new Set(termsOf(i.quote!.text))]));
  // The entities an item is about: its own, and those its excerpt names ("Facebook's decision").
  const itemEntities = new Map(items.map((i) => [i.key, new Set([...i.entityIds, ...analyzer.mentions(tokensOf(i.excerpt)).map((m) => m.entityId)])]));
  const excerptWords = new Map(items.map((i) => [i.key, new Set(splitWords(i.excerpt).map((w) => w.norm))]));
  const extraTerms = new Map(items.map((i) => [i.key, new Set(termsOf(i.extra))]));
  /** Facts that answer only questions with one of their words ("where", "platform"), by key. */
  const askedWith = new Map(kb.facts.filter((f) => f.askedWith.length > 0).map((f) => [`fact:${f.id}`, new Set(f.askedWith.map((w) => terms.term(w)))]));
  /** Does the item's sentence say where, by a place the article names ("in Washington", "from abroad")? */
  const placePattern = kb.lexicon.places.length > 0 ? new RegExp(`\\b(?:in|at|from) (?:the )?(?:${kb.lexicon.places.map(escapeRegExp).join('|')})\\b`, 'i') : null;
  const namesPlace = (item: Item): boolean => placePattern?.test(foldForComparison(item.sentence)) === true;
  const answersPlace = (item: Item): boolean => askedWith.get(item.key)?.has(terms.term('where')) === true;
  const excerptTerms = new Map(items.map((i) => [i.key, new Set(termsOf(i.excerpt))]));
  const foldedWords = new Map(items.map((i) => [i.key, foldWords(i.quote?.text ?? i.excerpt)]));
  /** Does the text give a number of `term` ("less than 100 days" for days)? */
  const countsTerm = (text: string, term: string): boolean => {
    const words = text.replace(MONTH_DAY, '').split(/\s+/);
    return words.some((w, i) => COUNT_WORD.test(w) && words.slice(i + 1, i + 3).some((x) => terms.termsOf(x)[0] === term));
  };
  /** The quoted words last compared, folded once for all items. */
  let lastQuoted = { words: '', folded: '' };
  const sentenceTokens = new Map(items.map((i) => [i.key, tokensOf(i.sentence)]));
  // A quote's words and their terms, for cutting long quotes to the asked part.
  const quoteWords = new Map(
    kb.quotes.map((q) => [q.id, q.text.replace(/,$/, '').split(/\s+/).map((text) => ({ text, terms: termsOf(text) }))] as const),
  );
  buildTokens = null;

  // ----- ranking -------------------------------------------------------------

  function rank(a: Analysis): Scored[] {
    // In "what did X say about Y", X is weighed by who speaks (see `weigh`); Y is the topic to search.
    const target = a.intent === 'what-said' ? a.target : null;
    const topic = target ? a.content.filter((t) => !target.indexes.includes(t.index) && !isSayVerb(t.norm) && t.index !== a.saidVerb) : a.content;
    const query = [...new Set(topic.map((t) => t.term))];
    const results = new Map<string, Scored>();
    const totalWeight = topic.reduce((s, t) => s + weightOf(t), 0);
    // A word that is part of a name ("social network" for Facebook) is matched by any item about that entity.
    const entityOfToken = new Map<number, string>();
    for (const m of a.mentions) for (let i = m.start; i < m.end; i++) entityOfToken.set(a.tokens[i]!.index, m.entityId);
    // The words of the asked date ("August 1") are answered by any item of that date, whatever its words.
    const isDateWord = (t: Token): boolean => a.date !== null && (isMonthWord(t.norm) || /^\d{1,4}$/.test(t.norm));
    const coverageOf = (key: string): { coverage: number; matched: ReadonlySet<string> } => {
      const have = itemTerms.get(key)!;
      const onDate = a.date !== null && dateMatches(itemByKey.get(key)!.date, a.date);
      const about = itemEntities.get(key)!;
      if (totalWeight === 0) return { coverage: 1, matched: NO_TERMS };
      let matched: Set<string> | null = null;
      let w = 0;
      for (const t of topic) {
        const entity = entityOfToken.get(t.index);
        if (have.has(t.term) || (entity !== undefined && about.has(entity)) || (onDate && isDateWord(t))) {
          (matched ??= new Set()).add(t.term);
          w += idf(t.term);
        }
      }
      return { coverage: w / totalWeight, matched: matched ?? NO_TERMS };
    };
    if (query.length > 0) {
      for (const r of index.search(query.join(TERM_SEPARATOR), { tokenize: (s) => s.split(TERM_SEPARATOR), processTerm: (t) => t })) {
        const item = itemByKey.get(String(r.id))!;
        results.set(item.key, { item, score: r.score, ...coverageOf(item.key) });
      }
    }
    // Items of a named entity, or on a named date, are candidates even when
    // they share no word with the question ("What did Coats warn about?").
    const named = new Set(a.mentions.map((m) => m.entityId));
    if (a.target?.entity) named.add(a.target.entity.id);
    for (const item of items) {
      if (results.has(item.key) || item.plain) continue;
      if (item.entityIds.some((id) => named.has(id)) || (a.date && dateMatches(item.date, a.date))) {
        results.set(item.key, { item, score: 0.5, ...coverageOf(item.key) });
      }
    }
    const scored = [...results.values()];
    // An item that answers every part of the question beats one that matches a part many times.
    for (const s of scored) s.score *= weigh(s, a, named) * (0.3 + s.coverage);
    return scored.sort((x, y) => y.score - x.score || x.item.paragraph - y.item.paragraph);
  }

  /** Does the item's quote (or excerpt) hold these words exactly, up to case, quotes and spacing? */
  function quotesVerbatim(item: Item, words: string): boolean {
    if (words !== lastQuoted.words) lastQuoted = { words, folded: foldWords(words) };
    return foldedWords.get(item.key)!.includes(lastQuoted.folded);
  }

  /** A phrase's topic terms, worked out once per phrase however many items it is compared with. */
  const topicTermsOf = new WeakMap<readonly Token[], readonly string[]>();
  function topicTerms(phrase: readonly Token[]): readonly string[] {
    let words = topicTermsOf.get(phrase);
    if (!words) topicTermsOf.set(phrase, (words = phrase.map((t) => t.term).filter((t) => !analyzer.isQuestionTerm(t))));
    return words;
  }

  function shareIn(have: ReadonlySet<string>, words: readonly string[]): number {
    if (words.length === 0) return 0;
    let n = 0;
    for (const t of words) if (have.has(t)) n++;
    return n / words.length;
  }

  /** Share of the phrase's topic words found anywhere in the item's excerpt. */
  function excerptOverlap(item: Item, phrase: readonly Token[]): number {
    return shareIn(excerptTerms.get(item.key)!, topicTerms(phrase));
  }

  function phraseOverlap(item: Item, phrase: readonly Token[]): number {
    return shareIn(item.quote ? quoteTerms.get(item.key)! : excerptTerms.get(item.key)!, topicTerms(phrase));
  }

  function weigh(s: Scored, a: Analysis, named: Set<string>): number {
    const { item } = s;
    let w = 1;
    if (item.plain) w *= 0.55;
    // The target of a what-said question is weighed below, by who speaks.
    let involves = 0;
    for (const id of item.entityIds) if (named.has(id) && !(a.intent === 'what-said' && id === a.target?.entity?.id)) involves++;
    if (involves > 0) w *= 1 + 0.35 * involves;
    if (item.entity && a.intent !== 'who-is' && !(a.asksRole && involves > 0)) w *= 0.45;
    if (a.date) w *= dateMatches(item.date, a.date) ? 3 : 0.5;
    if (a.asksReason && /\b(?:why|reason)\b/.test(item.extra)) w *= 1.5;
    // A fact that answers "where" answers only a where-question, and a where-question wants one.
    const narrow = askedWith.get(item.key);
    if (narrow) w *= a.tokens.some((t) => narrow.has(t.term)) || (a.asksPlace && answersPlace(item)) ? 1.5 : 0.4;
    else if (a.asksPlace) w *= 0.8;
    // The reader's own word in the passage counts a little more than a synonym of it ("Kremlin" over "Russia").
    const ownWords = excerptWords.get(item.key)!;
    let literal = 0;
    for (const t of a.content) if (ownWords.has(t.norm)) literal++;
    if (literal > 0) w *= 1 + LITERAL_BONUS * literal;
    // The item whose actor is the question's subject ("when did the Russians respond") answers it.
    const actor = item.speakerId ?? item.entityIds[0] ?? null;
    if (a.subject && a.passive) {
      // "What was Russia accused of?": an item where someone else acts on the subject.
      const own = actor !== null && (actor === a.subject || speaksFor(actor, a.subject));
      w *= own ? 0.5 : item.entityIds.includes(a.subject) ? 1.6 : 0.8;
    } else if (a.subject && actor) {
      // In "when did X do Y", X must be who acted: "when did the Russians respond to Nauert's tweet" is not the tweet.
      const own = actor === a.subject || speaksFor(actor, a.subject) || (a.intent === 'when' && item.entityIds.includes(a.subject));
      w *= own ? 1.6 : a.intent === 'when' ? 0.3 : 0.6;
    } else if (a.head && extraTerms.get(item.key)!.has(a.head.term)) {
      // "When was the tweet ... posted": the item that is about a tweet, not one that mentions it.
      w *= 2;
    }
    if (a.answerKinds) {
      const kind = actor ? kb.entityById.get(actor)?.kind : undefined;
      w *= kind && a.answerKinds.includes(kind) ? 1.5 : 0.8;
    }
    switch (a.intent) {
      case 'who-said': {
        // Quoted words are matched against what was said; other who-questions against the whole passage.
        const overlap = a.asksSpeaker ? phraseOverlap(item, a.phrase) : excerptOverlap(item, a.phrase);
        if (a.quoted && quotesVerbatim(item, a.quoted)) w *= 3;
        if (item.quote) w *= (a.asksSpeaker ? 0.8 : 0.6) + 2.5 * overlap * overlap;
        // Reported speech ranks below the speaker's own quoted words when the question asks who said them.
        else if (item.speakerId) w *= a.asksSpeaker ? 0.5 + 1.2 * overlap * overlap : 0.7 + 1.8 * overlap * overlap;
        else w *= a.asksSpeaker ? 0.6 : 0.9 + overlap;
        // Who said it is the most specific speaker: the embassy rather than "Russia", the spokeswoman rather than "the State Department".
        if (item.speakerId) w *= 1 + 0.2 * (kb.entityById.get(item.speakerId)?.partOf.length ?? 0);
        // Who did it, likewise: the assistant secretary who convoked him rather than his department.
        else if ((!a.answerKinds || a.answerKinds.includes('person')) && actor && kb.entityById.get(actor)?.kind === 'person') w *= PERSON_ACTOR_BONUS;
        break;
      }
      case 'who-is':
        if (a.target?.entity && item.entity?.id === a.target.entity.id) w *= 8;
        break;
      case 'what-said': {
        const id = a.target?.entity?.id;
        if (id && item.speakerId === id) w *= item.quote ? 3.2 : 3;
        else if (id && item.speakerId && speaksFor(item.speakerId, id)) w *= 2.4;
        else if (id && item.entityIds.includes(id)) w *= 1.4;
        else w *= 0.5;
        break;
      }
      case 'when':
        if (item.source.kind === 'event') w *= 1.8;
        else if (item.date) w *= 1.2;
        else w *= 0.6;
        break;
      case 'general':
        if (a.aboutMessage) w *= item.quote ? 2.5 : item.speakerId ? 1.5 : 0.6;
        // Words that stand inside a quote are best answered by the quote itself, not by its event.
        if (item.quote) w *= 1 + 0.6 * phraseOverlap(item, a.content);
        break;
    }
    return w;
  }

  // ----- answers -------------------------------------------------------------

  function toAnswer(s: Scored, a: Analysis | null): Answer {
    const { item } = s;
    // For "who" questions every answer names its who: the speaker, else whoever the item is about.
    const speakerId = item.speakerId ?? (a?.intent === 'who-said' || a?.intent === 'who-is' ? (item.entityIds[0] ?? null) : null);
    return {
      answer: fit(sentenceFor(item, a, s.matched)),
      excerpt: item.sentence,
      paragraph: item.paragraph,
      ...(speakerId ? { speaker: entityName(speakerId) } : {}),
      ...(item.date ? { date: item.date } : {}),
      score: Math.round(s.score * 1000) / 1000,
      highlights: highlightsOf(item, s.matched),
      source: item.source,
    };
  }

  function sentenceFor(item: Item, a: Analysis | null, matched: ReadonlySet<string>): string {
    const q = item.quote;
    const intent = a?.intent ?? 'general';
    if (q && intent === 'who-said' && a?.asksSpeaker && phraseOverlap(item, a.phrase) >= 0.5) return whoSaidSentence(q);
    if (q && intent === 'when' && q.dateText) return `${capitalize(entityName(q.speaker))} said it on ${q.dateText}${viaPhrase(q)}.`;
    if (q) return quoteSentence(q, matched);
    if ((intent === 'who-said' || intent === 'what-said') && item.speakerId) {
      const name = entityName(item.speakerId);
      const named = [name, ...(kb.entityById.get(item.speakerId)?.aliases ?? [])].some((n) => item.answer.toLowerCase().includes(n.toLowerCase()));
      if (!named) return `According to ${name}, ${item.answer.charAt(0).toLowerCase()}${item.answer.slice(1)}`;
    }
    return item.answer;
  }

  function whoSaidSentence(q: Quote): string {
    const who = kb.entityById.get(q.speaker);
    const role = who?.role && who.kind === 'person' ? ` (${who.role})` : '';
    return `${capitalize(entityName(q.speaker))}${role} said it${viaPhrase(q)}${q.dateText ? ` on ${q.dateText}` : ''}.`;
  }

  function viaPhrase(q: Quote): string {
    switch (q.via) {
      case 'tweet':
        return ', in a Twitter posting';
      case 'statement':
        return q.attribution === 'context' ? ', in the same statement' : ', in a statement';
      case 'briefing':
        return ', at a briefing';
      case 'reaction':
        return ', reacting to the summons';
      case 'remark':
        return '';
    }
  }

  /**
   * `Speaker, in a tweet on August 5: "words"`. A quote too long for one
   * answer is cut to the run of its words that holds most of the asked
   * words, starting at a clause where it can.
   */
  function quoteSentence(q: Quote, matched: ReadonlySet<string> = new Set()): string {
    const text = q.text.replace(/,$/, '');
    const fullLead = `${capitalize(entityName(q.speaker))}${viaPhrase(q)}${q.dateText ? ` on ${q.dateText}` : ''}: `;
    if (fullLead.length + text.length + 2 <= MAX_ANSWER_CHARS) return `${fullLead}"${text}"`;
    // Rather a shorter lead than a shorter quote.
    const short = kb.entityById.get(q.speaker)?.shortName ?? entityName(q.speaker);
    const lead = `${capitalize(short)}${viaPhrase(q)}: `;
    const room = MAX_ANSWER_CHARS - lead.length - 4;
    if (text.length <= room + 2) return `${lead}"${text}"`;
    const words = quoteWords.get(q.id)!;
    const hits = words.map((w) => w.terms.filter((t) => matched.has(t)).length);
    let best = { from: 0, to: 0, score: -1 };
    for (let from = 0; from < words.length; from++) {
      let len = -1;
      let sum = 0;
      let to = from;
      while (to < words.length && len + 1 + words[to]!.text.length <= room) {
        len += 1 + words[to]!.text.length;
        sum += hits[to]!;
        to++;
      }
      // Most asked words first; then a window that starts a clause; then the earliest.
      const score = sum * 4 + (from === 0 || /[,;:]$|^--$/.test(words[from - 1]!.text) ? 1 : 0);
      if (score > best.score) best = { from, to, score };
    }
    if (best.score < 4) return fit(`${lead}"${text}"`);
    const part = words
      .slice(best.from, best.to)
      .map((w) => w.text)
      .join(' ')
      .replace(/^--\s*/, '')
      .replace(/[,;:\s-]+$/, '');
    return `${lead}"${best.from > 0 ? '…' : ''}${part}${best.to < words.length ? '…' : ''}"`;
  }

  function highlightsOf(item: Item, matched: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const t of sentenceTokens.get(item.key)!) {
      if (matched.has(t.term) && !analyzer.isQuestionTerm(t.term) && !out.includes(t.surface)) out.push(t.surface);
    }
    return out;
  }

  /**
   * For a when-question, what the article dates only in another sentence ("it added": the August 1
   * statement; "Russia criticized the summons": the embassy's statement later on August 5) is
   * answered by that sentence, which states the date. Best first, each item once.
   */
  function datedBySentence(ranked: Scored[]): Scored[] {
    const out: Scored[] = [];
    for (const s of ranked) {
      const by = s.item.datedBy ? itemByKey.get(s.item.datedBy) : undefined;
      const use = by ? { ...s, item: by } : s;
      if (!out.some((x) => x.item.key === use.item.key)) out.push(use);
    }
    return out;
  }

  function noAnswer(question: string, reason: NoAnswerReason, message: string): AnswerResult {
    return { question, answers: [], noAnswer: { reason, message } };
  }

  /**
   * "What happened the day after Facebook's announcement?": the date of the
   * event referred to, a day on, and what the article dates to that day.
   */
  function relativeDay(question: string): AnswerResult | null {
    const m = /\b(?:on )?the (day|week) (after|before) (.+?)\??$/i.exec(question);
    if (!m || !/^(?:what|which|who|when)\b/i.test(question)) return null;
    const asked = answer(`When was ${m[3]!}?`);
    if (asked.noAnswer) return { question, answers: [], noAnswer: asked.noAnswer };
    const reference = asked.answers.find((x) => x.date && /^\d{4}-\d{2}-\d{2}$/.test(x.date));
    if (!reference?.date) return noAnswer(question, 'no-match', 'The article does not date that to the day.');
    const day = new Date(`${reference.date}T00:00:00Z`);
    const span = m[1]!.toLowerCase() === 'week' ? 7 : 1;
    const from = new Date(day.getTime() + (m[2]!.toLowerCase() === 'after' ? 1 : -span) * 86_400_000);
    const to = new Date(day.getTime() + (m[2]!.toLowerCase() === 'after' ? span : -1) * 86_400_000);
    const iso = (d: Date): string => d.toISOString().slice(0, 10);
    const found = items
      .filter((i) => i.source.kind === 'event' && i.date && i.date.length === 10 && i.date >= iso(from) && i.date <= iso(to))
      .sort((x, y) => x.date!.localeCompare(y.date!) || x.paragraph - y.paragraph)
      .slice(0, MAX_ANSWERS);
    if (found.length === 0) return noAnswer(question, 'no-match', `The article reports nothing dated ${m[1]!.toLowerCase() === 'week' ? 'in the week' : 'the day'} ${m[2]!.toLowerCase()} ${reference.date}.`);
    return { question, answers: found.map((i, n) => toAnswer({ item: i, score: MAX_ANSWERS - n, coverage: 1, matched: new Set() }, null)) };
  }

  /** The dated answer the article gives for "when was/did <what>", or null. */
  function dateOf(what: string): { answer: Answer; item: Item } | null {
    for (const asked of [`When did ${what}?`, `When was ${what}?`]) {
      const found = answer(asked).answers.find((x) => x.date);
      const item = found && itemByKey.get(`${found.source.kind}:${found.source.id}`);
      if (found && item) return { answer: found, item };
    }
    return null;
  }

  /**
   * "Did the embassy respond before or after Nauert's tweet?", "Which came first, X or Y?",
   * "How many days after X did Y?": both things dated by the article, and compared.
   */
  function compareDates(question: string): AnswerResult | null {
    const q = question.replace(/\s*\?+$/, '').replace(/^(?:and|so|ok|okay),? /i, '');
    let first: string | undefined;
    let second: string | undefined;
    let asks: 'order' | 'earliest' | 'days';
    let m: RegExpExecArray | null;
    if ((m = /^(?:did|was|were|is|does|do|has|had) (.+?) (?:come |happen |take place |occur |posted |issued |made |sent )?(?:before or after|after or before) (.+)$/i.exec(q))) {
      [first, second, asks] = [m[1], m[2], 'order'];
    } else if ((m = /^(?:which|what) (?:came|happened|was|come|happens) (?:first|earlier)\b[,:]? (?:the )?(.+?),? or (.+?)(?:[.?!].*)?$/i.exec(q))) {
      [first, second, asks] = [m[1], m[2], 'earliest'];
    } else if ((m = /^how (?:many days|long|soon) (?:after|passed after|later than) (.+?) (?:did|was|were|had|came) (.+)$/i.exec(q))) {
      [first, second, asks] = [m[1], m[2], 'days'];
    } else if ((m = /^how (?:many days|long) (?:passed |were there |went by |was it )?between (.+?) and (.+)$/i.exec(q))) {
      [first, second, asks] = [m[1], m[2], 'days'];
    } else {
      return null;
    }
    const a = dateOf(first!);
    const b = dateOf(second!);
    if (!a || !b || a.item.key === b.item.key) return null;
    const dayOf = (x: { answer: Answer }): string => x.answer.date!;
    const precise = /^\d{4}-\d{2}-\d{2}$/;
    const cite = (x: { item: Item; answer: Answer }, n: number, said?: string): Answer => ({
      ...toAnswer({ item: x.item, score: 2 - n, coverage: 1, matched: new Set() }, null),
      ...(said ? { answer: fit(said) } : {}),
    });
    // The article's "later on August 5" orders two things of one day.
    const later = (x: { item: Item }): boolean => /\blater on\b/i.test(x.item.sentence);
    const sameDay = dayOf(a) === dayOf(b);
    const aFirst = sameDay ? later(b) && !later(a) : dayOf(a) < dayOf(b);
    const bFirst = sameDay ? later(a) && !later(b) : dayOf(b) < dayOf(a);
    if (asks === 'days') {
      if (!precise.test(dayOf(a)) || !precise.test(dayOf(b))) return null;
      const days = Math.round(Math.abs(Date.parse(dayOf(b)) - Date.parse(dayOf(a))) / 86_400_000);
      const [early, late] = bFirst ? [b, a] : [a, b];
      const said =
        days === 0
          ? `The same day, ${early.item.dateText ?? dayOf(early)}. ${b.answer.answer}`
          : `${days} ${days === 1 ? 'day' : 'days'}, from ${early.item.dateText ?? dayOf(early)} to ${late.item.dateText ?? dayOf(late)}. ${b.answer.answer}`;
      return { question, answers: [cite(b, 0, said), cite(a, 1)] };
    }
    if (asks === 'earliest') {
      const [early, late] = bFirst ? [b, a] : [a, b];
      const said = aFirst || bFirst ? `First: ${early.answer.answer}` : `The same day: ${early.answer.answer}`;
      return { question, answers: [cite(early, 0, said), cite(late, 1)] };
    }
    const verdict = aFirst ? 'Before' : bFirst ? 'After' : 'The same day';
    return { question, answers: [cite(a, 0, `${verdict}: ${a.answer.answer}`), cite(b, 1)] };
  }

  /**
   * "What does 'convoked' mean here?": the lexicon's other words for an article word, with the
   * sentence that uses it. Null when the article does not use the word or the lexicon has no group for it.
   */
  function define(question: string): AnswerResult | null {
    const m = DEFINE.exec(question);
    const word = (m?.[1] ?? m?.[2])?.trim();
    if (!word) return null;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
    const sentence = items.find((i) => i.plain && pattern.test(foldForComparison(i.sentence)));
    if (!sentence) return null;
    const chosen = terms.synonymsOf(word).slice(0, 2);
    if (chosen.length === 0) return null;
    const matched = new Set(terms.termsOf(word));
    return { question, answers: [{ ...toAnswer({ item: sentence, score: 1, coverage: 1, matched }, null), answer: fit(`"${word}" here means ${chosen.join(' or ')}.`) }] };
  }

  /**
   * "What is the job of the man who said Russia is waging a messaging campaign?": whoever the
   * description fits (asked as "Who said Russia is waging ...?"), then the question asked of them.
   * The relative clause may end before the question does ("the person who tweeted on August 5 do
   * for a living"), so the longest clause that names someone wins.
   */
  function describedPerson(question: string): AnswerResult | null {
    const m = DESCRIBED_PERSON.exec(question);
    if (!m) return null;
    const words = m[2]!.replace(/[?.!]+$/, '').split(' ');
    // "What does <them> do ...?" keeps its own verb after the description; "What is the job of <them>?" ends with it.
    let cut = words.length;
    if (/^\w+ (?:does|did|do)\b/i.test(question)) {
      cut = words.findLastIndex((w, i) => i >= 2 && MAIN_VERB.test(w));
      if (cut < 0) return null;
    }
    const top = answer(`Who ${words.slice(0, cut).join(' ')}?`).answers[0];
    if (!top?.speaker) return null;
    const rest = words.slice(cut).join(' ');
    const asked = answer(`${question.slice(0, m.index)}${top.speaker}${rest ? ` ${rest}` : ''}?`);
    // Refused or not, the answer is about whom the description fits ("does not quote Wess Mitchell").
    return { ...asked, question };
  }

  /** "Was it Nauert herself who convoked Zhirnov?": who did it, and whether that is whom the question names. */
  function whoCheck(question: string): AnswerResult | null {
    const m = /^(?:was|is) it (?:really |actually )?(.+?) (?:herself |himself |themselves |itself )?(?:who|that) (.+?)\??$/i.exec(question);
    if (!m) return null;
    const found = answer(`Who ${m[2]!}?`);
    const top = found.answers[0];
    if (!top?.speaker) return null;
    const named = analyzer.mentions(terms.tokens(m[1]!))[0];
    const same = named !== undefined && (entityName(named.entityId) === top.speaker || kb.entityById.get(named.entityId)?.name === top.speaker);
    return { question, answers: [{ ...top, answer: fit(`${same ? 'Yes' : 'No'}: ${top.answer}`) }, ...found.answers.slice(1)] };
  }

  /** "In the 'it added' line, what's 'it'?": what a word of the article refers to (refer.ts), or null. */
  function referredTo(question: string): AnswerResult | null {
    const reference = referenceAsked(question);
    const found = reference && referentOf(paragraphTexts, reference);
    if (!reference || !found) return null;
    return {
      question,
      answers: [{ answer: fit(referenceAnswer(reference, found)), excerpt: found.sentence, paragraph: found.paragraph, score: 1, highlights: [], source: { kind: 'sentence', id: `${found.paragraph}` } }],
    };
  }
  const paragraphTexts = kb.article.paragraphs.map((p) => p.text);

  /** Answers a question as typed: read in its plain shape (read.ts), shown as typed. */
  function answer(rawQuestion: string): AnswerResult {
    const plain = plainQuestion(rawQuestion);
    return { ...answerPlain(plain && `${plain}?`), question: cleanQuestion(rawQuestion) };
  }

  function answerPlain(question: string): AnswerResult {
    if (!/[\p{L}\p{N}]/u.test(question)) return noAnswer(question, 'empty', 'Ask a question about the article, for example "Who is Heather Nauert?"');
    const relative = referredTo(question) ?? relativeDay(question) ?? compareDates(question) ?? define(question) ?? whoCheck(question) ?? describedPerson(question);
    if (relative) return relative;
    const a = analyzer.analyze(question);
    return unsaidRelation(question, a) ?? unreportedYear(question, a) ?? guessChecked(question, a) ?? answerAnalyzed(question, a);
  }

  /**
   * "Who is Mitchell's boss?", "what's Nauert's Twitter handle?": something of someone the article
   * names, by a word it never uses (nor a sure synonym of one): it does not say.
   */
  function unsaidRelation(question: string, a: Analysis): AnswerResult | null {
    if (!/^(?:who|whom|what)(?:['’]?s)?\b/i.test(question)) return null;
    // "Mitchell's", or "nauerts" typed without its apostrophe.
    const possessive = (m: Mention): boolean => {
      const last = a.tokens[m.end - 1]?.surface ?? '';
      const e = kb.entityById.get(m.entityId);
      return /['’]s$/.test(last) || (/s$/i.test(last) && e !== undefined && ![e.name, ...e.aliases].some((n) => n.toLowerCase().endsWith(last.toLowerCase())));
    };
    // "who/what is X's N": the copula right before the owner.
    const owner = a.mentions.find((m) => m.start <= 3 && possessive(m) && /^(?:is|was|are|were)$/.test(a.tokens[m.start - 1]?.norm ?? ''));
    if (!owner) return null;
    const rest = a.tokens.slice(owner.end).filter((t) => !STOP_WORDS.has(t.norm));
    const head = rest.at(-1);
    if (!head || rest.length > RELATION_WORDS || (analyzer.inArticle(head) && head.guessed !== true) || /\d/.test(head.norm) || ROLE_NOUN.test(head.norm)) return null;
    const name = entityName(owner.entityId);
    return noAnswer(question, 'no-match', `The article does not say what ${name}'s ${rest.map((t) => t.surface).join(' ')} is.`);
  }

  /** "What did Russia do in the 2014 midterms?": a year the article never gives is a time it does not report on. */
  function unreportedYear(question: string, a: Analysis): AnswerResult | null {
    const year = a.tokens.find((t) => /^(?:1[89]|20)\d\d$/.test(t.norm) && !articleYears.has(t.norm));
    return year ? noAnswer(question, 'not-mentioned', `The article does not report on ${year.norm}.`) : null;
  }
  const articleYears = new Set([...kb.article.paragraphs.flatMap((p) => p.text.match(/\b(?:1[89]|20)\d\d\b/g) ?? []), ...(kb.meta.published ? [kb.meta.published.slice(0, 4)] : [])]);

  /**
   * "Was the briefing at the Pentagon?", "Nauert tweeted on August 1, right?": a yes/no question
   * with a guess the article contradicts (a thing it never names, or another date) is answered with
   * what it does say, after "No:" ("Yes:" when the date is right). Null when the question makes no such guess.
   */
  function guessChecked(question: string, a: Analysis): AnswerResult | null {
    // ("Did Nauert tweet on August 1?" asks what she said only to check its date.)
    if (!CLAIM.test(question) || (a.intent !== 'general' && !(a.intent === 'what-said' && a.date?.day !== undefined)) || a.quoted || a.unknownPredicate || a.quantity) return null;
    const subject = a.content[0];
    if (!subject || !analyzer.isKnown(subject)) return null;
    // A word the article never uses, after the subject: a noun guessed for one it names (not an act, not a year).
    // (A question about another year, "the 2020 election", is about a time the article does not report: no guess.)
    if (a.date?.year !== undefined && a.date.day === undefined) return null;
    const guesses = a.unknown.filter((t) => t.index > subject.index && !ACT_FORM.test(t.norm) && !/\d/.test(t.norm) && (commonRank(t.norm) ?? Infinity) >= GUESS_RANK_FROM);
    // A year alone is another time the article does not report ("the 2020 election"), not a guess at its date.
    // (A date that qualifies a thing, "the August 1 statement", is no guess.)
    const month = a.tokens.findIndex((t) => isMonthWord(t.norm));
    const dayGuessed = a.date !== null && a.date.day !== undefined && month > 0 && !/^(?:the|a|an|this|that|its|their|his|her)$/.test(a.tokens[month - 1]!.norm);
    if (guesses.length === 0 && !dayGuessed) return null;
    // Without the guess: a date guessed goes with the words that write it ("aug 1").
    const dropped = (t: Token): boolean => guesses.includes(t) || (guesses.length === 0 && (isMonthWord(t.norm) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(t.norm)));
    const rest = { ...a, content: a.content.filter((t) => !dropped(t)), unknown: a.unknown.filter((t) => !dropped(t)), date: guesses.length === 0 ? null : a.date };
    if (rest.content.length === 0) return null;
    const found = answerAnalyzed(question, rest);
    const top = found.answers[0];
    if (!top) return null;
    // Only a date can be confirmed: an unknown word is never in the passage that answers.
    const right = guesses.length === 0 && a.date !== null && dateMatches(top.date ?? null, a.date);
    if (guesses.length === 0 && !top.date) return null;
    // Against a wrong guess the passage itself shows what is so ("… a briefing at the White House").
    const shown = guesses.length > 0 ? top.excerpt : top.answer;
    return { question, answers: [{ ...top, answer: fit(`${right ? 'Yes' : 'No'}: ${shown}`) }, ...found.answers.slice(1)] };
  }

  function answerAnalyzed(question: string, a: Analysis): AnswerResult {
    if (a.outOfReach) return noAnswer(question, 'no-match', a.outOfReach);
    if (a.target?.untitled) return noAnswer(question, 'no-match', `The article does not name ${a.target.text}.`);
    if (a.target?.unquoted) return noAnswer(question, 'no-match', `The article does not quote ${a.target.text}.`);
    if (a.target && !a.target.entity && a.target.unknown.length > 0) {
      return noAnswer(question, 'not-mentioned', `The article does not mention ${a.target.text}.`);
    }
    const targetWords = a.content.filter((t) => a.target?.indexes.includes(t.index));
    // ... unless the name is a possessive: "Facebook's stock price" asks about the price.
    const namedFirst =
      targetWords[0] !== undefined &&
      a.mentions.some((m) => a.tokens[m.start]?.index === targetWords[0]!.index && !/['’]s$/i.test(a.tokens[m.end - 1]?.surface ?? ''));
    // A rare word the article never uses, inside the slot, is someone it does not name ("Maria Zakharova").
    const rareInTarget = a.target?.unknown.filter((t) => !isCommonWord(t.norm)) ?? [];
    if (a.target?.entity && rareInTarget.length > 0 && !a.target.indexes.some((i) => a.mentions.some((m) => a.tokens[m.start]?.index === i && rareInTarget.some((r) => r.index === i)))) {
      return noAnswer(question, 'not-mentioned', `The article does not mention ${a.target.text}.`);
    }
    if (a.target?.entity && a.target.unknown.length > 0 && targetWords.length <= 4 && !namedFirst) {
      // "Who is the president of Russia?": a known name qualified by words the article never uses.
      // ("Who's Zhirnov workin for?" names him first: it is about him.)
      return noAnswer(question, 'not-mentioned', `The article does not mention ${a.target.text}.`);
    }
    if (a.aboutArticle && a.mentions.length === 0 && !a.date && a.unknown.length === 0) {
      // "What is this article about?": its lead.
      const lead = items.find((i) => i.source.kind === 'fact' && !i.plain && i.paragraph === 1);
      if (lead) return { question, answers: [toAnswer({ item: lead, score: 1, coverage: 1, matched: new Set() }, a)] };
    }
    if ((a.content.length === 0 || (a.content.every((t) => !/\p{L}/u.test(t.norm)) && !a.date)) && a.mentions.length === 0) {
      return noAnswer(question, 'no-match', 'The article does not answer that.');
    }
    const unknownShare = a.unknown.reduce((n, t) => n + (isCommonWord(t.norm) ? 0.5 : 1), 0) / Math.max(1, a.content.length);
    const properUnknown = a.unknown.filter((t) => t.capitalized && t.index > 0);
    if (properUnknown.length > 0) {
      return noAnswer(question, 'not-mentioned', `The article does not mention ${properUnknown.map((t) => t.surface.replace(/['’]s$/, '')).join(' ')}.`);
    }
    if (unknownShare >= 0.5) return noAnswer(question, 'no-match', 'The article does not answer that.');

    if (a.unknownPredicate) return noAnswer(question, 'no-match', 'The article does not say.');
    // Quoted words must stand in the article, verbatim or nearly (two or more of their words, spelled any way).
    const phraseFound = (i: Item): boolean => quotesVerbatim(i, a.quoted!) || (phraseOverlap(i, a.phrase) >= 0.6 && a.phrase.length >= 2);
    if (a.intent === 'who-said' && a.quoted && !items.some((i) => !i.plain && phraseFound(i))) {
      return noAnswer(question, 'no-match', 'The article does not quote those words.');
    }
    // "How many ...?" is answered only by a passage that holds a number.
    // ... and whose own words are about the question, not merely an item about someone it names.
    // "How many legislators ...?" needs a number of legislators ("100 days" counts days).
    const counted = /\bhow many (\S+)/i.exec(question)?.[1];
    const countedTerm = counted ? terms.termsOf(counted)[0] : undefined;
    let ranked = a.quantity
      ? rank(a).filter((s) => holdsQuantity(s.item.excerpt) && a.content.some((t) => excerptTerms.get(s.item.key)!.has(t.term)) && (countedTerm === undefined || countsTerm(s.item.excerpt, countedTerm)))
      : rank(a);
    const saidBy = a.intent === 'what-said' ? a.target?.entity : null;
    if (saidBy) {
      // Only the target's own words (or words of those who speak for it) answer "what did X say".
      const own = ranked.filter((s) => s.item.speakerId && (s.item.speakerId === saidBy.id || speaksFor(s.item.speakerId, saidBy.id)));
      // "What did Mitchell want from the chargé?": someone never quoted may still be reported acting,
      // when the question asks what they wanted or did rather than what they said.
      const acted = a.saidVerb !== null || a.tokens.some((t) => isSayVerb(t.norm)) ? [] : ranked.filter((s) => s.item.entityIds.includes(saidBy.id) && s.coverage >= MIN_COVERAGE && s.matched.size > 0 && !s.item.plain && !s.item.entity);
      ranked = own.some((s) => s.matched.size > 0) || acted.length === 0 ? own : acted;
      if (ranked.length === 0) return noAnswer(question, 'no-match', `The article does not quote ${saidBy.name}.`);
    }
    if (a.intent === 'when') ranked = datedBySentence(ranked);
    if (a.intent === 'when' && ranked[0] && !ranked[0].item.date) {
      // A when-question is answered with a date: the best dated item close behind, or none.
      const top = ranked[0];
      const dated = ranked.find((s) => s.item.date && s.score >= top.score * 0.5);
      if (!dated) return noAnswer(question, 'no-match', 'The article does not say when.');
      dated.score = top.score; // it is now the best answer, and answers stay best first
      ranked = [dated, ...ranked.filter((s) => s !== dated)];
    }
    // A best match that leaves much of the question unanswered yields to a close runner-up that answers it all.
    const first = ranked[0];
    if (first && first.coverage < MIN_COVERAGE && a.intent !== 'what-said') {
      const whole = ranked.find((s) => s.coverage >= MIN_COVERAGE && s.score >= first.score * 0.5);
      if (whole) {
        whole.score = first.score;
        ranked = [whole, ...ranked.filter((s) => s !== whole)];
      }
    }
    const best = ranked[0];
    const entityAnswer = a.intent === 'who-is' && a.target?.entity && best?.item.entity?.id === a.target.entity.id;
    // What someone said is already narrowed to their words: one shared topic word (or no topic) will do.
    // Words the article never uses do not count there unless they are rare ("china": refuse).
    const rareUnknown = a.unknown.some((t) => !isCommonWord(t.norm) && !a.target?.indexes.includes(t.index));
    const knownTopic = a.content.some((t) => analyzer.isKnown(t) && !a.target?.indexes.includes(t.index) && !isSayVerb(t.norm) && t.index !== a.saidVerb);
    const covered = best !== undefined && (saidBy ? best.coverage >= 1 || best.matched.size > 0 || (!knownTopic && !rareUnknown) : best.coverage >= MIN_COVERAGE);
    if (!best || (!entityAnswer && !covered)) return noAnswer(question, 'no-match', 'The article does not answer that.');
    // "Was Nauert at the White House briefing?": a passage that does not involve her cannot say.
    if (a.yesNoAbout && !itemEntities.get(best.item.key)!.has(a.yesNoAbout) && !(best.item.speakerId && speaksFor(best.item.speakerId, a.yesNoAbout))) {
      return noAnswer(question, 'no-match', 'The article does not say.');
    }
    // A place is answered by a passage that names one ("in Washington"), or none.
    if (a.asksPlace && !answersPlace(best.item) && !namesPlace(best.item)) {
      return noAnswer(question, 'no-match', 'The article does not say where.');
    }
    const answers: Answer[] = [];
    for (const s of ranked) {
      if (answers.length >= MAX_ANSWERS) break;
      if (answers.length > 0 && s.score < best.score * FURTHER_ANSWER_RATIO) break;
      const dup = answers.some((x) => x.paragraph === s.item.paragraph && x.excerpt === s.item.sentence);
      if (dup) continue;
      answers.push(toAnswer(s, a));
    }
    return { question, answers };
  }

  // ----- command lookups -----------------------------------------------------

  const speakerIds = new Set(items.filter((i) => i.speakerId).map((i) => i.speakerId!));
  const speakers = kb.entities.filter((e) => speakerIds.has(e.id));
  const entityKeys = [{ name: 'name', weight: 2 }, 'aliases', 'role'];
  const speakerFuse = new Fuse(speakers, { keys: entityKeys, includeScore: true, threshold: 0.4, ignoreLocation: true });
  const entityFuse = new Fuse(kb.entities, { keys: entityKeys, includeScore: true, threshold: 0.4, ignoreLocation: true });

  const plainScored = (item: Item, score = 1): Scored => ({ item, score, coverage: 1, matched: new Set() });
  const byId = <T extends { id: string }>(list: readonly T[], value: string): T | undefined => list.find((x) => x.id === value.trim());

  function resolveEntity(name: string, among: readonly Entity[], fuse: Fuse<Entity>): Entity | null {
    const direct = byId(among, name);
    if (direct) return direct;
    const a = analyzer.analyze(`who is ${cleanQuestion(name)}`);
    if (a.target?.entity && a.target.unknown.length === 0 && among.includes(a.target.entity)) return a.target.entity;
    const hit = fuse.search(cleanQuestion(name), { limit: 1 })[0];
    return hit && (hit.score ?? 1) <= 0.3 ? hit.item : null;
  }

  function whoSaid(quote: string): AnswerResult {
    const direct = byId(kb.quotes, quote);
    if (direct) {
      const item = itemByKey.get(`quote:${direct.id}`)!;
      return { question: `Who said "${direct.text}"?`, answers: [{ ...toAnswer(plainScored(item), null), answer: fit(whoSaidSentence(direct)) }] };
    }
    const words = cleanQuestion(quote).replace(/^["“'‘]+|["”'’]+$/g, '');
    return answer(`Who said "${words}"?`);
  }

  function quotesBy(speaker: string): SpeakerQuotes | null {
    const who = resolveEntity(speaker, speakers, speakerFuse);
    if (!who) return null;
    const quotes = items
      .filter((i) => i.speakerId === who.id && (i.quote || !items.some((o) => o.quote && o.speakerId === who.id && o.paragraph === i.paragraph)))
      .sort((x, y) => x.paragraph - y.paragraph)
      .map((i) => toAnswer(plainScored(i), null));
    return { speaker: who, quotes };
  }

  function when(event: string): AnswerResult {
    const direct = byId(kb.events, event);
    if (direct) {
      return { question: `When: ${direct.answer}`, answers: [toAnswer(plainScored(itemByKey.get(`event:${direct.id}`)!), null)] };
    }
    const text = cleanQuestion(event);
    const asQuestion = /^(?:when|what|which|on what)\b/i.test(text) ? text : `When ${text}?`;
    return answer(asQuestion);
  }

  function timeline(): Answer[] {
    return [...kb.events]
      .sort((x: KbEvent, y: KbEvent) => x.date.localeCompare(y.date) || x.paragraph - y.paragraph)
      .map((e) => toAnswer(plainScored(itemByKey.get(`event:${e.id}`)!), null));
  }

  function whoIs(name: string): AnswerResult {
    const who = resolveEntity(name, kb.entities, entityFuse);
    if (who) {
      return { question: `Who is ${who.name}?`, answers: [toAnswer(plainScored(itemByKey.get(`entity:${who.id}`)!), null)] };
    }
    const text = cleanQuestion(name);
    return /^(?:who|what)\b/i.test(text) ? answer(text) : answer(`Who is ${text}?`);
  }

  function findPassages(text: string, limit = MAX_ANSWERS): Answer[] {
    const a = analyzer.analyze(cleanQuestion(text));
    const query = [...new Set(a.content.map((t) => t.term))];
    if (query.length === 0) return [];
    const found = index.search(query.join(TERM_SEPARATOR), {
      tokenize: (s) => s.split(TERM_SEPARATOR),
      processTerm: (t) => t,
      filter: (r) => String(r.id).startsWith('sentence:'),
    });
    return found.slice(0, Math.max(0, limit)).map((r) => {
      const item = itemByKey.get(String(r.id))!;
      return toAnswer({ item, score: r.score, coverage: 1, matched: new Set(query) }, null);
    });
  }

  // "the U.S. State Department", "the legislators briefed by Facebook": names as a sentence needs them.
  const named = (e: Entity): string => (e.kind === 'person' || e.kind === 'country' || e.kind === 'platform' || /^the\b/i.test(e.name) ? e.name : `the ${e.name}`);
  const suggestionList = [
    ...kb.entities.map((e) => (e.kind === 'person' ? `Who is ${e.name}?` : e.kind === 'group' ? `Who are ${named(e)}?` : `What is ${named(e)}?`)),
    ...speakers.map((e) => `What did ${named(e)} say?`),
    ...[...new Set(kb.events.map((e) => e.dateText))].map((d) => (/^\d{4}$/.test(d) ? `What happened in ${d}?` : /\d/.test(d) ? `What happened on ${d}?` : `What happened in ${d}?`)),
    ...kb.quotes.filter((q) => q.text.split(' ').length <= 4).map((q) => `Who said "${q.text}"?`),
    ...kb.facts.map((f) => f.question),
  ];
  const suggestionFuse = new Fuse(suggestionList, { includeScore: true, threshold: 0.8, ignoreLocation: true, useExtendedSearch: true });
  /** Each word's matches among the suggestions, best first; words recur from question to question. */
  const suggestionMatches = new Map<string, SuggestionMatches>();
  const matchesOf = (word: string): SuggestionMatches => {
    let found = suggestionMatches.get(word);
    if (found === undefined) {
      // Kept as two typed arrays: a word matches most of the list, and many words are remembered.
      const hits = suggestionFuse.search(word);
      found = { indexes: Uint32Array.from(hits, (h) => h.refIndex), scores: Float64Array.from(hits, (h) => h.score ?? 1) };
      if (suggestionMatches.size >= SUGGESTION_WORDS_MAX) suggestionMatches.clear();
      suggestionMatches.set(word, found);
    }
    return found;
  };
  /**
   * What Fuse's extended search for `w1 | w2 | ...` finds, from each word's own matches: an "or"
   * scores an entry by the first word that matches it, with the same score as that word's own
   * search. The 50 best, best first (the lower index first on equal scores, as Fuse sorts).
   */
  function anyWordMatches(words: readonly string[]): { item: string; score: number }[] {
    const first = new Map<number, number>();
    for (const w of words) {
      const { indexes, scores } = matchesOf(w);
      for (let i = 0; i < indexes.length; i++) if (!first.has(indexes[i]!)) first.set(indexes[i]!, scores[i]!);
    }
    return [...first]
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .slice(0, ANY_WORD_LIMIT)
      .map(([index, score]) => ({ item: suggestionList[index]!, score }));
  }
  function suggestions(text: string, limit = 3): string[] {
    const words = analyzer
      .tokens(cleanQuestion(text))
      .filter((t) => !analyzer.isQuestionTerm(t.term))
      .map((t) => t.norm);
    const hits = words.length > 0 ? anyWordMatches(words) : [];
    const scored = new Map<string, number>();
    for (const w of words) {
      const { indexes, scores } = matchesOf(w);
      for (let i = 0; i < Math.min(WORD_LIMIT, indexes.length); i++) {
        const item = suggestionList[indexes[i]!]!;
        scored.set(item, (scored.get(item) ?? 0) + (1 - scores[i]!));
      }
    }
    for (const h of hits) scored.set(h.item, (scored.get(h.item) ?? 0) + (1 - h.score) / 2);
    const ranked = [...scored.entries()].sort((x, y) => y[1] - x[1]).map(([s]) => s);
    const defaults = ['Who is Heather Nauert?', 'What happened on August 5?', 'Who said "megaphone diplomacy"?'];
    return [...new Set([...ranked, ...defaults])].slice(0, Math.max(0, limit));
  }

  // Pick lists and the timeline are built when first asked for: the first answer needs neither.
  let choiceLists: ReturnType<typeof createChoiceLists> | null = null;
  const choices = (): ReturnType<typeof createChoiceLists> => (choiceLists ??= createChoiceLists(kb, speakers));
  let timelineAnswers: Answer[] | null = null;

  // Answers depend only on the text asked, and readers ask the same things (autocomplete asks again
  // at every keystroke): remember the last few hundred of each.
  return {
    kb,
    answer: memo(answer),
    whoSaid: memo(whoSaid),
    quotesBy: memo(quotesBy),
    when: memo(when),
    timeline: () => (timelineAnswers ??= timeline()),
    whoIs: memo(whoIs),
    findPassages: memo2(findPassages),
    suggestions: memo2(suggestions),
    quoteChoices: memo2((typed, limit) => choices().quoteChoices(typed, limit)),
    speakerChoices: memo2((typed, limit) => choices().speakerChoices(typed, limit)),
    eventChoices: memo2((typed, limit) => choices().eventChoices(typed, limit)),
    entityChoices: memo2((typed, limit) => choices().entityChoices(typed, limit)),
  };
}

const MONTH_DAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b|\b(?:1[89]|20)\d\d\b/g;
/** Does the text give a number of something (not a date or a year)? */
/** `text` as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word that gives a number: digits or a number word. */
const COUNT_WORD = /\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)$/i;

function holdsQuantity(text: string): boolean {
  return /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b/i.test(text.replace(MONTH_DAY, ''));
}

/** Lower case, letters, digits and single spaces only: for comparing phrases. */
function foldWords(text: string): string {
  return foldForComparison(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/ +/g, ' ');
}

/** Does an item's ISO date fall on the date the question names? */
function dateMatches(itemDate: string | null, asked: AskedDate): boolean {
  if (!itemDate) return false;
  const [y, m, d] = itemDate.split('-').map(Number);
  if (asked.year !== undefined && asked.year !== y) return false;
  if (asked.month !== undefined && asked.month !== m) return false;
  if (asked.day !== undefined && asked.day !== d) return false;
  return true;
}

/** Removes control characters and cuts overlong input; the meaning is in the first words. */
export function cleanQuestion(text: string): string {
  const clean = text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by code points, so an emoji at the limit is dropped whole, not halved.
  return clean.length <= MAX_QUESTION_CHARS ? clean : Array.from(clean.slice(0, MAX_QUESTION_CHARS + 1)).slice(0, MAX_QUESTION_CHARS).join('').slice(0, MAX_QUESTION_CHARS).replace(/[\uD800-\uDBFF]$/, '');
}

/** A yes/no question that states a claim: "is/was X …", "did X <verb> …" (not "does X have …", which asks whether there is one). */
const CLAIM = /^(?:is|was|are|were|did|does|do)\b(?!.*\b(?:have|has|had)\b)/i;
/** Words of a question that carry nothing of its topic. */
const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'is', 'was', 'are', 'were', 's']);
/** At most this many words after "X's" make one thing of theirs ("Twitter handle"). */
const RELATION_WORDS = 2;

/** Words this common ("too", "really") are never a guess at a thing. */
const GUESS_RANK_FROM = 1_000;
/** A word form of an act ("expelled", "hacking"), not of a thing. */
const ACT_FORM = /(?:ed|ing)$/;

/** The verbs a "what does X ...?" question goes on with after X. */
const MAIN_VERB = /^(?:do|say|think|want|hold|mean|believe|claim|warn|work|demand|accuse|announce)$/i;
/** "the man who ...", "the person that ...": someone described by what they did. */
const DESCRIBED_PERSON = /\b(the (?:person|man|woman|official|guy|lady|individual|diplomat|spokesperson) (?:who|that) )(.+)$/i;

/** "What does X mean (here)?", "define X", "meaning of X". */
const DEFINE =
  /^(?:what (?:does|do|did) ["'‘“]?(.+?)["'’”]? (?:mean|stand for)|(?:define|meaning of|what is the meaning of|what's the meaning of|whats the meaning of) ["'‘“]?(.+?)["'’”]?)(?: (?:here|in the article|in this article|in the story|in the text))?\s*\??$/i;

/** Cuts a sentence to {@link MAX_ANSWER_CHARS} at a word boundary. */
function fit(sentence: string): string {
  if (sentence.length <= MAX_ANSWER_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_ANSWER_CHARS - 2);
  const space = cut.lastIndexOf(' ');
  return `${(space > 100 ? cut.slice(0, space) : cut).replace(/[\s,;:"-]+$/, '')}…${sentence.includes('"') && (cut.match(/"/g)?.length ?? 0) % 2 === 1 ? '"' : ''}`;
}

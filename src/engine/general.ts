/**
 * The answering engine over one knowledge pack: plain functions, nothing of
 * Discord, nothing of any one article. A question is read once into a typed
 * query (read.ts), answered by the handler of its kind (answer.ts) over
 * sentences ranked by rank.ts, with weights from options.ts.
 */
import Fuse from 'fuse.js';
import { LRUCache } from 'lru-cache';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity } from '../knowledge/schema.ts';
import { Handlers, humanDate } from './answer.ts';
import { createChoiceLists } from './choices.ts';
import { loadWordLists } from './common-words.ts';
import { buildModel, namesOf } from './model.ts';
import { DEFAULT_OPTIONS, type EngineOptions } from './options.ts';
import { Ranker } from './rank.ts';
import { cleanQuestion, plainQuestion, readQuestion, readWords, type Query } from './read.ts';
import { MAX_ANSWERS, type Answer, type AnswerResult } from './types.ts';
import type { Engine, SpeakerQuotes } from './engine.ts';

/** The general engine also shows how it reads a question. */
export interface GeneralEngine extends Engine {
  /** Reads a question into its typed query (for tests and tools). */
  read(question: string): Query;
}
import { Vocabulary } from './vocab.ts';

/** The general engine over any pack: what `npm run ingest` extracts, with or without curated items. */
export function createGeneralEngine(kb: KnowledgeBase, options: Partial<EngineOptions> = {}): GeneralEngine {
  const o: EngineOptions = { ...DEFAULT_OPTIONS, ...options };
  const model = buildModel(kb);
  const vocab = new Vocabulary(model);
  const ranker = new Ranker(model, vocab, o);
  const handlers = new Handlers({ model, vocab, ranker, options: o });

  const read = (question: string): Query => readQuestion(question, vocab);
  const answer = (question: string): AnswerResult => {
    const cleaned = cleanQuestion(question);
    const q = read(cleaned);
    const result = handlers.answer(cleaned, q);
    return result.answers.length > 0 ? handlers.wayUnsaid(cleaned, handlers.othersUnnamed(cleaned, q, result)) : handlers.claimChecked(cleaned, plainQuestion(cleaned), q, result);
  };

  const entityFuse = new Fuse(kb.entities, { keys: [{ name: 'name', weight: 2 }, 'aliases', 'role'], includeScore: true, threshold: 0.35, ignoreLocation: true });
  /** An entity by id, by exact name or alias, or by a close spelling. */
  const resolveEntity = (text: string, among: readonly Entity[] = kb.entities): Entity | null => {
    const t = cleanQuestion(text).replace(/^(?:the|a|an)\s+/i, '').toLowerCase();
    if (!t) return null;
    const exact = among.find((e) => e.id === t || namesOf(e).some((n) => n.toLowerCase().replace(/^(?:the|a|an)\s+/, '') === t));
    if (exact) return exact;
    const hit = entityFuse.search(t, { limit: 5 }).find((h) => among.includes(h.item) && (h.score ?? 1) <= 0.3);
    return hit?.item ?? null;
  };

  const speakers = kb.entities.filter((e) => model.speakerIds.has(e.id));
  const quotesBy = (text: string): SpeakerQuotes | null => {
    const who = resolveEntity(text, speakers);
    if (!who) return null;
    const quotes = model.sentences
      .filter((s) => s.speakers.includes(who.id))
      .map((s) => {
        const q = s.quotes.find((x) => x.speaker === who.id);
        return handlers.cite(s, q ? `${who.name}: "${q.text.replace(/[,\s]+$/, '')}"` : s.text, 1, new Set(), { speaker: who.name, ...(s.date ? { date: s.date } : {}) });
      });
    return { speaker: who, quotes };
  };

  const timelineAnswers = model.sentences
    .filter((s) => s.date && !s.datedBy)
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.paragraph - b.paragraph)
    .map((s) => handlers.cite(s, `${humanDate(s.date!)}: ${s.curatedAnswers[0] ?? s.text}`, 1, new Set(), { date: s.date! }));

  const whoIs = (text: string): AnswerResult => {
    const e = resolveEntity(text);
    if (e) return handlers.whoIs(`Who is ${e.name}?`, e.id, null);
    const t = cleanQuestion(text);
    // A question typed into the field is read as one; words are someone by role, handled as typed.
    if (/^(?:who|what)\b/i.test(t)) return answer(t);
    return handlers.answer(`Who is ${t}?`, { kind: 'who-is-role', topic: readWords(t, vocab).topic });
  };

  const whoSaid = (text: string): AnswerResult => {
    const q = kb.quotes.find((x) => x.id === text.trim());
    const words = q ? q.text : cleanQuestion(text).replace(/^["“'‘]+|["”'’]+$/g, '');
    const { topic, names } = readWords(words, vocab, words);
    return handlers.answer(`Who said "${words}"?`, { kind: 'who-said', topic, names });
  };

  const when = (text: string): AnswerResult => {
    const ev = kb.events.find((x) => x.id === text.trim());
    const t = ev ? ev.excerpt : cleanQuestion(text);
    if (/^(?:when|what|which|on what)\b/i.test(t)) return answer(t);
    const { topic, names } = readWords(t, vocab);
    return handlers.answer(`When ${t}?`, { kind: 'ask', asked: 'date', names, topic, yesNo: false, unknownAct: null });
  };

  const findPassages = (text: string, limit = MAX_ANSWERS): Answer[] =>
    ranker.closest(cleanQuestion(text), Math.max(0, limit)).map((s) => handlers.cite(s, s.text, 1, new Set(vocab.terms.termsOf(text))));

  /** Questions made from the pack itself: who someone is, what a speaker said, what happened on a date. */
  const suggestionPool: string[] = [
    ...speakers.map((e) => `What did ${e.name} say?`),
    ...kb.entities.filter((e) => e.kind === 'person' && e.role).map((e) => `Who is ${e.name}?`),
    ...[...new Set(model.sentences.filter((s) => s.date && !s.datedBy).map((s) => s.date!))].filter((d) => d.length === 10).map((d) => `What happened on ${humanDate(d).replace(/, \d{4}$/, '')}?`),
  ].filter((s) => s.length <= 100);
  const suggestionFuse = new Fuse(suggestionPool, { includeScore: true, threshold: 0.6, ignoreLocation: true });
  const suggestions = (text: string, limit = 3): string[] => {
    const words = vocab.terms
      .tokens(cleanQuestion(text))
      .filter((t) => !vocab.isQuestionTerm(t.term) && t.norm.length > 2)
      .map((t) => t.norm);
    const scored = new Map<string, number>();
    for (const w of words) for (const h of suggestionFuse.search(w, { limit: 10 })) scored.set(h.item, (scored.get(h.item) ?? 0) + (1 - (h.score ?? 1)));
    // Only suggestions that share something with what was asked; and each must itself be answered.
    return [...scored.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([s]) => s)
      .filter((s) => answer(s).answers.length > 0)
      .slice(0, Math.max(0, limit));
  };

  const choiceLists = createChoiceLists(kb, speakers);

  const cached = <A extends unknown[], R extends object>(fn: (...args: A) => R): ((...args: A) => R) => {
    if (!o.cache) return fn;
    const lru = new LRUCache<string, R>({ max: o.cacheSize });
    return (...args: A) => {
      const key = JSON.stringify(args);
      let hit = lru.get(key);
      if (hit === undefined) {
        hit = fn(...args);
        lru.set(key, hit);
      }
      return hit;
    };
  };

  return {
    kb,
    answer: cached(answer),
    read,
    whoSaid: cached(whoSaid),
    quotesBy: (t) => quotesBy(t),
    when: cached(when),
    timeline: () => timelineAnswers,
    whoIs: cached(whoIs),
    findPassages: cached(findPassages),
    suggestions: cached(suggestions),
    quoteChoices: (typed, limit) => choiceLists.quoteChoices(typed, limit),
    speakerChoices: (typed, limit) => choiceLists.speakerChoices(typed, limit),
    eventChoices: (typed, limit) => choiceLists.eventChoices(typed, limit),
    entityChoices: (typed, limit) => choiceLists.entityChoices(typed, limit),
    warm: () => {
      loadWordLists();
      handlers.warm();
    },
  };
}

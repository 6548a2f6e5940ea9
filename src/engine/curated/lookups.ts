/**
 * The command lookups of the curated engine: who said a quote, a speaker's
 * quotes, when an event was, who someone is, the timeline and the passages
 * closest to any text. An id picked from a list is looked up directly; free
 * text is asked as a question.
 */
import Fuse from 'fuse.js';
import type { Entity, KbEvent } from '../../knowledge/schema.ts';
import type { SpeakerQuotes } from '../engine.ts';
import { MAX_ANSWERS, type Answer, type AnswerResult } from '../types.ts';
import type { Ask, CuratedContext } from './context.ts';
import { plainScored, searchTerms } from './rank.ts';
import { toAnswer, whoSaidSentence } from './sentences.ts';
import { cleanQuestion, fit } from './text.ts';

/** Fuse's fuzziness for names (0 exact, 1 anything). */
const NAME_FUZZ = 0.4;
/** A name found by Fuse must score at most this (0 is exact) to be taken for the one typed. */
const NAME_MATCH_MAX = 0.3;

/** The lookups of one context. */
export interface Lookups {
  whoSaid(quote: string): AnswerResult;
  quotesBy(speaker: string): SpeakerQuotes | null;
  when(event: string): AnswerResult;
  timeline(): Answer[];
  whoIs(name: string): AnswerResult;
  findPassages(text: string, limit?: number): Answer[];
  /** The sentences best met by these terms (a question's, already read). */
  passagesFor(terms: readonly string[], limit?: number): Answer[];
}

/** An entry of `list` by its id, as picked from a pick list. */
function byId<T extends { id: string }>(list: readonly T[], value: string): T | undefined {
  return list.find((x) => x.id === value.trim());
}

/** Builds the lookups over a context; free text is asked with `ask`. */
export function createLookups(ctx: CuratedContext, ask: Ask): Lookups {
  const { kb, analyzer, speakers } = ctx;
  const entityKeys = [{ name: 'name', weight: 2 }, 'aliases', 'role'];
  const speakerFuse = new Fuse(speakers, { keys: entityKeys, includeScore: true, threshold: NAME_FUZZ, ignoreLocation: true });
  const entityFuse = new Fuse(kb.entities, { keys: entityKeys, includeScore: true, threshold: NAME_FUZZ, ignoreLocation: true });
  const cited = (key: string): Answer => toAnswer(ctx, plainScored(ctx.itemOf(key)), null);
  const passagesFor = (query: readonly string[], limit = MAX_ANSWERS): Answer[] => {
    if (query.length === 0) return [];
    const found = searchTerms(ctx, query, (id) => id.startsWith('sentence:'));
    return found.slice(0, Math.max(0, limit)).map((r) => toAnswer(ctx, { item: ctx.itemOf(r.id), score: r.score, coverage: 1, matched: new Set(query) }, null));
  };

  function resolveEntity(name: string, among: readonly Entity[], fuse: Fuse<Entity>): Entity | null {
    const direct = byId(among, name);
    if (direct) return direct;
    const a = analyzer.analyze(`who is ${cleanQuestion(name)}`);
    if (a.target?.entity && a.target.unknown.length === 0 && among.includes(a.target.entity)) return a.target.entity;
    const hit = fuse.search(cleanQuestion(name), { limit: 1 })[0];
    return hit && (hit.score ?? 1) <= NAME_MATCH_MAX ? hit.item : null;
  }

  return {
    whoSaid(quote) {
      const direct = byId(kb.quotes, quote);
      if (direct) return { question: `Who said "${direct.text}"?`, answers: [{ ...cited(`quote:${direct.id}`), answer: fit(whoSaidSentence(ctx, direct)) }] };
      const words = cleanQuestion(quote).replace(/^["“'‘]+|["”'’]+$/g, '');
      return ask.answer(`Who said "${words}"?`);
    },

    quotesBy(speaker) {
      const who = resolveEntity(speaker, speakers, speakerFuse);
      if (!who) return null;
      const quotes = ctx.items
        .filter((i) => i.speakerId === who.id && (i.quote || !ctx.items.some((o) => o.quote && o.speakerId === who.id && o.paragraph === i.paragraph)))
        .sort((x, y) => x.paragraph - y.paragraph)
        .map((i) => toAnswer(ctx, plainScored(i), null));
      return { speaker: who, quotes };
    },

    when(event) {
      const direct = byId(kb.events, event);
      if (direct) return { question: `When: ${direct.answer}`, answers: [cited(`event:${direct.id}`)] };
      const text = cleanQuestion(event);
      const asQuestion = /^(?:when|what|which|on what)\b/i.test(text) ? text : `When ${text}?`;
      return ask.answer(asQuestion);
    },

    timeline() {
      return [...kb.events].sort((x: KbEvent, y: KbEvent) => x.date.localeCompare(y.date) || x.paragraph - y.paragraph).map((e) => cited(`event:${e.id}`));
    },

    whoIs(name) {
      const who = resolveEntity(name, kb.entities, entityFuse);
      if (who) return { question: `Who is ${who.name}?`, answers: [cited(`entity:${who.id}`)] };
      const text = cleanQuestion(name);
      return /^(?:who|what)\b/i.test(text) ? ask.answer(text) : ask.answer(`Who is ${text}?`);
    },

    findPassages(text, limit = MAX_ANSWERS) {
      const a = analyzer.analyze(cleanQuestion(text));
      return passagesFor([...new Set(a.content.map((t) => t.term))], limit);
    },

    passagesFor,
  };
}

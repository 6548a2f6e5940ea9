/**
 * A detail inside a sentence that a question asks for by its kind: the
 * hashtag ("which hashtag was in the tweet?"), the word put in quotation
 * marks ("what adjective did Facebook use for the efforts?"), or the word
 * that qualifies a noun ("what kind of interference did she call it?").
 * Pure functions over a question and a sentence, for either engine.
 */

/** The kind of detail a question asks for, with the noun it qualifies where it names one. */
export type DetailAsked = { readonly kind: 'hashtag' } | { readonly kind: 'word'; readonly noun: string | null } | { readonly kind: 'kind-of'; readonly noun: string };

import type { AnswerResult } from './types.ts';

/** Words that qualify a noun without describing it. */
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|some|any|such|of|to|in|on|for|with|by|from|at|about|against|and|or|but|as|than|into)$/i;

/** The words that name the kind of detail asked for: no topic of the question, and no word the article need use. */
export const DETAIL_KIND = /^(?:hashtags?|adjectives?|verbs?|words?|terms?|phrases?|expressions?|kinda?|sort|type)$/;

/** The most words of a quoted phrase that qualifies a noun ("pervasive methods"). */
const QUOTED_PHRASE_WORDS = 4;

/** Words that open a clause of their own after a noun. */
const CLAUSE_START = /^(?:it|that|which|who|they|he|she|we|you)$/;

/** What detail the question asks for, or null. */
export function detailAsked(question: string): DetailAsked | null {
  const q = question.toLowerCase();
  if (/\b(?:which|what) hashtags?\b|\bhashtag (?:was|is|did)\b/.test(q)) return { kind: 'hashtag' };
  // (The noun is the last word of what follows "for": "for russia's methods" → methods.)
  const word = /^(?:what|which) (?:adjective|verb|word|term|phrase|expression)s?\b(?:.*?\b(?:for|to describe|about|of)\s+(?:the\s+)?((?:[\p{L}'’-]+\s+){0,2}[\p{L}-]+))?/u.exec(q);
  // (… up to a clause of its own: "the manipulation efforts it found" → efforts.)
  if (word) return { kind: 'word', noun: word[1]?.split(/\s+/).filter((_, i, all) => !all.slice(0, i + 1).some((x) => CLAUSE_START.test(x))).at(-1) ?? null };
  const kind = /^(?:what|which) (?:kind|kinda|sort|type)(?: of)? ([\p{L}-]+)/u.exec(q);
  if (kind?.[1]) return { kind: 'kind-of', noun: kind[1] };
  return null;
}

/** The detail `asked` for in `sentence`, as written there, or null when the sentence has none. */
export function detailIn(sentence: string, asked: DetailAsked): string | null {
  if (asked.kind === 'hashtag') return /#[\p{L}\p{N}_]+/u.exec(sentence)?.[0] ?? null;
  const words = sentence.split(/\s+/);
  const at = (noun: string): number => words.findIndex((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, '').replace(/s$/, '') === noun.replace(/s$/, ''));
  if (asked.kind === 'word') {
    const spans = [...sentence.matchAll(/["“]([^"“”]{1,60})["”]/gu)].map((m) => m[1]!.trim().split(/\s+/));
    if (!asked.noun) return spans.find((s) => s.length === 1)?.[0] ?? null;
    // The article's words around the noun: quoted with it ("pervasive methods"), or one quoted word just before it ("sophisticated" efforts).
    const noun = asked.noun.replace(/s$/, '');
    const bare = (w: string): string => w.toLowerCase().replace(/[^\p{L}-]/gu, '').replace(/s$/, '');
    // (A short quotation only: a whole quoted sentence is no phrase for the noun.)
    const withNoun = spans.find((s) => s.length > 1 && s.length <= QUOTED_PHRASE_WORDS && s.some((w) => bare(w) === noun));
    if (withNoun) return withNoun.slice(0, withNoun.findIndex((w) => bare(w) === noun)).join(' ') || null;
    const i = at(asked.noun);
    const single = i > 0 ? /^["“]([\p{L}-]+)["”]$/u.exec(words[i - 1]!) : null;
    if (single) return single[1]!;
  }
  const noun = asked.kind === 'kind-of' ? asked.noun : asked.noun;
  if (!noun) return null;
  const i = at(noun);
  const before = i > 0 ? words[i - 1]!.replace(/[^\p{L}-]/gu, '') : '';
  return before && !DETERMINER.test(before) && /^\p{Ll}/u.test(before) ? before : null;
}

/**
 * "Which hashtag was in the tweet?", "what kind of interference did she call it?": the detail asked
 * for, from the first answer whose sentence has it (which then comes first), before its answer,
 * cut to size by the engine's `fit`.
 */
export function withDetail(question: string, result: AnswerResult, fit: (answer: string) => string): AnswerResult {
  const asked = detailAsked(question);
  if (!asked) return result;
  const found = result.answers.map((x) => ({ x, detail: detailIn(x.excerpt, asked) })).find((f) => f.detail !== null);
  if (!found) return result;
  return { ...result, answers: [{ ...found.x, answer: fit(`${found.detail}: ${found.x.answer}`) }, ...result.answers.filter((x) => x !== found.x)] };
}


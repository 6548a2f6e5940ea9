/**
 * The curated engine: plain functions over a curated knowledge base, nothing of
 * Discord. `answer(question)` ranks the curated items (quotes, events, facts,
 * who-is entries, and the article's sentences as a fallback) with BM25
 * (MiniSearch), reweighs them by what the question asks (who said, who is,
 * when, what did X say) and whom it names, and abstains when the article does
 * not answer.
 *
 * Its parts, in src/engine/curated/: context.ts (what is worked out once per
 * pack), rank.ts (ranking) with weights.ts (its weights and thresholds),
 * answer.ts (answering and refusing), shapes.ts and dates.ts (special question
 * shapes), sentences.ts (answer sentences), lookups.ts (command lookups),
 * suggestions.ts ("did you mean"), memo.ts (remembering recent results) and
 * text.ts (pure text helpers). The question reader is ../analyze.ts, with
 * clause.ts (the clause of a chat message that asks) and asked-date.ts.
 */
import type { KnowledgeBase } from '../knowledge/load.ts';
import { createChoiceLists } from './choices.ts';
import { loadWordLists } from './common-words.ts';
import { dateParser } from './curated/asked-date.ts';
import type { Engine } from './engine.ts';
import type { Answer, AnswerResult } from './types.ts';
import { createAnswering } from './curated/answer.ts';
import { buildContext } from './curated/context.ts';
import { createLookups } from './curated/lookups.ts';
import { remember, rememberWithLimit } from './curated/memo.ts';
import { createSuggestions } from './curated/suggestions.ts';
import { createGeneralEngine, type GeneralEngine } from './general.ts';
import { mayAskPatient } from './read.ts';

export { cleanQuestion } from './curated/text.ts';

/** How many passages a refusal shows as the closest the article comes. */
const RELATED_PASSAGES = 1;

/**
 * The engine of a pack with curated knowledge (the seed article's): it answers
 * from the curated quotes, events, facts and entities and their lexicon.
 * Packs that `npm run ingest` extracts are answered by the general engine.
 * With `cache` (the default) each lookup remembers its recent results.
 */
export function createCuratedEngine(kb: KnowledgeBase, { cache = true }: { readonly cache?: boolean } = {}): Engine {
  const memo = cache ? remember : <F>(fn: F): F => fn;
  const memo2 = cache ? rememberWithLimit : <F>(fn: F): F => fn;
  const ctx = buildContext(kb);
  // (The inner questions of the special shapes ask who an act was done to as well: "was it the ambassador who got called in?")
  const ask = createAnswering(ctx, (question) => patientAnswer(question));
  const lookups = createLookups(ctx, ask);
  const suggestions = createSuggestions(ctx);

  // Pick lists and the timeline are built when first asked for: the first answer needs neither.
  let choiceLists: ReturnType<typeof createChoiceLists> | null = null;
  const choices = (): ReturnType<typeof createChoiceLists> => (choiceLists ??= createChoiceLists(kb, ctx.speakers));
  let timelineAnswers: Answer[] | null = null;
  // Who an act was done to ("who was summoned?") the curated reader has no reading for; the general one answers it,
  // over the same pack, built when first asked.
  let general: GeneralEngine | null = null;
  const fallback = (): GeneralEngine => (general ??= createGeneralEngine(kb, { cache: false }));
  const patientAnswer = (question: string): AnswerResult | null => {
    if (!mayAskPatient(question)) return null;
    const q = fallback().read(question);
    return q.kind === 'ask' && q.patient ? fallback().answer(question) : null;
  };

  // Answers depend only on the text asked, and readers ask the same things (autocomplete asks again
  // at every keystroke): remember the last few hundred of each.
  return {
    kb,
    // A refusal shows the closest the article comes: its best passage for the question's words.
    answer: memo((question: string) => {
      const patient = patientAnswer(question);
      if (patient && patient.answers.length > 0) return patient;
      const { result, terms } = ask.answerWithTerms(question);
      if (result.answers.length > 0 || result.noAnswer?.reason === 'empty' || result.related) return result;
      // (By the terms answering searched for, when it read the question: it is not read again.)
      const related = terms ? lookups.passagesFor(terms, RELATED_PASSAGES) : lookups.findPassages(question, RELATED_PASSAGES);
      return related.length > 0 ? { ...result, related } : result;
    }),
    whoSaid: memo((quote: string) => lookups.whoSaid(quote)),
    quotesBy: memo((speaker: string) => lookups.quotesBy(speaker)),
    when: memo((event: string) => lookups.when(event)),
    timeline: () => (timelineAnswers ??= lookups.timeline()),
    whoIs: memo((name: string) => lookups.whoIs(name)),
    findPassages: memo2((text: string, limit?: number) => lookups.findPassages(text, limit)),
    suggestions: memo2((text: string, limit?: number) => suggestions(text, limit)),
    quoteChoices: memo2((typed: string, limit?: number) => choices().quoteChoices(typed, limit)),
    speakerChoices: memo2((typed: string, limit?: number) => choices().speakerChoices(typed, limit)),
    eventChoices: memo2((typed: string, limit?: number) => choices().eventChoices(typed, limit)),
    entityChoices: memo2((typed: string, limit?: number) => choices().entityChoices(typed, limit)),
    warm: () => {
      loadWordLists();
      dateParser();
      ctx.analyzer.warm();
      choices();
      timelineAnswers ??= lookups.timeline();
      fallback().warm();
    },
  };
}

/**
 * Special question shapes of the curated engine, each tried before a question
 * is answered by ranking: what a word means, what a word refers to, "was it X
 * who ...", "the man who ...", a yes/no question with a wrong guess, and
 * "who is X's <something the article never names>".
 */
import { foldForComparison } from '../../knowledge/article.ts';
import { isMonthWord, type Analysis, type Mention } from '../analyze.ts';
import { commonRank } from '../common-words.ts';
import { ROLE_NOUN, WHO_CHECK } from '../read.ts';
import { referenceAnswer, referenceAsked, referentOf } from '../refer.ts';
import type { Token } from '../text.ts';
import type { AnswerResult } from '../types.ts';
import type { Ask, CuratedContext } from './context.ts';
import { toAnswer } from './sentences.ts';
import { dateMatches, escapeRegExp, fit, noAnswer } from './text.ts';

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
/** How many of the lexicon's other words for a word "what does X mean" gives. */
const DEFINITION_WORDS = 2;
/** The verbs a "what does X ...?" question goes on with after X. */
const MAIN_VERB = /^(?:do|say|think|want|hold|mean|believe|claim|warn|work|demand|accuse|announce)$/i;
/** "the man who ...", "the person that ...": someone described by what they did. */
const DESCRIBED_PERSON = /\b(the (?:person|man|woman|official|guy|lady|individual|diplomat|spokesperson) (?:who|that) )(.+)$/i;
/** "What does X mean (here)?", "define X", "meaning of X". */
const DEFINE =
  /^(?:what (?:does|do|did) ["'‘“]?(.+?)["'’”]? (?:mean|stand for)|(?:define|meaning of|what is the meaning of|what's the meaning of|whats the meaning of) ["'‘“]?(.+?)["'’”]?)(?: (?:here|in the article|in this article|in the story|in the text))?\s*\??$/i;

/**
 * "What does 'convoked' mean here?": the lexicon's other words for an article word, with the
 * sentence that uses it. Null when the article does not use the word or the lexicon has no group for it.
 */
export function define(ctx: CuratedContext, question: string): AnswerResult | null {
  const m = DEFINE.exec(question);
  const word = (m?.[1] ?? m?.[2])?.trim();
  if (!word) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
  const sentence = ctx.items.find((i) => i.plain && pattern.test(foldForComparison(i.sentence)));
  if (!sentence) return null;
  const chosen = ctx.terms.synonymsOf(word).slice(0, DEFINITION_WORDS);
  if (chosen.length === 0) return null;
  const matched = new Set(ctx.terms.termsOf(word));
  return { question, answers: [{ ...toAnswer(ctx, { item: sentence, score: 1, coverage: 1, matched }, null), answer: fit(`"${word}" here means ${chosen.join(' or ')}.`) }] };
}

/**
 * "What is the job of the man who said Russia is waging a messaging campaign?": whoever the
 * description fits (asked as "Who said Russia is waging ...?"), then the question asked of them.
 * The relative clause may end before the question does ("the person who tweeted on August 5 do
 * for a living"), so the longest clause that names someone wins.
 */
export function describedPerson(ask: Ask, question: string): AnswerResult | null {
  const m = DESCRIBED_PERSON.exec(question);
  if (!m) return null;
  const words = (m[2] ?? '').replace(/[?.!]+$/, '').split(' ');
  // "What does <them> do ...?" keeps its own verb after the description; "What is the job of <them>?" ends with it.
  let cut = words.length;
  if (/^\w+ (?:does|did|do)\b/i.test(question)) {
    cut = words.findLastIndex((w, i) => i >= 2 && MAIN_VERB.test(w));
    if (cut < 0) return null;
  }
  const top = ask.answer(`Who ${words.slice(0, cut).join(' ')}?`).answers[0];
  if (!top?.speaker) return null;
  const rest = words.slice(cut).join(' ');
  const asked = ask.answer(`${question.slice(0, m.index)}${top.speaker}${rest ? ` ${rest}` : ''}?`);
  // Refused or not, the answer is about whom the description fits ("does not quote Wess Mitchell").
  return { ...asked, question };
}

/** "Was it Nauert herself who convoked Zhirnov?": who did it, and whether that is whom the question names. */
export function whoCheck(ctx: CuratedContext, ask: Ask, question: string): AnswerResult | null {
  const m = WHO_CHECK.exec(question);
  if (!m) return null;
  const [, who = '', did = ''] = m;
  // (Who it was done to, where the act is passive: "was it the ambassador who got called in?")
  const patient = ask.patient(`Who ${did}?`);
  const found = patient && patient.answers.length > 0 ? patient : ask.answer(`Who ${did}?`);
  const top = found.answers[0];
  if (!top?.speaker) return null;
  const named = ctx.analyzer.mentions(ctx.terms.tokens(who))[0];
  const same = named !== undefined && (ctx.entityName(named.entityId) === top.speaker || ctx.kb.entityById.get(named.entityId)?.name === top.speaker);
  return { question, answers: [{ ...top, answer: fit(`${same ? 'Yes' : 'No'}: ${top.answer}`) }, ...found.answers.slice(1)] };
}

/** "In the 'it added' line, what's 'it'?": what a word of the article refers to (refer.ts), or null. */
export function referredTo(ctx: CuratedContext, question: string): AnswerResult | null {
  const reference = referenceAsked(question);
  const found = reference && referentOf(ctx.kb.article.sentences, reference);
  if (!reference || !found) return null;
  return {
    question,
    answers: [{ answer: fit(referenceAnswer(reference, found)), excerpt: found.sentence, paragraph: found.paragraph, score: 1, highlights: [], source: { kind: 'sentence', id: `${found.paragraph}` } }],
  };
}

/**
 * "Who is Mitchell's boss?", "what's Nauert's Twitter handle?": something of someone the article
 * names, by a word it never uses (nor a sure synonym of one): it does not say.
 */
export function unsaidRelation(ctx: CuratedContext, question: string, a: Analysis): AnswerResult | null {
  if (!/^(?:who|whom|what)(?:['’]?s)?\b/i.test(question)) return null;
  // "Mitchell's", or "nauerts" typed without its apostrophe.
  const possessive = (m: Mention): boolean => {
    const last = a.tokens[m.end - 1]?.surface ?? '';
    const e = ctx.kb.entityById.get(m.entityId);
    return /['’]s$/.test(last) || (/s$/i.test(last) && e !== undefined && ![e.name, ...e.aliases].some((n) => n.toLowerCase().endsWith(last.toLowerCase())));
  };
  // "who/what is X's N": the copula right before the owner.
  const owner = a.mentions.find((m) => m.start <= 3 && possessive(m) && /^(?:is|was|are|were)$/.test(a.tokens[m.start - 1]?.norm ?? ''));
  if (!owner) return null;
  const rest = a.tokens.slice(owner.end).filter((t) => !STOP_WORDS.has(t.norm));
  const head = rest.at(-1);
  if (!head || rest.length > RELATION_WORDS || (ctx.analyzer.inArticle(head) && head.guessed !== true) || /\d/.test(head.norm) || ROLE_NOUN.test(head.norm)) return null;
  const name = ctx.entityName(owner.entityId);
  return noAnswer(question, 'not-covered', `The article does not say what ${name}'s ${rest.map((t) => t.surface).join(' ')} is.`);
}

/**
 * "Was the briefing at the Pentagon?", "Nauert tweeted on August 1, right?": a yes/no question
 * with a guess the article contradicts (a thing it never names, or another date) is answered with
 * what it does say, after "No:" ("Yes:" when the date is right). Null when the question makes no such guess.
 */
export function guessChecked(ctx: CuratedContext, ask: Ask, question: string, a: Analysis): AnswerResult | null {
  // ("Did Nauert tweet on August 1?" asks what she said only to check its date.)
  if (!CLAIM.test(question) || (a.intent !== 'general' && !(a.intent === 'what-said' && a.date?.day !== undefined)) || a.quoted || a.unknownPredicate || a.quantity) return null;
  const subject = a.content[0];
  if (!subject || !ctx.analyzer.isKnown(subject)) return null;
  // A word the article never uses, after the subject: a noun guessed for one it names (not an act, not a year).
  // (A question about another year, "the 2020 election", is about a time the article does not report: no guess.)
  if (a.date?.year !== undefined && a.date.day === undefined) return null;
  const guesses = a.unknown.filter((t) => t.index > subject.index && !ACT_FORM.test(t.norm) && !/\d/.test(t.norm) && (commonRank(t.norm) ?? Infinity) >= GUESS_RANK_FROM);
  // A year alone is another time the article does not report ("the 2020 election"), not a guess at its date.
  // (A date that qualifies a thing, "the August 1 statement", is no guess.)
  const month = a.tokens.findIndex((t) => isMonthWord(t.norm));
  const beforeMonth = a.tokens[month - 1];
  const dayGuessed = a.date !== null && a.date.day !== undefined && month > 0 && beforeMonth !== undefined && !/^(?:the|a|an|this|that|its|their|his|her)$/.test(beforeMonth.norm);
  if (guesses.length === 0 && !dayGuessed) return null;
  // Without the guess: a date guessed goes with the words that write it ("aug 1").
  const dropped = (t: Token): boolean => guesses.includes(t) || (guesses.length === 0 && (isMonthWord(t.norm) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(t.norm)));
  const rest = { ...a, content: a.content.filter((t) => !dropped(t)), unknown: a.unknown.filter((t) => !dropped(t)), date: guesses.length === 0 ? null : a.date };
  if (rest.content.length === 0) return null;
  const found = ask.analyzed(question, rest);
  const top = found.answers[0];
  if (!top) return null;
  // Only a date can be confirmed: an unknown word is never in the passage that answers.
  const right = guesses.length === 0 && a.date !== null && dateMatches(top.date ?? null, a.date);
  if (guesses.length === 0 && !top.date) return null;
  // Against a wrong guess the passage itself shows what is so ("… a briefing at the White House").
  const shown = guesses.length > 0 ? top.excerpt : top.answer;
  return { question, answers: [{ ...top, answer: fit(`${right ? 'Yes' : 'No'}: ${shown}`) }, ...found.answers.slice(1)] };
}

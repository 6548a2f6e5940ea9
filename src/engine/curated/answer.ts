/**
 * Answering a question with the curated engine: its special shapes first
 * (shapes.ts, dates.ts), then the ranked items, refused when the article does
 * not answer.
 */
import { isSayVerb, type Analysis } from '../analyze.ts';
import { isNounOf, PERSON_NOUNS } from '../../english/nouns.ts';
import { othersAsked } from '../refer.ts';
import { wayAnswers } from '../manner.ts';
import { REFUSAL_TEXT } from '../answer.ts';
import { checkableClaim, framesClause, reportsClause, yearGuessed } from '../claim.ts';
import { commonRank, isCommonWord } from '../common-words.ts';
import { verbLemmaOf } from '../../english/verbs.ts';
import type { Item } from '../items.ts';
import { plainQuestion } from '../read.ts';
import { inCharge, roleVerdict as verdictOn } from '../role-check.ts';
import { MAX_ANSWERS, type Answer, type AnswerResult } from '../types.ts';
import type { Ask, CuratedContext } from './context.ts';
import { compareDates, relativeDay, unreportedYear } from './dates.ts';
import { superiorAsked, superiorSaid } from '../superior.ts';
import { datedBySentence, plainScored, rank, type Scored } from './rank.ts';
import { namesMedium, POSTED } from '../rank.ts';
import { toAnswer } from './sentences.ts';
import { define, describedPerson, guessChecked, referredTo, unsaidRelation, whoCheck } from './shapes.ts';
import { cleanQuestion, fit, holdsQuantity, noAnswer } from './text.ts';
import { DETAIL_KIND, detailAsked, withDetail } from '../detail.ts';
import type { Token } from '../text.ts';
import { askedTense, isAfter, isCurrent } from '../tense.ts';
import { THRESHOLDS as T } from './weights.ts';

/** The curated engine's answering, for one context: both entry points, each able to ask the other. */
export function createAnswering(ctx: CuratedContext, patient: (question: string) => AnswerResult | null = () => null): Ask {
  const answerWithTerms = (rawQuestion: string): { result: AnswerResult; terms: readonly string[] | null } => {
    const plain = plainQuestion(rawQuestion);
    const { result, terms } = answerPlain(ctx, ask, plain && `${plain}?`);
    return { result: { ...result, question: cleanQuestion(rawQuestion) }, terms };
  };
  const ask: Ask = {
    answer: (rawQuestion) => answerWithTerms(rawQuestion).result,
    answerWithTerms,
    analyzed: (question, a) => answerAnalyzed(ctx, question, a),
    patient,
  };
  return ask;
}

/**
 * Answers a question in its plain shape (read.ts): the special shapes, then the ranked items. With
 * the terms its reading searched for, which a refusal's closest passage searches for too.
 */
function answerPlain(ctx: CuratedContext, ask: Ask, question: string): { result: AnswerResult; terms: readonly string[] | null } {
  if (!/[\p{L}\p{N}]/u.test(question)) return { result: noAnswer(question, 'empty', 'Ask a question about the article.'), terms: null };
  const special =
    referredTo(ctx, question) ??
    relativeDay(ctx, ask, question) ??
    compareDates(ctx, ask, question) ??
    define(ctx, question) ??
    whoCheck(ctx, ask, question) ??
    describedPerson(ask, question);
  if (special) return { result: special, terms: null };
  // "Who is Mitchell's boss?" where the article never says who anyone works under.
  if (superiorAsked(question) && !superiorSaid(ctx.kb.article.sentences.flat())) return { result: noAnswer(question, 'no-superior', 'The article does not say who anyone in it reports to.'), terms: null };
  const analyzed = ctx.analyzer.analyze(question);
  // "What adjective did Facebook use for the efforts?": the kind of detail asked is no word of the article's.
  const a = detailAsked(question) ? withoutWords(analyzed, (t) => DETAIL_KIND.test(t.norm)) : analyzed;
  // (Another year is no time the article reports, unless someone is said to have put it so: then it is a guess, checked.)
  const yearRefused = unreportedYear(ctx, question, a);
  const result = unsaidRelation(ctx, question, a) ?? (yearRefused && claimChecked(ctx, question, a, yearRefused)) ?? guessChecked(ctx, ask, question, a) ?? withDetail(question, roleVerdict(ctx, question, a, wayUnsaid(question, othersUnnamed(ctx, question, a, claimChecked(ctx, question, a, answerAnalyzed(ctx, question, a))))), fit);
  return { result, terms: [...new Set(a.content.map((t) => t.term))] };
}


/** The analysis without some of the question's words: as topic, as unknown and as the act asked about. */
function withoutWords(a: Analysis, drop: (t: Token) => boolean): Analysis {
  return { ...a, content: a.content.filter((t) => !drop(t)), unknown: a.unknown.filter((t) => !drop(t)), unknownPredicate: a.unknownPredicate && drop(a.unknownPredicate) ? null : a.unknownPredicate };
}

/**
 * "Is Nauert the secretary of state?": who she is, after "Yes:" when what is guessed is in her
 * role and "No:" when it is not. Other results pass unchanged.
 */
function roleVerdict(ctx: CuratedContext, question: string, a: Analysis, result: AnswerResult): AnswerResult {
  const who = a.target?.entity;
  const top = result.answers[0];
  if (!/^(?:is|was|does|did|do)\b/i.test(question) || a.intent !== 'who-is' || !who || top?.source.kind !== 'entity' || top.source.id !== who.id) return result;
  const named = a.mentions.filter((m) => m.entityId === who.id);
  // ("Does Coats run the FBI?": the FBI is the guess, not "run".)
  const guessed = a.content.filter((t) => !inCharge(t) && !named.some((m) => t.index >= (a.tokens[m.start]?.index ?? -1) && t.index <= (a.tokens[m.end - 1]?.index ?? -1)));
  // ("Is Nauert the spokeswoman?" names her twice, the second time by a role she has: yes.)
  if (guessed.length === 0 && named.length < 2) return result;
  const roleTerms = new Set(ctx.analyzer.tokens(`${who.role ?? ''} ${who.aliases.join(' ')} ${who.answer}`).map((t) => t.term));
  // ("Does X lead Y?" also from X's sentence; "Does Nauert run the State Department?", where she only works, no verdict.)
  const verdict = verdictOn(
    guessed.map((t) => t.term),
    roleTerms,
    a.tokens.some((t) => inCharge(t)),
    ctx.terms.tokens(top.excerpt),
  );
  if (!verdict) return result;
  return { ...result, answers: [{ ...top, answer: fit(`${verdict}: ${top.answer}`) }, ...result.answers.slice(1)] };
}

/**
 * A claim refused for a word it guesses wrong ("did the legislators say it was IP addresses that pointed to Russia?",
 * "did fb confirm it was russia?"): the passage that the rest of its words, those the article uses, cover answers it.
 * (Not a claim past the article: "did russia meddle in 2020 too?")
 */
function claimChecked(ctx: CuratedContext, question: string, a: Analysis, result: AnswerResult): AnswerResult {
  if (result.answers.length > 0 || !checkableClaim(question, result.noAnswer?.rule)) return result;
  // (An act the article never reports is what is asked, not a guess: "did zhirnov apologize?"; only a verb of saying
  // or thinking that reports a clause is the guess's frame: "did fb confirm it was russia".)
  const act = a.unknownPredicate;
  const after = act ? a.tokens[a.tokens.findIndex((t) => t.index === act.index) + 1] : undefined;
  if (act && !framesClause(act.norm, after?.norm)) return result;
  // (A verb of saying reports a clause, "say it was …", "said russia …"; else its words are the act: "say sorry".)
  const saying = a.tokens.findIndex((t) => isSayVerb(t.norm));
  const said = saying >= 0 ? a.tokens[saying + 1] : undefined;
  if (said && !reportsClause(said.norm, a.mentions.some((m) => m.start === saying + 1))) return result;
  // (Nor someone it never names, said or did it: "did President Trump comment on the summons?")
  if (a.target && !a.target.entity && a.target.unknown.length > 0) return result;
  const known = a.content.filter((t) => ctx.analyzer.isKnown(t));
  if (known.length < T.claimKnownWords || a.mentions.length === 0) return result;
  const rest: Analysis = { ...a, intent: 'general', target: null, unknown: [], unknownPredicate: null, content: known, quoted: null, yesNoAbout: null, saidVerb: null };
  const top = rank(ctx, rest)[0];
  // (Everyone it names must be in that passage: "was Coats at the meeting with Zhirnov?" joins two it never joins.)
  // (Named by a role, "the spy chiefs", they may be others the passage speaks of.)
  const byName = a.mentions.filter((m) => !a.tokens.slice(m.start, m.end).some((t) => isNounOf(PERSON_NOUNS, t.norm)));
  if (!top || top.coverage < T.claimCoverage || byName.some((m) => !ctx.factsOf(top.item).entities.has(m.entityId))) return result;
  if (!yearGuessed(a.tokens.map((t) => t.norm), top.item.excerpt)) return result;
  const answer = toAnswer(ctx, top, rest);
  return { question, answers: [{ ...answer, answer: fit(`Not quite: ${answer.answer}`) }] };
}

/**
 * "Which other countries does 'all other malign actors' mean?", "what other countries …": a passage that speaks of
 * others ("all other malign actors") naming none of them besides the one it sets them against does not say which:
 * refused, as the article names none. (A passage that names them answers: "Ghana, Zimbabwe and other countries …".)
 */
function othersUnnamed(ctx: CuratedContext, question: string, a: Analysis, result: AnswerResult): AnswerResult {
  const top = result.answers[0];
  if (!top || !othersAsked(question, a.quoted) || !/\bother\b/i.test(top.excerpt)) return result;
  const item = ctx.items.find((i) => i.excerpt === top.excerpt);
  const named = item ? [...ctx.factsOf(item).entities].filter((id) => !a.mentions.some((m) => m.entityId === id) && ctx.kb.entityById.get(id)?.kind !== 'person') : [];
  return named.length <= 1 ? noAnswer(question, 'no-name', 'The article does not name them.') : result;
}

/** "What technique did they use?": refused when the passage only names the way ("the methodology …") and never says what it was. */
function wayUnsaid(question: string, result: AnswerResult): AnswerResult {
  const way = wayAnswers(question, result.answers);
  if (way === null) return result;
  return 'bare' in way ? noAnswer(question, 'undescribed', REFUSAL_TEXT.undescribed(way.bare)) : { ...result, answers: way.answers };
}

/** Why the question's slot ("who is X", "what did X say") cannot be answered, or null. */
function targetRefusal(question: string, a: Analysis): AnswerResult | null {
  const { target } = a;
  if (!target) return null;
  if (target.untitled) {
    // "secretary of state when this happened" → "the secretary of state": the title alone, with its article.
    const title = target.text.replace(/\s+(?:when|while|during|before|after|at the time)\b.*$/i, '');
    return noAnswer(question, 'no-name', `The article does not name ${/^(?:the|a|an|any|some|all|their|his|her|its)\b/i.test(title) ? title : `the ${title}`}.`);
  }
  if (target.unquoted) return noAnswer(question, 'not-quoted', `The article does not quote ${target.text}.`);
  if (!target.entity && target.unknown.length > 0) return noAnswer(question, 'unknown-name', `The article does not mention ${target.text}.`);
  if (!target.entity) return null;
  const targetWords = a.content.filter((t) => target.indexes.includes(t.index));
  // ... unless the name is a possessive: "Facebook's stock price" asks about the price.
  const firstWord = targetWords[0];
  const namedFirst = firstWord !== undefined && a.mentions.some((m) => a.tokens[m.start]?.index === firstWord.index && !/['’]s$/i.test(a.tokens[m.end - 1]?.surface ?? ''));
  // A rare word the article never uses, inside the slot, is someone it does not name ("Maria Zakharova").
  const rareInTarget = target.unknown.filter((t) => !isCommonWord(t.norm));
  if (rareInTarget.length > 0 && !target.indexes.some((i) => a.mentions.some((m) => a.tokens[m.start]?.index === i && rareInTarget.some((r) => r.index === i)))) {
    return noAnswer(question, 'unknown-name', `The article does not mention ${target.text}.`);
  }
  if (target.unknown.length > 0 && targetWords.length <= T.qualifiedNameWords && !namedFirst) {
    // "Who is the president of Russia?": a known name qualified by words the article never uses.
    // ("Who's Zhirnov workin for?" names him first: it is about him.)
    return noAnswer(question, 'unknown-name', `The article does not mention ${target.text}.`);
  }
  return null;
}

/** Why the question's words show the article cannot answer, or null. */
function wordsRefusal(question: string, a: Analysis): AnswerResult | null {
  if ((a.content.length === 0 || (a.content.every((t) => !/\p{L}/u.test(t.norm)) && !a.date)) && a.mentions.length === 0) {
    return noAnswer(question, 'not-covered', 'The article does not answer that.');
  }
  const unknownShare = a.unknown.reduce((n, t) => n + (isCommonWord(t.norm) ? 0.5 : 1), 0) / Math.max(1, a.content.length);
  const properUnknown = a.unknown.filter((t) => t.capitalized && t.index > 0);
  if (properUnknown.length > 0) {
    return noAnswer(question, 'unknown-name', `The article does not mention ${properUnknown.map((t) => t.surface.replace(/['’]s$/, '')).join(' ')}.`);
  }
  // ("Is Zhirnov the ambassador?" checks who he is: a word the article never uses there is a wrong guess, answered with No.)
  const identityCheck = a.intent === 'who-is' && a.target?.entity?.kind === 'person' && a.target.indexes.length === 0 && /^(?:is|was)\b/i.test(question);
  if (unknownShare >= T.unknownShare && !identityCheck) return noAnswer(question, 'unknown-topic', 'The article does not answer that.');
  // "whats the @ handle nauert tweeted from?": the thing asked for, named by a word the article never uses, is a thing it
  // does not give. (Not an everyday word, "what's the deal with …", nor a verb's form before the thing, "the suspected efforts".)
  const asked = /^what(?:'s|’s|s| is| was| are| were) the\s+(?:[^\p{L}\s]+\s*)?([\p{L}-]+)\b/iu.exec(question)?.[1]?.toLowerCase();
  if (asked && verbLemmaOf(asked) === undefined && a.unknown.some((t) => t.norm === asked) && (commonRank(asked) ?? Infinity) >= T.askedThingRank) {
    return noAnswer(question, 'unknown-topic', `The article does not give the ${asked}.`);
  }
  if (a.unknownPredicate) return noAnswer(question, 'unknown-action', 'The article does not say.');
  return null;
}

/** The ranked items, those of a "how many" question narrowed to the passages that count the thing asked. */
function rankedFor(ctx: CuratedContext, question: string, a: Analysis): Scored[] {
  if (!a.quantity) return rank(ctx, a);
  // "How many ...?" is answered only by a passage that holds a number.
  // ... and whose own words are about the question, not merely an item about someone it names.
  // "How many legislators ...?" needs a number of legislators ("100 days" counts days).
  const counted = /\bhow many (\S+)/i.exec(question)?.[1];
  const countedTerm = counted ? ctx.terms.termsOf(counted)[0] : undefined;
  return rank(ctx, a).filter(
    (s) => holdsQuantity(s.item.excerpt) && a.content.some((t) => ctx.factsOf(s.item).excerptTerms.has(t.term)) && (countedTerm === undefined || ctx.countsTerm(s.item.excerpt, countedTerm)),
  );
}

/** `ranked` with `s` first, scored as the best. */
function promoted(ranked: readonly Scored[], s: Scored, score: number): Scored[] {
  s.score = score; // it is now the best answer, and answers stay best first
  return [s, ...ranked.filter((x) => x !== s)];
}

/** Answers an analysed question from the ranked items, or refuses. */
function answerAnalyzed(ctx: CuratedContext, question: string, a: Analysis): AnswerResult {
  if (a.outOfReach) return noAnswer(question, 'no-name', a.outOfReach);
  const slot = targetRefusal(question, a);
  if (slot) return slot;
  if (a.aboutArticle && a.mentions.length === 0 && !a.date && a.unknown.length === 0) {
    // "What is this article about?": its lead.
    const lead = ctx.items.find((i) => i.source.kind === 'fact' && !i.plain && i.paragraph === 1);
    if (lead) return { question, answers: [toAnswer(ctx, plainScored(lead), a)] };
  }
  const words = wordsRefusal(question, a);
  if (words) return words;
  // Quoted words must stand in the article, verbatim or nearly (two or more of their words, spelled any way).
  const { quoted } = a;
  const phraseFound = (i: Item, q: string): boolean => ctx.quotesVerbatim(i, q) || (ctx.phraseOverlap(i, a.phrase) >= T.quotedOverlap && a.phrase.length >= 2);
  if (a.intent === 'who-said' && quoted && !ctx.items.some((i) => !i.plain && phraseFound(i, quoted))) {
    return noAnswer(question, 'no-speaker', 'The article does not quote those words.');
  }
  let ranked = rankedFor(ctx, question, a);
  const saidBy = a.intent === 'what-said' ? a.target?.entity : null;
  let sideSaid = false;
  if (saidBy) {
    // Only the target's own words (or words of those who speak for it) answer "what did X say".
    const own = ranked.filter((s) => s.item.speakerId && (s.item.speakerId === saidBy.id || ctx.speaksFor(s.item.speakerId, saidBy.id)));
    // "What did Mitchell want from the chargé?": someone never quoted may still be reported acting,
    // when the question asks what they wanted or did rather than what they said.
    const acted =
      a.saidVerb !== null || a.tokens.some((t) => isSayVerb(t.norm))
        ? []
        : ranked.filter((s) => s.item.entityIds.includes(saidBy.id) && s.coverage >= T.minCoverage && s.matched.size > 0 && !s.item.plain && !s.item.entity);
    // "What did the Russian Embassy say about the summons?" where "Russia criticized the summons": their
    // own words answer what the same side's sentence shows they were about.
    sideSaid = !own.some((s) => s.matched.size > 0) && ranked.some((s) => s.matched.size > 0 && typeof s.item.speakerId === 'string' && ctx.onSideOf(s.item.speakerId, saidBy.id));
    ranked = own.some((s) => s.matched.size > 0) || acted.length === 0 || sideSaid ? own : acted;
    if (ranked.length === 0) return noAnswer(question, 'not-quoted', `The article does not quote ${saidBy.name}.`);
  }
  if (a.intent === 'when') ranked = datedBySentence(ctx, ranked);
  // "When is the election?" in a report of August: the one ahead of publication, when one is close behind.
  const published = ctx.kb.meta.published;
  const tense = a.intent === 'when' && published ? askedTense(question) : null;
  if (tense === 'present' || tense === 'future') {
    const lead = ranked[0];
    const ahead = ranked.find((s) => s.item.date && (tense === 'future' ? isAfter : isCurrent)(s.item.date, published!) && s.score >= (lead?.score ?? 0) * T.runnerUpRatio);
    if (lead && ahead && ahead !== lead) ranked = promoted(ranked, ahead, lead.score);
  }
  const top = ranked[0];
  if (a.intent === 'when' && top && !top.item.date) {
    // A when-question is answered with a date: the best dated item close behind, or none.
    const dated = ranked.find((s) => s.item.date && s.score >= top.score * T.runnerUpRatio);
    if (!dated) return noAnswer(question, 'no-date', 'The article does not say when.');
    ranked = promoted(ranked, dated, top.score);
  }
  // A best match that leaves much of the question unanswered yields to a close runner-up that answers it all.
  const first = ranked[0];
  if (first && first.coverage < T.minCoverage && a.intent !== 'what-said') {
    const whole = ranked.find((s) => s.coverage >= T.minCoverage && s.score >= first.score * T.runnerUpRatio);
    if (whole) ranked = promoted(ranked, whole, first.score);
  }
  const best = ranked[0];
  const entityAnswer = a.intent === 'who-is' && a.target?.entity && best?.item.entity?.id === a.target.entity.id;
  // What someone said is already narrowed to their words: one shared topic word (or no topic) will do.
  // Words the article never uses do not count there unless they are rare ("china": refuse).
  const rareUnknown = a.unknown.some((t) => !isCommonWord(t.norm) && !a.target?.indexes.includes(t.index));
  const knownTopic = a.content.some((t) => ctx.analyzer.isKnown(t) && !a.target?.indexes.includes(t.index) && !isSayVerb(t.norm) && t.index !== a.saidVerb);
  const covered = best !== undefined && (saidBy ? best.coverage >= 1 || best.matched.size > 0 || sideSaid || (!knownTopic && !rareUnknown) : best.coverage >= T.minCoverage);
  if (!best || (!entityAnswer && !covered)) return noAnswer(question, 'not-covered', 'The article does not answer that.');
  // "Was Nauert at the White House briefing?": a passage that does not involve her cannot say.
  if (a.yesNoAbout && !ctx.factsOf(best.item).entities.has(a.yesNoAbout) && !(best.item.speakerId && ctx.speaksFor(best.item.speakerId, a.yesNoAbout))) {
    return noAnswer(question, 'not-covered', 'The article does not say.');
  }
  // A place is answered by a passage that names one ("in Washington"), or none.
  // (Or, where something was posted, the medium: "In a Twitter posting, …".)
  if (a.asksPlace && !ctx.answersPlace(best.item) && !ctx.namesPlace(best.item) && !(POSTED.test(question) && namesMedium(best.item.sentence))) {
    return noAnswer(question, 'no-place', 'The article does not say where.');
  }
  const answers: Answer[] = [];
  for (const s of ranked) {
    if (answers.length >= MAX_ANSWERS) break;
    if (answers.length > 0 && s.score < best.score * T.furtherAnswerRatio) break;
    const dup = answers.some((x) => x.paragraph === s.item.paragraph && x.excerpt === s.item.sentence);
    if (dup) continue;
    answers.push(toAnswer(ctx, s, a));
  }
  return { question, answers };
}

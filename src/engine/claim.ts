/**
 * A yes/no question that states a claim the article may put otherwise: "did the
 * legislators say it was IP addresses that pointed to Russia?", "fb confirmed it
 * was russia, right?". Refused only for a word it guesses wrong, it is answered by
 * the passage the rest of its words point to. Both engines use these tests.
 */
import { isSpeechVerb, isThinkingVerb } from '../english/speech.ts';

/** A yes/no question (in its plain shape, read.ts) that states a claim. */
const CLAIM = /^(?:is|was|are|were|did|does|do)\b/i;
/** Words that take a claim past what the article reports: "did russia meddle in 2020 too", "did she delete it later". */
const BEYOND = /\b(?:too|also|as well|either|else|other|others|later|after|afterwards?|ever|still|again|since|yet|next|whether|will|gonna|going)\b/i;
/** Words that open a clause reported after a verb of saying: "confirmed it was russia", "said that …". */
const CLAUSE_OPENER = /^(?:that|it|they|he|she|we|there|this|those|these)$/i;
/** Refusals a claim's wrong guess brings on, which the passage closest to the rest of the claim may answer. */
const GUESS_REFUSALS: ReadonlySet<string> = new Set(['not-covered', 'unknown-action', 'unknown-topic', 'not-quoted', 'not-said', 'unknown-name']);

/** Is this refused question a claim whose guess may be checked: a yes/no question, refused for what it names, not past the article? */
export function checkableClaim(plain: string, rule: string | undefined): boolean {
  return CLAIM.test(plain) && !BEYOND.test(plain) && GUESS_REFUSALS.has(rule ?? '');
}

/**
 * Does a word the article never uses only frame the claim, not state the act asked about? Only a verb of saying or
 * thinking that reports a clause does ("did fb confirm it was russia"); "did zhirnov apologize" asks the act.
 */
export function framesClause(act: string, next: string | undefined): boolean {
  return (isSpeechVerb(act) || isThinkingVerb(act)) && next !== undefined && CLAUSE_OPENER.test(next);
}

/** Do a verb of saying's words report a clause ("say it was …", "said russia …", a name next) rather than an act ("say sorry")? */
export function reportsClause(next: string, named: boolean): boolean {
  return named || CLAUSE_OPENER.test(next);
}

/**
 * May a claim's year that the passage does not give be a guess at it? Only when someone is said to have put it so
 * ("the intel folks said it was the 2012 election, right?"); else it is another time the article does not report
 * ("Did Russia interfere in the 2012 election?").
 */
export function yearGuessed(words: readonly string[], passage: string): boolean {
  const missing = words.some((w) => /^(?:1[89]|20)\d\d$/.test(w) && !passage.includes(w));
  return !missing || words.some((w) => isSpeechVerb(w) || isThinkingVerb(w));
}

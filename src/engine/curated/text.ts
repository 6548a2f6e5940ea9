/**
 * Pure text helpers of the curated engine: cleaning what was typed, cutting an
 * answer to size, comparing phrases and dates.
 */
import { foldForComparison } from '../../knowledge/article.ts';
import type { AskedDate } from '../analyze.ts';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, type AnswerResult, type NoAnswerReason, type RefusalRule } from '../types.ts';

/** A month and day ("August 5") or a year ("2018"): dates, which are no count of anything. */
export const MONTH_DAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b|\b(?:1[89]|20)\d\d\b/g;

/** A word that gives a number: digits or a number word. */
export const COUNT_WORD = /\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)$/i;

export { escapeRegExp } from '../text.ts';

/** Does the text give a number of something (not a date or a year)? */
export function holdsQuantity(text: string): boolean {
  return /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b/i.test(text.replace(MONTH_DAY, ''));
}

/** Lower case, letters, digits and single spaces only: for comparing phrases. */
export function foldWords(text: string): string {
  return foldForComparison(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/ +/g, ' ');
}

/** Does an item's ISO date fall on the date the question names? */
export function dateMatches(itemDate: string | null, asked: AskedDate): boolean {
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

/** A cut answer ends at a word boundary only when one is this far in; sooner, it is cut mid-word rather than left short. */
const MIN_WORD_CUT = 100;

/** Cuts a sentence to {@link MAX_ANSWER_CHARS} at a word boundary. */
export function fit(sentence: string): string {
  if (sentence.length <= MAX_ANSWER_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_ANSWER_CHARS - 2);
  const space = cut.lastIndexOf(' ');
  return `${(space > MIN_WORD_CUT ? cut.slice(0, space) : cut).replace(/[\s,;:"-]+$/, '')}…${sentence.includes('"') && (cut.match(/"/g)?.length ?? 0) % 2 === 1 ? '"' : ''}`;
}

/** A refusal: no answers, and why. */
export function noAnswer(question: string, rule: RefusalRule, message: string): AnswerResult {
  const reason: NoAnswerReason = rule === 'empty' ? 'empty' : rule === 'unknown-name' ? 'not-mentioned' : 'no-match';
  return { question, answers: [], noAnswer: { reason, rule, message } };
}

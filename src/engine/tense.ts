/**
 * The time a when-question asks about, against the article's publication: "when will …" and "when
 * is …" look ahead of it ("when is the election", in a report of August, asks November's), "when
 * did …" behind it. Pure functions, for either engine.
 */

/** Which side of publication a question's date lies on: surely ahead, ahead if the article has one, behind, or either. */
export type AskedTense = 'future' | 'present' | 'past' | null;

export function askedTense(question: string): AskedTense {
  const q = question.toLowerCase();
  if (/\b(?:will|going to|next|upcoming|scheduled|expected to)\b/.test(q)) return 'future';
  if (/^(?:when|what (?:day|date)|on what (?:day|date))\s+(?:did|was|were|had)\b/.test(q)) return 'past';
  if (/^(?:when|what (?:day|date)|on what (?:day|date))\s+(?:is|are)\b/.test(q)) return 'present';
  return null;
}

/** Is `date` after `published`, compared at the precision both have ("2018-08-05" is not after a publication known as "2018-08")? */
export function isAfter(date: string, published: string): boolean {
  const n = Math.min(date.length, published.length);
  return date.slice(0, n) > published.slice(0, n);
}

/** Is `date` the day of publication or later, at the precision both have? What "when is …" may ask: today's hearing too. */
export function isCurrent(date: string, published: string): boolean {
  return !isAfter(published, date);
}

/** A month's name or abbreviation, as a pattern ("aug", "August", "sept"), for either engine. */
export const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
/** One lower-case word that is a month or a weekday. */
export const CALENDAR_WORD = new RegExp(`^(?:${MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$`);

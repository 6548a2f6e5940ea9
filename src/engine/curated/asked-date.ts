/**
 * The date a question names ("on August 5", "in 2016"), read by chrono, which
 * is loaded only when a question writes a month and a number.
 */
import { createRequire } from 'node:module';
// The English locale alone: the full package loads every language (4× slower to import).
import type * as Chrono from 'chrono-node/en';
import { MONTH } from '../tense.ts';

/** A date named in the question; the parts it does not name are absent. */
export interface AskedDate {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

/** A month's name or abbreviation ("aug", "August"; not "decided" or "market"): chrono only runs on a question that has one. */
const MONTH_WORD = new RegExp(String.raw`\b(?:${MONTH})\b`, 'i');

/** Is this (normalized) word a month's name or abbreviation? */
export function isMonthWord(norm: string): boolean {
  return MONTH_WORD.test(norm) && /^[a-z]+$/.test(norm);
}

/**
 * The day an article's present tense refers to, for reading "August 5" in its
 * year: its publication day, or, when only the month is known, the day after
 * the latest day it dates in that month.
 */
export function referenceDay(published: string | null, dates: readonly string[]): Date {
  const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
  if (published && /^\d{4}-\d{2}-\d{2}$/.test(published)) return day(published);
  const within = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && (!published || d.startsWith(published))).sort();
  const last = within.at(-1);
  if (last) return new Date(day(last).getTime() + 86_400_000);
  return published ? day(`${published.slice(0, 4)}-${published.slice(5, 7) || '07'}-15`) : new Date();
}

let chrono: typeof Chrono | null = null;

/**
 * chrono's English parser, loaded on the first question that writes a date: most questions have
 * none, and loading it costs about 50 ms of start-up (its CommonJS build, which `require` loads at once).
 */
export function dateParser(): typeof Chrono {
  chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof Chrono;
  return chrono;
}

/** A calendar date or year the question names. */
export function askedDate(question: string, reference: Date): AskedDate | null {
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(question);
  // A written-out date needs a digit; chrono is the costliest step, so skip it otherwise.
  if (!/\d/.test(question) || !MONTH_WORD.test(question)) return year ? { year: Number(year[1]) } : null;
  // (chrono's strict parser reads only dates written out, which are all that is wanted here, at a third of the casual one's cost.)
  for (const r of dateParser().strict.parse(question, reference)) {
    // Only dates written out ("August 5", "5 Aug"), not "today" or "last week".
    if (!r.start.isCertain('month') || !/\d/.test(r.text) || !/\p{L}{3,}/u.test(r.text)) continue;
    return {
      month: r.start.get('month') ?? undefined,
      ...(r.start.isCertain('day') ? { day: r.start.get('day') ?? undefined } : {}),
      ...(r.start.isCertain('year') ? { year: r.start.get('year') ?? undefined } : {}),
    };
  }
  return year ? { year: Number(year[1]) } : null;
}

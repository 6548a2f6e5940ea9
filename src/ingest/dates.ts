/**
 * Stage 4 of extraction: the dates a sentence gives, resolved with chrono-node
 * against the publication date. News reports the past: a weekday or a month
 * with no year that chrono places after publication is moved back a week or a
 * year, unless the sentence speaks of the future ("is scheduled for Feb. 14").
 */
import * as chrono from 'chrono-node';

/** A date found in a sentence. */
export interface FoundDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the text is. */
  readonly iso: string;
  /** The words that give it ("Monday", "March 21", "in 2016"). */
  readonly text: string;
  /** Offset of `text` in the sentence. */
  readonly index: number;
  /** True when it needed the publication date (a weekday, "last month", a day with no year). */
  readonly relative: boolean;
}

/** Publication date as given: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type Published = string | null;

/** A relative date with no publication date to resolve it against. */
export class RelativeDateError extends Error {
  override readonly name = 'RelativeDateError';
}

/** Words near a date that put it in the future ("is scheduled for Feb. 14", "next June"). */
const FUTURE = /\b(?:will|shall|scheduled|set to|expected|plans?|planned|next|upcoming|later this|coming|supposed to|ahead of|due|starts|begins|opens)\b/i;
/** How far before a date (in characters) its tense is looked for. */
const TENSE_WINDOW = 50;
/** Four-digit years chrono does not read alone ("in 2016", "the 2016 election"). */
const YEAR = /\b(1[89]\d{2}|20\d{2})\b/g;
/** A span of time counted back or on ("over the past two years", "in the next few months"): no date a thing happened on. */
const SPAN = /\b(?:past|last|next|previous|coming|recent)\s+(?:\w+\s+)?(?:years|months|weeks|days|decades)\b/i;
/** Words that move something to the end of a range of dates ("postponed from Tuesday to Friday", "moved from May to June"). */
const MOVED = /\b(?:postponed|moved|pushed(?: back)?|delayed|rescheduled|shifted|changed|put off|brought forward)\b[^.;]*?\bfrom\s*$/i;
/** A span counted on or back from whatever follows ("18 years after", "a day before"): chrono counts it from publication. */
const COUNTED_FROM_EVENT = /^(?:(?:about|some|nearly|almost|roughly|around|just|only|more than|less than)\s+)?(?:an?|one|\d+|\w+)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\s+(?:after|before)$/i;
/** "the day after the", "the day before": what follows is the day beside the one meant. */
const DAY_BESIDE = /\b(?:the|a)\s+day\s+(after|before)\s+(?:the\s+|an?\s+)?$/i;
/** Words for the day an article is published on. */
const PUBLICATION_DAY = /^(?:(?:earlier |later )?today|this (?:morning|afternoon|evening)|tonight)$/i;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The words before offset `at` that may give a date its tense: at most `window` characters ({@link TENSE_WINDOW}
 * unless told otherwise), from the start of its own clause ("was supposed to start in December, Cole said in October": "said in" for October).
 */
function clauseTo(sentence: string, at: number, window = TENSE_WINDOW): string {
  const before = sentence.slice(Math.max(0, at - window), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—'));
  return cut < 0 ? before : before.slice(cut + 1);
}

/** The future of a clause in so many words, "will" or "shall", with no past verb after it ("will offer its lander that the company unveiled in May"). */
const WILL = /\b(?:will|shall)\b(?![^]*\b\p{L}+ed\b)/iu;

/** The reference instant for chrono: noon UTC of the publication day (mid-month when only the month is known). */
export function referenceDate(published: string): Date {
  const [y, m, d] = published.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 7) - 1, d ?? (m ? 15 : 1), 12));
}

/** Every date in `sentence`. Throws {@link RelativeDateError} for a relative one when `published` is null. */
export function findDates(sentence: string, published: Published): FoundDate[] {
  const ref = published ? referenceDate(published) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  for (const found of chrono.parse(sentence, { instant: ref, timezone: 'UTC' })) {
    // Where the sentence speaks of the future ("next June", "is scheduled for"), the next such date.
    // (Or whose clause, however long, says what "will" be, with no past verb between: "Mr Obama will become the first
    // US president to address the African Union when he travels on to Ethiopia on Sunday.")
    // (And a deadline, "leave by June 30", unless what had happened by then is told: "by March, it had lost …".)
    const deadline = /\bby\s*$/i.test(sentence.slice(0, found.index)) && !/\bhad\b/i.test(sentence);
    const ahead = deadline || FUTURE.test(clauseTo(sentence, found.index) + found.text) || WILL.test(clauseTo(sentence, found.index, Infinity));
    const r = ahead ? (chrono.parse(found.text, { instant: ref, timezone: 'UTC' }, { forwardDate: true })[0] ?? found) : found;
    if (r !== found) Object.assign(r, { index: found.index });
    // "postponed from Tuesday to Friday": what is moved happens on the second day.
    const moved = r.end !== undefined && r.end !== null && MOVED.test(sentence.slice(Math.max(0, r.index - TENSE_WINDOW), r.index));
    const c = moved ? r.end! : r.start;
    const day = c.isCertain('day') || c.isCertain('weekday');
    const month = c.isCertain('month') || day;
    const year = c.isCertain('year');
    // "published this morning", "said today": the day of publication, told in the article's own voice.
    // (Not in a quotation, whose "today" is the speaker's: "what we do today".)
    const quoted = (sentence.slice(0, r.index).match(/["“”]/g) ?? []).length % 2 === 1;
    if (!month && !year && published && /^\d{4}-\d{2}-\d{2}$/.test(published) && PUBLICATION_DAY.test(r.text.trim()) && !quoted) {
      out.push({ iso: published, text: r.text, index: r.index, relative: true });
      taken.push([r.index, r.index + r.text.length]);
      continue;
    }
    // "this week" at a vague hour: not a date a reader asks for.
    if (!month && !year) continue;
    // "the man sat before me": a weekday written short is capitalized; "sat", "sun" and "wed" in lower case are words.
    if (c.isCertain('weekday') && !c.isCertain('day') && /^(?:mon|tues?|wed|thu|thur|thurs|fri|sat|sun)\.?$/.test(r.text.trim())) continue;
    if (SPAN.test(r.text)) continue;
    // "the silent march", "they may": a month's name in lower case, with no day or year, is a word.
    if (!day && !year && /^\p{Ll}+[,.]?$/u.test(r.text.trim())) continue;
    // "With two now dead": "now" is the story's present, no date of what happened.
    if (/^(?:right )?now$/i.test(r.text.trim())) continue;
    // "18 years after Washington invaded …", "a day after the Taliban swapped …": counted from an event, not from publication.
    if (COUNTED_FROM_EVENT.test(r.text)) continue;
    // "The next year, the Taliban released …": the year after the story's last one, not after publication.
    if (/^(?:next|following)\b/i.test(r.text) && /\bthe\s+$/i.test(sentence.slice(Math.max(0, r.index - 4), r.index))) continue;
    const relative = !year;
    if (relative && !published) throw new RelativeDateError(`the date "${r.text}" is relative and there is no publication date to resolve it against (give --published YYYY-MM-DD)`);
    let date = c.date();
    const near = clauseTo(sentence, r.index) + r.text;
    if (relative && published && date.getTime() > ref.getTime() + 86_400_000 && !FUTURE.test(near) && !ahead) {
      date = new Date(date);
      if (c.isCertain('weekday') && !c.isCertain('day')) date.setUTCDate(date.getUTCDate() - 7);
      else date.setUTCFullYear(date.getUTCFullYear() - 1);
    }
    // With only a month known for publication, a weekday cannot be placed.
    if (published && !/^\d{4}-\d{2}-\d{2}$/.test(published) && c.isCertain('weekday') && !c.isCertain('day')) continue;
    // "the day after the Dec. 30 shooting": the day next to the one written.
    const beside = day ? DAY_BESIDE.exec(sentence.slice(Math.max(0, r.index - TENSE_WINDOW), r.index)) : null;
    if (beside) {
      date = new Date(date);
      date.setUTCDate(date.getUTCDate() + (beside[1]!.toLowerCase() === 'after' ? 1 : -1));
    }
    const iso = day ? `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` : month ? `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}` : String(date.getUTCFullYear());
    out.push({ iso, text: r.text, index: r.index, relative });
    taken.push([r.index, r.index + r.text.length]);
  }
  for (const m of sentence.matchAll(YEAR)) {
    const at = m.index;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    // Not a count or an amount: "$2019", "2019 people".
    if (/[$€£]$/.test(sentence.slice(0, at)) || /^\d{4}\s+(?:people|students|teachers|times)/.test(sentence.slice(at))) continue;
    out.push({ iso: m[1]!, text: m[1]!, index: at, relative: false });
  }
  return out.sort((a, b) => a.index - b.index);
}

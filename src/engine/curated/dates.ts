/**
 * Questions about time that the curated engine answers by asking when each
 * thing named happened: "the day after X", "did X come before or after Y",
 * "how long between X and Y"; and a year the article never gives.
 */
import type { Analysis } from '../analyze.ts';
import type { Item } from '../items.ts';
import { MAX_ANSWERS, type Answer, type AnswerResult } from '../types.ts';
import type { Ask, CuratedContext } from './context.ts';
import { plainScored } from './rank.ts';
import { toAnswer } from './sentences.ts';
import { fit, noAnswer } from './text.ts';
import { citeFirstNamed, comparedInTime, headOf } from '../read.ts';

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** Days in "the week after". */
const WEEK_DAYS = 7;
/** A date to the day ("2018-08-05"). */
const PRECISE_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A year as a question writes it (1800–2099). */
const YEAR = /^(?:1[89]|20)\d\d$/;

/**
 * "What happened the day after Facebook's announcement?": the date of the
 * event referred to, a day on, and what the article dates to that day.
 */
export function relativeDay(ctx: CuratedContext, ask: Ask, question: string): AnswerResult | null {
  const m = /\b(?:on )?the (day|week) (after|before) (.+?)\??$/i.exec(question);
  if (!m || !/^(?:what|which|who|when)\b/i.test(question)) return null;
  const [, unit = '', direction = '', what = ''] = m;
  const asked = ask.answer(`When was ${what}?`);
  if (asked.noAnswer) return { question, answers: [], noAnswer: asked.noAnswer };
  const reference = asked.answers.find((x) => x.date && PRECISE_DATE.test(x.date));
  if (!reference?.date) return noAnswer(question, 'no-date', 'The article does not date that to the day.');
  const day = new Date(`${reference.date}T00:00:00Z`);
  const week = unit.toLowerCase() === 'week';
  const after = direction.toLowerCase() === 'after';
  const span = week ? WEEK_DAYS : 1;
  const from = new Date(day.getTime() + (after ? 1 : -span) * DAY_MS);
  const to = new Date(day.getTime() + (after ? span : -1) * DAY_MS);
  const iso = (d: Date): string => d.toISOString().slice(0, 10);
  const found = ctx.items
    .flatMap((i) => (i.source.kind === 'event' && i.date && i.date.length === 10 && i.date >= iso(from) && i.date <= iso(to) ? [{ item: i, date: i.date }] : []))
    .sort((x, y) => x.date.localeCompare(y.date) || x.item.paragraph - y.item.paragraph)
    .slice(0, MAX_ANSWERS);
  if (found.length === 0) return noAnswer(question, 'no-date', `The article reports nothing dated ${week ? 'in the week' : 'the day'} ${direction.toLowerCase()} ${reference.date}.`);
  return { question, answers: found.map((x, n) => toAnswer(ctx, plainScored(x.item, MAX_ANSWERS - n), null)) };
}

/** A thing the article dates: the answer that dates it, with its date, and the item it cites. */
interface Dated {
  readonly answer: Answer;
  readonly date: string;
  readonly item: Item;
}

/** The dated answer the article gives for "when was/did <what>", or null. */
function dateOf(ctx: CuratedContext, ask: Ask, what: string): Dated | null {
  for (const asked of [`When did ${what}?`, `When was ${what}?`]) {
    const found = ask.answer(asked).answers.find((x) => x.date);
    const item = found && ctx.findItem(`${found.source.kind}:${found.source.id}`);
    if (found?.date && item) return { answer: found, date: found.date, item };
  }
  return null;
}

/**
 * "Did the embassy respond before or after Nauert's tweet?", "Which came first, X or Y?",
 * "How many days after X did Y?": both things dated by the article, and compared.
 */
export function compareDates(ctx: CuratedContext, ask: Ask, question: string): AnswerResult | null {
  const q = question.replace(/\s*\?+$/, '').replace(/^(?:and|so|ok|okay),? /i, '');
  const shape = comparedInTime(q);
  if (!shape) return null;
  const { asks } = shape;
  const a = dateOf(ctx, ask, shape.first);
  const b = dateOf(ctx, ask, shape.second);
  if (!a || !b || a.item.key === b.item.key) return null;
  const cite = (x: Dated, n: number, said?: string): Answer => ({
    ...toAnswer(ctx, plainScored(x.item, 2 - n), null),
    ...(said ? { answer: fit(said) } : {}),
  });
  // Words that place a thing after another of the same day ("later on August 5", "afterwards") order the two.
  const later = (x: Dated): boolean => /\b(?:later|afterwards?|subsequently)\b/i.test(x.item.sentence);
  const sameDay = a.date === b.date;
  const aFirst = sameDay ? later(b) && !later(a) : a.date < b.date;
  const bFirst = sameDay ? later(a) && !later(b) : b.date < a.date;
  if (asks === 'days') {
    if (!PRECISE_DATE.test(a.date) || !PRECISE_DATE.test(b.date)) return null;
    const days = Math.round(Math.abs(Date.parse(b.date) - Date.parse(a.date)) / DAY_MS);
    const [early, late] = bFirst ? [b, a] : [a, b];
    const [cited, other] = citeFirstNamed(a.item.sentence, b.item.sentence, headOf(shape.first), headOf(shape.second)) ? [a, b] : [b, a];
    const said =
      days === 0
        ? `The same day, ${early.item.dateText ?? early.date}. ${cited.answer.answer}`
        : `${days} ${days === 1 ? 'day' : 'days'}, from ${early.item.dateText ?? early.date} to ${late.item.dateText ?? late.date}. ${cited.answer.answer}`;
    return { question, answers: [cite(cited, 0, said), cite(other, 1)] };
  }
  if (asks === 'earliest') {
    const [early, late] = bFirst ? [b, a] : [a, b];
    const said = aFirst || bFirst ? `First: ${early.answer.answer}` : `The same day: ${early.answer.answer}`;
    return { question, answers: [cite(early, 0, said), cite(late, 1)] };
  }
  const verdict = aFirst ? 'Before' : bFirst ? 'After' : 'The same day';
  return { question, answers: [cite(a, 0, `${verdict}: ${a.answer.answer}`), cite(b, 1)] };
}

/** "What did Russia do in the 2014 midterms?": a year the article never gives is a time it does not report on. */
export function unreportedYear(ctx: CuratedContext, question: string, a: Analysis): AnswerResult | null {
  const year = a.tokens.find((t) => YEAR.test(t.norm) && !ctx.articleYears.has(t.norm));
  return year ? noAnswer(question, 'unknown-name', `The article does not report on ${year.norm}.`) : null;
}

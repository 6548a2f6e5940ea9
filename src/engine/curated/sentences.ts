/**
 * Turning a ranked item into an answer: the sentence that answers (who said
 * it, a quote cut to the asked words, "according to ..."), the cited sentence,
 * and the words to highlight in it.
 */
import { reasonIn } from '../reason.ts';
import type { Quote } from '../../knowledge/schema.ts';
import type { Analysis } from '../analyze.ts';
import { capitalize, type Item } from '../items.ts';
import { MAX_ANSWER_CHARS, type Answer } from '../types.ts';
import type { CuratedContext } from './context.ts';
import type { Scored } from './rank.ts';
import { fit } from './text.ts';
import { THRESHOLDS } from './weights.ts';

/** A cut quote's window scores this much for each asked word it holds (and 1 for starting a clause). */
const ASKED_WORD_SCORE = 4;
/** A window that shows this many words after its last asked word (or the quote's end) scores this much more: what the words lead to ("not tolerate this aggressive interference"). */
const TAIL_WORDS = 3;
const TAIL_SCORE = 2;

/** An answer citing a scored item; `a` is the question it answers, null for a plain lookup. */
export function toAnswer(ctx: CuratedContext, s: Scored, a: Analysis | null): Answer {
  const { item } = s;
  // For "who" questions every answer names its who: the speaker, else whoever the item is about.
  // (Not whom the question itself names: "who decided Russia meddled" is not answered "Russia".)
  const unnamed = (): string | undefined => [...item.entityIds, ...ctx.factsOf(item).entities].find((id) => !a?.mentions.some((m) => m.entityId === id));
  const speakerId = item.speakerId ?? (a?.intent === 'who-said' ? (unnamed() ?? item.entityIds[0] ?? null) : a?.intent === 'who-is' ? (item.entityIds[0] ?? null) : null);
  return {
    answer: fit(sentenceFor(ctx, item, a, s.matched)),
    excerpt: item.sentence,
    paragraph: item.paragraph,
    ...(speakerId ? { speaker: ctx.entityName(speakerId) } : {}),
    ...(item.date ? { date: item.date } : {}),
    score: Math.round(s.score * 1000) / 1000,
    highlights: highlightsOf(ctx, item, s.matched),
    source: item.source,
  };
}

/** The answer sentence for an item, by what the question asks. */
function sentenceFor(ctx: CuratedContext, item: Item, a: Analysis | null, matched: ReadonlySet<string>): string {
  const q = item.quote;
  const intent = a?.intent ?? 'general';
  if (q && intent === 'who-said' && a?.asksSpeaker && ctx.phraseOverlap(item, a.phrase) >= THRESHOLDS.whoSaidOverlap) return whoSaidSentence(ctx, q);
  if (q && intent === 'when' && q.dateText) return `${capitalize(ctx.entityName(q.speaker))} said it on ${q.dateText}${viaPhrase(q)}.`;
  // "Why did they call Zhirnov in?": the reason the passage gives, when the item's own answer gives none.
  if (a?.asksReason && !reasonIn(item.answer)) {
    const reason = reasonIn(item.sentence);
    if (reason) return reason;
  }
  // A few words quoted that the question already gives ("'pervasive methods' to do what?"): their sentence says more.
  if (q && item.sentence.length > q.text.length * 2 && ctx.quoteWords(q.id).every((w) => w.terms.every((t) => matched.has(t)))) return item.sentence;
  if (q) return quoteSentence(ctx, q, matched);
  if ((intent === 'who-said' || intent === 'what-said') && item.speakerId) {
    const name = ctx.entityName(item.speakerId);
    const named = [name, ...(ctx.kb.entityById.get(item.speakerId)?.aliases ?? [])].some((n) => item.answer.toLowerCase().includes(n.toLowerCase()));
    if (!named) return `According to ${name}, ${item.answer.charAt(0).toLowerCase()}${item.answer.slice(1)}`;
  }
  return item.answer;
}

/** "Heather Nauert (State Department spokeswoman) said it, in a Twitter posting on August 5." */
export function whoSaidSentence(ctx: CuratedContext, q: Quote): string {
  const who = ctx.kb.entityById.get(q.speaker);
  const role = who?.role && who.kind === 'person' ? ` (${who.role})` : '';
  return `${capitalize(ctx.entityName(q.speaker))}${role} said it${viaPhrase(q)}${q.dateText ? ` on ${q.dateText}` : ''}.`;
}

/** How a quote was given: ", in a Twitter posting", ", at a briefing" ... */
function viaPhrase(q: Quote): string {
  switch (q.via) {
    case 'tweet':
      return ', in a Twitter posting';
    case 'statement':
      return q.attribution === 'context' ? ', in the same statement' : ', in a statement';
    case 'briefing':
      return ', at a briefing';
    case 'reaction':
      return ', in response';
    case 'remark':
      return '';
  }
}

/** The run of a quote's words that fits `room` and holds most asked words. */
interface Window {
  readonly from: number;
  readonly to: number;
  readonly score: number;
}

/**
 * `Speaker, in a tweet on August 5: "words"`. A quote too long for one
 * answer is cut to the run of its words that holds most of the asked
 * words, starting at a clause where it can.
 */
function quoteSentence(ctx: CuratedContext, q: Quote, matched: ReadonlySet<string> = new Set()): string {
  const text = q.text.replace(/,$/, '');
  const fullLead = `${capitalize(ctx.entityName(q.speaker))}${viaPhrase(q)}${q.dateText ? ` on ${q.dateText}` : ''}: `;
  if (fullLead.length + text.length + 2 <= MAX_ANSWER_CHARS) return `${fullLead}"${text}"`;
  // Rather a shorter lead than a shorter quote.
  const short = ctx.kb.entityById.get(q.speaker)?.shortName ?? ctx.entityName(q.speaker);
  const lead = `${capitalize(short)}${viaPhrase(q)}: `;
  const room = MAX_ANSWER_CHARS - lead.length - 4;
  if (text.length <= room + 2) return `${lead}"${text}"`;
  const words = ctx.quoteWords(q.id);
  const hits = words.map((w) => w.terms.filter((t) => matched.has(t)).length);
  let best: Window = { from: 0, to: 0, score: -1 };
  for (let from = 0; from < words.length; from++) {
    let len = -1;
    let sum = 0;
    let to = from;
    for (let word = words[to]; word !== undefined && len + 1 + word.text.length <= room; word = words[to]) {
      len += 1 + word.text.length;
      sum += hits[to] ?? 0;
      to++;
    }
    // Most asked words first; then one that goes on past them, and one that starts a clause; then the earliest.
    const before = words[from - 1];
    const lastHit = hits.slice(from, to).findLastIndex((h) => h > 0);
    const tail = lastHit >= 0 && (to === words.length || to - (from + lastHit) - 1 >= TAIL_WORDS) ? TAIL_SCORE : 0;
    const score = sum * ASKED_WORD_SCORE + (before === undefined || /[,;:]$|^--$/.test(before.text) ? 1 : 0) + tail;
    if (score > best.score) best = { from, to, score };
  }
  if (best.score < ASKED_WORD_SCORE) return fit(`${lead}"${text}"`);
  const part = words
    .slice(best.from, best.to)
    .map((w) => w.text)
    .join(' ')
    .replace(/^--\s*/, '')
    .replace(/[,;:\s-]+$/, '');
  return `${lead}"${best.from > 0 ? '…' : ''}${part}${best.to < words.length ? '…' : ''}"`;
}

/** The words of the cited sentence that the question asked with, as written there, once each. */
function highlightsOf(ctx: CuratedContext, item: Item, matched: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of ctx.factsOf(item).sentenceTokens) {
    if (matched.has(t.term) && !ctx.analyzer.isQuestionTerm(t.term) && !out.includes(t.surface)) out.push(t.surface);
  }
  return out;
}

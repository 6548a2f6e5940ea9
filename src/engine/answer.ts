/**
 * One handler per kind of {@link Query}, and the refusal rules. A refusal is
 * a value: `answers: []`, the rule that refused, a sentence saying what the
 * article lacks, and the passages closest to the question as `related`.
 */
import { foldForComparison } from '../knowledge/article.ts';
import { commonRank, isCommonWord } from './common-words.ts';
import { isSpeechVerb } from '../english/speech.ts';
import { GROUP_NOUNS, isNounOf, isPlaceLike, PERSON_NOUNS } from '../english/nouns.ts';
import { presentParticipleOf, verbLemmaOf, verbsOf } from '../english/verbs.ts';
import type { Entity, Quote } from '../knowledge/schema.ts';
import { namesOf, sameSide, type ArticleModel, type ArticleSentence } from './model.ts';
import type { EngineOptions } from './options.ts';
import { GIVES, MONEY, namesMedium, POSTED, SHORTHAND, type Ranker, type Scored } from './rank.ts';
import { AUXILIARY, citeFirstNamed, kindOfWho, readWords, type Asked, type DateComparison, type Query, type Topic } from './read.ts';
import { inCharge, roleVerdict } from './role-check.ts';
import { wayAnswers } from './manner.ts';
import { othersAsked, referenceAnswer, referentOf, type ReferenceAsked } from './refer.ts';
import { detailAsked, detailIn, withDetail } from './detail.ts';
import { MAX_ANSWER_CHARS, MAX_ANSWERS, type Answer, type AnswerResult, type RefusalRule } from './types.ts';


/** Room a long answer's window keeps for the words before its first matched one and for a label ("White House: "). */
const FOCUS_MARGIN = 80;
import type { Vocabulary } from './vocab.ts';
import { CARDINAL_WORDS, escapeRegExp, normalizeWord, splitWords, type Token } from './text.ts';
import { askedTense, CALENDAR_WORD, isAfter, isCurrent } from './tense.ts';
import { reasonIn } from './reason.ts';
import { checkableClaim, framesClause, reportsClause, yearGuessed } from './claim.ts';

/** What the handlers share. */
export interface Context {
  readonly model: ArticleModel;
  readonly vocab: Vocabulary;
  readonly ranker: Ranker;
  readonly options: EngineOptions;
}

/** Messages of each refusal rule; `detail` is what the rule found (a name, a phrase). */
export const REFUSAL_TEXT: Readonly<Record<RefusalRule, (detail: string) => string>> = {
  empty: () => 'Ask a question about the article.',
  'unknown-name': (d) => `The article does not mention ${d}.`,
  'not-covered': () => 'The article does not answer that.',
  'unknown-topic': (d) => `The article does not talk about ${d}.`,
  'no-date': () => 'The article does not say when.',
  'no-number': () => 'The article gives no number for that.',
  'no-name': () => 'The article does not give that name.',
  unsettled: () => 'The article says that is not known.',
  'wrong-time': (d) => `The article gives no ${d} date for that.`,
  'no-superior': (d) => `The article does not say who ${d} reports to.`,
  'no-leader': (d) => `The article does not say who leads ${d}.`,
  'no-attribute': (d) => `The article does not say what ${d} is.`,
  'no-age': () => 'The article does not give an age for that.',
  'no-duration': () => 'The article does not say how long.',
  'no-place': () => 'The article does not say where.',
  'no-reason': () => 'The article does not give a reason for that.',
  'no-speaker': () => 'The article does not say who said that.',
  'not-quoted': (d) => `The article does not quote ${d}.`,
  'not-said': (d) => `The article does not quote ${d} on that.`,
  'no-role': (d) => `The article does not say who ${d} is.`,
  undescribed: (d) => `The article does not describe ${d}.`,
  'unknown-action': (d) => {
    if (d.includes(' ')) return `The article does not say that ${d}.`;
    const verb = d.toLowerCase();
    // (A verb as typed after "did", "become", reads as its -ing form: "anyone becoming", not "anyone become".)
    const participle = verbLemmaOf(verb) === undefined && !/ing$/.test(verb) ? presentParticipleOf(verb) : undefined;
    if (participle) return `The article does not mention anyone ${participle} anything like that.`;
    return `The article does not say that anyone ${/ing$/.test(verb) ? 'is ' : ''}${verb} anything like that.`;
  },
};

/** Words that name a day: a weekday, or a month with its day ("Aug. 5"). */
const DAY_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}$/;

const ASKED_RULE: Readonly<Partial<Record<Asked, RefusalRule>>> = {
  date: 'no-date',
  number: 'no-number',
  money: 'no-number',
  name: 'no-name',
  age: 'no-age',
  duration: 'no-duration',
  place: 'no-place',
  reason: 'no-reason',
};

const pad = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Cuts text to {@link MAX_ANSWER_CHARS} at a word boundary, keeping the part around `focus` when given. */
export function fit(text: string, focus?: string): string {
  const t = pad(text);
  if (t.length <= MAX_ANSWER_CHARS) return t;
  let from = 0;
  if (focus) {
    // (Folding quotes and spaces only when the plain text does not hold it.)
    const plain = t.toLowerCase().indexOf(focus.toLowerCase());
    const at = plain >= 0 ? plain : foldForComparison(t).toLowerCase().indexOf(foldForComparison(focus).toLowerCase());
    if (at > MAX_ANSWER_CHARS / 2) from = t.lastIndexOf(' ', at - 40) + 1;
  }
  // A label the answer opens with ("White House: …") stays when the window starts further on.
  const label = from > 0 ? (/^[^:"“]{1,40}: /.exec(t)?.[0] ?? '') : '';
  const room = MAX_ANSWER_CHARS - 2 - label.length;
  // A window that would run past the end starts earlier, at a word, and shows the end whole.
  if (from > 0 && from + room >= t.length) {
    from = t.indexOf(' ', t.length - room) + 1;
    return `${label}…${t.slice(from)}`;
  }
  const head = t.slice(from, from + room);
  const space = head.lastIndexOf(' ');
  return `${label}${from > 0 ? '…' : ''}${(space > room / 2 ? head.slice(0, space) : head).replace(/[\s,;:"“-]+$/, '')}…`.slice(0, MAX_ANSWER_CHARS);
}

/** Of a long text, where a window must start to hold the last of its matched words: the first matched word it can still hold. */
function windowStart(text: string, matched: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const at = matched.map((w) => ({ w, i: lower.indexOf(w.toLowerCase()) })).filter((x) => x.i >= 0).sort((a, b) => a.i - b.i);
  const last = at.at(-1);
  if (!last) return undefined;
  return at.find((x) => last.i + last.w.length - x.i < MAX_ANSWER_CHARS - FOCUS_MARGIN)?.w;
}

/** An ISO date as the article would write it ("August 5, 2018", "March 2019", "2016"). */
export function humanDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = m ? MONTHS[m - 1] : undefined;
  if (!month) return String(y);
  return d ? `${month} ${d}, ${y}` : `${month} ${y}`;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class Handlers {
  /** Tokens of the article's own texts (sentences, roles, curated answers), worked out once each. */
  private readonly tokenCache = new Map<string, readonly Token[]>();
  /** See {@link dayWords}. */
  private days: readonly { readonly words: RegExp; readonly date: string }[] | undefined;

  /** Each sentence's predecessor in its paragraph, worked out once. */
  private readonly previousOf: ReadonlyMap<string, ArticleSentence>;
  /** Each sentence's predecessor in the article, the paragraph before's last for a paragraph's first. */
  private readonly precedingOf: ReadonlyMap<string, ArticleSentence>;

  constructor(private readonly c: Context) {
    const all = c.model.sentences;
    this.previousOf = new Map(all.flatMap((s, i) => (i > 0 && all[i - 1]!.paragraph === s.paragraph ? [[s.key, all[i - 1]!] as const] : [])));
    this.precedingOf = new Map(all.flatMap((s, i) => (i > 0 ? [[s.key, all[i - 1]!] as const] : [])));
  }

  /** Tokens of a text of the article or its knowledge (a bounded set, so remembered). */
  /** Works out now what the first questions would otherwise wait for: each sentence's tokens, the article's days. */
  warm(): void {
    for (const s of this.c.model.sentences) this.tokensOf(s.text);
    this.dayWords();
  }

  private tokensOf(text: string): readonly Token[] {
    let t = this.tokenCache.get(text);
    if (!t) {
      t = this.c.vocab.terms.tokens(text);
      this.tokenCache.set(text, t);
    }
    return t;
  }

  private termsOf(text: string): string[] {
    return this.tokensOf(text).map((t) => t.term);
  }

  name(id: string): string {
    return this.c.model.entityById.get(id)?.name ?? id;
  }

  /** Answers a read question. */
  answer(question: string, q: Query): AnswerResult {
    switch (q.kind) {
      case 'refuse':
        return this.refuse(question, q.rule, q.detail, q.rule === 'empty' ? [] : this.related(question));
      case 'who-said':
        return this.whoSaid(question, q.topic, q.names);
      case 'who-is':
        return this.whoIs(question, q.entity, q.claim, q.job);
      case 'who-is-role':
        return this.whoIsRole(question, q.topic);
      case 'what-said': {
        // What they said about the matter asked, whom they told aside ("What did Hawk Sawyer tell senators about the
        // idea that Epstein was murdered?"); with all the question's words when none of theirs is about it.
        if (q.about) {
          const about = this.whatSaid(question, q.speaker, q.about);
          if (about.answers.length > 0) return about;
        }
        const said = this.whatSaid(question, q.speaker, q.topic);
        // ("What did McCormick tell the crowd?": none of her words is about a crowd; what she told them.)
        return said.noAnswer?.rule === 'not-said' && q.unaddressed ? this.whatSaid(question, q.speaker, q.unaddressed) : said;
      }
      case 'ask':
        return withDetail(question, this.ask(question, q.asked, q.names, q.topic, q.unknownAct, q.yesNo, q.subjects, q.patient), (t) => fit(t));
      case 'compare-dates':
        return this.compareDates(question, q.asks, q.first, q.second);
      case 'refers':
        return this.refers(question, q.reference) ?? this.answer(question, q.otherwise);
      case 'who-check': {
        // Who did it, after "Yes:" when that is whom the question guesses and "No:" when not.
        const found = this.answer(question, q.asked);
        const top = found.answers[0];
        if (!top?.speaker) return found;
        const guessed = q.guess.some((id) => this.name(id) === top.speaker);
        return { ...found, answers: [{ ...top, answer: fit(`${guessed ? 'Yes' : 'No'}: ${top.answer}`) }, ...found.answers.slice(1)] };
      }
      case 'lead': {
        const lead = this.c.model.sentences[0];
        return lead ? { question, answers: [this.cite(lead, lead.curatedAnswers[0] ?? lead.text, 1, new Set())] } : this.refuse(question, 'not-covered', '', []);
      }
    }
  }

  /** Two dated things compared: which came first, or how many days apart; refused when the article dates either not. */
  compareDates(question: string, asks: DateComparison, first: Topic, second: Topic): AnswerResult {
    const dated = (topic: Topic): { s: Scored; date: string } | null => {
      if (this.unknownTopic(topic)) return null;
      const best = this.c.ranker.rank(topic, [], 'date').find((x) => GIVES.date(x.sentence, this.c.model));
      if (!best || best.coverage < this.c.options.minCoverage) return null;
      const sentence = best.sentence.datedBy ? (this.c.model.byKey.get(best.sentence.datedBy) ?? best.sentence) : best.sentence;
      return { s: { ...best, sentence }, date: this.dateFor(sentence, best.matched, question) };
    };
    const a = dated(first);
    const b = dated(second);
    // (One sentence may date both: "voted on Monday to rebuild the lighthouse, which storms damaged in March".)
    if (!a || !b || (a.s.sentence.key === b.s.sentence.key && a.date === b.date)) return this.refuse(question, 'no-date', '', this.related(question));
    const cite = (x: { s: Scored; date: string }, text: string, n: number): Answer => this.cite(x.s.sentence, text, 2 - n, x.s.matched, { date: x.date });
    // Compared at the precision both have ("2019-11" and "2019-11-19" are the same month).
    const n = Math.min(a.date.length, b.date.length);
    const [da, db] = [a.date.slice(0, n), b.date.slice(0, n)];
    const [early, late] = db < da ? [b, a] : [a, b];
    if (asks === 'days') {
      if (a.date.length < 10 || b.date.length < 10) return this.refuse(question, 'no-date', '', this.related(question));
      const days = Math.round(Math.abs(Date.parse(b.date) - Date.parse(a.date)) / 86_400_000);
      const span = days === 0 ? `The same day, ${humanDate(a.date)}` : `${days} ${days === 1 ? 'day' : 'days'}, from ${humanDate(early.date)} to ${humanDate(late.date)}`;
      const head = (t: Topic): string => t.tokens.at(-1)?.norm ?? '';
      const [cited, other] = citeFirstNamed(a.s.sentence.text, b.s.sentence.text, head(first), head(second)) ? [a, b] : [b, a];
      // (A long sentence shows from the span on: "5 days, from July 31 to August 5: …".)
      const spanned = this.cite(cited.s.sentence, `${span}: ${cited.s.sentence.text}`, 2, cited.s.matched, { date: cited.date }, span);
      return { question, answers: [spanned, cite(other, other.s.sentence.text, 1)] };
    }
    if (asks === 'earliest') {
      const said = da === db ? `The same ${n === 10 ? 'day' : 'month'}: ${early.s.sentence.text}` : `First, on ${humanDate(early.date)}: ${early.s.sentence.text}`;
      return { question, answers: [cite(early, said, 0), cite(late, late.s.sentence.text, 1)] };
    }
    const verdict = da < db ? 'Before' : da > db ? 'After' : `The same ${n === 10 ? 'day' : 'month'}`;
    return { question, answers: [cite(a, `${verdict}: ${a.s.sentence.text}`, 0), cite(b, b.s.sentence.text, 1)] };
  }

  /** What a word of the article refers to, cited where the article names it; null when it does not settle it. */
  refers(question: string, reference: ReferenceAsked): AnswerResult | null {
    const found = referentOf(this.c.model.kb.article.sentences, reference);
    const s = found && this.c.model.sentences.find((x) => x.paragraph === found.paragraph && x.text === found.sentence);
    return found && s ? { question, answers: [this.cite(s, referenceAnswer(reference, found), 1, new Set())] } : null;
  }

  /**
   * "Which other countries …?", "what does 'all other malign actors' refer to?": refused as naming no one when the
   * passage that speaks of the others names none of them besides the one it sets them against.
   */
  othersUnnamed(question: string, q: Query, result: AnswerResult): AnswerResult {
    const top = result.answers[0];
    const quoted = 'topic' in q ? (q.topic?.phrase ?? null) : null;
    if (!top || !othersAsked(question, quoted) || !/\bother\b/i.test(top.excerpt)) return result;
    const asked = 'names' in q ? q.names : [];
    const s = this.c.model.sentences.find((x) => x.paragraph === top.paragraph && top.excerpt.includes(x.text));
    const named = (s?.entities ?? []).filter((id) => !asked.includes(id) && this.c.model.entityById.get(id)?.kind !== 'person');
    return s && named.length <= 1 ? this.refuse(question, 'no-name', '', this.related(question)) : result;
  }

  /**
   * "What technique did they use?", "how exactly did they do it?": refused when the passage that answers only names
   * the way ("the methodology used by the perpetrators pointed to …") and never says what it was.
   */
  wayUnsaid(question: string, result: AnswerResult): AnswerResult {
    const way = wayAnswers(question, result.answers);
    if (way === null) return result;
    return 'bare' in way ? this.refuse(question, 'undescribed', way.bare, this.related(question)) : { ...result, answers: way.answers };
  }

  /**
   * A claim refused for a word it guesses wrong ("Is Rukban near the Lebanese border?", "did williams say the call was
   * normal"): the passage the rest of its words, those the article uses, cover answers it, as "Not quite: …". (Not
   * an act the article never reports, someone it never names, nor a claim past it: "did she delete it later?")
   */
  claimChecked(question: string, plain: string, q: Query, result: AnswerResult): AnswerResult {
    if (result.answers.length > 0 || !checkableClaim(plain, result.noAnswer?.rule)) return result;
    const words = splitWords(plain).map((w) => w.norm);
    const act = q.kind === 'ask' ? q.unknownAct?.split(' ')[0]?.toLowerCase() : undefined;
    if (act && !framesClause(act, words[words.indexOf(act) + 1])) return result;
    const { topic, names } = readWords(plain, this.c.vocab);
    const saying = words.findIndex((w) => isSpeechVerb(w));
    const said = saying >= 0 ? words[saying + 1] : undefined;
    if (said !== undefined && !reportsClause(said, this.c.vocab.namesIn(this.tokensOf(said)).length > 0)) return result;
    // (Someone it never names first: "did President Trump comment on it?")
    const first = topic.tokens[0];
    if (!first || topic.unknown.includes(first)) return result;
    const known = topic.tokens.filter((t) => !topic.unknown.includes(t));
    if (known.length < this.c.options.claimKnownWords || names.length === 0) return result;
    const rest: Topic = { tokens: known, unknown: [], phrase: null };
    const nameTerms = new Set(names.flatMap((id) => this.termsOf(namesText(this.c.model.entityById.get(id)))));
    const top = this.c.ranker.rank(rest, names, 'thing', nameTerms)[0];
    if (!top || top.coverage < this.c.options.claimCoverage || !names.every((id) => this.involves(top.sentence, id))) return result;
    // (A year the passage does not give is another time the article does not report, unless someone is said to have put it so.)
    if (!yearGuessed(words, top.sentence.text)) return result;
    return { question, answers: [this.cite(top.sentence, `Not quite: ${this.baseAnswer(top.sentence, rest, 'thing')}`, top.score, top.matched, { ...this.speakerField(top.sentence, rest), ...this.dateOf(top.sentence) })] };
  }

  refuse(question: string, rule: RefusalRule, detail: string, related: readonly Answer[]): AnswerResult {
    return { question, answers: [], noAnswer: { reason: rule === 'unknown-name' ? 'not-mentioned' : rule === 'empty' ? 'empty' : 'no-match', rule, message: REFUSAL_TEXT[rule](detail) }, related };
  }

  /** The passages closest to the question: what a refusal shows as "closest the article comes". */
  related(text: string, limit = 1): Answer[] {
    return this.c.ranker.closest(text, limit).map((s) => this.cite(s, fit(s.text), 0, new Set()));
  }

  /** An answer citing sentence `s`. */
  cite(s: ArticleSentence, answer: string, score: number, matched: ReadonlySet<string>, extra: { speaker?: string; date?: string } = {}, focus?: string): Answer {
    const highlights = this.tokensOf(s.text)
      .filter((t) => matched.has(t.term))
      .map((t) => t.surface);
    return {
      // A long answer shows the part that holds the words asked for, unless the caller names its own.
      answer: fit(answer, focus ?? (answer.length > MAX_ANSWER_CHARS ? windowStart(answer, highlights) : undefined)),
      excerpt: s.text,
      paragraph: s.paragraph,
      ...extra,
      score: Math.round(score * 1000) / 1000,
      highlights: [...new Set(highlights)],
      source: { kind: 'sentence', id: s.key },
    };
  }

  /** Refuses when the topic is mostly rare words the article never uses ("restaurant", "stock market"). */
  private unknownTopic(topic: Topic): string | null {
    // Everyday words may be the reader's way of putting it; rare ones name a thing the article never mentions.
    // (A word the article writes in two, "onramp" for "on-ramp", is known.)
    const rare = topic.unknown.filter((t) => t.norm.length > 3 && !/\d/.test(t.norm) && !isCommonWord(t.norm) && this.c.ranker.partsOf(t) === null);
    if (rare.length === 0) return null;
    const all = topic.tokens.reduce((n, t) => n + this.c.ranker.weightOf(t), 0);
    const unknown = rare.reduce((n, t) => n + this.c.ranker.weightOf(t), 0);
    return all > 0 && unknown / all > this.c.options.maxUnknownShare ? rare.map((t) => t.surface).join(' ') : null;
  }

  /** Top answers from ranked sentences, best first, no sentence twice. */
  private take(ranked: readonly Scored[], make: (s: Scored) => Answer): Answer[] {
    const best = ranked[0];
    if (!best) return [];
    const out: Answer[] = [];
    const seen = new Set<string>();
    for (const s of ranked) {
      if (out.length >= MAX_ANSWERS) break;
      if (out.length > 0 && s.score < best.score * this.c.options.furtherAnswerRatio) break;
      if (seen.has(s.sentence.key)) continue;
      seen.add(s.sentence.key);
      out.push(make(s));
    }
    return out;
  }

  private covered(best: Scored | undefined, names: readonly string[]): boolean {
    if (!best) return false;
    const named = names.some((id) => this.involves(best.sentence, id));
    return best.coverage >= (named ? this.c.options.minCoverageNamed : this.c.options.minCoverage);
  }

  /** Does the sentence name `id`, quote them, or open with a pronoun for what the sentence before it names ("It first appeared in 2014")? */
  private involves(s: ArticleSentence, id: string): boolean {
    // (Or "it" as what is said of: "Aviation analysts called it the 'end of an era'" of the cutback before.)
    // (And "that" or "this" opening on what it is, of the sentence before, in the paragraph before too: "And that's a big
    // deal as the tiny space rock is …" of the find the paragraph before reports.)
    if (/^(?:(?:and|but|so)\s+)?(?:that|this)(?:['’]s|\s+(?:is|was|would|could|will|means|meant))\b/i.test(s.text) && this.precedingOf.get(s.key)?.entities.includes(id)) return true;
    const before = /^(?:it|its|they|their|he|his|she|her)\b/i.test(s.text) || /\b(?:called|calling|described|describing|dubbed|termed) it\b/i.test(s.text) ? this.previous(s) : undefined;
    return s.entities.includes(id) || s.speakers.includes(id) || (before !== undefined && before.entities.includes(id));
  }

  /** The sentence before `s` in its paragraph, if any. */
  private previous(s: ArticleSentence): ArticleSentence | undefined {
    return this.previousOf.get(s.key);
  }

  /** The day a question names by words the article dates ("Wednesday's hearing" where the article's "Wednesday" is 2019-11-20), or null. */
  private dayNamed(question: string): string | null {
    const q = question.toLowerCase().replace(/(\d)(?:st|nd|rd|th)\b/g, '$1');
    return this.dayWords().find((d) => d.words.test(q))?.date ?? null;
  }

  /** The article's days and the words that name them, worked out once. */
  private dayWords(): readonly { readonly words: RegExp; readonly date: string }[] {
    this.days ??= this.c.model.sentences.flatMap((s) =>
      s.dates.flatMap((d) => {
        // A weekday or a day of a month, without the part of the day ("Wednesday morning"); not "now" or "last week".
        const words = d.text?.toLowerCase().replace(/[,.]+$/, '').replace(/\s+(?:morning|afternoon|evening|night)$/, '');
        return words && d.date.length === 10 && DAY_WORDS.test(words) ? [{ words: new RegExp(`\\b${escapeRegExp(words)}\\b`), date: d.date }] : [];
      }),
    );
    return this.days;
  }

  /** A sentence's date: of several, the one the question names ("what happened on July 31st?"), else its first. */
  private dateOf(s: ArticleSentence, question = ''): { date?: string } {
    const q = question.toLowerCase().replace(/(\d)(?:st|nd|rd|th)\b/g, '$1');
    const named = s.dates.length > 1 ? s.dates.find((d) => d.text && q.includes(d.text.toLowerCase())) : undefined;
    return named ? { date: named.date } : s.date ? { date: s.date } : {};
  }

  /** The speaker of a sentence that best fits the question's words (a sentence may quote two people). */
  private speakerOf(s: ArticleSentence, topic: Topic): string | null {
    if (s.speakers.length <= 1) return s.speakers[0] ?? null;
    const words = topic.phrase ?? topic.tokens.map((t) => t.surface).join(' ');
    const share = this.termOverlap(words);
    const best = [...s.speech].sort((a, b) => share(b.words) - share(a.words))[0];
    return best?.speaker ?? s.speakers[0]!;
  }

  /** The share of `words`' terms (stemmed, synonyms joined) that a text holds, `words` read once for every text. */
  private termOverlap(words: string): (text: string) => number {
    const want = this.c.vocab.terms.termsOf(words).filter((t) => !this.c.vocab.isQuestionTerm(t));
    return (text) => {
      if (want.length === 0) return 0;
      const have = new Set(this.termsOf(text));
      return want.filter((t) => have.has(t)).length / want.length;
    };
  }

  /** The direct answer for a sentence: the curated one closest to the question (with a number or place if asked), else the sentence. */
  private baseAnswer(s: ArticleSentence, topic: Topic, asked: Asked): string {
    // "Why …?": the reason the sentence gives, unless a curated answer gives one.
    const reason = asked === 'reason' && !s.curatedAnswers.some((a) => reasonIn(a)) ? reasonIn(s.text) : null;
    if (reason) return reason;
    if (s.curatedAnswers.length === 0) return s.text;
    const words = topic.tokens.map((t) => t.surface).join(' ');
    const wants = (a: string): number => (asked === 'number' || asked === 'age' ? (/\d/.test(a) ? 1 : 0) : asked === 'place' ? (GIVES.place({ ...s, text: a }, this.c.model) ? 1 : 0) : 0);
    const share = this.termOverlap(words);
    const ranked = [...s.curatedAnswers].sort((a, b) => wants(b) - wants(a) || share(b) - share(a));
    const best = ranked[0]!;
    return wants(best) === 0 && asked !== 'thing' && asked !== 'who' && asked !== 'date' ? s.text : best;
  }

  // ----- handlers ----------------------------------------------------------------

  whoSaid(question: string, topic: Topic, names: readonly string[]): AnswerResult {
    const unknown = this.unknownTopic(topic);
    if (unknown) return this.refuse(question, 'unknown-topic', unknown, this.related(question));
    // Sentences where someone is said to speak; or, failing those, any sentence, whose actor is then the answer.
    const all = this.c.ranker.rank(topic, [], 'thing');
    let ranked = all.filter((s) => s.sentence.speakers.length > 0);
    // Or when a sentence without a quote fits far better: its subject did the saying ("The Pentagon rejected these accusations as “patently false”").
    const far = all[0] && ranked[0] && all[0].sentence.speakers.length === 0 && all[0].score > ranked[0].score * this.c.options.unquotedWhoSaidRatio;
    if ((!this.covered(ranked[0], names) || far) && this.covered(all[0], names) && all[0]!.sentence.entities.length > 0) ranked = all;
    if (topic.phrase) {
      const phrase = topic.phrase;
      const verbatim = ranked.filter((s) => overlap(s.sentence.text, phrase) >= 0.75);
      if (verbatim.length > 0) ranked = verbatim;
    }
    const best = ranked[0];
    if (!best || !(this.covered(best, names) || (best.sentence.speakers.length > 0 && best.coverage >= this.c.options.whoSaidCoverage))) return this.refuse(question, 'no-speaker', '', this.related(question));
    return {
      question,
      answers: this.take(ranked, (s) => {
        const who = this.speakerOf(s.sentence, topic) ?? this.actorOf(s.sentence, topic, names) ?? s.sentence.entities[0]!;
        const quote = s.sentence.quotes.find((q) => q.speaker === who);
        const on = s.sentence.date && s.sentence.date.length === 10 ? `, on ${humanDate(s.sentence.date)}` : '';
        return this.cite(s.sentence, `${this.name(who)} said it${via(quote)}${on}.`, s.score, s.matched, { speaker: this.name(who), ...this.dateOf(s.sentence) });
      }),
    };
  }

  whoIs(question: string, id: string, claim: Topic | null, job = false): AnswerResult {
    const e = this.c.model.entityById.get(id);
    if (!e) return this.refuse(question, 'no-role', id, []);
    // Their job, where the article gives them none and their sentence has no word for one ("What is
    // Williams's job?" where it says only that Trump assailed her): what it says of them is no job.
    if (job && !e.role && !this.tokensOf(e.excerpt).some((t) => !t.capitalized && isNounOf(PERSON_NOUNS, t.norm))) return this.refuse(question, 'no-role', e.name, this.related(question));
    const key = this.c.model.sentenceOf(e.paragraph, e.excerpt);
    const s = key ? this.c.model.byKey.get(key) : undefined;
    if (!s) return this.refuse(question, 'no-role', e.name, []);
    let answer = e.answer;
    if (claim && claim.tokens.length > 0) {
      // "Is Zhirnov the ambassador?": yes when his role has the asked words, else no, with what he is.
      const roleTerms = new Set(this.termsOf(`${e.role ?? ''} ${e.answer}`));
      // ("Does Voss lead the town?" also from her sentence; "does Voss run the harbor authority?" where she only works, no verdict.)
      const verdict = roleVerdict(
        claim.tokens.map((t) => this.c.ranker.termOf(t)),
        roleTerms,
        this.tokensOf(question).some((t) => inCharge(t)),
        this.tokensOf(s.text),
      );
      if (verdict) answer = `${verdict}: ${e.answer}`;
    }
    return { question, answers: [this.cite(s, answer, 1, new Set(this.termsOf(e.name)))] };
  }

  whoIsRole(question: string, topic: Topic): AnswerResult {
    // The person whose role (or alias) holds the asked words: "the prosecutor", "the director". (Of
    // "PG&E's chief financial officer", the role's words, not the body's name, must be theirs.)
    // Whose role, when the question says: "Google's CEO" is no CEO of Take-Two. (A company's, typed in any case,
    // "google's ceo"; not a country's: "Russia's chargé" may be one the article calls only "chargé".)
    const orgTerms = new Set(this.c.model.kb.entities.filter((e) => e.kind === 'organization').flatMap((e) => this.termsOf(e.name)));
    const owner = topic.tokens.filter((t) => /['’]s$/u.test(t.surface)).map((t) => this.c.ranker.termOf(t)).filter((t) => orgTerms.has(t));
    const roleWords = topic.tokens.filter((t) => !t.capitalized && !owner.includes(this.c.ranker.termOf(t)));
    const terms = (roleWords.length > 0 ? roleWords : topic.tokens).map((t) => this.c.ranker.termOf(t));
    let best: { e: Entity; n: number } | null = null;
    let anyHolds = false;
    for (const e of this.c.model.kb.entities) {
      const have = new Set(this.termsOf([e.role ?? '', ...e.aliases].join(' ')));
      anyHolds ||= terms.some((t) => have.has(t));
      const bodies = e.partOf.flatMap((id) => this.c.model.entityById.get(id) ?? []);
      if (owner.length > 0 && !owner.some((t) => have.has(t) || bodies.some((b) => this.termsOf(namesText(b)).includes(t)))) continue;
      const n = terms.filter((t) => have.has(t)).length;
      if (n > 0 && (!best || n > best.n || (n === best.n && e.kind === 'person' && best.e.kind !== 'person'))) best = { e, n };
    }
    if (best && best.n >= Math.max(1, Math.ceil(terms.length / 2))) return this.whoIs(question, best.e.id, null);
    // (A role at a company the article fills for no one there: not whoever holds it elsewhere.)
    if (owner.length > 0 && anyHolds) {
      const body = this.c.model.kb.entities.find((e) => e.kind === 'organization' && this.termsOf(e.name).includes(owner[0]!));
      // (Each word as the article writes it: "CEO", not "ceo".)
      const written = (w: string): string => new RegExp(`(?<![\\p{L}])${escapeRegExp(w)}(?![\\p{L}])`, 'iu').exec(this.c.model.sentences.map((x) => x.text).join(' '))?.[0] ?? w;
      const role = topic.tokens.filter((t) => !owner.includes(this.c.ranker.termOf(t))).map((t) => written(t.surface)).join(' ');
      return this.refuse(question, 'no-role', body ? `${body.name}'s ${role}` : topic.tokens.map((t) => t.surface).join(' '), this.related(question));
    }
    return this.ask(question, 'who', [], topic);
  }

  whatSaid(question: string, speaker: string, topic: Topic): AnswerResult {
    // Their quoted or reported words; or a sentence that names them first with a verb of saying.
    // (Not a word in -ing: "the hearing", "nine witnesses testifying", "…, pushing through an intense week".)
    const speaks = (s: ArticleSentence): boolean => s.text.split(/\s+/).some((w) => !/ing\W*$/.test(w) && isSpeechVerb(w.replace(/[^\p{L}]/gu, '')));
    // Their words, a sentence that opens with them and a verb of saying, or one where they are the subject of one ("when Sondland told visiting Ukrainians …").
    const forms = namesOf(this.c.model.entityById.get(speaker)!).filter((f) => f.length > 2).map(escapeRegExp);
    const subjectOfSaying = new RegExp(`\\b(?:${forms.join('|')})\\s+(\\p{L}+)(?:\\s+(\\p{L}+))?`, 'gu');
    // (Not a verb of saying done by another act: "before Garrett responded by hitting Rudolph".)
    const tells = (s: ArticleSentence): boolean => forms.length > 0 && [...s.text.matchAll(subjectOfSaying)].some((m) => (isSpeechVerb(m[1]!) && m[2] !== 'by') || (m[2] !== undefined && isSpeechVerb(m[2])));
    const named = (s: ArticleSentence): boolean => s.speakers.includes(speaker) || (s.entities[0] === speaker && speaks(s)) || (s.entities.includes(speaker) && tells(s));
    // "He said …", "She added …" right after a sentence of theirs in the same paragraph is theirs too.
    const theirs = new Set<string>();
    this.c.model.sentences.forEach((s, i) => {
      const prev = this.c.model.sentences[i - 1];
      const pronoun = prev && prev.paragraph === s.paragraph && theirs.has(prev.key) && /^(?:he|she|they)\b/i.test(s.text) && speaks(s);
      if (named(s) || pronoun) theirs.add(s.key);
    });
    const own = (s: ArticleSentence): boolean => theirs.has(s.key);
    if (!this.c.model.sentences.some(own)) return this.refuse(question, 'not-quoted', this.name(speaker), this.related(question));
    const speakerTerms = new Set(this.termsOf(namesText(this.c.model.entityById.get(speaker))));
    // (With no topic, their own quoted words first, in article order, then the rest: "what did X tell the crowd".)
    const quoted = (s: ArticleSentence): boolean => s.quotes.some((q) => q.speaker === speaker);
    const inOrder = (): Scored[] => [...this.c.model.sentences.filter((s) => own(s) && quoted(s)), ...this.c.model.sentences.filter((s) => own(s) && !quoted(s))].map((sentence, i) => ({ sentence, score: 1 - i / 100, coverage: 1, matched: new Set<string>() }));
    const topicLeft = topic.tokens.filter((t) => !speakerTerms.has(t.term));
    let ranked = topic.tokens.length > 0 ? this.c.ranker.rank(topic, [], 'thing', speakerTerms).filter((s) => own(s.sentence)) : inOrder();
    // "What did the Russian Embassy say about the summons?" where "Russia criticized the summons": a body named
    // for a country and the country speak for each other, and the side's sentence shows what their words answer.
    const who = this.c.model.entityById.get(speaker)!;
    const onSide = (id: string): boolean => id !== speaker && this.c.model.entityById.get(id) !== undefined && sameSide(this.c.model.entityById.get(id)!, who);
    const enough = (x: Scored | undefined): boolean => x !== undefined && x.coverage >= this.c.options.minCoverageNamed;
    // (The whole article ranked for the topic, once, when their own words do not cover it.)
    let wholeArticle: Scored[] | null = null;
    const anyone = (): Scored[] => (wholeArticle ??= this.c.ranker.rank(topic, [], 'thing'));
    if (topicLeft.length > 0 && !enough(ranked[0]) && anyone().some((x) => enough(x) && x.sentence.speakers.some(onSide))) ranked = inOrder();
    const unknown = this.unknownTopic(topic);
    // Their words right after the sentence that tells of the matter: "The Wild lost Dumba to an undisclosed injury. /
    // 'I haven't talked to the trainers at all,' Boudreau said." is what Boudreau said about the injury.
    if (!unknown && topicLeft.length > 0 && !enough(ranked[0])) {
      const told = new Map(anyone().map((x) => [x.sentence.key, x]));
      const all = this.c.model.sentences;
      const at = all.findIndex((s, i) => {
        const before = all[i - 1];
        const next = before !== undefined && (before.paragraph === s.paragraph || (before.paragraph === s.paragraph - 1 && !this.previous(s)));
        return next && own(s) && quoted(s) && (told.get(before.key)?.coverage ?? 0) >= this.c.options.reactionCoverage;
      });
      const matter = at > 0 ? told.get(all[at - 1]!.key) : undefined;
      if (matter) ranked = [{ sentence: all[at]!, score: matter.score, coverage: 1, matched: new Set<string>() }];
    }
    // "fsa statement on dnp", "what was her quote about …": their own quoted words first, where those cover the question as well.
    const top = ranked[0];
    // (A word as the reader typed it, or as spelling correction reads it: "statment".)
    const asksWords = splitWords(question).some((w) => QUOTE_ASKED.test(w.norm) || QUOTE_ASKED.test(this.c.vocab.correct(w.norm) ?? ''));
    if (top && asksWords) ranked = [...ranked.filter((s) => quoted(s.sentence) && s.coverage >= top.coverage), ...ranked.filter((s) => !(quoted(s.sentence) && s.coverage >= top.coverage))];
    const best = ranked[0];
    if (!best || unknown || (topicLeft.length > 0 && best.coverage < this.c.options.minCoverageNamed)) return this.refuse(question, 'not-said', this.name(speaker), this.related(question));
    // "What did Sondland say at Wednesday's hearing?" when that day is the article's own or later: it cannot report what was said then, unless it dates their words to it.
    const day = this.dayNamed(question);
    const published = this.c.model.kb.meta.published;
    const saidOn = (s: ArticleSentence): boolean => {
      const quotes = s.quotes.filter((q) => q.speaker === speaker);
      return quotes.length > 0 ? quotes.some((q) => q.date === day) : s.date === day && s.speakers.includes(speaker);
    };
    if (day && published && day >= published && !ranked.some((s) => own(s.sentence) && saidOn(s.sentence))) {
      return this.refuse(question, 'not-said', this.name(speaker), this.related(question));
    }
    return {
      question,
      answers: this.take(ranked, (s) => {
        const quote = s.sentence.quotes.find((q) => q.speaker === speaker);
        const words = quote ? `"${quote.text.replace(/[,\s]+$/, '')}"` : s.sentence.text;
        return this.cite(s.sentence, `${this.name(speaker)}${via(quote)}: ${words}`, s.score, s.matched, { speaker: this.name(speaker), ...this.dateOf(s.sentence) });
      }),
    };
  }

  ask(question: string, asked: Asked, names: readonly string[], topic: Topic, unknownAct: string | null = null, yesNo = false, subjects: readonly string[] = [], patient = false): AnswerResult {
    const unknown = this.unknownTopic(topic);
    if (unknown) return this.refuse(question, 'unknown-topic', unknown, this.related(question));
    const nameTerms = new Set(names.flatMap((id) => this.termsOf(namesText(this.c.model.entityById.get(id)))));
    // The first name is the one the question is about: "when did Facebook reveal …".
    const subjectTerms = new Set(names.slice(0, 1).flatMap((id) => this.termsOf(namesText(this.c.model.entityById.get(id)))));
    const ranked = this.c.ranker.rank(topic, names, asked, nameTerms);
    const best = ranked[0];
    // (The act is what is asked unless enough plain words besides it find the sentence: "who doubted … and voted against the plan".)
    const plainWords = topic.tokens.filter((t) => !t.capitalized && !/\d/.test(t.norm) && !nameTerms.has(t.term) && t.surface.toLowerCase() !== unknownAct?.split(' ').at(-1)?.toLowerCase() && !CALENDAR_WORD.test(t.norm)).length;
    // (A yes/no question checks the act with the rest of it: "Did OrbitBeyond keep its task order?".)
    const actAsked = !yesNo && plainWords < this.c.options.unknownActWords;
    if (unknownAct && (!best || best.coverage < this.c.options.unknownActCoverage || actAsked)) return this.refuse(question, 'unknown-action', unknownAct, this.related(question));
    // (Words typed as a search need less of them in the passage than a question does.)
    const searched = !yesNo && asked === 'thing' && SEARCH_WORDS.test(question) && best !== undefined && best.coverage >= this.c.options.keywordCoverage;
    if (!best || !(searched || this.covered(best, names))) return this.refuse(question, 'not-covered', '', this.related(question));
    // "What concerns did Hill have about Vindman?" answered by a sentence about Vindman alone: it does not say what Hill had.
    if (subjects.length > 0 && (asked === 'thing' || asked === 'reason') && !yesNo && !subjects.some((id) => this.involves(best.sentence, id))) return this.refuse(question, 'not-covered', '', this.related(question));
    // "What was Trump's motive …?" best met by "I can't speak to what the president's motivation was": the article says it is not known.
    // (Not when: "he declined to say when the lander would be ready" is what the article has on when, and is shown.)
    if (!yesNo && asked !== 'who' && asked !== 'date' && !/\bwhen\b/i.test(question) && UNSETTLED.test(best.sentence.text)) return this.refuse(question, 'unsettled', '', this.related(question));
    // "What did the commission end up recommending?" met by "waiting for it to make recommendations by the end of 2020": the outcome is still ahead.
    const published = this.c.model.kb.meta.published;
    if (OUTCOME.test(question) && published && best.sentence.dates.some((d) => isAfter(d.date, published))) return this.refuse(question, 'unsettled', '', this.related(question));
    // … or met by what is still to come ("officials will decide whether the balloons fly", "confident the deal will be passed").
    if (OUTCOME.test(question) && STILL_TO_COME.test(best.sentence.text)) return this.refuse(question, 'unsettled', '', this.related(question));
    // "Which hospital was Swanson flown to?" answered by "airlifted to a local hospital": the sentence names none.
    const whichNoun = yesNo ? undefined : WHICH_KIND.exec(question)?.[1]?.split(/\s+/).filter((w) => !AUXILIARY.test(w.toLowerCase()) && !/ed$/i.test(w)).at(-1)?.toLowerCase();
    if (whichNoun && unnamedKind(best.sentence.text, whichNoun)) return this.refuse(question, 'no-name', '', this.related(question));
    // "Which carriers put in bids …?", "which company did NASA choose …?": the answer names one of that kind, next to the
    // word ("carrier SunExpress") or as a name of theirs ("the carrier"); a sentence that names none does not answer.
    // (A kind of body is met by any body the question does not name: "which company" by Facebook.)
    let kindNamed: Scored[] | null = null;
    const kind = asked === 'who' && !yesNo ? WHICH_KIND.exec(question)?.[1]?.split(/\s+/).filter((w) => kindOfWho(w.toLowerCase())).at(-1) : undefined;
    if (kind) {
      // Someone of a kind of person is any person the question does not name; of a kind of body, any organization
      // (a place only as one that speaks: "which side accused …" of the embassy's words, not "which other countries").
      // (Any person only of a kind the article writes of: "which South Dakota governor" of an article with no governor
      // asks for one it does not name.)
      const person = isNounOf(PERSON_NOUNS, kind.toLowerCase());
      const kindToken = topic.tokens.find((t) => t.surface.toLowerCase() === kind.toLowerCase());
      // (An everyday word for anyone, "which man", is of every article.)
      const written = (kindToken !== undefined && !topic.unknown.includes(kindToken)) || (commonRank(kind.toLowerCase()) ?? Infinity) < EVERYDAY_KIND_RANK;
      const ofKind = (id: string, speaking: boolean): boolean => {
        const k = this.c.model.entityById.get(id)?.kind;
        return !names.includes(id) && (person ? k === 'person' && written : k === 'organization' || (speaking && k !== 'person'));
      };
      const anyOne = (s: ArticleSentence): boolean => s.entities.some((id) => ofKind(id, false)) || s.speakers.some((id) => ofKind(id, true));
      const naming = ranked.filter((s) => s.coverage >= this.c.options.minCoverageNamed && (anyOne(s.sentence) || this.namesHead(s.sentence, topic, question, kind) || this.kindIn(s.sentence, kind) || this.sortOf(s.sentence, kind, topic)));
      if (naming.length === 0 || naming[0]!.score < best.score * this.c.options.furtherAnswerRatio) return this.refuse(question, 'not-covered', '', this.related(question));
      kindNamed = naming;
    }
    // A passive who-question is answered by a sentence that names whom the act was done to, where one does.
    if (patient && !kindNamed) {
      const naming = ranked.filter((s) => s.coverage >= this.c.options.minCoverageNamed && this.patientByVerb(s.sentence, topic, names) !== null);
      if (naming.length > 0 && naming[0]!.score >= best.score * this.c.options.furtherAnswerRatio) kindNamed = naming;
    }
    const rule = ASKED_RULE[asked];
    let list = kindNamed ?? ranked;
    let counted: readonly string[] | null = null;
    // "Who else …", "besides Russia": someone other than those the question names.
    if (asked === 'who' && /\b(?:besides|other than|apart from|else|others?)\b/i.test(question)) {
      const others = ranked.filter((s) => s.sentence.entities.some((id) => !names.includes(id) && this.c.model.entityById.get(id)?.kind !== 'place'));
      if (!this.covered(others[0], names)) return this.refuse(question, 'not-covered', '', this.related(question));
      list = others;
    }
    if (rule) {
      // What is asked must be given: the best sentence that gives it, if it covers the question too.
      // (Where something was posted is the medium that carried it: "In a Twitter posting, …", "… wrote on Facebook".)
      const posted = asked === 'place' && POSTED.test(question);
      let fitting = ranked.filter((s) => GIVES[asked](s.sentence, this.c.model) || (posted && namesMedium(s.sentence.text)));
      // "When will …?" asks a date after publication; "when did …?", one before.
      const tense = asked === 'date' && published ? askedTense(question) : null;
      if (tense && published) {
        const ahead = (s: Scored): boolean => s.sentence.dates.some((d) => isAfter(d.date, published));
        const behind = (s: Scored): boolean => s.sentence.dates.some((d) => !isAfter(d.date, published));
        const current = (s: Scored): boolean => s.sentence.dates.some((d) => isCurrent(d.date, published));
        // ("When is …?" asks a date from publication on when the article has one for it, and any date when it has none.)
        const timely = fitting.filter(tense === 'past' ? behind : tense === 'future' ? ahead : current);
        if (timely.length > 0 || tense !== 'present') fitting = timely;
        if (fitting.length === 0) return this.refuse(question, 'wrong-time', tense === 'future' ? 'future' : 'past', this.related(question));
      }
      // "On what exact date …?": a month or a year does not give it.
      // (Nor is another date of the sentence when the question names its month: "the exact date of the October conference".)
      if (asked === 'date' && EXACT_DAY.test(question)) {
        const q = question.toLowerCase();
        fitting = fitting.filter((s) => this.dateFor(s.sentence, s.matched, question).length === 10 && !s.sentence.dates.some((d) => d.date.length < 10 && d.text && q.includes(d.text.toLowerCase().replace(/[,.]$/, ''))));
      }
      // "Which Florida city …?": a place the question names is not the one it asks for.
      // (A place that only qualifies a noun gives no whereabouts: "US forces", "a Russian official".)
      if (asked === 'place') fitting = fitting.filter((s) => this.placeIn(s.sentence, names, question, true) !== undefined || (posted && namesMedium(s.sentence.text)));
      if (asked === 'name') fitting = fitting.filter((s) => this.namesHead(s.sentence, topic, question));
      // "What is the name of the source?": a sentence saying the source is not named settles that it is not.
      if (asked === 'name' && UNNAMED.test(best.sentence.text)) return this.refuse(question, 'no-name', '', this.related(question));
      // "When will they fly crews?": a sentence saying no date was given for it settles that there is none.
      if (asked === 'date' && ranked.slice(0, 2).some((s) => UNDATED.test(s.sentence.text) && this.covered(s, names))) return this.refuse(question, 'no-date', '', this.related(question));
      // "What is the average salary?" asks a sum: a percentage does not give one ("how much did it rise" may).
      if (asked === 'money' && /^(?:what|whats|what's)\b/i.test(question)) fitting = fitting.filter((s) => MONEY.test(s.sentence.text));
      if (asked === 'number' && /\b(?:exactly|precisely)\b/i.test(question)) fitting = fitting.filter((s) => /\d/.test(s.sentence.text.replace(/\b(?:19|20)\d{2}\b/g, '')));
      // "How many rounds …?": a number that counts rounds ("hundreds of rounds"), not any number in the sentence.
      // "How much does it weigh / cost / make?": an amount with its unit, not a count.
      // So does "how heavy …?", and "how much cargo can it carry?"
      if (asked === 'number' && MEASURE.test(question)) {
        fitting = fitting.filter((s) => AMOUNT.test(s.sentence.text));
        // "How big was the shark?": a measure that qualifies the thing asked ("the 8-to-10 foot shark") first.
        const asking = new Set(topic.tokens.filter((t) => !t.capitalized).map((t) => this.c.ranker.termOf(t)));
        const qualifies = (s: Scored): boolean => [...s.sentence.text.matchAll(MEASURE_BEFORE)].some((m) => asking.has(this.c.vocab.terms.term(m[1]!.toLowerCase())));
        fitting = [...fitting.filter(qualifies), ...fitting.filter((s) => !qualifies(s))];
      }
      // "How long has the insurgency gone on?": a span that qualifies the thing asked ("the group's 18-year insurgency") first.
      if (asked === 'duration') {
        const asking = new Set(topic.tokens.filter((t) => !t.capitalized).map((t) => this.c.ranker.termOf(t)));
        const qualifies = (s: Scored): boolean => [...s.sentence.text.matchAll(SPAN_BEFORE)].some((m) => asking.has(this.c.vocab.terms.term(m[1]!.toLowerCase())));
        fitting = [...fitting.filter(qualifies), ...fitting.filter((s) => !qualifies(s))];
      }
      // (The phrase's head if a sentence counts it, else its first word: "how many rushing yards", "how many US troops".)
      const nouns = asked === 'number' ? this.countedNouns(question, topic) : null;
      const digits = /\b(?:exactly|precisely)\b/i.test(question);
      const noun = nouns ? ([nouns.head, nouns.first].find((n) => n !== null && fitting.some((s) => this.counts(s.sentence, n, digits))) ?? nouns.first) : null;
      counted = noun;
      if (noun) {
        const counting = fitting.filter((s) => this.counts(s.sentence, noun, digits));
        // A number of something the question names otherwise ("troops", "personnel") still answers when none counts its word.
        if (counting.length > 0 || this.c.options.countedNounRequired) fitting = counting;
      }
      // A reason need not be spelled with "because": a sentence that covers all of a why-question gives it ("convicted …, and barred from …").
      if (asked === 'reason' && best.coverage >= this.c.options.reasonByCoverage && !fitting.includes(best)) fitting = [best, ...fitting];
      const top = fitting[0];
      if (!top || !this.covered(top, names) || top.score < best.score * this.c.options.furtherAnswerRatio) return this.refuse(question, rule, '', this.related(question));
      list = fitting;
    }
    // "Which hashtag …?": the best sentence that has one, if it covers a third of the question too.
    const detail = detailAsked(question);
    if (detail) {
      const having = list.find((s) => detailIn(s.sentence.text, detail) !== null && s.coverage >= this.c.options.minCoverageNamed);
      if (having && having !== list[0]) list = [having, ...list.filter((s) => s !== having)];
    }
    const answers = this.take(list, (s) => {
      let sentence = s.sentence;
      // A when-question about words dated by another sentence cites that one.
      if (asked === 'date' && sentence.datedBy) sentence = this.c.model.byKey.get(sentence.datedBy) ?? sentence;
      const base = this.baseAnswer(sentence, topic, asked);
      if (asked === 'date' && sentence.date) {
        const date = this.dateFor(sentence, s.matched, question, subjectTerms);
        return this.cite(sentence, `${humanDate(date)}: ${base}`, s.score, s.matched, { date, ...this.speakerField(sentence, topic) });
      }
      if (asked === 'who') {
        const who = patient ? this.patientOf(sentence, topic, names) : this.actorOf(sentence, topic, names);
        return this.cite(sentence, who ? `${this.name(who)}: ${base}` : base, s.score, s.matched, { ...(who ? { speaker: this.name(who) } : {}), ...this.dateOf(sentence) });
      }
      // (A name the article never uses is a wrong guess: "was the lighthouse damaged by Hurricane Sandy?" is not "Yes".)
      const verdict = yesNo && asked === 'thing' ? `${topic.unknown.some((t) => t.capitalized) ? 'No' : yesOrNo(question, sentence.text)}: ` : '';
      // A long sentence's answer shows the part with the count asked for ("… nine witnesses testifying …").
      // … and a where-question's, the place ("… while visiting Salesforce's Dreamforce conference in San Francisco").
      const focus = counted ? (this.countOf(sentence, counted) ?? undefined) : asked === 'place' ? this.placeIn(sentence, names, question) : undefined;
      return this.cite(sentence, `${verdict}${base}`, s.score, s.matched, { ...this.speakerField(sentence, topic), ...this.dateOf(sentence, question) }, focus);
    });
    return { question, answers };
  }

  /**
   * The terms of the noun a "how many"/"how much" question counts ("how many ppl" → people): its phrase's head and
   * first word, each with the article words WordNet gives for it ("attackers": "assailants").
   */
  private countedNouns(question: string, topic: Topic): { readonly head: readonly string[] | null; readonly first: readonly string[] | null } | null {
    const m = /\bhow (?:many|much)\s+(?:more\s+|of\s+the\s+)?([\p{L}'’-]+)/iu.exec(question);
    // (Nor chat's shorthand for what is counted, "how many ppl", which the article never writes: any count may do.)
    if (!m || /^(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|of|more|the|a|an)$/i.test(m[1]!) || (SHORTHAND.test(m[1]!) && !this.c.vocab.words.has(m[1]!))) return null;
    const termOf = (surface: string | undefined): readonly string[] | null => {
      const token = surface === undefined ? undefined : topic.tokens.find((t) => t.surface.toLowerCase() === surface.toLowerCase());
      if (!token) return null;
      const term = this.c.ranker.termOf(token);
      return [term, ...this.c.vocab.wordNetTermsOf(token.term).filter((x) => x !== term)];
    };
    // The head of the counted phrase is its last word before the verb: "how many rushing yards did …", "how many commercial providers are …".
    const phrase = COUNTED_PHRASE.exec(question.slice(m.index));
    return { head: termOf(phrase?.[1]!.trim().split(/\s+/).at(-1)), first: termOf(m[1]) };
  }

  /**
   * The first place a sentence writes as where something is, that the question does not name, or undefined:
   * a place it mentions (by name, or by any of its names), or one of the pack's places the question leaves out.
   * ("Which Florida city …?": a place the question names is not the one it asks for.)
   */
  private placeIn(s: ArticleSentence, names: readonly string[], question: string, byAnyName = false): string | undefined {
    const q = question.toLowerCase();
    // (A building or place made for a use counts, where the sentence sets something at it: "at the First Corinthian Baptist Church".)
    const places = s.entities.filter((id) => !names.includes(id) && isPlaceLike(this.c.model.entityById.get(id), this.c.model.sayerIds)).map((id) => this.c.model.entityById.get(id)!);
    // (By its other names too only if asked: an answer cut to show the place shows it by name, "the U.S." being everywhere.)
    const forms = [...places.map((e) => e.name), ...this.c.model.kb.lexicon.places.filter((p) => !q.includes(p.toLowerCase())), ...(byAnyName ? places.flatMap((e) => namesOf(e)) : [])];
    return forms.find((f) => s.text.includes(f) && this.locates(s, [f]));
  }

  /** Does the sentence write the place as where something is or goes ("in Zabul", "to Qatar", "Washington-based"), not only before a noun ("US forces")? */
  private locates(s: ArticleSentence, forms: readonly string[]): boolean {
    return forms.some((form) => {
      const at = new RegExp(`(?<![\\p{L}])${escapeRegExp(form)}(?![\\p{L}])`, 'gu');
      return [...s.text.matchAll(at)].some((m) => {
        const before = s.text.slice(Math.max(0, m.index - 40), m.index);
        const after = s.text.slice(m.index + m[0].length);
        // (Nor a place inside another name the sentence writes: "the American University of Kabul" …)
        const inside = s.entities.some((other) => namesOf(this.c.model.entityById.get(other)!).some((n) => n.length > m[0].length && n.includes(m[0]) && s.text.includes(n)));
        // (… unless that name says where: "the Russian Embassy in Washington".)
        // ("Ceres Robotics, Palo Alto, California": a place set after a name by a comma says where it is.)
        // (A place before a plural noun is what qualifies it: "handed over to US forces".)
        const qualifies = /^\s+(?!(?:is|was|has|does|says|as|this|its|his|us|thus|plus)\b)\p{Ll}+s\b/u.test(after);
        return (!inside || /\b(?:in|at)\s+$/.test(before)) && !qualifies && (/^-based\b/.test(after) || LOCATIVE_BEFORE.test(before) || /\p{Lu}[\p{L}.'’&-]*,\s*$/u.test(before));
      });
    });
  }

  /** Does a number in the sentence stand just before the counted noun ("hundreds of rounds", "15,000 people")? Digits only when asked `exactly`. */
  private counts(s: ArticleSentence, noun: readonly string[], digits: boolean): boolean {
    return this.countOf(s, noun, digits) !== null;
  }

  /** The words of the number that counts `noun` (any of its terms) in the sentence ("nine witnesses"), or null. */
  private countOf(s: ArticleSentence, noun: readonly string[], digits = false): string | null {
    const toks = this.tokensOf(s.text);
    // (A number joined to words is no count of what follows: "a 33-year-old blogger".)
    const isNumber = (t: { norm: string }): boolean => /^\d[\d,.]*$/.test(t.norm) || (!digits && COUNT_WORD.test(t.norm));
    for (const [i, t] of toks.entries()) {
      if (!noun.includes(t.term)) continue;
      // (The nearest number, with nothing between that ends the phrase: "600,000 Israelis live in settlements" counts no settlements.)
      const before = toks.slice(Math.max(0, i - COUNT_WINDOW), i).reverse();
      // ("$156 billion in Chinese goods": an amount "in" what it buys.)
      const reach = before.findIndex((x, j) => COUNT_BREAK.test(x.norm) && !(x.norm === 'in' && before[j + 1] !== undefined && isNumber(before[j + 1]!)));
      const n = (reach < 0 ? before : before.slice(0, reach)).find(isNumber);
      if (n) return `${n.surface} `;
      // … or a total the noun rises or stands to after it: "the total of commercial providers to 14", "prisoners at 300".
      const after = toks.slice(i + 1, i + 1 + COUNT_WINDOW);
      const to = after.findIndex((x, j) => j > 0 && isNumber(x) && !YEAR.test(x.norm) && /^(?:to|at)$/.test(after[j - 1]!.norm));
      if (to > 0) return `${after[to]!.surface} `;
    }
    return null;
  }

  /**
   * Which of a sentence's dates a when-question asks: the one of the asked
   * precision ("what month", "what year"), else the one nearest the words the
   * question and the sentence share, its subject's name included ("arrested in April for the
   * March 21 call"; "when did Facebook reveal …" in "… Facebook's July 31
   * announcement … ahead of November's elections").
   */
  private dateFor(s: ArticleSentence, matched: ReadonlySet<string>, question: string, subjectTerms: ReadonlySet<string> = new Set()): string {
    if (s.dates.length <= 1) return s.date!;
    const q = question.toLowerCase();
    // A date the question names itself ("when does the 2020 session start?") is what it knows, not what it asks.
    const unnamed = s.dates.filter((d) => !(d.text && q.includes(d.text.toLowerCase())));
    const dates = unnamed.length > 0 ? unnamed : s.dates;
    const wanted = /\b(?:what|which) month\b/.test(q) ? 7 : /\b(?:what|which) year\b/.test(q) ? 4 : /\b(?:what|which) day\b|\bwhat date\b/.test(q) ? 10 : 0;
    const precise = dates.filter((d) => d.date.length === wanted);
    // (A question's tense picks among them: "when did the agency pick …" is not the "next year" of what it picked them for.)
    const published = this.c.model.kb.meta.published;
    // (Not a plan: "when was the tariff supposed to start" may ask a date still ahead.)
    const tense = published && !PLANNED.test(question) ? askedTense(question) : null;
    const timely = (precise.length > 0 ? precise : dates).filter((d) => (tense === 'past' ? !isAfter(d.date, published!) : tense === 'future' ? isAfter(d.date, published!) : true));
    const pool = timely.length > 0 ? timely : precise.length > 0 ? precise : dates;
    const text = s.text.toLowerCase();
    const at = (d: { text: string | null }): number => (d.text ? text.indexOf(d.text.toLowerCase()) : -1);
    const spans = pool.map((d) => ({ d, from: at(d), to: at(d) + (d.text?.length ?? 0) }));
    const hits: { from: number; to: number }[] = [];
    for (const t of this.tokensOf(s.text)) {
      if (!matched.has(t.term) && !subjectTerms.has(t.term)) continue;
      const pos = text.indexOf(t.surface.toLowerCase());
      if (pos >= 0 && !spans.some((x) => pos >= x.from && pos < x.to)) hits.push({ from: pos, to: pos + t.surface.length });
    }
    // (A date within the chosen one says it more precisely: "earlier this year … in September" is September.)
    const finer = (date: string): string => (wanted > 0 ? date : pool.map((d) => d.date).filter((x) => x.length > date.length && x.startsWith(date)).sort((a, b) => b.length - a.length)[0] ?? date);
    if (hits.length === 0) return finer(pool[0]!.date);
    // The gap between a word and a date, in characters, whichever comes first.
    const gap = (h: { from: number; to: number }, x: { from: number; to: number }): number => Math.max(0, Math.max(h.from, x.from) - Math.min(h.to, x.to));
    const dist = (x: (typeof spans)[number]): number => (x.from < 0 ? Infinity : Math.min(...hits.map((h) => gap(h, x))));
    return finer([...spans].sort((a, b) => dist(a) - dist(b))[0]!.d.date);
  }

  /** Does an entity the sentence names go by the kind asked for ("the carrier", "harbor authority")? */
  private kindIn(s: ArticleSentence, noun: string): boolean {
    const term = this.c.vocab.terms.term(normalizeWord(noun));
    return s.entities.some((id) => {
      const e = this.c.model.entityById.get(id);
      return e !== undefined && this.termsOf([e.name, ...e.aliases, e.role ?? ''].join(' ')).includes(term);
    });
  }

  /**
   * Whether a sentence tells which of a kind asked in the plural by a word the question does not write before it:
   * "Only the cloistered convents were excluded" for "Which convents were left out …?". (A kind asked in the singular
   * wants a name: "which hospital" is not told by "a local hospital".)
   */
  private sortOf(s: ArticleSentence, kind: string, topic: Topic): boolean {
    const noun = kind.toLowerCase();
    if (!/[^s]s$/.test(noun)) return false;
    const typed = new Set(topic.tokens.map((t) => t.norm));
    const words = this.tokensOf(s.text);
    return words.some((w, i) => w.norm === noun && i > 0 && !words[i - 1]!.capitalized && /^\p{L}{4,}$/u.test(words[i - 1]!.norm) && !typed.has(words[i - 1]!.norm) && !DETERMINER.test(words[i - 1]!.norm) && !this.c.vocab.isQuestionTerm(words[i - 1]!.term));
  }

  /**
   * Whether a sentence gives a name for what a name-question describes: a
   * capitalized word next to its head noun ("his lawyer, John Doe", "aide Andriy
   * Yermak") that the question does not name already.
   */
  private namesHead(s: ArticleSentence, topic: Topic, question: string, noun?: string): boolean {
    // The noun whose name is asked: "the name of the warden Barr reassigned" → warden (or `noun`, "which carriers …");
    // else the topic's last common word.
    const phrase = (noun === undefined ? NAME_OF.exec(question)?.[1] : WHICH_KIND.exec(question)?.[1])?.split(/\s+/) ?? [];
    const asked = noun?.toLowerCase() ?? phrase.filter((w) => w === w.toLowerCase()).at(-1);
    // ("the Minneapolis agency": a name before "a Spokane agency" names another one.)
    const qualifiers = phrase.filter((w) => /^\p{Lu}/u.test(w)).map((w) => this.c.vocab.terms.term(normalizeWord(w)));
    const head = topic.tokens.find((t) => asked !== undefined && t.surface.toLowerCase() === asked) ?? topic.tokens.filter((t) => !t.capitalized).at(-1);
    if (!head) return true;
    // (Every word, short ones too: a name across "in" or "to" is no name of the noun.)
    const words = splitWords(s.text).map((w) => ({ ...w, term: this.c.vocab.terms.term(w.norm) }));
    // (Words the question writes are not the name asked: "the spokeswoman" finds Nauert, whose name is then the answer.)
    const typed = new Set(topic.tokens.map((t) => t.term));
    // (A month or a weekday is no name: "a key September conversation … a top aide to Zelenskiy".)
    const isName = (x: (typeof words)[number] | undefined, at: number): boolean => x !== undefined && at > 0 && x.capitalized && !typed.has(x.term) && !this.c.vocab.isQuestionTerm(x.term) && !CALENDAR_WORD.test(x.norm);
    const headTerm = this.c.ranker.termOf(head);
    return words.some((w, i) => {
      if (w.term !== headTerm) return false;
      // A name stands next to the noun: "spokeswoman Heather Nauert", "an agency called Broadhead", "Dan Coats, the director",
      // not across a verb or a preposition ("Barr reassigned the warden at the New York detention center").
      const next = NAMING.test(words[i + 1]?.norm ?? '') ? i + 2 : i + 1;
      if (isName(words[next], next)) return true;
      // Before it, across "the" or "a" and the noun's modifiers ("Chapter & Verse, a Spokane advertising agency"): "Chicago,
      // aides said" is no aide's name, nor "NASA" of "NASA spokesman", nor "Cole" of "Cole met a top aide".
      const determiner = words.slice(Math.max(0, i - 1 - NAME_REACH), i).findLastIndex((x) => DETERMINER.test(x.norm));
      const at = determiner < 0 ? -1 : Math.max(0, i - 1 - NAME_REACH) + determiner - 1;
      const between = new Set(words.slice(at + 2, i).map((x) => x.term));
      return at >= 0 && isName(words[at], at) && qualifiers.every((q) => between.has(q));
    });
  }

  private speakerField(s: ArticleSentence, topic: Topic): { speaker?: string } {
    const who = this.speakerOf(s, topic);
    return who ? { speaker: this.name(who) } : {};
  }

  /**
   * The one the question's act was done to in the sentence: named right after its verb ("Mitchell convoked #Russia
   * Chargé [Dmitry] Zhirnov"), or right before it when the sentence says it passively too ("Zhirnov was called in");
   * else the first one named that the question does not name.
   */
  private patientOf(s: ArticleSentence, topic: Topic, names: readonly string[]): string | null {
    return this.patientByVerb(s, topic, names) ?? this.placedIn(s, names)[0]?.id ?? null;
  }

  /** The entities a sentence names that the question does not, in the order it names them, with where. */
  private placedIn(s: ArticleSentence, names: readonly string[]): { readonly id: string; readonly at: number; readonly owner: boolean }[] {
    const text = foldForComparison(s.text).toLowerCase();
    const ids = [...new Set([...s.entities, ...s.speakers])].filter((id) => !names.includes(id) && this.c.model.entityById.get(id)?.kind !== 'place');
    const placed = ids.flatMap((id) => {
      const e = this.c.model.entityById.get(id);
      const found = (e ? namesOf(e) : [])
        .map((n) => foldForComparison(n).toLowerCase().replace(/^the\s+/, ''))
        .map((n) => ({ at: text.indexOf(n), end: text.indexOf(n) + n.length }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at)[0];
      // (A name in the possessive owns what follows: "Russia's chargé" is the chargé.)
      return found ? [{ id, at: found.at, owner: /^'s?\b/.test(text.slice(found.end)) }] : [];
    });
    return placed.sort((a, b) => a.at - b.at);
  }

  /** The one named next to the question's act as its object (after an active verb, before a passive one), or null. */
  private patientByVerb(s: ArticleSentence, topic: Topic, names: readonly string[]): string | null {
    const acts = this.actTerms(topic);
    const toks = this.tokensOf(s.text);
    const verb = toks.findIndex((t) => acts.has(t.term));
    if (verb < 0) return null;
    const text = foldForComparison(s.text).toLowerCase();
    const placed = this.placedIn(s, names);
    const from = text.indexOf(toks[verb]!.surface.toLowerCase());
    const passive = verb > 0 && /^(?:was|were|is|are|been|being|got|get|gets)$/.test(toks[verb - 1]!.norm);
    const objects = placed.filter((x) => !x.owner);
    if (passive) return objects.filter((x) => x.at < from).at(-1)?.id ?? null;
    // (The object's head, a person, over a word before it that names a body or a place: "#Russia Chargé [Dmitry] Zhirnov".)
    const after = objects.filter((x) => x.at > from && x.at - from <= OBJECT_REACH);
    return (after.find((x) => this.c.model.entityById.get(x.id)?.kind === 'person') ?? objects.find((x) => x.at > from))?.id ?? null;
  }

  /**
   * The agent of the question's act in the sentence, when the sentence writes it as done by someone it
   * names ("sent by chairman Marcelo Claure", "was released by prosecutors"), or null.
   */
  private agentOf(s: ArticleSentence, topic: Topic, names: readonly string[]): string | null {
    const acts = this.actTerms(topic);
    const toks = this.tokensOf(s.text);
    const at = toks.findIndex((t, i) => acts.has(t.term) && toks[i + 1]?.norm === 'by');
    if (at < 0) return null;
    const text = foldForComparison(s.text).toLowerCase();
    const byAt = text.indexOf(' by ', text.indexOf(toks[at]!.surface.toLowerCase()));
    if (byAt < 0) return null;
    const by = byAt + ' by '.length;
    const wordsBetween = (x: { readonly at: number }): number => text.slice(by, x.at).split(/\s+/).filter(Boolean).length;
    return this.placedIn(s, names).find((x) => x.at >= by && wordsBetween(x) <= AGENT_REACH)?.id ?? null;
  }

  /** The one named last before the question's act, its verb active and the name no possessor ("Facebook's team found"), or null. */
  private subjectByVerb(s: ArticleSentence, topic: Topic, names: readonly string[]): string | null {
    const acts = this.actTerms(topic);
    const toks = this.tokensOf(s.text);
    const verb = toks.findIndex((t) => acts.has(t.term));
    if (verb <= 0 || /^(?:was|were|is|are|been|being|be|got|get|gets|to)$/.test(toks[verb - 1]!.norm)) return null;
    const text = foldForComparison(s.text).toLowerCase();
    const from = text.indexOf(toks[verb]!.surface.toLowerCase());
    // (Not a verb inside quoted words, whose subject is theirs: '… told correspondent Carla Babb that "the United States is not preventing …"'.)
    if (from < 0 || (text.slice(0, from).match(/["“”]/g) ?? []).length % 2 === 1) return null;
    return this.placedIn(s, names).filter((x) => !x.owner && x.at < from).at(-1)?.id ?? null;
  }

  /**
   * The one a sentence describes, and does not name, as the doer of the question's act: "a family friend" of "… a
   * family friend who spotted …", "An international team of scientists" of "an international team of scientists has
   * created …" — a description whose head ("friend", "team of scientists") is a noun for a person or a group.
   */
  private describedDoer(s: ArticleSentence, topic: Topic): string | null {
    const acts = this.actTerms(topic);
    const toks = this.tokensOf(s.text);
    const verb = toks.findIndex((t) => acts.has(t.term));
    // (Before the act: "who", or an auxiliary of the active perfect: "has created".)
    const before = verb > 0 && (toks[verb - 1]!.norm === 'who' || /^(?:has|have|had)$/.test(toks[verb - 1]!.norm)) ? verb - 1 : -1;
    if (before < 2) return null;
    // (The head, or the group a phrase of "of" names: "team of scientists".)
    const last = toks[before - 1]!;
    const group = before >= 4 && toks[before - 2]!.norm === 'of' ? toks[before - 3]! : undefined;
    const personal = (t: Token): boolean => !t.capitalized && (isNounOf(PERSON_NOUNS, t.norm) || isNounOf(GROUP_NOUNS, t.norm));
    if (!personal(last) && !(group !== undefined && personal(group))) return null;
    const from = [2, 3, 4, 5, 6].map((k) => before - k).find((i) => i >= 0 && DETERMINER.test(toks[i]!.norm));
    if (from === undefined || toks.slice(from + 1, before).some((t) => t.capitalized)) return null;
    const phrase = toks.slice(from, before).map((t) => t.surface).join(' ');
    return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  }

  /** The terms of the question's act: its verbs, and phrases of the lexicon ("called in"). */
  private actTerms(topic: Topic): ReadonlySet<string> {
    return new Set(topic.tokens.filter((t) => !t.capitalized && (verbLemmaOf(t.norm.split(' ')[0]!) !== undefined || (t.width ?? 1) > 1)).map((t) => this.c.ranker.termOf(t)));
  }


  /** Who a who-question asks for in a sentence: its speaker when it asks what was said, else the first one named that the question does not name. */
  private actorOf(s: ArticleSentence, topic: Topic, names: readonly string[]): string | null {
    // The one the question's act is done by: "… in a company email sent by chairman Marcelo Claure, …" for "who sent the email".
    const agent = this.agentOf(s, topic, names);
    if (agent) return agent;
    const speaker = this.speakerOf(s, topic);
    if (speaker && !names.includes(speaker)) return speaker;
    // The one named before the act's verb, active: "The San Luis Obispo Tribune, citing witnesses, identified the surfer as …".
    const subject = this.subjectByVerb(s, topic, names);
    if (subject) return subject;
    // One the sentence describes and does not name, by "who" before the act: "the efforts of a family friend who spotted
    // Webb's Ford sedan" for "who spotted the car".
    const described = this.describedDoer(s, topic);
    if (described) return described;
    // A sentence that opens with "he" or "she" is about the person the sentence before names: "He led key acquisitions, …".
    if (/^(?:he|she)\b/i.test(s.text)) {
      const before = this.precedingOf.get(s.key);
      const person = before && [...before.speakers, ...before.entities].find((id) => !names.includes(id) && this.c.model.entityById.get(id)?.kind === 'person');
      if (person) return person;
    }
    const others = s.entities.filter((id) => !names.includes(id) && this.c.model.entityById.get(id)?.kind !== 'place');
    const person = others.find((id) => this.c.model.entityById.get(id)?.kind === 'person');
    return person ?? others[0] ?? speaker ?? this.describedActor(s, topic, names);
  }

  /**
   * The one a sentence names only by a description before the act ("the beauty brand took a majority stake",
   * "the 35-year-old actor plays Abel Morales"): the person the article has named most before it for a noun for a
   * person, else the body it has named most.
   */
  private describedActor(s: ArticleSentence, topic: Topic, names: readonly string[]): string | null {
    const asked = new Set(topic.tokens.map((t) => t.term));
    const words = this.tokensOf(s.text);
    const act = words.findIndex((w, i) => i >= 2 && asked.has(w.term));
    if (act < 0) return null;
    // ("the beauty brand took a majority stake": back past the act's own "a", to the description's "the".)
    let from = act - 1;
    if (/^(?:a|an|the)$/.test(words[from]!.norm)) from--;
    while (from > 0 && act - from <= DESCRIPTION_WORDS && words[from]!.norm !== 'the') from--;
    if (words[from]?.norm !== 'the' || from >= act - 1) return null;
    // (A noun for a body first: "the snack maker" is a company, though a maker may be a person.)
    const described = words.slice(from + 1, act);
    const kind = !described.some((w) => isNounOf(GROUP_NOUNS, w.norm)) && described.some((w) => isNounOf(PERSON_NOUNS, w.norm)) ? 'person' : 'organization';
    // (The one of that kind the article has named most so far, a description standing for a main actor; of two, the later.)
    const all = this.c.model.sentences;
    const counts = new Map<string, { n: number; last: number }>();
    all.slice(0, all.indexOf(s)).forEach((before, i) => {
      for (const id of before.entities) if (!names.includes(id) && this.c.model.entityById.get(id)?.kind === kind) counts.set(id, { n: (counts.get(id)?.n ?? 0) + 1, last: i });
    });
    return [...counts].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]?.[0] ?? null;
  }
}

/**
 * Does a sentence write a kind of thing only as some one of it, named nowhere: "airlifted to a local hospital"?
 */
function unnamedKind(text: string, noun: string): boolean {
  const word = `${escapeRegExp(noun)}(?:e?s)?`;
  const some = new RegExp(`\\b(?:a|an|another|one|some)\\s+(?:[\\p{Ll}-]+\\s+){0,2}${word}\\b(?!,\\s*\\p{Lu})`, 'iu');
  // (Named beside it: "Royal Shrewsbury hospital", "hospital of St Mary", "the Ellis Medical Center, a hospital in …", "a hospital called …".)
  const named = new RegExp(`\\p{Lu}[\\p{L}'’.-]*\\s+${word}\\b|\\b${word}\\s+(?:of\\s+|called\\s+|named\\s+)?\\p{Lu}|\\p{Lu}[\\p{L}'’.-]*,\\s+(?:a|an)\\s+(?:[\\p{Ll}-]+\\s+){0,2}${word}\\b`, 'u');
  return some.test(text) && !named.test(text);
}

/** Words typed as a search, not a question: no question word, no opening verb ("embassy response summons"). */
const SEARCH_WORDS = /^(?!.*\b(?:who|whom|whose|what|whats|wat|wut|when|where|why|how|which)\b)(?!(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|so|and|but|tell|show|please)\b)/i;
/** A question that asks for someone's own words: their "statement", "quote" or "words". */
const QUOTE_ASKED = /^(?:statements?|quotes?|words)$/;
/** How far after its verb (in characters) an act's object may be named in full: "convoked #Russia Chargé [Dmitry] Zhirnov". */
const OBJECT_REACH = 40;
/** Words that ask what was planned: "supposed to", "scheduled to", "due to". */
const PLANNED = /\b(?:supposed|scheduled|set|due|expected|going|planned|slated|meant)\s+to\b/i;
/** How many words a description of an actor may run to before its act ("the 35-year-old Cuban-Guatemalan actor plays"). */
const DESCRIPTION_WORDS = 10;
/** How many words may stand between "by" and the agent's name ("by chairman Marcelo Claure"). */
const AGENT_REACH = 2;

/** A sentence that says something is not known: who says so cannot say, or would not. */
const UNSETTLED = /\b(?:(?:can['’]?t|cannot|could not|couldn['’]?t) (?:speak to|say|tell)|(?:is|was|remains|remained) (?:still )?(?:not (?:immediately )?(?:clear|known)|(?:immediately )?unclear|unknown)|(?:did not|didn['’]t|would not|wouldn['’]t) (?:say|specify|disclose|explain|reveal)|declined to (?:say|comment|specify|elaborate|disclose))\b/i;
/** Words of a news report that someone goes unnamed: "asked not to be identified", "spoke on condition of anonymity". */
/** "She didn't give a date for crewed missions", "declined to say when": no date for that. */
const UNDATED = /\b(?:(?:did|does|would|could) ?n[o’']t|declined to|refused to|would not|could not) (?:give|set|provide|offer|specify|say) (?:a |any |an exact |a specific )?(?:date|timeline|timetable|time ?frame|when)\b|\bno (?:date|timetable|timeline) (?:has|had|was|is|for)\b/i;
const UNNAMED = /\b(?:not to be (?:identified|named)|declined to be (?:identified|named)|on (?:the )?condition of anonymity|anonymous(?:ly)?|unnamed|unidentified|(?:did not|didn't|would not|wouldn't) (?:give|provide) (?:his|her|their) (?:full )?names?)\b/i;

/** A question about how something turned out ("eventually", "in the end", "end up …"). */
const ENDING = verbsOf(['end']);
const OUTCOME = { test: (q: string): boolean => /\b(?:eventually|ultimately|in the end)\b/i.test(q) || [...q.matchAll(/\b(\p{L}+) up\b/giu)].some((m) => ENDING(m[1]!.toLowerCase())) };
/** Words that put what a sentence tells ahead of it: a plan, a hope, a decision still to make. */
const STILL_TO_COME = /\b(?:will|would|could|may|might|expects? to|expected to|plans? to|planned to|hopes? to|is set to|are set to|is due to|are due to|decide whether|yet to|not yet)\b/i;
/** "On what exact date", "which specific day": only a full date answers. */
const EXACT_DAY = /\b(?:exact|precise|specific)\s+(?:date|day)\b/i;
/** A question of a measured amount, which a count does not answer: "how much does it weigh", "how heavy", "how much cargo can it carry". */
const MEASURE = /\bhow (?:much (?:\p{L}+ )?(?:does|did|do|is|was|will|would|can|could|has|have)|heavy|big|large|tall|high|far|fast|wide|deep)\b/iu;

/** An amount with its unit: money, a share, a weight, a length, a volume ("$2.4 million", "15%", "100 metric tons"). */
const AMOUNT = /[$€£¥]\s?\d|\b\d[\d,.]*(?:\s*|-)(?:%|percent|per cent|(?:metric\s+)?(?:tons?|tonnes?)|pounds?|lbs?|kilo(?:gram)?s?|kg|grams?|miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|inches|gallons?|liters?|litres?|barrels?|dollars|euros|yuan|rubles|mph|kph|km\/h|knots?|degrees?|acres?|hectares?)(?=$|[^\p{L}])|\b(?:million|billion|trillion)\b/iu;

/** Words that count: "hundreds of rounds", "several tons", "a dozen". */
const COUNT_WORD = new RegExp(`^(?:${CARDINAL_WORDS}|hundred|thousand|million|billion|hundreds|thousands|millions|billions|dozens?|several|few|many|half)$`);
/** A place's words after a word of where: "in", "to", "near", "outside", "the country's southern …", "across the". */
const LOCATIVE_BEFORE = /\b(?:in|at|to|into|from|near|outside|inside|across|throughout|toward|towards|around|through|via|within|of|on)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'’-]+\s+){0,3}$/iu;
/** Words that end a counted phrase before its noun: a preposition but "of", a relative word, a form of "be" or "have". */
const COUNT_BREAK = /^(?:in|at|on|to|into|onto|for|from|with|by|about|after|before|during|over|under|across|than|but|who|that|which|where|is|are|was|were|be|been|has|have|had)$/;
/** How many words before the counted noun its number may stand ("15,000 people", "hundreds of rounds of"). */
const COUNT_WINDOW = 4;
/** "the name of the warden Barr reassigned": the words naming the noun asked, up to a relative word, a verb or a name. */
const NAME_OF = /\bnames? of (?:the |a |an |this |that |their |his |her |its )?(?!(?:the|a|an)\b)((?:[\p{L}'’-]+ ){0,2}?[\p{L}'’-]+)(?=\s+(?:who|that|which|whose|is|was|are|were|did|does|do|in|at|for|from|of|on|\p{Lu})|\s*\??$)/u;
/** A kind of person this common ("man", "woman", "person", "guy", "people") is anyone's, in any article. */
const EVERYDAY_KIND_RANK = 500;
/** "Which carriers …", "which South Dakota governor …": the kind of one asked for, its last word the noun. */
const WHICH_KIND = /^[Ww]hich ((?:\p{Lu}[\p{L}.'’-]* )*[\p{Ll}'’-]+(?: [\p{Ll}'’-]+)?)\b/u;
/** Words between a noun and its name: "an agency called Broadhead". */
const NAMING = /^(?:called|named|dubbed)$/;
/** How many words may stand between a noun and the determiner its name stands before ("Verse, a Spokane advertising agency"). */
const NAME_REACH = 3;
/** Words a name may stand before a noun across: "Dan Coats, the director". */
const DETERMINER = /^(?:the|a|an|its|their|his|her)$/;
/** A span of time as an adjective, and the word it qualifies: "18-year insurgency", "decade-long war". */
/** A measure written before the noun it qualifies, the noun caught: "the 8-to-10 foot shark", "a 30-foot wall", "a 2-ton truck". */
const MEASURE_BEFORE = /\b\d[\d,.]*(?:-to-\d[\d,.]*)?[\s-](?:foot|feet|inch|meter|metre|mile|ton|tonne|pound|gallon|acre|story|storey)s?(?:-(?:long|tall|high|wide|deep))?\s+(\p{L}+)/giu;
const SPAN_BEFORE = /\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(?:year|month|week|day|decade)|(?:year|month|week|decade)s?-long)(?:-old)?\s+(\p{L}+)/giu;
/** A four-digit year, which counts nothing ("to 2020"). */
const YEAR = /^(?:1[89]|20)\d{2}$/;
/** "how many X Y Z" up to an auxiliary verb (or the end): the counted phrase, whose last word is its head. */
const COUNTED_PHRASE = /^how (?:many|much)\s+(?:more\s+|of\s+the\s+)?((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)(?=\s+(?:are|is|was|were|did|does|do|has|have|had|will|would|can|could|should)\b|\s*\??$)/iu;

/** Words that turn a clause down: "not", "didn't", "never", "no". */
const NEGATION = /\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n['’]t\b/i;

/**
 * The reader's yes/no question against the sentence that answers it: "No" when
 * one of them is negated and the other is not ("Did he show up?" / "Teachers
 * didn't see him"), or when the question names a number the sentence does not
 * give ("still 600,000?"); else "Yes".
 */
export function yesOrNo(question: string, sentence: string): 'Yes' | 'No' {
  if (NEGATION.test(question) !== NEGATION.test(sentence)) return 'No';
  const numbers = (text: string): string[] => (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/[,.]/g, ''));
  const given = new Set(numbers(sentence));
  return numbers(question).some((n) => !given.has(n)) ? 'No' : 'Yes';
}

/** The tense a when-question asks in: "when will …" the future, "when did …" the past; null when it does not say. */
function namesText(e: Entity | undefined): string {
  return e ? [e.name, ...e.aliases].join(' ') : '';
}

/** ", in a tweet", ", in a statement": how the words were said. */
function via(q: Quote | undefined): string {
  if (!q) return '';
  return q.via === 'tweet' ? ', in a tweet' : q.via === 'statement' ? ', in a statement' : q.via === 'briefing' ? ', at a briefing' : '';
}

/** Share of `words`' words that stand in `text` (folded, any case). */
export function overlap(text: string, words: string): number {
  const have = new Set(foldForComparison(text).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  const want = foldForComparison(words).toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  if (want.length === 0) return 0;
  return want.filter((w) => have.has(w)).length / want.length;
}

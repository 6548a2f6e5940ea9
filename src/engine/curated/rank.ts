/**
 * Ranking the curated items for an analysed question: BM25 over the items,
 * then reweighed by what the question asks (who said, who is, when, what did X
 * say), whom it names and how much of it each item covers.
 */
import { isMonthWord, isSayVerb, type Analysis } from '../analyze.ts';
import type { Item } from '../items.ts';
import type { Token } from '../text.ts';
import type { CuratedContext } from './context.ts';
import { dateMatches } from './text.ts';
import { WEIGHTS as W } from './weights.ts';

/** Joins search terms into one query string; terms of phrases hold spaces ("=state department"). */
const TERM_SEPARATOR = '\u0000';

/** An item with its score for one question. */
export interface Scored {
  readonly item: Item;
  score: number;
  /** Share of the question's weight the item holds. */
  coverage: number;
  /** The question's terms the item holds. */
  matched: ReadonlySet<string>;
}

/** The terms an item matched when it matched none: one set for all, as most items match few words. */
const NO_TERMS: ReadonlySet<string> = new Set();

/** An item cited as it is, whatever was asked. */
export function plainScored(item: Item, score = 1): Scored {
  return { item, score, coverage: 1, matched: new Set() };
}

/** Searches the index for these terms (already terms: no tokenizing again). */
export function searchTerms(ctx: CuratedContext, query: readonly string[], filter?: (id: string) => boolean): { id: string; score: number }[] {
  return ctx.index
    .search(query.join(TERM_SEPARATOR), {
      tokenize: (s) => s.split(TERM_SEPARATOR),
      processTerm: (t) => t,
      ...(filter ? { filter: (r) => filter(String(r.id)) } : {}),
    })
    .map((r) => ({ id: String(r.id), score: r.score }));
}

/** The items that may answer, best first. */
export function rank(ctx: CuratedContext, a: Analysis): Scored[] {
  // In "what did X say about Y", X is weighed by who speaks (see `weigh`); Y is the topic to search.
  const target = a.intent === 'what-said' ? a.target : null;
  const topic = target ? a.content.filter((t) => !target.indexes.includes(t.index) && !isSayVerb(t.norm) && t.index !== a.saidVerb) : a.content;
  const query = [...new Set(topic.map((t) => t.term))];
  const results = new Map<string, Scored>();
  const totalWeight = topic.reduce((s, t) => s + ctx.weightOf(t), 0);
  // A word that is part of a name ("social network" for Facebook) is matched by any item about that entity.
  const entityOfToken = new Map<number, string>();
  for (const m of a.mentions) for (const t of a.tokens.slice(m.start, m.end)) entityOfToken.set(t.index, m.entityId);
  // The words of the asked date ("August 1") are answered by any item of that date, whatever its words.
  const isDateWord = (t: Token): boolean => a.date !== null && (isMonthWord(t.norm) || /^\d{1,4}$/.test(t.norm));
  const coverageOf = (item: Item): { coverage: number; matched: ReadonlySet<string> } => {
    const { terms: have, entities: about } = ctx.factsOf(item);
    const onDate = a.date !== null && dateMatches(item.date, a.date);
    if (totalWeight === 0) return { coverage: 1, matched: NO_TERMS };
    let matched: Set<string> | null = null;
    let w = 0;
    for (const t of topic) {
      const entity = entityOfToken.get(t.index);
      if (have.has(t.term) || (entity !== undefined && about.has(entity)) || (onDate && isDateWord(t))) {
        (matched ??= new Set()).add(t.term);
        w += ctx.idf(t.term);
      }
    }
    return { coverage: w / totalWeight, matched: matched ?? NO_TERMS };
  };
  if (query.length > 0) {
    for (const r of searchTerms(ctx, query)) {
      const item = ctx.itemOf(r.id);
      results.set(item.key, { item, score: r.score, ...coverageOf(item) });
    }
  }
  // Items of a named entity, or on a named date, are candidates even when
  // they share no word with the question ("What did Coats warn about?").
  const named = new Set(a.mentions.map((m) => m.entityId));
  if (a.target?.entity) named.add(a.target.entity.id);
  for (const item of ctx.items) {
    if (results.has(item.key) || item.plain) continue;
    if (item.entityIds.some((id) => named.has(id)) || (a.date && dateMatches(item.date, a.date))) {
      results.set(item.key, { item, score: W.candidateScore, ...coverageOf(item) });
    }
  }
  const scored = [...results.values()];
  // An item that answers every part of the question beats one that matches a part many times.
  for (const s of scored) s.score *= weigh(ctx, s, a, named) * (W.coverageBase + s.coverage);
  return scored.sort((x, y) => y.score - x.score || x.item.paragraph - y.item.paragraph);
}

/** How much an item's BM25 score counts for this question: what it asks, whom it names, when. */
function weigh(ctx: CuratedContext, s: Scored, a: Analysis, named: ReadonlySet<string>): number {
  const { kb } = ctx;
  const { item } = s;
  const facts = ctx.factsOf(item);
  let w = 1;
  if (item.plain) w *= W.plainSentence;
  // The target of a what-said question is weighed below, by who speaks.
  let involves = 0;
  for (const id of item.entityIds) if (named.has(id) && !(a.intent === 'what-said' && id === a.target?.entity?.id)) involves++;
  if (involves > 0) w *= 1 + W.perNamedEntity * involves;
  if (item.entity && a.intent !== 'who-is' && !(a.asksRole && involves > 0)) w *= W.entityEntry;
  if (a.date) w *= dateMatches(item.date, a.date) ? W.onAskedDate : W.offAskedDate;
  if (a.asksReason && /\b(?:why|reason)\b/.test(item.extra)) w *= W.givesReason;
  // A fact that answers "where" answers only a where-question, and a where-question wants one.
  const narrow = ctx.askedWith(item);
  if (narrow) w *= a.tokens.some((t) => narrow.has(t.term)) || (a.asksPlace && ctx.answersPlace(item)) ? W.narrowFactAsked : W.narrowFactNotAsked;
  else if (a.asksPlace) w *= W.notAPlace;
  // The reader's own word in the passage counts a little more than a synonym of it ("Kremlin" over "Russia").
  let literal = 0;
  for (const t of a.content) if (facts.excerptWords.has(t.norm)) literal++;
  if (literal > 0) w *= 1 + W.literalWord * literal;
  // The item whose actor is the question's subject ("when did the Russians respond") answers it.
  const actor = item.speakerId ?? item.entityIds[0] ?? null;
  if (a.subject && a.passive) {
    // "What was Russia accused of?": an item where someone else acts on the subject.
    const own = actor !== null && (actor === a.subject || ctx.speaksFor(actor, a.subject));
    w *= own ? W.passiveOwnAct : item.entityIds.includes(a.subject) ? W.passiveActedOn : W.passiveElse;
  } else if (a.subject && actor) {
    // In "when did X do Y", X must be who acted: "when did the Russians respond to Nauert's tweet" is not the tweet.
    const own = actor === a.subject || ctx.speaksFor(actor, a.subject) || (a.intent === 'when' && item.entityIds.includes(a.subject));
    w *= own ? W.subjectActs : a.intent === 'when' ? W.subjectElseWhen : W.subjectElse;
  } else if (a.head && facts.extraTerms.has(a.head.term)) {
    // "When was the tweet ... posted": the item that is about a tweet, not one that mentions it.
    w *= W.aboutHead;
  }
  if (a.answerKinds) {
    const kind = actor ? kb.entityById.get(actor)?.kind : undefined;
    w *= kind && a.answerKinds.includes(kind) ? W.answerKind : W.otherKind;
  }
  switch (a.intent) {
    case 'who-said': {
      // Quoted words are matched against what was said; other who-questions against the whole passage.
      const overlap = a.asksSpeaker ? ctx.phraseOverlap(item, a.phrase) : ctx.excerptOverlap(item, a.phrase);
      if (a.quoted && ctx.quotesVerbatim(item, a.quoted)) w *= W.quotedVerbatim;
      if (item.quote) w *= (a.asksSpeaker ? W.quoteAsksSpeaker : W.quoteAsksActor) + W.quoteOverlap * overlap * overlap;
      // Reported speech ranks below the speaker's own quoted words when the question asks who said them.
      else if (item.speakerId) w *= a.asksSpeaker ? W.reportedAsksSpeaker + W.reportedAsksSpeakerOverlap * overlap * overlap : W.reportedAsksActor + W.reportedAsksActorOverlap * overlap * overlap;
      else w *= a.asksSpeaker ? W.unspokenAsksSpeaker : W.unspokenAsksActor + overlap;
      // Who said it is the most specific speaker: the embassy rather than "Russia", the spokeswoman rather than "the State Department".
      if (item.speakerId) w *= 1 + W.perSpeakerPart * (kb.entityById.get(item.speakerId)?.partOf.length ?? 0);
      // Who did it, likewise: the assistant secretary who convoked him rather than his department.
      else if ((!a.answerKinds || a.answerKinds.includes('person')) && actor && kb.entityById.get(actor)?.kind === 'person') w *= W.personActor;
      break;
    }
    case 'who-is':
      if (a.target?.entity && item.entity?.id === a.target.entity.id) w *= W.askedEntity;
      break;
    case 'what-said': {
      const id = a.target?.entity?.id;
      if (id && item.speakerId === id) w *= item.quote ? W.targetQuote : W.targetSays;
      else if (id && item.speakerId && ctx.speaksFor(item.speakerId, id)) w *= W.speaksForTarget;
      else if (id && item.entityIds.includes(id)) w *= W.involvesTarget;
      else w *= W.notTarget;
      break;
    }
    case 'when':
      if (item.source.kind === 'event') w *= W.event;
      else if (item.date) w *= W.dated;
      else w *= W.undated;
      break;
    case 'general':
      if (a.aboutMessage) w *= item.quote ? W.messageQuote : item.speakerId ? W.messageReported : W.messageElse;
      // Words that stand inside a quote are best answered by the quote itself, not by its event.
      if (item.quote) w *= 1 + W.quoteWords * ctx.phraseOverlap(item, a.content);
      break;
  }
  return w;
}

/**
 * For a when-question, what the article dates only in another sentence ("it added": the August 1
 * statement; "Russia criticized the summons": the embassy's statement later on August 5) is
 * answered by that sentence, which states the date. Best first, each item once.
 */
export function datedBySentence(ctx: CuratedContext, ranked: readonly Scored[]): Scored[] {
  const out: Scored[] = [];
  for (const s of ranked) {
    const by = s.item.datedBy ? ctx.findItem(s.item.datedBy) : undefined;
    const use = by ? { ...s, item: by } : s;
    if (!out.some((x) => x.item.key === use.item.key)) out.push(use);
  }
  return out;
}

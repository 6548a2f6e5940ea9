/**
 * Reading a question: which words it has (typos corrected against the
 * knowledge's own vocabulary), what kind of question it is, whom it is about,
 * and which words the knowledge has never seen.
 */
import Fuse from 'fuse.js';
import * as chrono from 'chrono-node';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity } from '../knowledge/schema.ts';
import { Terms, splitWords, type Token } from './text.ts';

/** What the question asks for. */
export type Intent =
  /** Who said a phrase. */
  | 'who-said'
  /** Who or what someone is. */
  | 'who-is'
  /** What someone said. */
  | 'what-said'
  /** When something happened, or what happened on a date. */
  | 'when'
  /** Anything else. */
  | 'general';

/** A date named in the question; the parts it does not name are absent. */
export interface AskedDate {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

/** A run of question words that names an entity. */
export interface Mention {
  readonly entityId: string;
  readonly start: number;
  readonly end: number;
}

/** The slot of a who-is or what-said question: whom it asks about. */
export interface Target {
  /** The words as typed, for messages ("Vladimir Putin"). */
  readonly text: string;
  /** The entity it resolves to, if any. */
  readonly entity: Entity | null;
  /** Words in it that the article never uses. */
  readonly unknown: readonly Token[];
}

export interface Analysis {
  readonly tokens: readonly Token[];
  /** Tokens that carry the topic (not question words). */
  readonly content: readonly Token[];
  /** Content tokens that appear nowhere in the article or the knowledge. */
  readonly unknown: readonly Token[];
  readonly intent: Intent;
  readonly target: Target | null;
  /** For who-said: the words of the phrase asked about. */
  readonly phrase: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly date: AskedDate | null;
}

/** The day the article's present tense refers to, for reading "August 5" as 2018. */
const ARTICLE_REFERENCE_DATE = new Date(Date.UTC(2018, 7, 6));

const SAY_VERBS =
  'say|said|says|saying|sayed|wrote|write|writes|written|tweet|tweeted|tweets|post|posted|state|stated|use|used|uses|call|called|calls|calling|describe|described|accuse|accused|demand|demanded|warn|warned|claim|claimed|quote|quoted|criticize|criticized|applaud|applauded|express|expressed|utter|uttered|mention|mentioned|compare|compared|label|labeled|labelled|dub|dubbed|refer|referred|coin|coined|add|added|tell|told|announce|announced|urge|urged';
const WHO_SAID = new RegExp(`^(?:who|whom|which \\w+(?: \\w+)?|what \\w+(?: \\w+)?)\\b.*?\\b(?:${SAY_VERBS})\\b`);
const SAID_BY = /\b(?:said|written|tweeted|stated|quoted|used|uttered|spoken|made) by (?:whom|who)\b|\bwhose (?:words|quote|statement|phrase|tweet)\b|\bwho (?:is|was) (?:behind|the source of|responsible for) (?:the |this |that )?(?:quote|words|phrase|statement|line|remark)\b|\b(?:source|author|speaker) of (?:the |this |that )?(?:quote|words|phrase|statement|line|remark)\b/;
const VERB_THEN_PHRASE = new RegExp(`\\b(?:${SAY_VERBS})\\b(.*)$`);
const WHO_IS = /^(?:who|what) (?:is|was|are|were|s)\b(.+)$|^(?:tell me about|tell me who|what do we know about|what about|who s|whos|describe|identify|info on|information on|who exactly is|who exactly was)\b(.+)$/;
const ROLE_OF = /^what (?:is|was|s) (.+?) (?:role|job|title|position|post|function)$|^what (?:does|did) (.+?) do$|^(?:what|which) (?:role|job|title|position) (?:does|did|do) (.+?) (?:have|hold|play)$/;
const WHAT_SAID = new RegExp(
  `^(?:what|how) (?:did|does|do|has|had|have|was|is|were|are)(?: the)? (.+?) (?:${SAY_VERBS}|think|want|argue|argued|allege|alleged|respond|responded|react|reacted|reply|replied|conclude|concluded|find|found|report|reported|reveal|revealed|believe|believed|fear|feared|mean|meant|accuse|demand)\\b(.*)$`,
);
const POSSESSIVE_SAID = /^(?:what (?:is|was|were|are) )?(.+?)s? (?:statement|tweet|message|warning|quote|quotes|response|reaction|reply|accusation|position|words|claim|comment|comments|remarks)\b(.*)$/;
const QUOTES_OF = /^(?:quotes?|statements?|tweets?|remarks|comments|everything|all quotes) (?:from|by|of) (.+)$/;
const WHEN = /^(?:when|on what|on which|what date|what day|which day|which date|what time|(?:in )?(?:what|which) (?:year|month)|by when|since when|how long ago|date of|the date)\b|\b(?:what|which) (?:date|day)\b/;
const HAPPENED = /\b(?:happen|happened|happens|happend|occurred|occur|took place|going on|went on|events?)\b/;
const TRAILING_FILLER = /\b(?:mentioned|named|quoted|cited|referred to|described|discussed|featured)?\s*(?:in|from|according to) (?:the|this) (?:article|story|report|piece|text|news)\b.*$|\b(?:mentioned|named|quoted|in the news)$/;
const LEADING_FILLER = /^(?:according to (?:the|this) (?:article|story|report)|in (?:the|this) (?:article|story|report)),?\s*/;

/** Builds the question reader for one knowledge base. */
export class Analyzer {
  readonly terms: Terms;
  /** Words (normalized) the knowledge or the article uses, and question words. */
  private readonly vocabulary = new Set<string>();
  /** Search terms the knowledge or the article uses. */
  readonly knownTerms = new Set<string>();
  private readonly questionTerms = new Set<string>();
  private readonly fuse: Fuse<string>;
  private readonly corrections = new Map<string, string | null>();
  /** Alias term sequences ("russian embassy") → entity id, longest first when matching. */
  private readonly aliases = new Map<string, string>();
  private maxAliasLength = 1;
  private readonly aliasFuse: Fuse<{ alias: string; id: string }>;

  constructor(private readonly kb: KnowledgeBase) {
    this.terms = new Terms(kb.lexicon);
    const texts: string[] = [kb.article.raw, kb.meta.title];
    for (const e of kb.entities) texts.push(e.name, ...e.aliases, e.role ?? '', e.answer);
    for (const q of kb.quotes) texts.push(q.excerpt, q.via, ...q.keywords);
    for (const ev of kb.events) texts.push(ev.excerpt, ev.answer, ev.dateText, ...ev.keywords);
    for (const f of kb.facts) texts.push(f.excerpt, f.answer, f.topic, ...f.keywords);
    for (const group of kb.lexicon.synonyms) texts.push(...group);
    for (const text of texts) {
      for (const w of splitWords(text)) {
        this.vocabulary.add(w.norm);
        this.knownTerms.add(this.terms.term(w.norm));
      }
    }
    for (const q of kb.lexicon.questionWords) {
      const norm = splitWords(q)[0]?.norm;
      if (!norm) continue;
      this.vocabulary.add(norm);
      this.questionTerms.add(this.terms.term(norm));
    }
    this.fuse = new Fuse([...this.vocabulary].filter((w) => w.length >= 3 && !/^\d+$/.test(w)), {
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
    });
    const aliasRows: { alias: string; id: string }[] = [];
    for (const e of kb.entities) {
      for (const alias of [e.name, ...e.aliases]) {
        const key = this.terms.termsOf(alias).join(' ');
        if (!key) continue;
        // The first entity to claim an alias keeps it: entities.json lists the specific before the general.
        if (!this.aliases.has(key)) this.aliases.set(key, e.id);
        this.maxAliasLength = Math.max(this.maxAliasLength, key.split(' ').length);
        aliasRows.push({ alias, id: e.id });
      }
    }
    this.aliasFuse = new Fuse(aliasRows, { keys: ['alias'], includeScore: true, threshold: 0.3, ignoreLocation: true });
  }

  /** Is this search term a question word rather than a topic? */
  isQuestionTerm(term: string): boolean {
    return this.questionTerms.has(term);
  }

  /** The closest word of the vocabulary to a misspelt one, or null. */
  correct(norm: string): string | null {
    const cached = this.corrections.get(norm);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    if (norm.length >= 3 && !/\d/.test(norm)) {
      const maxDiff = Math.max(1, Math.floor(norm.length / 4));
      let bestScore = Infinity;
      for (const r of this.fuse.search(norm, { limit: 8 })) {
        const w = r.item;
        const score = r.score ?? 1;
        if (w[0] !== norm[0] || Math.abs(w.length - norm.length) > maxDiff || score > 0.35) continue;
        const rank = score + Math.abs(w.length - norm.length) * 0.05;
        if (rank < bestScore) {
          bestScore = rank;
          best = w;
        }
      }
    }
    this.corrections.set(norm, best);
    return best;
  }

  /** Tokens of the text with misspelt words replaced by the vocabulary's. */
  tokens(text: string): Token[] {
    const tokens = this.terms.tokens(text);
    return tokens.map((t) => {
      if (this.vocabulary.has(t.norm) || this.knownTerms.has(t.term) || this.questionTerms.has(t.term)) return t;
      const fixed = this.correct(t.norm);
      return fixed ? { ...t, norm: fixed, term: this.terms.term(fixed) } : t;
    });
  }

  isKnown(t: Token): boolean {
    return this.knownTerms.has(t.term) || this.questionTerms.has(t.term);
  }

  /** Entity mentions, longest alias first, not overlapping. */
  mentions(tokens: readonly Token[]): Mention[] {
    const found: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = false;
      for (let len = Math.min(this.maxAliasLength, tokens.length - i); len >= 1; len--) {
        const key = tokens
          .slice(i, i + len)
          .map((t) => t.term)
          .join(' ');
        const id = this.aliases.get(key);
        // A lone question word ("state", "leaders") names nobody by itself.
        if (id && !(len === 1 && this.questionTerms.has(key))) {
          found.push({ entityId: id, start: i, end: i + len });
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }

  /** Resolves the words of a who-is / what-said slot to an entity. */
  resolveTarget(tokens: readonly Token[], original: string): Target {
    const text = original.trim().replace(/[?.!,;:]+$/, '');
    const content = tokens.filter((t) => !this.questionTerms.has(t.term));
    const unknown = content.filter((t) => !this.isKnown(t));
    const mentions = this.mentions(tokens);
    if (mentions.length > 0) {
      // The longest mention names the target; the rest qualifies it.
      const best = mentions.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
      return { text, entity: this.kb.entityById.get(best.entityId) ?? null, unknown };
    }
    if (content.length > 0 && unknown.length === 0) {
      const hit = this.aliasFuse.search(content.map((t) => t.norm).join(' '), { limit: 1 })[0];
      if (hit && (hit.score ?? 1) <= 0.25) return { text, entity: this.kb.entityById.get(hit.item.id) ?? null, unknown };
    }
    return { text, entity: null, unknown };
  }

  analyze(question: string): Analysis {
    const tokens = this.tokens(question);
    const content = tokens.filter((t) => !this.questionTerms.has(t.term));
    const unknown = content.filter((t) => !this.isKnown(t));
    const mentions = this.mentions(tokens);
    const flat = tokens.map((t) => t.norm).join(' ');
    const date = askedDate(question);

    // The slot text is cut from the token stream, and its original words are
    // recovered by position so messages can quote the reader's own spelling.
    const words = splitWords(question).map((w) => w.surface);
    const slot = (from: number, to: number): Target => {
      const toks = tokens.slice(from, to);
      const cleaned = stripFiller(toks);
      return this.resolveTarget(cleaned, words.slice(cleaned[0]?.index ?? from, (cleaned.at(-1)?.index ?? to - 1) + 1).join(' '));
    };
    const slotFromMatch = (group: string): Target => {
      const start = indexOfWords(tokens, group, flat);
      const n = group.split(' ').filter(Boolean).length;
      return slot(start, start + n);
    };

    let intent: Intent = 'general';
    let target: Target | null = null;
    let phrase: Token[] = [];
    const body = flat.replace(LEADING_FILLER, '');

    const quoted = quotedPhrase(question);
    const whoSaid = WHO_SAID.test(body) || SAID_BY.test(body);
    const whoIs = WHO_IS.exec(body);
    const roleOf = ROLE_OF.exec(body);
    const whatSaid = WHAT_SAID.exec(body) ?? QUOTES_OF.exec(body);
    const possessive = POSSESSIVE_SAID.exec(body);

    if (whoIs && !whoSaid) {
      intent = 'who-is';
      target = slotFromMatch((whoIs[1] ?? whoIs[2] ?? '').trim());
    } else if (roleOf) {
      intent = 'who-is';
      target = slotFromMatch((roleOf[1] ?? roleOf[2] ?? roleOf[3] ?? '').trim());
    } else if (whoSaid) {
      intent = 'who-said';
      if (quoted) {
        phrase = this.tokens(quoted);
      } else {
        const after = VERB_THEN_PHRASE.exec(body)?.[1]?.trim() ?? '';
        const start = after ? indexOfWords(tokens, after, flat) : -1;
        phrase = start >= 0 ? tokens.slice(start) : [...content];
      }
      phrase = phrase.filter((t) => !this.questionTerms.has(t.term));
      if (phrase.length === 0) phrase = [...content];
    } else if (WHEN.test(body) || (date && HAPPENED.test(body))) {
      intent = 'when';
    } else if (whatSaid) {
      intent = 'what-said';
      target = slotFromMatch(whatSaid[1]!.trim());
    } else if (possessive && /^(?:what|show|list|give)\b/.test(body)) {
      const who = possessive[1]!.replace(/^(?:what (?:is|was|were|are) |show me |list |give me )/, '');
      const t = slotFromMatch(who.trim());
      if (t.entity) {
        intent = 'what-said';
        target = t;
      }
    } else if (HAPPENED.test(body) && mentions.length > 0 && /^(?:what|how)\b/.test(body) === false) {
      intent = 'general';
    }

    // A who-is question whose slot names nobody in the article, but only
    // known words ("what is megaphone diplomacy"), is a general question.
    if (intent === 'who-is' && target && !target.entity && target.unknown.length === 0) {
      intent = 'general';
      target = null;
    }
    if (intent === 'what-said' && target && !target.entity && target.unknown.length === 0) {
      intent = 'general';
      target = null;
    }
    return { tokens, content, unknown, intent, target, phrase, mentions, date };
  }
}

/** Drops leading determiners and trailing "in the article"-style filler from a slot. */
function stripFiller(tokens: readonly Token[]): Token[] {
  const flat = tokens.map((t) => t.norm).join(' ');
  const trailing = TRAILING_FILLER.exec(flat);
  let out = [...tokens];
  if (trailing && trailing.index > 0) {
    const keep = flat.slice(0, trailing.index).trim().split(' ').filter(Boolean).length;
    out = out.slice(0, keep);
  }
  while (out.length > 1 && /^(?:the|a|an|this|that|mr|ms|mrs|dr)$/.test(out[0]!.norm)) out.shift();
  return out;
}

/** Position (token index) where the word sequence `part` starts inside `flat`. */
function indexOfWords(tokens: readonly Token[], part: string, flat: string): number {
  const at = flat.indexOf(part);
  if (at < 0) return 0;
  return flat.slice(0, at).split(' ').filter(Boolean).length;
}

/** A phrase the question puts in quotation marks, if any. */
function quotedPhrase(question: string): string | null {
  const double = /["“”]([^"“”]{2,})["“”]/.exec(question);
  if (double) return double[1]!;
  const single = /(?:^|[\s(:])['‘](.{2,}?)['’](?=[\s?.!,;:)]|$)/.exec(question);
  return single ? single[1]! : null;
}

/** A calendar date or year the question names. */
function askedDate(question: string): AskedDate | null {
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(question);
  for (const r of chrono.parse(question, ARTICLE_REFERENCE_DATE)) {
    if (!r.start.isCertain('month')) continue;
    return {
      month: r.start.get('month') ?? undefined,
      ...(r.start.isCertain('day') ? { day: r.start.get('day') ?? undefined } : {}),
      ...(r.start.isCertain('year') ? { year: r.start.get('year') ?? undefined } : {}),
    };
  }
  return year ? { year: Number(year[1]) } : null;
}

/**
 * Retrieval: BM25 (MiniSearch) over the article's sentences, then each
 * candidate weighed by how much of the question's topic it covers (rare words
 * counting most), whether it names whom the question names, and whether it
 * gives what the question asks for. Weights come from {@link EngineOptions}.
 */
import MiniSearch from 'minisearch';
import { informativeness } from './common-words.ts';
import { namesOf, type ArticleModel, type ArticleSentence } from './model.ts';
import type { EngineOptions } from './options.ts';
import type { Asked, Topic } from './read.ts';
import { CARDINAL_WORDS, type Token } from './text.ts';
import type { Vocabulary } from './vocab.ts';
import { CALENDAR_WORD } from './tense.ts';
import { isNounOf, isPlaceLike, PERSON_NOUNS } from '../english/nouns.ts';

/** A sentence with its score for one question. */
export interface Scored {
  readonly sentence: ArticleSentence;
  score: number;
  /** Share of the topic's weight it covers, 0..1. */
  readonly coverage: number;
  /** Topic terms it matched, for highlighting. */
  readonly matched: ReadonlySet<string>;
}

/** What a sentence must give for each kind of answer. */
export const GIVES: Readonly<Record<Asked, (s: ArticleSentence, model: ArticleModel) => boolean>> = {
  who: (s) => s.entities.length > 0,
  date: (s) => s.date !== null,
  number: (s) => NUMBER.test(s.text.replace(DATE_NUMBER, ' ')),
  money: (s) => MONEY.test(s.text) || /\d\s?(?:%|percent)/.test(s.text),
  // A name the sentence gives: a capitalized word that does not open the sentence.
  name: (s) => /\s\p{Lu}\p{Ll}+/u.test(s.text),
  age: (s) => AGE.test(s.text),
  duration: (s) => DURATION.test(s.text),
  // (An organization named for a building or place made for a use is somewhere too: "Loyola University".)
  place: (s, model) => s.entities.some((id) => isPlaceLike(model.entityById.get(id), model.sayerIds)) || model.kb.lexicon.places.some((p) => s.text.includes(p)),
  reason: (s) => REASON.test(s.text),
  thing: () => true,
};
/** "Where did Nauert post it?", "where was the video published": a verb of posting, whose where is a medium. */
export const POSTED = /\bwhere\b.*\b(?:post(?:s|ed|ing)?|tweet(?:s|ed|ing)?|publish(?:es|ed|ing)?|announc(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|upload(?:s|ed|ing)?|writ(?:e|es|ing|ten)|wrote)\b/i;

/** Does a sentence name a medium something went out on: "on Twitter", "in a Facebook post", "on its website"? */
export function namesMedium(text: string): boolean {
  const named = [...text.matchAll(/\b(?:[Oo]n|[Vv]ia)\s+(\p{Lu}[\p{L}+-]*)|\b[Ii]n an?\s+(\p{Lu}[\p{L}+-]*)\s+(?:posting|post|tweet|video|message|statement)\b/gu)].some((m) => !CALENDAR_WORD.test((m[1] ?? m[2]!).toLowerCase()));
  return named || /\bon (?:its|his|her|their) (?:official )?(?:website|blog|page|account|feed|channel)\b/i.test(text);
}

/** "$40 million", "€5", "250,000 dollars". */
/** A sum of money: "$2.4 million", "125 billion dollars". */
export const MONEY = /[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds|yuan|rubles)\b/i;
const NUMBER = new RegExp(String.raw`\b\d[\d,.]*\b|\b(?:${CARDINAL_WORDS}|dozens?|hundreds?|thousands?|millions?|billions?|half|several)\b`, 'i');
/** Day numbers of dates are no answer to "how many". */
const DATE_NUMBER = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\b(?:19|20)\d{2}\b/g;
/** "Carlineo Jr., 55, of Addison", "a 55-year-old", "aged 55". */
const AGE = /,\s\d{1,3},\s|\b\d{1,3}-year-old\b|\baged? \d{1,3}\b|\b\d{1,3} years old\b/;
// (Also as an adjective: "the group's 18-year insurgency", "a decade-long war".)
const DURATION = new RegExp(String.raw`\b(?:\d+|an?|${CARDINAL_WORDS}|a few|several|many|dozens? of)[\s-]+(?:half[\s-]+)?(?:years?|months?|weeks?|days?|nights?|hours?|minutes?|seconds?|decades?|centuries|century)\b|\b(?:year|month|week|decade|century|hour|day|minute)s?-long\b|\bsince\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|multi)-(?:game|match|race|round|season|term|fight|set|stage|leg)s?\b|\bfor the (?:rest|remainder) of\b|\bindefinitely\b`, 'i');
/** A sentence's first word a pronoun for something named before it. */
const OPENS_ON_PRONOUN = /^(?:they|these|those)\b/i;
/** A sentence's first word a pronoun for a person named before it. */
const OPENS_ON_PERSON = /^(?:he|his|she|her)\b/i;
/** Chat's shorthand: a lower-case word of up to four letters and no vowel ("ppl", "rn", "bf", "smth"). */
export const SHORTHAND = /^[^aeiouy\d\W]{1,4}$/;
const REASON = /\b(?:because|over|due to|after|since|as|so that|in order to|to|amid|for)\b/i;

export class Ranker {
  private readonly index: MiniSearch<{ key: string; text: string; extra: string }>;
  private readonly termsOf = new Map<string, ReadonlySet<string>>();
  /** The words of the sentence before, for a sentence that opens on a pronoun for what it names. */
  private readonly antecedentTerms = new Map<string, ReadonlySet<string>>();
  /** The person a sentence that opens on a pronoun for one stands for. */
  private readonly pronounFor = new Map<string, string>();
  /** Terms of the roles of the people a sentence names ("professors" for "King and Weeks", "the spokeswoman" for "Nauert"). */
  private readonly roleTerms = new Map<string, ReadonlySet<string>>();
  private readonly total: number;
  private readonly parts = new Map<string, string[] | null>();
  private readonly nameTerms = new Map<string, readonly (readonly string[])[]>();

  constructor(
    private readonly model: ArticleModel,
    private readonly vocab: Vocabulary,
    private readonly options: EngineOptions,
  ) {
    this.index = new MiniSearch({
      idField: 'key',
      fields: ['text', 'extra'],
      tokenize: (text) => vocab.terms.termsOf(text),
      processTerm: (term) => (vocab.isQuestionTerm(term) ? null : term),
      searchOptions: { boost: { text: 1, extra: options.extraBoost } },
    });
    this.index.addAll(model.sentences.map((s) => ({ key: s.key, text: s.text, extra: s.extra })));
    // A sentence that opens on a pronoun ("They are to be grounded if …") is about what the sentence before it names:
    // its words count for it too ("the balloons in Macy's parade").
    const people = (x: ArticleSentence): string[] => x.entities.filter((id) => model.entityById.get(id)?.kind === 'person');
    model.sentences.forEach((s, i) => {
      const own = new Set(vocab.terms.termsOf(`${s.text} ${s.extra}`));
      this.termsOf.set(s.key, own);
      const before = model.sentences[i - 1];
      if (before !== undefined && before.paragraph === s.paragraph && OPENS_ON_PRONOUN.test(s.text)) this.antecedentTerms.set(s.key, new Set(vocab.terms.termsOf(before.text).filter((t) => !own.has(t))));
      // One that opens on "he", "his", "she" or "her" names the one person the sentence before it names, when it
      // names no one itself: "Patrick Carlineo Jr., 55, could face … His sentencing is scheduled for Feb. 14".
      if (before !== undefined && before.paragraph === s.paragraph && OPENS_ON_PERSON.test(s.text) && people(s).length === 0 && new Set(people(before)).size === 1) this.pronounFor.set(s.key, people(before)[0]!);
    });
    this.total = model.sentences.length;
    const rolesOf = new Map<string, readonly string[]>();
    for (const e of model.entityById.values()) {
      if (e.kind !== 'person' || !e.role) continue;
      rolesOf.set(e.id, vocab.terms.termsOf(e.role).filter((t) => !vocab.isQuestionTerm(t)));
    }
    for (const s of model.sentences) {
      const terms = s.entities.flatMap((id) => rolesOf.get(id) ?? []);
      if (terms.length > 0) this.roleTerms.set(s.key, new Set(terms));
    }
  }

  /** Inverse sentence frequency: a word in every sentence says nothing. */
  idf(term: string): number {
    return Math.log(1 + this.total / ((this.vocab.df.get(term) ?? 0) + 0.5));
  }

  /** The article term a topic token stands for: its own, or the article word it is a synonym of. */
  termOf(t: Token): string {
    return this.vocab.known.has(t.term) ? t.term : (this.vocab.synonymOf(t.term) ?? t.term);
  }

  /** Every article term a topic token may stand for: its own, or each article word it is a synonym of. */
  termsFor(t: Token): readonly string[] {
    if (this.vocab.known.has(t.term)) return [t.term];
    const all = this.vocab.synonymsOf(t.term);
    return all.length > 0 ? all : [t.term];
  }

  /**
   * The terms of two article words a reader's word is made of ("shutoff": "shut" + "off"),
   * or null. The article may write apart what the reader writes as one.
   */
  partsOf(t: Token): readonly string[] | null {
    if (this.vocab.known.has(t.term) || t.norm.length < 6) return null;
    const cached = this.parts.get(t.norm);
    if (cached !== undefined) return cached;
    let found: string[] | null = null;
    // (A particle may lead: "onramp" is "on" + "ramp".)
    for (let i = 2; i <= t.norm.length - 2 && !found; i++) {
      const a = t.norm.slice(0, i);
      const b = t.norm.slice(i);
      if (this.vocab.words.has(a) && this.vocab.words.has(b)) found = [this.vocab.terms.term(a), this.vocab.terms.term(b)];
    }
    if (this.parts.size < 10_000) this.parts.set(t.norm, found);
    return found;
  }

  /** Weight of a topic token: rare article words most; an everyday word the article never uses, half. */
  weightOf(t: Token): number {
    const term = this.termOf(t);
    const w = this.idf(term) * informativeness(t.norm, this.options.informativeFrom, this.options.informativePower);
    if (this.vocab.known.has(term)) return w;
    // (A short word with no vowel the article never writes is chat's shorthand, "ppl", "rn", "bf": it weighs nothing.)
    return !t.capitalized && SHORTHAND.test(t.norm) ? 0 : w / 2;
  }

  /** Ranks sentences for a topic, best first. `names` are entity ids the question names; `asked` what it wants. */
  rank(topic: Topic, names: readonly string[], asked: Asked, nameTokens: ReadonlySet<string> = new Set()): Scored[] {
    const tokens = topic.tokens.filter((t) => !nameTokens.has(t.term));
    // (A reader's word WordNet finds in several article words is met by any: "see" by "witnessed" or "learned".)
    const alternatives = tokens.map((t) => this.termsFor(t));
    const parts = tokens.map((t) => this.partsOf(t));
    // (The other article words WordNet gives for a word the article writes too: "sedan" for "car". Not for a noun for a
    // person: "the builder" and "the contractor" may be two, and a person is met by their role.)
    const kin = tokens.map((t) => (this.vocab.known.has(t.term) && !isNounOf(PERSON_NOUNS, t.norm) ? this.vocab.wordNetTermsOf(t.term).filter((x) => x !== t.term) : []));
    const query = [...new Set(alternatives.flat())];
    const weights = tokens.map((t) => this.weightOf(t));
    const nameWeight = names.length > 0 ? Math.max(1, ...weights) : 0;
    const totalWeight = weights.reduce((a, b) => a + b, 0) + nameWeight * names.length;
    const hits = new Map<string, number>();
    if (query.length > 0) {
      for (const r of this.index.search(query.join(' '), { tokenize: (s) => s.split(' '), processTerm: (t) => t, combineWith: 'OR' })) hits.set(String(r.id), r.score);
    }
    const out: Scored[] = [];
    const o = this.options;
    for (const s of this.model.sentences) {
      const bm25 = hits.get(s.key) ?? 0;
      const namesHere = names.filter((id) => s.entities.includes(id) || s.speakers.includes(id) || this.writesName(s, id) || this.pronounFor.get(s.key) === id);
      if (bm25 === 0 && namesHere.length === 0) continue;
      const have = this.termsOf.get(s.key)!;
      const antecedent = this.antecedentTerms.get(s.key);
      const roles = this.roleTerms.get(s.key);
      const matched = new Set<string>();
      let w = namesHere.length * nameWeight;
      alternatives.forEach((terms, i) => {
        const term = terms.find((x) => have.has(x)) ?? terms[0]!;
        const own = parts[i]!;
        if (have.has(term) || (own !== null && own.every((p) => have.has(p)))) {
          matched.add(term);
          for (const p of own ?? []) matched.add(p);
          w += weights[i]!;
        } else if (terms.some((x) => roles?.has(x))) w += weights[i]! * o.roleShare;
        else {
          const kinWord = kin[i]!.find((x) => have.has(x));
          if (kinWord !== undefined) {
            matched.add(kinWord);
            w += weights[i]! * o.kinShare;
          } else if (terms.some((x) => antecedent?.has(x))) w += weights[i]! * o.antecedentShare;
        }
      });
      const coverage = totalWeight > 0 ? w / totalWeight : 1;
      let score = (bm25 + 0.5) * (o.coverageFloor + coverage) ** o.coveragePower;
      score *= o.namedBonus ** namesHere.length;
      if (names.length > 0 && namesHere.length === 0) score /= o.namedBonus;
      score *= GIVES[asked](s, this.model) ? (asked === 'thing' ? 1 : o.fitBonus) : o.misfitPenalty;
      out.push({ sentence: s, score, coverage, matched });
    }
    return out.sort((a, b) => b.score - a.score || a.sentence.paragraph - b.sentence.paragraph);
  }

  /**
   * Whether a sentence writes one of an extracted entity's names out, mention or not:
   * a group extraction knows only where it spoke ("teachers", "the unions") is named
   * wherever its words stand.
   */
  private writesName(s: ArticleSentence, id: string): boolean {
    if (!this.options.namesByWords) return false;
    let forms = this.nameTerms.get(id);
    if (!forms) {
      const e = this.model.entityById.get(id);
      // Curated knowledge marks its mentions itself; extraction's may miss some.
      forms = e && e.origin === 'extracted' ? namesOf(e).map((f) => this.vocab.terms.termsOf(f).filter((t) => !/^(?:the|a|an)$/.test(t))).filter((f) => f.length > 0) : [];
      this.nameTerms.set(id, forms);
    }
    const have = this.termsOf.get(s.key)!;
    return forms.some((f) => f.every((t) => have.has(t)));
  }

  /** Sentences closest to any text, by BM25 alone (Find in article, "closest the article comes"). */
  closest(text: string, limit: number): ArticleSentence[] {
    const terms = this.vocab.terms.termsOf(text).filter((t) => !this.vocab.isQuestionTerm(t));
    if (terms.length === 0) return [];
    return this.index
      .search(terms.join(' '), { tokenize: (s) => s.split(' '), processTerm: (t) => t })
      .slice(0, limit)
      .map((r) => this.model.byKey.get(String(r.id))!);
  }
}

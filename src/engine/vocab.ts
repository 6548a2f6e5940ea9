/**
 * What a pack's words are, for reading questions about it: the article's
 * vocabulary and terms, spelling correction towards it (Double Metaphone and
 * edit distance; an everyday word is never "corrected"), entity names as term
 * sequences, and WordNet synonyms of the article's words.
 */
import { everydayShortening, expandShortening } from './abbreviation.ts';
import { doubleMetaphone } from 'double-metaphone';
import { Spellings } from './spellings.ts';
import { distance } from 'fastest-levenshtein';
import { commonestWords, commonWordsNear, isCommonWord, isEnglishWord } from './common-words.ts';
import { namesOf, type ArticleModel } from './model.ts';
import { SOMEONE_NOUNS, splitWords, Terms, type Token } from './text.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { verbLemmaOf } from '../english/verbs.ts';
import { DEMONYMS } from '../english/nouns.ts';

/** A word for someone after a place or body's name: "the russian guy". */
const SOMEONE = new RegExp(`^(?:${SOMEONE_NOUNS})$`);

/** Separates the terms of a multi-word name in a lookup key. */
const KEY = '\u0001';

/** An entity named in a question: which one and which tokens name it. */
export interface NameMatch {
  readonly entity: string;
  /** Token positions [start, end) in the question's tokens. */
  readonly start: number;
  readonly end: number;
}

export class Vocabulary {
  readonly terms: Terms;
  /** Normalized words the article or its knowledge uses. */
  readonly words = new Set<string>();
  /** Search terms the article or its knowledge uses. */
  readonly known = new Set<string>();
  readonly questionTerms = new Set<string>();
  /** Words the article capitalizes inside a sentence: names. */
  readonly proper = new Set<string>();
  private readonly spellings: Spellings;
  private readonly corrections = new Map<string, string | null>();
  /** Name term sequences → entity ids. */
  private readonly names = new Map<string, string[]>();
  /** For a name's key and an entity, whether its names of that key end on a plural, a singular, or both: "intelligence chief(s)". */
  private readonly nameNumbers = new Map<string, Set<boolean>>();
  /** A body's or place's initials, which a reader's acronym may begin with: "EMU" for "Eastern Michigan" (University). */
  private readonly acronyms = new Map<string, string[]>();
  private longestName = 1;
  /** A reader's word's term → the article term it is a WordNet synonym of. */
  private readonly synonyms = new Map<string, readonly string[]>();
  /** Every article term WordNet gives for a term, whether or not the article uses the term itself. */
  private readonly sameAs = new Map<string, readonly string[]>();
  /** The words of one-word lower-case names ("commander" of "the commander"), by term. */
  private readonly wordForms = new Map<string, Set<string>>();
  /** How many sentences use each term, for weighing rare words above common ones. */
  readonly df = new Map<string, number>();

  constructor(readonly model: ArticleModel) {
    const kb = model.kb;
    const lexicon = lexiconWithTokens(kb);
    this.terms = new Terms(lexicon);
    // A reader's verb and particle for an article word, by WordNet: "left out" for "excluded" (none the article writes itself).
    const body = model.sentences.map((s) => s.text.toLowerCase()).join(' ');
    for (const [phrase, targets] of Object.entries(kb.thesaurus.words)) {
      const [verb, particle, more] = phrase.split(' ');
      if (verb && particle && !more && !new RegExp(`\\b${verb}\\w* ${particle}\\b`).test(body)) this.terms.addReaderPhrase(verb, particle, targets[0]!);
    }
    for (const q of kb.lexicon.questionWords) {
      const norm = splitWords(q)[0]?.norm;
      if (norm) this.questionTerms.add(this.terms.term(norm));
    }
    const irregular: [lemma: string, form: string][] = [];
    const texts = [kb.meta.title, ...model.sentences.map((s) => `${s.text} ${s.extra}`)];
    for (const e of kb.entities) texts.push(e.name, ...e.aliases, e.role ?? '');
    for (const text of texts) {
      splitWords(text).forEach((w, i) => {
        this.words.add(w.norm);
        if (w.capitalized && i > 0) this.proper.add(w.norm);
        // An irregular verb form stands for its lemma too: the article's "lost" answers "lose".
        const lemma = verbLemmaOf(w.norm);
        if (lemma) irregular.push([lemma, w.norm]);
      });
      for (const t of this.terms.tokens(text)) this.known.add(t.term);
    }
    for (const [lemma, form] of irregular) {
      const key = this.terms.term(lemma);
      if (!this.known.has(key) && !this.synonyms.has(key)) this.synonyms.set(key, [this.terms.term(form)]);
    }
    for (const s of model.sentences) for (const t of new Set(this.terms.termsOf(`${s.text} ${s.extra}`))) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    for (const w of lexicon.synonyms.flat().flatMap((x) => splitWords(x))) this.words.add(w.norm);
    for (const [word, targets] of Object.entries(kb.thesaurus.words)) {
      const key = this.terms.term(word);
      const terms = [...new Set(targets.map((t) => this.terms.term(t)))];
      if (!this.known.has(key) && !this.synonyms.has(key)) this.synonyms.set(key, terms);
      // (Several reader words may share a term: "attacker" and "attackers".)
      const before = this.sameAs.get(key);
      this.sameAs.set(key, before ? [...new Set([...before, ...terms])] : terms);
    }
    this.spellings = new Spellings([...this.words].filter((w) => w.length >= 3 && !/\d/.test(w)));
    for (const e of kb.entities) {
      // An organization's initials, as a reader abbreviates it ("AP" for "The Associated Press"), unless an everyday word.
      // … and a person's role the same way ("the DNI" for "the director of national intelligence").
      const initials = e.kind === 'person' ? roleInitialsOf(e.role ?? '') : initialsOf(e.name);
      if (initials.length >= 2 && !this.words.has(initials) && !isCommonWord(initials)) {
        this.names.set(initials, [...new Set([...(this.names.get(initials) ?? []), e.id])]);
      }
      if (e.kind !== 'person' && initials.length >= 2) this.acronyms.set(initials, [...new Set([...(this.acronyms.get(initials) ?? []), e.id])]);
      for (const form of namesOf(e)) {
        const terms = this.terms.termsOf(form).filter((t, i) => i > 0 || !/^(?:the|a|an)$/.test(t));
        if (terms.length === 0) continue;
        const key = terms.join(KEY);
        this.names.set(key, [...new Set([...(this.names.get(key) ?? []), e.id])]);
        const numbers = this.nameNumbers.get(`${key}${KEY}${e.id}`) ?? new Set<boolean>();
        numbers.add(this.terms.isPlural(splitWords(form).at(-1)?.norm ?? ''));
        this.nameNumbers.set(`${key}${KEY}${e.id}`, numbers);
        this.longestName = Math.max(this.longestName, terms.length);
        const words = splitWords(form).filter((w, i) => i > 0 || !/^(?:the|a|an)$/.test(w.norm));
        if (words.length === 1 && !words[0]!.capitalized) this.wordForms.set(key, new Set([...(this.wordForms.get(key) ?? []), words[0]!.norm]));
      }
    }
  }

  isQuestionTerm(term: string): boolean {
    return this.questionTerms.has(term);
  }

  /** Does the article (or a synonym of one of its words) know this token? */
  isKnown(t: Token): boolean {
    return this.known.has(t.term) || this.words.has(t.norm);
  }

  /** The lemmas of the article's verb forms ("overheard" → "overhear", "saw" → "see"), built when first asked. */
  private verbLemmas: ReadonlySet<string> | null = null;

  /** Does the article write this verb (lower case) in some form, however irregular ("saw" where it writes "seen")? */
  writesVerb(norm: string): boolean {
    this.verbLemmas ??= new Set([...this.words].map((w) => verbLemmaOf(w) ?? w));
    return this.verbLemmas.has(verbLemmaOf(norm) ?? norm);
  }

  /** The article term a reader's word stands for by WordNet, or null. */
  synonymOf(term: string): string | null {
    return this.synonyms.get(term)?.[0] ?? null;
  }

  /** Every article term a reader's word stands for by WordNet ("see": "witnessed", "learned"); empty for none. */
  synonymsOf(term: string): readonly string[] {
    return this.synonyms.get(term) ?? [];
  }

  /** The article terms WordNet gives for a term, the article's own word or not ("attacker": "assailant"). */
  wordNetTermsOf(term: string): readonly string[] {
    return this.sameAs.get(term) ?? [];
  }

  /**
   * The closest article word to a misspelt one, or null. A word that sounds
   * the same may be two edits away; one that does not, one edit, never in its
   * first letter. An everyday English word is what the reader meant.
   */
  correct(norm: string): string | null {
    const cached = this.corrections.get(norm);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    // A possessive written without its apostrophe ("nauerts tweet", "fbs announcement"): the word itself.
    const bare = norm.endsWith('s') ? norm.slice(0, -1) : '';
    if (bare.length >= 2 && !isEnglishWord(norm) && this.spellings.has(bare)) best = bare;
    // (A word with no vowel is chat's shortening of an everyday word, not a slip: "ppl" is "people", not "poll".)
    if (best === null && !isEnglishWord(norm)) best = everydayShortening(norm, commonestWords());
    if (best === null && norm.length >= 3 && !/\d/.test(norm) && !isEnglishWord(norm) && !this.words.has(norm)) {
      const sounds = new Set(doubleMetaphone(norm));
      let bestRank = Infinity;
      for (const { word, sounds: other } of this.spellings.candidates(norm, sounds)) {
        if (Math.abs(word.length - norm.length) > 2) continue;
        const alike = other.some((x) => sounds.has(x));
        // (A word neither alike in sound nor with the same first letter can only be a swap: no edit distance needed.)
        if (!alike && word[0] !== norm[0] && !(word.length === norm.length && isSwap(norm, word))) continue;
        const d = distance(norm, word);
        if (d > 2) continue;
        const swapped = d === 2 && word.length === norm.length && isSwap(norm, word);
        const ok = swapped || (alike ? d <= Math.max(1, Math.floor(norm.length / 3)) : d === 1 && norm.length >= 4 && word[0] === norm[0]);
        const rank = d - (alike ? 0.5 : 0) - (swapped ? 1 : 0);
        if (ok && rank < bestRank) {
          bestRank = rank;
          best = word;
        }
      }
      if (best === null) {
        // Not near an article word, but one slip from an everyday word: that word ("involvd" → "involved").
        best = commonWordsNear(norm)[0] ?? null;
      }
      // Or a word of the article written short, as chat does ("accts", "ppl").
      best ??= expandShortening(norm, this.spellings.words, (w) => this.terms.term(w), commonestWords());
    }
    this.corrections.set(norm, best);
    return best;
  }

  /** Entity names in a token list, longest first, not overlapping. */
  namesIn(tokens: readonly Token[]): NameMatch[] {
    const out: NameMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const start = i + (/^(?:the|a|an)$/.test(tokens[i]!.norm) ? 1 : 0);
      for (let w = Math.min(this.longestName, tokens.length - start); w >= 1; w--) {
        const key = tokens
          .slice(start, start + w)
          .map((t) => t.term)
          .join(KEY);
        const ids = this.names.get(key);
        // A single lower-case question word is no name ("who", "state").
        if (!ids || (w === 1 && this.isQuestionTerm(tokens[start]!.term) && (!tokens[start]!.capitalized || start === 0))) continue;
        // A one-word name in lower case ("the commander") is met by that word, or its plural, not by another of its stem ("commands").
        const forms = w === 1 ? this.wordForms.get(key) : undefined;
        if (forms && !tokens[start]!.capitalized && !forms.has(tokens[start]!.norm) && !forms.has(tokens[start]!.norm.replace(/e?s$/, ''))) continue;
        // (Of several met by stem alike, those named as singular or plural as the reader's word: "the intel chief" is the chief.)
        const plural = this.terms.isPlural(tokens[start + w - 1]!.norm);
        const numbered = ids.length > 1 ? ids.filter((id) => this.nameNumbers.get(`${key}${KEY}${id}`)?.has(plural)) : ids;
        for (const entity of numbered.length > 0 ? numbered : ids) out.push({ entity, start, end: start + w });
        i = start + w - 1;
        break;
      }
      // An acronym of one letter more than a name's initials, the name's kind of body left out: "EMU", "NIU".
      const t = tokens[i]!;
      // (A word of a hyphened pair keeps its capital only as a flag: "EMU-NIU".)
      const acronym = t.capitalized && (ACRONYM.test(t.surface.replace(/['’]s$/u, '')) || (t.surface === t.norm && t.norm.length >= 3 && t.norm.length <= 5));
      if (out.at(-1)?.end !== i + 1 && acronym && !this.isKnown(t) && !isCommonWord(t.norm)) {
        for (const entity of this.acronyms.get(t.norm.slice(0, -1)) ?? []) out.push({ entity, start: i, end: i + 1 });
      }
    }
    // A lower-case word right before another name modifies it ("the schools superintendent"): the head names whom.
    // (Not an owner: "nauert's twitter handle" names Nauert.)
    return out
      .filter((m) => !(m.end - m.start === 1 && !tokens[m.start]!.capitalized && !/['’]s$/u.test(tokens[m.start]!.surface) && out.some((n) => n.start === m.end)))
      .map((m) => {
        // "the russian guy", "the facebook woman": the one person whose role ties them to that place or body.
        const next = tokens[m.end];
        const member = next && SOMEONE.test(next.norm) ? this.memberOf(m.entity) : null;
        return member ? { entity: member, start: m.start, end: m.end + 1 } : m;
      });
  }

  /** The one person whose role names this place or body, or its people ("Russia's chargé d'affaires" of Russia), or null. */
  private memberOf(id: string): string | null {
    const whole = this.model.entityById.get(id);
    if (!whole || whole.kind === 'person') return null;
    const wholeNames = new Set(namesOf(whole).map((n) => n.toLowerCase().replace(/^the /, '')));
    const ties = (word: string): boolean => wholeNames.has(word) || wholeNames.has(DEMONYMS.get(word)?.toLowerCase() ?? '');
    const members = this.model.kb.entities.filter(
      (e) => e.kind === 'person' && (e.partOf.includes(id) || [e.role ?? '', ...e.aliases].some((r) => r.toLowerCase().split(/[^\p{L}]+/u).map((w) => w.replace(/s$/, '')).some((w) => ties(w) || ties(`${w}s`)))),
    );
    return members.length === 1 ? members[0]!.id : null;
  }
}

/** A reader's acronym: three to five capital letters. */
const ACRONYM = /^\p{Lu}{3,5}$/u;

/** "Associated Press" → "ap", "Pacific Gas & Electric Co." → "pge": the initials of a name's capitalized words. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Co|Corp|Inc|Ltd|LLC|The)\.?$/.test(w));
  return words.length >= 2 ? words.map((w) => w[0]!.toLowerCase()).join('') : '';
}

/**
 * The pack's lexicon, with the name of a kind of token the article has as a
 * synonym of that token's word: "which hashtag" finds "#Russia".
 */
export function lexiconWithTokens(kb: KnowledgeBase): KnowledgeBase['lexicon'] {
  const tag = /(?:^|\s)#([\p{L}\p{N}_]+)/u.exec(kb.article.raw)?.[1];
  return tag ? { ...kb.lexicon, synonyms: [...kb.lexicon.synonyms, [tag.toLowerCase(), 'hashtag', 'hashtags']] } : kb.lexicon;
}

/** The initials of a role of at least three words, as readers abbreviate one: "the director of national intelligence" → "dni". */
export function roleInitialsOf(role: string): string {
  const words = role.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && !/^(?:the|a|an|of|for|and|on|in|to)$/i.test(w) && !/['’]s$/.test(w));
  return words.length >= 3 ? words.map((w) => w[0]!.toLowerCase()).join('') : '';
}

function isSwap(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}


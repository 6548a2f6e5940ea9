/**
 * Text handling shared by indexing and querying: one tokenizer, one stemmer
 * (Porter, from the `stemmer` package) and the lexicon's synonym groups, so
 * that a question and the knowledge always meet in the same terms.
 */
import { stemmer } from 'stemmer';
import { foldForComparison } from '../knowledge/article.ts';
import type { Lexicon } from '../knowledge/schema.ts';
import { verbLemmaOf } from '../english/verbs.ts';

/** A word of the input: `surface` as typed (folded), `term` what it means for search. */
export interface Token {
  readonly surface: string;
  /** Lower-case, diacritics removed, abbreviations joined ("u.s." → "us"). */
  readonly norm: string;
  /** Stemmed and mapped to its synonym group. */
  term: string;
  /** True when the word started with a capital letter in the input. */
  readonly capitalized: boolean;
  /** Position of the word in the input (0-based word index). */
  readonly index: number;
  /** How many input words the token stands for: 2 or more for a phrase of the lexicon ("called in"). */
  readonly width?: number;
  /** True when the term comes from the WordNet thesaurus: a likely, not a certain, meaning. */
  readonly guessed?: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?/gu;

/**
 * `fn` remembering its results, as words recur from question to question; readers' words are
 * unbounded, so the memory starts afresh past {@link TERM_CACHE_MAX} entries.
 */
function remembered(fn: (word: string) => string): (word: string) => string {
  const seen = new Map<string, string>();
  return (word) => {
    let out = seen.get(word);
    if (out === undefined) {
      out = fn(word);
      if (seen.size >= TERM_CACHE_MAX) seen.clear();
      seen.set(word, out);
    }
    return out;
  };
}

/** Lower-cases, folds quotes and strips diacritics (chargé → charge). */
export const normalizeWord = remembered(normalize);

/** The nouns chat puts after a name for what they said: "coats quote?", "embassy statement on the summons". */
export const SAID_NOUNS = 'quotes?|statements?|response|reaction|comments?|words';

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `ch` is a letter or a digit, in any script (a missing one, past either end, is not). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Where the first of `forms` stands in `text` as whole words (no letter or digit touching either
 * end), or -1; `lowerCase` compares both in lower case. What a pattern such as
 * `(?<![\p{L}\p{N}])(?:a|b)(?![\p{L}\p{N}])` finds, without compiling one for every list of names:
 * compiling Unicode classes cost building an article's model more than all else it does.
 */
export function wordIndex(text: string, forms: readonly string[], lowerCase = false): number {
  const hay = lowerCase ? text.toLowerCase() : text;
  // (A letter whose lower case is longer would shift positions: search the text as written then.)
  const within = hay.length === text.length ? hay : text;
  let best = -1;
  for (const raw of forms) {
    const form = lowerCase && within === hay ? raw.toLowerCase() : raw;
    if (form.length === 0) continue;
    for (let at = within.indexOf(form); at >= 0 && (best < 0 || at < best); at = within.indexOf(form, at + 1)) {
      if (isWordChar(within[at - 1])) continue;
      if (isWordChar(within[at + form.length])) continue;
      best = at;
      break;
    }
  }
  return best;
}

/** Words for some one person that name no role, as readers write them: "the woman from the State Department", "the guy who got called in". */
/** The cardinal numbers in words, one to the tens and the powers: "sixteen energy technology priorities". */
export const CARDINAL_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

export const SOMEONE_NOUNS = 'man|woman|guy|lady|gentleman|fellow|dude|girl|boy|person|official';

function normalize(word: string): string {
  let w = foldForComparison(word).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  w = w.replace(/'s$/, '').replace(/'/g, '');
  // "1st", "2nd", "31st" are the numbers the article writes as digits.
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (ordinal) return ordinal[1]!;
  // "u.s." and "u.s" are one word; a trailing full stop ends a sentence otherwise.
  if (/^(?:\p{L}\.)+\p{L}\.?$/u.test(w)) return w.replace(/\./g, '');
  return w.replace(/\.$/, '');
}

/** Splits text into words; hyphenated words also yield their parts. */
export function splitWords(text: string): { surface: string; norm: string; capitalized: boolean }[] {
  const out: { surface: string; norm: string; capitalized: boolean }[] = [];
  for (const m of foldForComparison(text).matchAll(WORD)) {
    const surface = m[0];
    // "who's" is "who is", not a possessive.
    const contraction = /^(who|what|where|when|how|that|it|he|she|there)['’]s$/i.exec(surface) ?? /^(who|what|where|when|how)s$/i.exec(surface);
    if (contraction) {
      out.push({ surface: contraction[1]!, norm: contraction[1]!.toLowerCase(), capitalized: /^\p{Lu}/u.test(surface) }, { surface: 'is', norm: 'is', capitalized: false });
      continue;
    }
    const norm = normalizeWord(surface);
    if (!norm) continue;
    const capitalized = /^\p{Lu}/u.test(surface);
    if (norm.includes('-')) {
      for (const part of norm.split('-')) if (part) out.push({ surface: part, norm: part, capitalized });
    } else if (norm.includes('.')) {
      for (const part of norm.split('.')) if (part) out.push({ surface: part, norm: part, capitalized });
    } else {
      out.push({ surface, norm, capitalized });
    }
  }
  return out;
}

/** Most words kept in the term cache before it starts afresh. */
const TERM_CACHE_MAX = 20_000;

/** Maps words to search terms: stem, then synonym group. */
export class Terms {
  /** Exact words first, so "founded" can differ from "found" though both stem to "found". */
  private readonly wordGroup = new Map<string, string>();
  private readonly group = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  /** Phrases of the lexicon ("called in", "get rid of"), by their words' stems, → group term. */
  private readonly phrases = new Map<string, string>();
  private longestPhrase = 1;
  /** The first stems of {@link phrases}: a word no phrase starts with needs no window looked up. */
  private readonly phraseStarts = new Set<string>();
  /** A reader's phrase for an article word, by WordNet ("left out" → "excluded"), by its words' stems. */
  private readonly readerPhrases = new Map<string, { term: string; norm: string }>();
  /** The particles of {@link readerPhrases}: a word before any other is no phrase's verb, and needs no lemma. */
  private readonly particles = new Set<string>();
  /** Each group term's words, as the lexicon lists them. */
  private readonly members = new Map<string, readonly string[]>();

  constructor(lexicon: Lexicon) {
    const questionStems = new Set(lexicon.questionWords.map((w) => stem(normalizeWord(w))));
    for (const words of lexicon.synonyms) {
      // A group's term is its first word behind "=", so it cannot collide with a stem ("uses" stems to "us").
      const head = `=${normalizeWord(words[0]!)}`;
      this.members.set(head, words);
      for (const w of words) {
        const parts = splitWords(w).map((x) => x.norm);
        if (parts.length > 1) {
          this.phrases.set(parts.map(stem).join(' '), head);
          this.phraseStarts.add(stem(parts[0]!));
          this.longestPhrase = Math.max(this.longestPhrase, parts.length);
          continue;
        }
        const norm = normalizeWord(w);
        this.wordGroup.set(norm, head);
        // Other inflections follow by stem, unless the stem is a question word's ("pleased" and "please" both stem to "pleas").
        if (!questionStems.has(stem(norm)) && !this.group.has(stem(norm))) this.group.set(stem(norm), head);
      }
    }
  }

  /** Reads a verb and its particle ("leave out", in any form: "left out") as the article's `word` wherever a phrase of the lexicon does not. */
  addReaderPhrase(verb: string, particle: string, word: string): void {
    const key = `${verb} ${particle}`;
    if (!this.readerPhrases.has(key)) this.readerPhrases.set(key, { term: this.term(normalizeWord(word)), norm: normalizeWord(word) });
    this.particles.add(particle);
  }

  /** The search term for one normalized word. */
  /** Is the word (lower case) its term's plural ("chiefs"), not a singular ("chief", "boss")? */
  isPlural(norm: string): boolean {
    return /[^s]s$/.test(norm) && this.term(norm.slice(0, -1)) === this.term(norm);
  }

  term(norm: string): string {
    let t = this.cache.get(norm);
    if (t === undefined) {
      const s = stem(norm);
      t = this.wordGroup.get(norm) ?? this.group.get(s) ?? s;
      // Readers' words are unbounded; keep the cache from growing with them.
      if (this.cache.size >= TERM_CACHE_MAX) this.cache.clear();
      this.cache.set(norm, t);
    }
    return t;
  }

  /**
   * Other words of the lexicon for what `text` (a word or a phrase) means, unlike it in stem:
   * "convoked" → "summoned", "called in", ... Empty when the lexicon has no group for it.
   */
  synonymsOf(text: string): string[] {
    const tokens = this.tokens(text);
    if (tokens.length !== 1) return [];
    const own = stem(tokens[0]!.norm.replace(/_/g, ' '));
    const ending = text.trim().slice(-2).toLowerCase();
    // One word per stem, in the typed word's form where there is one ("convoked": "summoned", not "summon").
    const byStem = new Map<string, string>();
    for (const w of this.members.get(tokens[0]!.term) ?? []) {
      const key = splitWords(w)
        .map((x) => stem(x.norm))
        .join(' ');
      if (key === own) continue;
      const kept = byStem.get(key);
      if (kept === undefined || (!kept.toLowerCase().endsWith(ending) && w.toLowerCase().endsWith(ending))) byStem.set(key, w);
    }
    const all = [...byStem.values()];
    return [...all.filter((w) => w.toLowerCase().endsWith(ending)), ...all.filter((w) => !w.toLowerCase().endsWith(ending))];
  }

  /** Tokens of `text`, with terms; a phrase of the lexicon becomes one token ("called in" → summon). */
  tokens(text: string): Token[] {
    const words = splitWords(text);
    // Stemmed once here, for every phrase window that looks at a word.
    const stems = words.map((w) => stem(w.norm));
    const out: Token[] = [];
    // A two-word phrase of the lexicon whose particle ends the text, one or two words after its verb: "who called the
    // russian in?" is "called in" with its object between.
    const last = stems.length - 1;
    const split = last >= 2 ? [last - 2, last - 3].find((v) => v >= 0 && this.phrases.has(`${stems[v]} ${stems[last]}`) && !this.phrases.has(`${stems[v]} ${stems[v + 1]}`)) : undefined;
    for (let i = 0; i < words.length; i++) {
      if (split !== undefined && i === last) break;
      if (split !== undefined && i === split) {
        const term = this.phrases.get(`${stems[i]} ${stems[last]}`)!;
        out.push({ surface: `${words[i]!.surface} ${words[last]!.surface}`, norm: term.slice(1).replace(/ /g, '_'), term, capitalized: words[i]!.capitalized, index: i, width: 1 });
        continue;
      }
      const phrase = this.phraseAt(stems, i);
      const reader = phrase ? undefined : this.readerPhraseAt(words, i);
      if (reader) {
        out.push({ surface: `${words[i]!.surface} ${words[i + 1]!.surface}`, norm: reader.norm, term: reader.term, capitalized: words[i]!.capitalized, index: i, width: 2, guessed: true });
        i += 1;
      } else if (phrase) {
        const span = words.slice(i, i + phrase.width);
        // One word for the pattern matchers too: "state_department" is no verb "state".
        const norm = phrase.term.slice(1).replace(/ /g, '_');
        out.push({ surface: span.map((w) => w.surface).join(' '), norm, term: phrase.term, capitalized: words[i]!.capitalized, index: i, width: phrase.width });
        i += phrase.width - 1;
      } else {
        out.push({ ...words[i]!, term: this.term(words[i]!.norm), index: i });
      }
    }
    return out;
  }

  /** Just the terms of `text`, in order. */
  termsOf(text: string): string[] {
    return this.tokens(text).map((t) => t.term);
  }

  private readerPhraseAt(words: readonly { norm: string }[], i: number): { term: string; norm: string } | undefined {
    if (i + 1 >= words.length || !this.particles.has(words[i + 1]!.norm)) return undefined;
    const verb = words[i]!.norm;
    return this.readerPhrases.get(`${verbLemmaOf(verb) ?? verb} ${words[i + 1]!.norm}`);
  }

  private phraseAt(stems: readonly string[], i: number): { term: string; width: number } | null {
    if (!this.phraseStarts.has(stems[i]!)) return null;
    for (let width = Math.min(this.longestPhrase, stems.length - i); width >= 2; width--) {
      const term = this.phrases.get(stems.slice(i, i + width).join(' '));
      if (term) return { term, width };
    }
    return null;
  }
}

const porter = remembered(stemmer);

/** Porter stem, except for words of three letters or fewer ("us" is not "u"). */
function stem(norm: string): string {
  return norm.length <= 3 ? norm : porter(norm);
}

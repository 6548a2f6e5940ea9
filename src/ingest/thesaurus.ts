/**
 * The WordNet synonyms of an article's own words, so that a reader's "hurt",
 * "envoy" or "rebuked" meets the article's "harm", "chargé" or "criticized".
 * Only the article's words are looked up, and only their commonest senses,
 * so the map stays about the article. Reader word → the article words it may mean.
 */
import WordPOS, { type Synset } from 'wordpos';
import { LRUCache } from 'lru-cache';
import lemmatize from 'wink-lemmatizer';
import { splitWords } from '../engine/text.ts';
import type { Thesaurus } from '../knowledge/schema.ts';

/** How many WordNet senses of each article word per part of speech are taken (the commonest first). */
export const THESAURUS_SENSES = 2;

/** How many levels of more general nouns (WordNet hypernyms) a reader's word may come from: "gun" for "handgun". */
export const HYPERNYM_LEVELS = 2;
/** A more general word standing for more article words than this is too general to mean any one ("weapon", "person"). */
const MAX_GENERAL_TARGETS = 6;

/** How many WordNet lookups are kept between articles in one process (each reads WordNet's files from disk). */
const LOOKUPS_KEPT = 50_000;

/**
 * WordNet, its lookups kept: ingesting several articles in one process (the evaluation, the tests) looks up
 * the same everyday words again and again, and a lookup is a read of WordNet's files.
 */
class KeptWordNet {
  private readonly wordnet = new WordPOS();
  private readonly senses = new LRUCache<string, Promise<Synset[]>>({ max: LOOKUPS_KEPT });
  private readonly synsets = new LRUCache<string, Promise<Synset>>({ max: LOOKUPS_KEPT });

  private static keep<T>(cache: LRUCache<string, Promise<T>>, key: string, look: () => Promise<T>): Promise<T> {
    let found = cache.get(key);
    if (!found) {
      found = look();
      cache.set(key, found);
      // (A failed read is not kept.)
      found.catch(() => cache.delete(key));
    }
    return found;
  }

  lookupNoun(word: string): Promise<Synset[]> {
    return KeptWordNet.keep(this.senses, `n ${word}`, () => this.wordnet.lookupNoun(word));
  }

  lookupVerb(word: string): Promise<Synset[]> {
    return KeptWordNet.keep(this.senses, `v ${word}`, () => this.wordnet.lookupVerb(word));
  }

  lookupAdjective(word: string): Promise<Synset[]> {
    return KeptWordNet.keep(this.senses, `a ${word}`, () => this.wordnet.lookupAdjective(word));
  }

  seek(offset: string, pos: string): Promise<Synset> {
    return KeptWordNet.keep(this.synsets, `${pos} ${offset}`, () => this.wordnet.seek(offset, pos));
  }
}

let shared: KeptWordNet | undefined;

/** A verb lemma with its particle: "leave_out", "turn_down". */
const PHRASAL = /^([a-z]+)_(up|down|out|off|in|into|on|over|away|back|about|around|through|along|aside)$/;

/** Builds the thesaurus of `text`'s words; `skip` are words never looked up (question words). */
export async function buildThesaurus(text: string, skip: ReadonlySet<string> = new Set()): Promise<Thesaurus> {
  const words = new Set<string>();
  for (const w of splitWords(text)) if (w.norm.length >= 3 && !/\d/.test(w.norm) && !skip.has(w.norm)) words.add(w.norm);
  const wordnet = (shared ??= new KeptWordNet());
  const synonyms = new Map<string, Set<string>>();
  const general = new Map<string, Set<string>>();
  const link = (map: Map<string, Set<string>>, lemma: string, word: string, base: string, verb = false): void => {
    // A verb and its particle ("leave_out" of "exclude") is kept as the phrase a reader writes, "leave out";
    // other multi-word lemmas, and the word itself, add nothing a reader's words can match.
    const phrasal = verb ? PHRASAL.exec(lemma.toLowerCase()) : null;
    const other = phrasal ? `${phrasal[1]} ${phrasal[2]}` : lemma.toLowerCase();
    if (other.includes('_') || other === base || other === word || skip.has(other)) return;
    if (!map.has(other)) map.set(other, new Set());
    map.get(other)!.add(word);
  };
  await Promise.all(
    [...words].map(async (word) => {
      const bases = new Set([word, lemmatize.noun(word), lemmatize.verb(word), lemmatize.adjective(word)]);
      for (const base of bases) {
        const [nouns, verbs, adjectives] = await Promise.all([wordnet.lookupNoun(base), wordnet.lookupVerb(base), wordnet.lookupAdjective(base)]);
        const senses: Synset[] = [...nouns.slice(0, THESAURUS_SENSES), ...verbs.slice(0, THESAURUS_SENSES), ...adjectives.slice(0, THESAURUS_SENSES)];
        for (const synset of senses) {
          for (const lemma of synset.synonyms) link(synonyms, lemma, word, base, synset.pos === 'v');
          // Derivationally related forms: "plea" for "pleaded", "testimony" for "testified".
          const at = synset.synonyms.findIndex((x) => x.toLowerCase() === base);
          for (const p of synset.ptrs.filter((x) => x.pointerSymbol === '+' && (x.sourceTarget.slice(0, 2) === '00' || Number.parseInt(x.sourceTarget.slice(0, 2), 16) === at + 1))) {
            const target = await wordnet.seek(p.synsetOffset, p.pos);
            const index = Number.parseInt(p.sourceTarget.slice(2), 16);
            const lemma = index > 0 ? target.synonyms[index - 1] : undefined;
            if (lemma) link(synonyms, lemma, word, base);
          }
        }
        // More general nouns: a reader's "guns" for the article's "handgun" and "rifles".
        // Only above a common noun: "York" (a royal house) would make a reader's "house" mean "York".
        let level = nouns.slice(0, 1).filter((syn) => syn.synonyms.some((l) => l === base));
        for (let depth = 0; depth < HYPERNYM_LEVELS; depth++) {
          const up = await Promise.all(level.flatMap((syn) => syn.ptrs.filter((x) => x.pointerSymbol === '@').map((x) => wordnet.seek(x.synsetOffset, x.pos))));
          for (const syn of up) for (const lemma of syn.synonyms) link(general, lemma, word, base);
          level = up;
        }
      }
    }),
  );
  // A one-word synonym of a compound the article writes ("staffer" of "staff member"): the compound's head.
  const pairs = new Set<string>();
  const all = splitWords(text);
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [all[i - 1]!, all[i]!];
    if (!a.capitalized && !b.capitalized && /^\p{Ll}{3,}$/u.test(a.norm) && /^\p{Ll}{3,}$/u.test(b.norm) && !skip.has(a.norm) && !skip.has(b.norm)) pairs.add(`${a.norm} ${b.norm}`);
  }
  await Promise.all(
    [...pairs].map(async (pair) => {
      const [first, head] = pair.split(' ') as [string, string];
      for (const synset of (await wordnet.lookupNoun(pair)).slice(0, THESAURUS_SENSES)) for (const lemma of synset.synonyms) if (lemma.toLowerCase() !== first) link(synonyms, lemma, head, head);
    }),
  );
  for (const [reader, targets] of general) {
    if (targets.size > MAX_GENERAL_TARGETS || synonyms.has(reader)) continue;
    synonyms.set(reader, targets);
  }
  return {
    source: `WordNet 3.1 (wordpos): synonyms and derived forms of the first ${THESAURUS_SENSES} senses per part of speech of each article word, and its nouns' hypernyms ${HYPERNYM_LEVELS} levels up`,
    words: Object.fromEntries([...synonyms.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()])),
  };
}

/**
 * The WordNet synonyms of an article's own words, so that a reader's "hurt",
 * "envoy" or "rebuked" meets the article's "harm", "chargé" or "criticized".
 * Only the article's words are looked up, and only their commonest senses,
 * so the map stays about the article. Reader word → the article words it may mean.
 */
import WordPOS, { type Synset } from 'wordpos';
import lemmatize from 'wink-lemmatizer';
import { splitWords } from '../engine/text.ts';
import type { Thesaurus } from '../knowledge/schema.ts';

/** How many WordNet senses of each article word per part of speech are taken (the commonest first). */
export const THESAURUS_SENSES = 2;

/** Builds the thesaurus of `text`'s words; `skip` are words never looked up (question words). */
export async function buildThesaurus(text: string, skip: ReadonlySet<string> = new Set()): Promise<Thesaurus> {
  const words = new Set<string>();
  for (const w of splitWords(text)) if (w.norm.length >= 3 && !/\d/.test(w.norm) && !skip.has(w.norm)) words.add(w.norm);
  const wordnet = new WordPOS();
  const synonyms = new Map<string, Set<string>>();
  await Promise.all(
    [...words].map(async (word) => {
      const bases = new Set([word, lemmatize.noun(word), lemmatize.verb(word), lemmatize.adjective(word)]);
      for (const base of bases) {
        const [nouns, verbs, adjectives] = await Promise.all([wordnet.lookupNoun(base), wordnet.lookupVerb(base), wordnet.lookupAdjective(base)]);
        const senses: Synset[] = [...nouns.slice(0, THESAURUS_SENSES), ...verbs.slice(0, THESAURUS_SENSES), ...adjectives.slice(0, THESAURUS_SENSES)];
        for (const synset of senses) {
          for (const lemma of synset.synonyms) {
            const other = lemma.toLowerCase();
            // Multi-word lemmas ("call_up") and the word itself add nothing a single token can match.
            if (other.includes('_') || other === base || other === word || skip.has(other)) continue;
            if (!synonyms.has(other)) synonyms.set(other, new Set());
            synonyms.get(other)!.add(word);
          }
        }
      }
    }),
  );
  return {
    source: `WordNet 3.1 (wordpos), first ${THESAURUS_SENSES} senses per part of speech of each article word`,
    words: Object.fromEntries([...synonyms.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()])),
  };
}

/**
 * Verbs of saying, from WordNet's verb.communication class (generated into
 * speech-verbs.json by `npm run build:english`), matched by lemma with
 * wink-lemmatizer: "said", "wrote", "told", "added", "warned". The lemmatizer
 * (a large lexicon) is loaded on first use, not at start-up.
 */
import { createRequire } from 'node:module';
import speechVerbs from './speech-verbs.json' with { type: 'json' };

const SPEECH = new Set<string>(speechVerbs.verbs);
let lemmatizer: { verb(word: string): string } | null = null;

/** The verb's lemma ("said" → "say"). */
export function verbLemma(word: string): string {
  lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as { verb(word: string): string };
  return lemmatizer.verb(word.toLowerCase());
}

/** A verb of saying, by WordNet's class of communication verbs. */
export function isSpeechVerb(word: string): boolean {
  const w = word.toLowerCase();
  return SPEECH.has(w) || SPEECH.has(verbLemma(w));
}

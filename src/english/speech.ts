/**
 * Verbs of saying, from WordNet's verb.communication class (generated into
 * speech-verbs.json by `npm run build:english`), matched by lemma with
 * wink-lemmatizer: "said", "wrote", "told", "added", "warned".
 */
import lemmatizer from 'wink-lemmatizer';
import speechVerbs from './speech-verbs.json' with { type: 'json' };

const SPEECH = new Set<string>(speechVerbs.verbs);

/** The verb's lemma ("said" → "say"). */
export function verbLemma(word: string): string {
  return lemmatizer.verb(word.toLowerCase());
}

/** A verb of saying, by WordNet's class of communication verbs. */
export function isSpeechVerb(word: string): boolean {
  const w = word.toLowerCase();
  return SPEECH.has(w) || SPEECH.has(verbLemma(w));
}

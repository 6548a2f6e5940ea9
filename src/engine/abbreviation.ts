/**
 * Words shortened as chat writes them: "accts" for accounts, "ppl" for people,
 * "govt" for government. A shortening keeps a word's first letter and some of
 * its others in order, and drops most vowels; read as the one longer word of
 * the article it can stand for, or not at all when it could stand for several.
 */

/** At most this many vowels in a shortening ("accts" has one, "ppl" none). */
const MAX_VOWELS = 1;
/** Shortenings this long or longer; two letters ("wh", "rn") are too ambiguous. */
const MIN_LETTERS = 3;
/** The word must be this many letters longer than the shortening at least. */
const MIN_SAVED = 2;

/** Is `short` the letters of `word` in order, first letter first? */
function isShorteningOf(short: string, word: string): boolean {
  if (word[0] !== short[0] || word.length < short.length + MIN_SAVED) return false;
  let at = 1;
  for (const ch of short.slice(1)) {
    at = word.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The one word of `words` (the article's) that `norm` may shorten, or null: none, several with
 * different stems, or one of the commonest words it may shorten as well (`everyday`: "abt" is
 * "about", not "absolutely").
 */
export function expandShortening(norm: string, words: Iterable<string>, stemOf: (word: string) => string, everyday: Iterable<string> = []): string | null {
  if (norm.length < MIN_LETTERS || !/^\p{Ll}+$/u.test(norm) || (norm.match(/[aeiouy]/g) ?? []).length > MAX_VOWELS) return null;
  let found: string | null = null;
  for (const w of words) {
    if (!isShorteningOf(norm, w)) continue;
    if (found !== null && stemOf(found) !== stemOf(w)) return null;
    if (found === null || w.length < found.length) found = w;
  }
  if (found === null) return null;
  for (const w of everyday) if (isShorteningOf(norm, w) && stemOf(w) !== stemOf(found)) return null;
  return found;
}

/**
 * The commonest of `everyday` (commonest first) that a word with no vowel at all shortens ("ppl": "people",
 * "smth": "something"), or null: chat writes such a word short, and no slip of typing drops every vowel.
 */
export function everydayShortening(norm: string, everyday: readonly string[]): string | null {
  if (norm.length < MIN_LETTERS || !/^\p{Ll}+$/u.test(norm) || /[aeiouy]/.test(norm)) return null;
  return everyday.find((w) => isShorteningOf(norm, w)) ?? null;
}

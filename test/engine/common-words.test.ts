// Typos of everyday words: the likeliest word one slip away, a dropped letter first.
import { describe, expect, it } from 'vitest';
import { commonWordsNear, isCommonWord, isEnglishWord } from '../../src/engine/common-words.ts';
import { buildModel } from '../../src/engine/model.ts';
import { Vocabulary } from '../../src/engine/vocab.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

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

describe('isEnglishWord', () => {
  it('knows less common words WordNet has, which are no typos ("exports", "meddled")', () => {
    for (const w of ['exports', 'meddled', 'pewter', 'cyst']) expect(isEnglishWord(w), w).toBe(true);
    expect(isCommonWord('exports')).toBe(false);
  });
  it('knows the nouns WordNet has for people and bodies, the acronyms it capitalizes too ("ceo" is no typo of "see")', () => {
    for (const w of ['ceo', 'cfo', 'ceos', 'spokeswoman', 'senator', 'ministries']) expect(isEnglishWord(w), w).toBe(true);
  });
  it('does not know misspellings, nor short shortenings read as such ("yr")', () => {
    for (const w of ['tarrifs', 'summonned', 'interferance', 'yr', 'lighthuose']) expect(isEnglishWord(w), w).toBe(false);
  });
});

describe('spelling correction against an article', () => {
  const vocab = new Vocabulary(buildModel(loadKnowledge(new URL('../fixtures/small-pack/port-ellis/', import.meta.url).pathname)));
  it('leaves an English word alone though it is one letter from an article word ("pewter", not Peter)', () => {
    expect(vocab.correct('pewter')).toBeNull();
    expect(vocab.correct('cyst')).toBeNull();
  });
  it('still corrects a misspelling to the article word', () => {
    expect(vocab.correct('lighthuose')).toBe('lighthouse');
    expect(vocab.correct('budgetz')).toBe('budget');
  });
});

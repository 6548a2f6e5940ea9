// Words shortened as chat writes them (src/engine/abbreviation.ts).
import { describe, expect, it } from 'vitest';
import { everydayShortening, expandShortening } from '../../src/engine/abbreviation.ts';
import { commonestWords } from '../../src/engine/common-words.ts';

const ARTICLE = ['accounts', 'people', 'government', 'absolutely', 'statement', 'state', 'department', 'message', 'year'];
const stem = (w: string): string => w.replace(/(?:ment|s)$/, '');

describe('a shortened word is read as the one article word it can stand for', () => {
  it.each([
    ['accts', 'accounts'],
    ['ppl', 'people'],
    ['govt', 'government'],
    ['msg', 'message'],
    ['dept', 'department'],
  ])('%s → %s', (short, word) => expect(expandShortening(short, ARTICLE, stem)).toBe(word));

  it.each([
    // two letters are too ambiguous; a vowel-rich word is no shortening; no article word fits
    ['yr', 'too short'],
    ['about', 'a word, not a shortening'],
    ['xyz', 'no article word'],
    // an everyday word it may shorten as well wins: "abt" is "about", not the article's "absolutely"
    ['abt', 'everyday word'],
  ])('%s stays (%s)', (short) => expect(expandShortening(short, ARTICLE, stem, ['about'])).toBeNull());

  it('stands for nothing when it fits two article words of different stems', () => {
    expect(expandShortening('stmt', ['statement', 'settlement'], stem)).toBeNull();
  });
});

describe('a word with no vowel is the commonest everyday word it shortens, whatever the article', () => {
  it.each([
    ['ppl', 'people'],
    ['smth', 'something'],
    ['pls', 'please'],
  ])('%s → %s', (short, word) => expect(everydayShortening(short, commonestWords())).toBe(word));

  it.each([['abt'], ['poll'], ['rn']])('%s stays: a vowel, a word, or too short', (w) => expect(everydayShortening(w, commonestWords())).toBeNull());
});

// Which side of publication a when-question asks about (src/engine/tense.ts).
import { describe, expect, it } from 'vitest';
import { askedTense, isAfter, isCurrent } from '../../src/engine/tense.ts';
import { createGeneralEngine } from '../../src/engine/general.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

describe('the time a when-question asks about', () => {
  it.each([
    ['When will the council vote?', 'future'],
    ['When is the next hearing scheduled?', 'future'],
    ['when is the election', 'present'],
    ['When are the midterms?', 'present'],
    ['When did the council vote?', 'past'],
    ['On what day was the statement issued?', 'past'],
    ['When has the mayor led the town since?', null],
  ])('%s → %s', (q, tense) => expect(askedTense(q)).toBe(tense));

  it('compares dates at the precision both have', () => {
    expect(isAfter('2018-11', '2018-08')).toBe(true);
    expect(isAfter('2018-08-05', '2018-08')).toBe(false);
    expect(isCurrent('2019-11-20', '2019-11-20')).toBe(true);
    expect(isCurrent('2019-11-19', '2019-11-20')).toBe(false);
    expect(isCurrent('2018-08-30', '2018-08')).toBe(true);
  });
});

describe('a question in the present tense', () => {
  const engine = createGeneralEngine(loadKnowledge(new URL('../fixtures/small-pack/port-ellis/', import.meta.url).pathname), { cache: false });
  it('is answered with a date before publication when the article has none after it', () => {
    // (published 2021-11-10; the vote was on Monday, November 8)
    expect(engine.answer('when is the vote').answers[0]?.date).toBe('2021-11-08');
  });
  it('is answered with the date ahead when the article has one', () => {
    expect(engine.answer('When is the rebuilding?').answers[0]?.date).toBe('2022-06');
  });
});

describe('a month word is a month\'s name or abbreviation, not a word that begins like one', () => {
  it.each([
    ['aug', true],
    ['August', true],
    ['sept', true],
    ['may', true],
    ['decided', false],
    ['market', false],
    ['novel', false],
    ['junior', false],
  ])('%s → %s', async (word, month) => {
    const { isMonthWord } = await import('../../src/engine/analyze.ts');
    expect(isMonthWord(word.toLowerCase())).toBe(month);
  });
});

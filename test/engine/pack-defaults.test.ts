// What the curated engine once knew of the seed article in code, now read from
// the pack in use: its default suggestions and the day its present tense means.
import { describe, expect, it } from 'vitest';
import { referenceDay } from '../../src/engine/curated/asked-date.ts';
import { defaultSuggestions } from '../../src/engine/curated/suggestions.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const SMALL = loadKnowledge(new URL('../fixtures/small-pack/port-ellis/', import.meta.url).pathname);

describe('default suggestions come from the pack', () => {
  it('the seed pack: its first person, its busiest day, its first short quote', () => {
    expect(defaultSuggestions(loadKnowledge())).toEqual(['Who is Heather Nauert?', 'What happened on August 5?', 'Who said "megaphone diplomacy"?']);
  });
  it('another pack names none of the seed', () => {
    const said = defaultSuggestions(SMALL).join(' ');
    expect(said.length).toBeGreaterThan(0);
    expect(said).not.toMatch(/Nauert|August 5|megaphone/);
  });
});

describe("the day an article's present tense means", () => {
  it('its publication day when known', () => expect(referenceDay('2019-11-20', ['2019-11-25']).toISOString().slice(0, 10)).toBe('2019-11-20'));
  it('with only a month, the day after the latest day it dates in that month', () => {
    expect(referenceDay('2018-08', ['2018-07-31', '2018-08-05', '2018-11', '2016']).toISOString().slice(0, 10)).toBe('2018-08-06');
  });
  it('with a month and no day in it, the middle of that month', () => expect(referenceDay('2018-08', ['2016']).toISOString().slice(0, 10)).toBe('2018-08-15'));
});

/** Autocomplete as people meet it: human names, filtered and ranked by what was typed; a name typed without picking finds what the pick finds. */
import { describe, expect, it } from 'vitest';
import { pickedChoice, resolveTyped } from '../../src/bot/autocomplete.ts';
import { fitChoices } from '../../src/bot/limits.ts';
import type { Choice } from '../../src/engine/index.ts';
import { engine, replyTo, router } from './helpers.ts';

const LISTS = [
  ['who-said', 'quote', engine.quoteChoices],
  ['quotes', 'speaker', engine.speakerChoices],
  ['when', 'event', engine.eventChoices],
  ['who-is', 'name', engine.entityChoices],
] as const;

const all = (list: (typed: string, limit?: number) => readonly Choice[]): readonly Choice[] => list('', 1000);

describe('choices are human and filtered', () => {
  it.each(LISTS)('/%s %s: labels are names, never ids', (_command, _option, list) => {
    const { kb } = engine;
    const ids = [...kb.quotes, ...kb.events, ...kb.entities, ...kb.facts].map((x) => x.id).filter((id) => id.includes('-'));
    for (const c of all(list)) {
      expect(c.label).not.toBe(c.value);
      for (const id of ids) expect(c.label).not.toContain(id);
    }
  });

  it.each([
    ['quotes', 'speaker', 'hea', /^Heather Nauert$/],
    ['quotes', 'speaker', 'nauret', /^Heather Nauert$/],
    ['who-is', 'name', 'zhir', /^Dmitry Zhirnov/],
    ['who-is', 'name', 'the spokes', /^Heather Nauert/],
    ['who-said', 'quote', 'coats', /^We continue to see a pervasive messaging campaign/],
    ['who-said', 'quote', 'megaphone', /^megaphone diplomacy — /],
    ['when', 'event', 'white house', /^August 2, 2018: On August 2, leaders/],
    ['when', 'event', 'facebook announced', /^July 31, 2018: Facebook announced/],
  ])('/%s %s: %s → first %s', (command, option, typed, first) => {
    const choices = router.complete(command, { name: option, value: typed });
    expect(choices[0]?.name).toMatch(first);
  });

  it('leaves out what does not match: "hea" lists far fewer than every speaker', () => {
    expect(router.complete('quotes', { name: 'speaker', value: 'hea' }).length).toBeLessThan(all(engine.speakerChoices).length / 2);
    expect(router.complete('who-is', { name: 'name', value: 'qqqqzzzz' })).toEqual([]);
  });

  it('lists each choice once', () => {
    for (const [command, option] of LISTS) {
      const names = router.complete(command, { name: option, value: '' }).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('dates carry their year, as every other reply writes them', () => {
    for (const c of all(engine.eventChoices)) expect(c.label).toMatch(/^(?:[A-Z][a-z]+ (?:\d{1,2}, )?)?\d{4}: /);
  });
});

describe('a value typed without picking resolves as the pick does', () => {
  it.each(LISTS)('/%s %s: every label (as Discord shows it, cut to 100) gives the reply its id gives', async (command, option, list) => {
    for (const choice of fitChoices(all(list))) {
      const picked = await replyTo(`/${command} ${option}: ${choice.value}`);
      const typed = await replyTo(`/${command} ${option}: ${choice.name}`);
      expect(typed, choice.name).toEqual(picked);
    }
  });

  it('one part of a label is enough when only one choice has it', () => {
    expect(pickedChoice('promote violence', engine.quoteChoices)?.value).toBe('q-promote-violence');
    expect(pickedChoice('Dmitry Zhirnov', engine.entityChoices)?.value).toBe('zhirnov');
    // Two events of August 5: free text, for the engine to read.
    expect(pickedChoice('August 5, 2018', engine.eventChoices)).toBeNull();
    expect(resolveTyped('who tweeted', engine.quoteChoices)).toBe('who tweeted');
    expect(resolveTyped('   ', engine.quoteChoices)).toBe('   ');
  });
});

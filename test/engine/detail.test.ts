// A detail inside a sentence, asked for by its kind (src/engine/detail.ts).
import { describe, expect, it } from 'vitest';
import { detailAsked, detailIn } from '../../src/engine/detail.ts';

describe('which detail a question asks for', () => {
  it.each([
    ['which hashtag was in the tweet?', { kind: 'hashtag' }],
    ['What adjective did the mayor use for the plan?', { kind: 'word', noun: 'plan' }],
    ["what word did the council use for the mayor's budget", { kind: 'word', noun: 'budget' }],
    ['What verb did the mayor use for the repairs?', { kind: 'word', noun: 'repairs' }],
    ['what kinda gamble did she call it', { kind: 'kind-of', noun: 'gamble' }],
    // the noun ends where a clause of its own starts
    ['What adjective did the council use to describe the repairs it voted for?', { kind: 'word', noun: 'repairs' }],
    ['what did the mayor say about the plan', null],
  ])('%s → %j', (q, asked) => expect(detailAsked(q)).toEqual(asked));
});

describe('the detail in a sentence', () => {
  it.each([
    ['which hashtag did the mayor use', 'The mayor wrote "#SaveTheLight is who we are" with the tag #SaveTheLight.', '#SaveTheLight'],
    ['what adjective did the council use for the plan', 'The council called it a "reckless" plan on Monday.', 'reckless'],
    ['what word did the report use for the methods', 'The report said the town used "creative methods" to pay for it.', 'creative'],
    ['what kind of gamble did she call it', 'She called it a costly gamble for the town.', 'costly'],
    // a whole quoted sentence is no phrase around the noun: the word before it is
    ['what word did he use for the budget', '"It is a beautiful idea and a bad budget."', 'bad'],
  ])('%s, in "%s" → %s', (q, sentence, detail) => expect(detailIn(sentence, detailAsked(q)!)).toBe(detail));

  it('is none when the sentence does not have it', () => {
    expect(detailIn('The mayor posted on Monday.', { kind: 'hashtag' })).toBeNull();
    expect(detailIn('She called it a gamble for the town.', { kind: 'kind-of', noun: 'gamble' })).toBeNull();
  });
});

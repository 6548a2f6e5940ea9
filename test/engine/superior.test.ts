// Who someone works under: asked in several shapes, answered only where an
// article says it, refused by both engines where it never does.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.ts';
import { leaderAsked, leaderSaid, superiorAsked, superiorSaid } from '../../src/engine/superior.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { engineOver } from '../support/engine-over.ts';

describe('a question for someone\'s superior', () => {
  it.each([
    ["who's nauert's boss", true],
    ['whos mitchells boss', true],
    ['Who is the supervisor of the harbor master?', true],
    ['who does mitchell answer to', true],
    ['Who did Vindman report to after Hill left?', true],
    ['who was Lind working under', true],
    // an employer, a person called a boss, an idiom of the article: no
    ['who does Nauert work for', false],
    ['what did the spy boss say', false],
    ['Who is the official the envoy had to answer to?', false],
  ])('%s → %s', (q, asked) => expect(superiorAsked(q)).toBe(asked));

  it('is said by "reported to", "his boss", "under the supervision of"; not by "answer for"', () => {
    expect(superiorSaid(['After Hill left, Vindman reported to him.'])).toBe(true);
    expect(superiorSaid(['His boss, the mayor, agreed.'])).toBe(true);
    expect(superiorSaid(['It works under the supervision of the council.'])).toBe(true);
    expect(superiorSaid(['He was convoked to answer for the attempts.'])).toBe(false);
  });
});

describe('both engines refuse it where the article never says', () => {
  it('the curated engine on the seed article', () => {
    const r = createEngine(loadKnowledge(), { cache: false }).answer("Who is Mitchell's boss?");
    expect(r.answers).toEqual([]);
    expect(r.noAnswer?.message).toMatch(/does not say who anyone in it reports to/);
  });
  it('the general engine on another article', () => {
    const r = createEngine(loadKnowledge(new URL('../fixtures/small-pack/port-ellis/', import.meta.url).pathname), { cache: false }).answer("Who is Lind's boss?");
    expect(r.answers).toEqual([]);
    expect(r.noAnswer?.rule).toBe('no-superior');
    expect(r.noAnswer?.message).toMatch(/does not say who Peter Lind reports to/);
  });
});

describe('a question for who leads something', () => {
  it.each([
    ['Who commands the U.S. troops at al-Tanf?', true],
    ['who heads the agency', true],
    ['Who is in charge of the harbor?', true],
    ['Who commanded attention at the hearing?', false],
    ['What does the commander say?', false],
  ])('%s → %s', (q, asked) => expect(leaderAsked(q)).toBe(asked));

  it('is said by "the commander of", "led by", "the head of", "in charge"; not by "controlling" others', () => {
    expect(leaderSaid('Col. Ann Cole, the commander of the base, spoke.')).toBe(true);
    expect(leaderSaid('The unit is led by Ann Cole.')).toBe(true);
    expect(leaderSaid('Russia accused U.S. forces at the base of controlling bandit formations.')).toBe(false);
  });

  it('is refused where no sentence naming what is led says who leads it, answered where one does', async () => {
    const unled = await engineOver('Harbor base', 'Some 200 troops remain at the Ellis Harbor base, officials said on Monday.', 'Russia accused the troops at the Ellis Harbor base of controlling armed groups.');
    expect(unled.answer('Who commands the troops at the Ellis Harbor base?').noAnswer?.rule).toBe('no-leader');
    const led = await engineOver('Harbor base', 'Some 200 troops remain at the Ellis Harbor base, officials said on Monday.', 'Col. Ann Cole, the commander of the Ellis Harbor base, said the troops would stay.');
    expect(led.answer('Who commands the troops at the Ellis Harbor base?').answers[0]?.paragraph).toBe(2);
  });
});

// Who someone works under: asked in several shapes, answered only where an
// article says it, refused by both engines where it never does.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.ts';
import { superiorAsked, superiorSaid } from '../../src/engine/superior.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

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

// Questions that ask the way something was done, and passages that only name a way without saying
// what it was (manner.ts): table tests that need no knowledge base.
import { describe, expect, it } from 'vitest';
import { wayAsked, wayIn } from '../../src/engine/manner.ts';

describe('a question that asks the way something was done', () => {
  it.each([
    ['what technique did the smugglers use?', true],
    ['how exactly did they move the boats, like wat tools', true],
    ['what kind of tactics were used?', true],
    ['what was the method tho?', true],
    ['how did the crew get past the checkpoint?', true],
    // not a way: how much, what the way led to, which thing
    ['how many boats were seized?', false],
    ['what did the method show?', false],
    ['which boat was seized?', false],
  ])('%s → %s', (question, asked) => {
    expect(wayAsked(question)).toBe(asked);
  });
});

describe('a passage that names a way without saying what it was', () => {
  it.each([
    ['Officials said the method used by the smugglers pointed to a cartel.', { bare: 'the method' }],
    ["The smugglers' techniques were familiar, the police said.", { bare: "smugglers' techniques" }],
    // qualified before or after, or quoted: described
    ['They kept using "pervasive methods" to hide the cargo.', { described: 'pervasive methods' }],
    ['The crew used tools such as forged manifests.', { described: 'used tools' }],
    ['The gang relied on methods of bribery, prosecutors said.', { described: 'on methods' }],
    // no way named
    ['The boats were seized on Monday.', null],
  ])('%s', (excerpt, way) => {
    expect(wayIn(excerpt)).toEqual(way);
  });
});

// The reason a sentence gives, for a why-question (src/engine/reason.ts).
import { describe, expect, it } from 'vitest';
import { reasonIn } from '../../src/engine/reason.ts';

describe('the reason a sentence gives', () => {
  it.each([
    ['The mayor called in the contractor to answer for the delays on the pier.', 'To answer for the delays on the pier.'],
    ['The council met over what it says are unsafe repairs to the pier.', 'Over what it says are unsafe repairs to the pier.'],
    ['Iran wants the base in order to open a route for its supplies -- officials said.', 'In order to open a route for its supplies.'],
    ['The vote was delayed because of the storm damage in March.', 'Because of the storm damage in March.'],
    // a reason word with too little after it, or none at all
    ['The vote was delayed because of rain.', null],
    ['The council voted on Monday to rebuild the lighthouse.', null],
  ])('%s → %s', (sentence, reason) => expect(reasonIn(sentence)).toBe(reason));
});

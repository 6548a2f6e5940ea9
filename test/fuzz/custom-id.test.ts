/**
 * The `custom_id` parser takes whatever a client sends back: it never throws,
 * accepts only what the bot itself could have made, and what it accepts
 * encodes back to the very same id. Every press of an arbitrary id through the
 * router gets exactly one private, within-limits reply and runs nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_VERSION, encodeCustomId, parseCustomId, type ButtonAction } from '../../src/bot/custom-id.ts';
import { CUSTOM_ID_MAX, EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { expectWithinLimits, press } from '../bot/helpers.ts';
import { fragmentText, markupText } from './arbitraries.ts';

const RUNS = 3000;

const command = fc.constantFrom('ask', 'quotes', 'timeline', 'who-is', 'when', 'who-said', 'help', 'nope');
const value = fc.oneof(fragmentText, markupText, fc.string({ maxLength: 120 }), fc.constant(''));
const action: fc.Arbitrary<ButtonAction> = fc.oneof(
  fc.record({ kind: fc.constant('run' as const), command, private: fc.boolean(), article: fc.constantFrom('', 'seed', 'a-b-2'), value }),
  fc.record({
    kind: fc.constant('page' as const),
    command,
    private: fc.boolean(),
    article: fc.constantFrom('', 'seed'),
    owner: fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }).map(String),
    page: fc.integer({ min: 0, max: 1200 }),
    value,
  }),
);

/** Ids near the real ones: real ids with a field changed, cut, or doubled. */
const nearId = fc
  .tuple(action, fc.integer({ min: 0, max: 7 }), fc.oneof(fragmentText, markupText, fc.string({ maxLength: 8 })), fc.nat(110))
  .map(([a, field, junk, cut]) => {
    const id = encodeCustomId(a) ?? `${CUSTOM_ID_VERSION}|r|ask|0||||x`;
    const parts = id.split('|');
    parts[field] = junk;
    return [parts.join('|'), id.slice(0, cut), `${id}|${id}`, id.replace('cb1', 'cb0')];
  })
  .chain((ids) => fc.constantFrom(...ids));

const anyId = fc.oneof(fc.string({ maxLength: 130 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fragmentText, markupText, nearId, fc.anything());

describe('parseCustomId', () => {
  it('never throws, and accepts only ids of at most 100 characters that encode back to themselves', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        const parsed = parseCustomId(id);
        if (!parsed.ok) {
          expect(['forged', 'stale']).toContain(parsed.problem);
          return;
        }
        expect(typeof id === 'string' && id.length <= CUSTOM_ID_MAX).toBe(true);
        expect(encodeCustomId(parsed.action)).toBe(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads back every id it makes; an id that would not fit is not made', () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeCustomId(a);
        if (id === null) return;
        expect(id.length).toBeGreaterThanOrEqual(1);
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(parseCustomId(id)).toEqual({ ok: true, action: a });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('pressing any custom_id', () => {
  it('gets one private reply within limits, or a page, and never an apology', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, fc.constantFrom('0', '42'), async (id, user) => {
        const sent = await press(typeof id === 'string' ? id : JSON.stringify(id) ?? '', user);
        expect(sent).toHaveLength(1);
        const [{ kind, payload }] = sent as [(typeof sent)[number]];
        expectWithinLimits(payload);
        if (!parseCustomId(id).ok) {
          expect(kind).toBe('reply');
          expect(payload.flags).toBe(EPHEMERAL_FLAG);
        }
        expect(JSON.stringify(payload)).not.toMatch(/something went wrong/);
      }),
      { numRuns: 400 },
    );
  });
});

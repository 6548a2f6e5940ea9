/**
 * For any input: every reply and autocomplete list fits Discord's limits, and
 * no reply can ping anyone but the `mention:` user.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { optionsOf } from '../../src/bot/command.ts';
import { CHOICE_NAME_MAX, CHOICE_VALUE_MAX, CHOICES_MAX } from '../../src/bot/limits.ts';
import { limitProblems, recordingResponder, router, runLine } from './helpers.ts';

const RUNS = { numRuns: 60 };
const fragments = fc.constantFrom(
  '@everyone', '@here', '<@123>', '<@&456>', '<@!789>', '**', '`', '```', '||', '~~', '_', '> ', '# ', '\n', '\\', '[x](http://e.vil)',
  'megaphone', 'diplomacy', 'Nauert', 'who said', 'when', 'Russia', 'private:', 'mention:', ' ', '😀', '\u200b', '\u0000',
);
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fragments, { maxLength: 60 }).map((p) => p.join('')),
  fc.tuple(fc.array(fragments, { maxLength: 10 }), fc.integer({ min: 1000, max: 6000 })).map(([p, n]) => (p.join(' ') + ' megaphone').repeat(n).slice(0, n)),
);
const snowflake = fc.stringMatching(/^[1-9]\d{16,18}$/);

describe('any console line gives replies within limits that ping no one but mention:', () => {
  const lines = fc.tuple(
    fc.constantFrom('/ask question:', '/who-said quote:', '/quotes speaker:', '/when event:', '/who-is name:', '/find-in-article message:', '/timeline', '/article', '/help', '/', ''),
    text,
    fc.option(snowflake),
    fc.boolean(),
  );
  it('holds', async () => {
    await fc.assert(
      fc.asyncProperty(lines, async ([start, body, mention, priv]) => {
        const line = `${start} ${body.replace(/\n/g, ' ')}${mention ? ` mention: <@${mention}>` : ''}${priv ? ' private: true' : ''}`;
        for (const payload of await runLine(line)) expect(limitProblems(payload, mention)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('any option value, straight to the handlers (as Discord sends it)', () => {
  for (const command of commands) {
    const stringOptions = optionsOf(command).filter((o) => o.type === 3).map((o) => o.name);
    it(`/${command.data.name}`, async () => {
      await fc.assert(
        fc.asyncProperty(text, fc.option(snowflake), async (value, mention) => {
          const responder = recordingResponder();
          await router.run(
            {
              name: command.data.name,
              options: {
                getString: (n) => (stringOptions.includes(n) ? value : null),
                getBoolean: () => null,
                getUser: (n) => (n === 'mention' && mention ? { id: mention } : null),
              },
              user: { id: '1' },
              targetMessage: { content: value },
            },
            responder,
          );
          expect(responder.sent).toHaveLength(1);
          const allowed = optionsOf(command).some((o) => o.name === 'mention') ? mention : null;
          expect(limitProblems(responder.sent[0]!.payload, allowed)).toEqual([]);
        }),
        { numRuns: 30 },
      );
    });
  }
});

describe('autocomplete: at most 25 choices of 1–100 characters, for anything typed', () => {
  const withAutocomplete = commands.filter((c) => c.autocomplete);
  it.each(withAutocomplete.map((c) => [c.data.name, optionsOf(c).find((o) => 'autocomplete' in o && o.autocomplete)!.name]))('/%s %s:', (name, option) => {
    expect(router.complete(name, { name: option, value: '' }).length).toBeGreaterThan(0);
    fc.assert(
      fc.property(text, (typed) => {
        const choices = router.complete(name, { name: option, value: typed });
        expect(choices.length).toBeLessThanOrEqual(CHOICES_MAX);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThanOrEqual(1);
          expect(c.name.length).toBeLessThanOrEqual(CHOICE_NAME_MAX);
          expect(c.value.length).toBeGreaterThanOrEqual(1);
          expect(c.value.length).toBeLessThanOrEqual(CHOICE_VALUE_MAX);
        }
      }),
      RUNS,
    );
  });
});

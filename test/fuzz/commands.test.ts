/**
 * Fuzzing every command and option through the very router, handlers and
 * renderer the Discord adapter uses, with at least 10,000 generated inputs a
 * run (the count is checked at the end). For every input: no handler fails,
 * the reply fits Discord's limits, nobody but the `mention:` user can be
 * pinged, a `private:` reply is ephemeral, and text echoed back has no
 * Markdown left active.
 *
 * A failure prints fast-check's seed and the shrunk input; pass `{ seed, path }`
 * to that `fc.assert` to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { isMessageCommand, optionsOf, type Command, type CommandOptions, type ReplyPayload } from '../../src/bot/command.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { toPlainText, ZERO_WIDTH_SPACE } from '../../src/bot/markdown.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { createRouter } from '../../src/bot/router.ts';
import { engine, recordingLogger, recordingResponder } from '../bot/helpers.ts';
import { longText, manyWords, snowflake, typedText } from './arbitraries.ts';
import { choiceProblems, replyProblems } from './reply-checks.ts';

/**
 * Generated inputs per property; together at least {@link MIN_INPUTS}. The
 * engine spends 1–20 ms on a fuzzed question (fuzzy matching and suggestions
 * grow with the number of words), so long and many-word inputs are fewer.
 */
const RUNS = {
  stringOption: 800,
  manyWords: 12,
  long: 3,
  contextMenu: 1000,
  noStringOption: 400,
  unknownCommand: 1400,
  autocomplete: 600,
} as const;
const MIN_INPUTS = 10_000;

const { logger, lines } = recordingLogger();
/** The router of the Discord adapter, without the per-user rate limit (one user sends everything here). */
const router = createRouter({ commands, engine, logger, limiter: null, timestamps: 'discord' });
let inputs = 0;

const stringOptionsOf = (c: Command): string[] => optionsOf(c).filter((o) => o.type === 3).map((o) => o.name);
const has = (c: Command, option: string): boolean => optionsOf(c).some((o) => o.name === option);
const autocompleted = (c: Command): string | undefined => optionsOf(c).find((o) => 'autocomplete' in o && o.autocomplete)?.name;

/** Options as discord.js reads them from one interaction. */
function optionsFor(command: Command, value: string, priv: boolean | null, mention: string | null): CommandOptions {
  const strings = stringOptionsOf(command);
  return {
    getString: (n) => (strings.includes(n) ? value : null),
    getBoolean: (n) => (n === 'private' ? priv : null),
    getUser: (n) => (n === 'mention' && mention ? { id: mention } : null),
  };
}

/** Runs one invocation; returns the one reply after checking that nothing failed. */
async function invoke(name: string, options: CommandOptions, targetMessage?: string): Promise<ReplyPayload> {
  inputs += 1;
  lines.length = 0;
  const responder = recordingResponder();
  await router.run({ name, options, user: { id: '1300000000000000400' }, ...(targetMessage !== undefined ? { targetMessage: { content: targetMessage } } : {}) }, responder);
  const failures = lines.filter((l) => typeof l.level === 'number' && l.level >= 50);
  expect(failures, `/${name} logged a failure`).toEqual([]);
  expect(responder.sent.map((s) => s.kind)).toEqual(['reply']);
  return responder.sent[0]!.payload;
}

const slash = commands.filter((c) => !isMessageCommand(c));
const menus = commands.filter(isMessageCommand);
const delivery = fc.record({ priv: fc.option(fc.boolean(), { nil: null }), mention: fc.option(snowflake, { nil: null }) });

describe('every slash command, any option values', () => {
  for (const command of slash) {
    const name = command.data.name;
    const strings = stringOptionsOf(command);
    const allowMention = has(command, 'mention');
    const check = async (value: string, { priv, mention }: { priv: boolean | null; mention: string | null }): Promise<void> => {
      const payload = await invoke(name, optionsFor(command, value, priv, mention));
      expect(replyProblems(payload, { allowedMention: allowMention ? mention : null, priv: has(command, 'private') ? priv : null })).toEqual([]);
      if (name === 'help') expect(payload.flags).toBe(EPHEMERAL_FLAG);
      // /quotes echoes a name it does not know: what the reader sees must be what was typed
      // (unless escaping made it too long for a title, and it was cut).
      const title = payload.embeds[0]?.title ?? '';
      if (name === 'quotes' && title.startsWith('The article quotes no one') && !title.endsWith('…') && value.length < 200 && !value.includes(ZERO_WIDTH_SPACE)) {
        expect(toPlainText(title)).toBe(TEXT.noSuchSpeaker(value));
      }
    };

    const runs = strings.length > 0 ? RUNS.stringOption : RUNS.noStringOption;
    it(`/${name} (${strings.length > 0 ? strings.join(', ') : 'no text option'}): ${runs} inputs`, async () => {
      await fc.assert(fc.asyncProperty(typedText, delivery, check), { numRuns: runs });
    });
    if (strings.length > 0) {
      it(`/${name} with 10–40 words, and with 5500–6000 characters`, async () => {
        await fc.assert(fc.asyncProperty(manyWords, delivery, check), { numRuns: RUNS.manyWords });
        await fc.assert(fc.asyncProperty(longText(), delivery, check), { numRuns: RUNS.long });
      });
    }
  }
});

describe('the message context menu, any message text', () => {
  for (const command of menus) {
    const check = async (text: string): Promise<void> => {
      const payload = await invoke(command.data.name, optionsFor(command, text, null, null), text);
      expect(replyProblems(payload, { allowedMention: null, priv: true })).toEqual([]);
    };
    it(`${command.data.name}: ${RUNS.contextMenu} messages`, async () => {
      await fc.assert(fc.asyncProperty(typedText, check), { numRuns: RUNS.contextMenu });
    });
    it(`${command.data.name} on 10–40 words, and on 5500–6000 characters`, async () => {
      await fc.assert(fc.asyncProperty(manyWords, check), { numRuns: RUNS.manyWords });
      await fc.assert(fc.asyncProperty(longText(), check), { numRuns: RUNS.long });
    });
  }
});

describe('a command the bot does not have', () => {
  it(`answers privately and escapes the name: ${RUNS.unknownCommand} names`, async () => {
    const known = new Set(commands.map((c) => c.data.name));
    await fc.assert(
      fc.asyncProperty(typedText.filter((n) => !known.has(n)), async (name) => {
        const payload = await invoke(name, { getString: () => name, getBoolean: () => true, getUser: () => ({ id: '123456789012345678' }) });
        expect(payload.flags).toBe(EPHEMERAL_FLAG);
        expect(replyProblems(payload, { allowedMention: null, priv: true })).toEqual([]);
      }),
      { numRuns: RUNS.unknownCommand },
    );
  });
});

describe('autocomplete, anything typed so far', () => {
  const withAutocomplete = commands.filter((c) => autocompleted(c));
  const check = (name: string, option: string) => (typed: string) => {
    inputs += 1;
    lines.length = 0;
    const choices = router.complete(name, { name: option, value: typed });
    expect(lines.filter((l) => typeof l.level === 'number' && l.level >= 50)).toEqual([]);
    expect(choiceProblems(choices)).toEqual([]);
  };
  for (const command of withAutocomplete) {
    const name = command.data.name;
    const option = autocompleted(command)!;
    it(`/${name} ${option}: ${RUNS.autocomplete} inputs`, () => {
      fc.assert(fc.property(typedText, check(name, option)), { numRuns: RUNS.autocomplete });
      fc.assert(fc.property(manyWords, check(name, option)), { numRuns: RUNS.manyWords });
      fc.assert(fc.property(longText(), check(name, option)), { numRuns: RUNS.long });
    });
  }
});

// Last in the file, so it runs after all the others.
it(`generated at least ${MIN_INPUTS.toLocaleString('en')} inputs in all`, () => {
  expect(inputs).toBeGreaterThanOrEqual(MIN_INPUTS);
});

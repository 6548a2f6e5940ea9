/** `/when event:` — the date of an event, and the excerpt that gives it. */
import { resolveTyped } from '../src/bot/autocomplete.ts';
import { articleOption, deliveryOf, privateOption, slashCommand, stringOption, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT } from '../src/bot/messages.ts';
import { renderResult } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('when', COMMAND_TEXT.when, [stringOption('event', OPTION_TEXT.event, { autocomplete: true, max_length: MAX_QUESTION_CHARS }), articleOption, privateOption]),
  example: '/when event: Facebook announced the sophisticated efforts',
  async execute({ engine, article, options, reply }) {
    const result = engine.when(resolveTyped(options.getString('event') ?? '', engine.eventChoices));
    await reply(renderResult(result, engine, 'matched', deliveryOf(options, { article })));
  },
  autocomplete: ({ engine, focused }) => engine.eventChoices(focused.value),
} satisfies Command;

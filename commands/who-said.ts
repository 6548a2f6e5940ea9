/** `/who-said quote:` — who said it, when and how, with the quote in its paragraph. */
import { resolveTyped } from '../src/bot/autocomplete.ts';
import { articleOption, deliveryOf, privateOption, slashCommand, stringOption, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT } from '../src/bot/messages.ts';
import { renderResult } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('who-said', COMMAND_TEXT.whoSaid, [stringOption('quote', OPTION_TEXT.quote, { autocomplete: true, max_length: MAX_QUESTION_CHARS }), articleOption, privateOption]),
  example: '/who-said quote: megaphone diplomacy',
  async execute({ engine, article, options, reply }) {
    const result = engine.whoSaid(resolveTyped(options.getString('quote') ?? '', engine.quoteChoices));
    await reply(renderResult(result, engine, 'in-paragraph', deliveryOf(options, { article })));
  },
  autocomplete: ({ engine, focused }) => engine.quoteChoices(focused.value),
} satisfies Command;

/** `/who-is name:` — who a person or organization is, and where the article says so. */
import { resolveTyped } from '../src/bot/autocomplete.ts';
import { articleOption, deliveryOf, privateOption, slashCommand, stringOption, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT } from '../src/bot/messages.ts';
import { renderResult } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('who-is', COMMAND_TEXT.whoIs, [stringOption('name', OPTION_TEXT.name, { autocomplete: true, max_length: MAX_QUESTION_CHARS }), articleOption, privateOption]),
  example: '/who-is name: zhirnov',
  async execute({ engine, article, options, reply }) {
    const result = engine.whoIs(resolveTyped(options.getString('name') ?? '', engine.entityChoices));
    await reply(renderResult(result, engine, 'in-paragraph', deliveryOf(options, { article })));
  },
  autocomplete: ({ engine, focused }) => engine.entityChoices(focused.value),
} satisfies Command;

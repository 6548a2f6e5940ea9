/** `/article` — headline, outlet, date, the people in it, and the link when known. */
import { deliveryOf, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT } from '../src/bot/messages.ts';
import { renderArticle } from '../src/bot/render.ts';

export default {
  data: slashCommand('article', COMMAND_TEXT.article).addBooleanOption(privateOption),
  example: '/article',
  async execute({ engine, options, reply }) {
    await reply(renderArticle(engine.kb, deliveryOf(options)));
  },
} satisfies Command;

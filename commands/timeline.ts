/** `/timeline` — every dated event in order, each cited, a page at a time. */
import { deliveryOf, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT } from '../src/bot/messages.ts';
import { renderTimeline } from '../src/bot/render.ts';

export default {
  data: slashCommand('timeline', COMMAND_TEXT.timeline).addBooleanOption(privateOption),
  example: '/timeline',
  async execute({ engine, options, user, page = 0, reply }) {
    await reply(renderTimeline(engine.timeline(), engine.kb, deliveryOf(options), { user: user.id, command: 'timeline', value: '', page }));
  },
} satisfies Command;

/** `/timeline` — every dated event in order, each cited, a page at a time. */
import { articleOption, deliveryOf, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT } from '../src/bot/messages.ts';
import { renderTimeline } from '../src/bot/render.ts';

export default {
  data: slashCommand('timeline', COMMAND_TEXT.timeline, [articleOption, privateOption]),
  example: '/timeline',
  async execute({ engine, article, options, user, page = 0, reply }) {
    await reply(renderTimeline(engine.timeline(), engine.kb, deliveryOf(options, { article }), { user: user.id, command: 'timeline', value: '', page }));
  },
} satisfies Command;

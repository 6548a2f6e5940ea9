/** `/timeline` — every dated event in order, each cited. */
import { deliveryOf, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT } from '../src/bot/messages.ts';
import { renderTimeline } from '../src/bot/render.ts';

export default {
  data: slashCommand('timeline', COMMAND_TEXT.timeline).addBooleanOption(privateOption),
  example: '/timeline',
  async execute({ engine, options, reply }) {
    await reply(renderTimeline(engine.timeline(), engine.kb, deliveryOf(options)));
  },
} satisfies Command;

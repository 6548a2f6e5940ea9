/** `/help` — what each command does, with an example. Always private. */
import { slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT } from '../src/bot/messages.ts';
import { renderHelp } from '../src/bot/render.ts';

export default {
  data: slashCommand('help', COMMAND_TEXT.help),
  example: '/help',
  alwaysPrivate: true,
  async execute({ commands, reply }) {
    await reply(renderHelp(commands));
  },
} satisfies Command;

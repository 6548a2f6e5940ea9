/** `/ask question:` — the engine's best answer, with up to two further cited passages. */
import { articleOption, deliveryOf, mentionOption, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT } from '../src/bot/messages.ts';
import { renderResult } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('ask', COMMAND_TEXT.ask)
    .addStringOption((o) => o.setName('question').setDescription(OPTION_TEXT.question).setRequired(true).setMaxLength(MAX_QUESTION_CHARS))
    .addStringOption(articleOption)
    .addBooleanOption(privateOption)
    .addUserOption(mentionOption),
  example: '/ask question: who said megaphone diplomacy',
  async execute({ engine, article, options, reply }) {
    const result = engine.answer(options.getString('question') ?? '');
    await reply(renderResult(result, engine, 'matched', deliveryOf(options, { allowMention: true, article })));
  },
} satisfies Command;

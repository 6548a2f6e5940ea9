/** `/ask question:` — the engine's best answer, with up to two further cited passages. */
import { articleOption, deliveryOf, mentionOption, privateOption, slashCommand, stringOption, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT } from '../src/bot/messages.ts';
import { renderResult } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('ask', COMMAND_TEXT.ask, [stringOption('question', OPTION_TEXT.question, { max_length: MAX_QUESTION_CHARS }), articleOption, privateOption, mentionOption]),
  example: '/ask question: who said megaphone diplomacy',
  async execute({ engine, article, options, reply }) {
    const result = engine.answer(options.getString('question') ?? '');
    await reply(renderResult(result, engine, 'matched', deliveryOf(options, { allowMention: true, article })));
  },
} satisfies Command;

/** `/quotes speaker:` — everything a speaker is quoted as saying, in article order, each cited. */
import { deliveryOf, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT, TEXT } from '../src/bot/messages.ts';
import { renderNoAnswer, renderQuotes, SUGGESTIONS } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('quotes', COMMAND_TEXT.quotes)
    .addStringOption((o) =>
      o.setName('speaker').setDescription(OPTION_TEXT.speaker).setRequired(true).setAutocomplete(true).setMaxLength(MAX_QUESTION_CHARS),
    )
    .addBooleanOption(privateOption),
  example: '/quotes speaker: nauert',
  async execute({ engine, options, reply }) {
    const typed = options.getString('speaker') ?? '';
    const found = engine.quotesBy(typed);
    if (found) {
      await reply(renderQuotes(found, engine.kb, deliveryOf(options)));
      return;
    }
    const close = engine.speakerChoices(typed, SUGGESTIONS);
    const names = (close.length > 0 ? close : engine.speakerChoices('', SUGGESTIONS)).map((c) => `/quotes speaker: ${c.label}`);
    await reply(renderNoAnswer(TEXT.noSuchSpeaker(typed), names));
  },
  autocomplete: ({ engine, focused }) => engine.speakerChoices(focused.value),
} satisfies Command;

/** `/quotes speaker:` — everything a speaker is quoted as saying, in article order, each cited, a page at a time. */
import { resolveTyped } from '../src/bot/autocomplete.ts';
import { articleOption, deliveryOf, privateOption, slashCommand, stringOption, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT, TEXT } from '../src/bot/messages.ts';
import { renderNeverQuoted, renderNoAnswer, renderQuotes, SUGGESTIONS } from '../src/bot/render.ts';
import { MAX_QUESTION_CHARS } from '../src/engine/index.ts';

export default {
  data: slashCommand('quotes', COMMAND_TEXT.quotes, [stringOption('speaker', OPTION_TEXT.speaker, { autocomplete: true, max_length: MAX_QUESTION_CHARS }), articleOption, privateOption]),
  example: '/quotes speaker: nauert',
  async execute({ engine, article, options, user, page = 0, reply }) {
    const typed = options.getString('speaker') ?? '';
    const delivery = deliveryOf(options, { article });
    const found = engine.quotesBy(resolveTyped(typed, engine.speakerChoices));
    if (found) {
      await reply(renderQuotes(found, engine.kb, delivery, { user: user.id, command: 'quotes', value: found.speaker.name, page }));
      return;
    }
    // Someone the article mentions but never quotes: say so, and who they are.
    const who = engine.whoIs(resolveTyped(typed, engine.entityChoices));
    const best = who.answers[0];
    // From several articles, the entity is the one of the article the answer cites.
    const kb = (best?.article && article.sources?.get(best.article)) || engine.kb;
    const entity = best?.source.kind === 'entity' ? kb.entityById.get(best.source.id) : undefined;
    if (entity) {
      await reply(renderNeverQuoted(entity.name, who, engine.kb, delivery));
      return;
    }
    const close = engine.speakerChoices(typed, SUGGESTIONS);
    const names = (close.length > 0 ? close : engine.speakerChoices('', SUGGESTIONS)).map((c) => ({ label: `/quotes speaker: ${c.label}`, command: 'quotes', value: c.label }));
    await reply(renderNoAnswer(TEXT.noSuchSpeaker(typed), names, { ephemeral: delivery.ephemeral, article: article.buttonKey }));
  },
  autocomplete: ({ engine, focused }) => engine.speakerChoices(focused.value),
} satisfies Command;

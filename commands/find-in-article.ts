/**
 * "Find in article", a message context-menu command: the passages of the
 * article closest to the message's text. Private, since it is used on someone
 * else's message and takes no `private:` option.
 */
import { ApplicationCommandType } from 'discord-api-types/v10';
import { CONTEXTS, definition, INTEGRATION_TYPES, type Command } from '../src/bot/command.ts';
import { FIND_IN_ARTICLE, TEXT } from '../src/bot/messages.ts';
import { renderNoAnswer, renderPassages, SUGGESTIONS } from '../src/bot/render.ts';
import { MAX_ANSWERS } from '../src/engine/index.ts';

export default {
  data: definition({ type: ApplicationCommandType.Message, name: FIND_IN_ARTICLE, integration_types: [...INTEGRATION_TYPES], contexts: [...CONTEXTS] }),
  example: '/find-in-article message: Russia says the State Department is stooping to megaphone diplomacy',
  async execute({ engine, article, targetMessage, reply }) {
    const text = targetMessage?.content ?? '';
    if (!text.trim()) {
      await reply(renderNoAnswer(TEXT.findEmpty, []));
      return;
    }
    const passages = engine.findPassages(text, MAX_ANSWERS);
    await reply(
      passages.length > 0
        ? renderPassages(passages, engine.kb, { ephemeral: true, mention: null, ...(article.sources ? { sources: article.sources } : {}) })
        : renderNoAnswer(TEXT.findNothing, engine.suggestions(text, SUGGESTIONS), { article: article.buttonKey }),
    );
  },
} satisfies Command;

/**
 * `/article` — with one article (or `article:`), its headline, outlet, date,
 * the people in it, and the link when known; with several, the list of them
 * (title, outlet, date, slug), the server's default marked.
 */
import { articleOption, deliveryOf, privateOption, slashCommand, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT } from '../src/bot/messages.ts';
import { renderArticle, renderArticleList } from '../src/bot/render.ts';

export default {
  data: slashCommand('article', COMMAND_TEXT.article, [articleOption, privateOption]),
  example: '/article',
  async execute({ article, articles, place, options, reply }) {
    const delivery = deliveryOf(options);
    const one = article.source === 'option' || article.source === 'only-article' ? article.article : null;
    await reply(one ? renderArticle(one.kb, delivery) : renderArticleList(await articles.listing(place.guildId), delivery));
  },
} satisfies Command;

/**
 * `/article-use article:` — sets the article this server's commands answer
 * from when they name none; `article: clear` removes it (commands then answer
 * from all articles, or the only one). Registered for servers only and, by
 * default, for members with Manage Server; since a server's admins can change
 * who may use a command, the handler checks that permission itself too.
 */
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { canManageServer, CLEAR_DEFAULT } from '../src/bot/articles.ts';
import { ARTICLE_OPTION, ARTICLE_OPTION_MAX, slashCommand, stringOption, type Command } from '../src/bot/command.ts';
import { COMMAND_TEXT, OPTION_TEXT, TEXT } from '../src/bot/messages.ts';
import { renderNotice, renderUnknownArticle } from '../src/bot/render.ts';
import { articleLabel } from '../src/engine/index.ts';
import { SettingsError } from '../src/store/settings.ts';

export default {
  data: slashCommand('article-use', COMMAND_TEXT.articleUse, [stringOption(ARTICLE_OPTION, OPTION_TEXT.articleUse, { autocomplete: true, max_length: ARTICLE_OPTION_MAX })], {
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  }),
  example: `/article-use article: ${CLEAR_DEFAULT}`,
  // Its `article:` is the article to store, not one to answer from.
  answersFromArticle: false,
  alwaysPrivate: true,
  async execute({ articles, place, options, reply }) {
    if (!place.guildId) return reply(renderNotice(TEXT.articleUseGuildOnly));
    if (!canManageServer(place.permissions)) return reply(renderNotice(TEXT.articleUseForbidden));
    const typed = (options.getString(ARTICLE_OPTION) ?? '').trim();
    const clear = typed.toLowerCase() === CLEAR_DEFAULT;
    const chosen = clear ? null : articles.find(typed);
    if (!clear && !chosen) return reply(renderUnknownArticle(typed, articles.library));
    try {
      await articles.setServerDefault(place.guildId, chosen?.slug ?? null);
    } catch (err) {
      if (!(err instanceof SettingsError)) throw err;
      return reply(renderNotice(TEXT.articleUseFailed(TEXT.settingsProblem(err.problem))));
    }
    await reply(renderNotice(chosen ? TEXT.articleUseSet(articleLabel(chosen)) : TEXT.articleUseCleared(articles.library.articles.length)));
  },
  autocomplete: ({ articles, focused }) => [{ label: TEXT.articleUseClearChoice, value: CLEAR_DEFAULT }, ...articles.choices(focused.value)],
} satisfies Command;

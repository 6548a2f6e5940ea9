/**
 * The one shape of a command. Each `commands/<name>.ts` is
 * `export default { data, example, execute, autocomplete? } satisfies Command`,
 * and `commands/index.ts` lists them once for the deploy script, the Discord
 * router and the local console alike.
 *
 * Handlers see a small {@link CommandContext}, never a discord.js interaction,
 * so the Discord adapter (`discord.ts`) and the console (`console.ts`) run the
 * very same code.
 */
// Definitions are written in Discord's own JSON form, typed by discord-api-types (what discord.js
// itself uses), rather than with @discordjs/builders: loading the builders and their validator took
// a tenth of a second and 10 MB of every start, for checks `registrationProblems` (deploy.ts) makes
// of the very bodies registered, in the tests. Neither the console nor the HTTP mode loads discord.js.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIActionRowComponent,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandBooleanOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandStringOption,
  type APIApplicationCommandUserOption,
  type APIButtonComponent,
  type APIEmbed,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Choice, Engine, KnowledgeBase } from '../engine/index.ts';
import type { ArticleChoice, Articles } from './articles.ts';
import type { EPHEMERAL_FLAG } from './limits.ts';
import { OPTION_TEXT } from './messages.ts';

/**
 * A reply in Discord's API form (snake_case), exactly the body sent for it.
 * Renderers build these; `fitToLimits` cuts them to Discord's limits.
 */
export interface ReplyPayload {
  /** Plain text above the embeds; only ever the `mention:` user's `<@id>`. */
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  /** Action rows of buttons: "did you mean" suggestions, previous/next page, the "Read the article" link. */
  readonly components: readonly APIActionRowComponent<APIButtonComponent>[];
  /** {@link EPHEMERAL_FLAG} for a reply only the invoking user sees. */
  readonly flags?: typeof EPHEMERAL_FLAG;
  /** `parse` is always empty, so echoed `@everyone` or `<@id>` ping no one; `users` holds at most the `mention:` user. */
  readonly allowed_mentions: { readonly parse: readonly []; readonly users?: readonly string[] };
}

/** The options of one invocation. `interaction.options` of discord.js satisfies it as it is. */
export interface CommandOptions {
  /** A string option's value, or null when it was not given. */
  getString(name: string): string | null;
  /** A boolean option's value, or null when it was not given. */
  getBoolean(name: string): boolean | null;
  /** A user option's user, or null when it was not given. */
  getUser(name: string): { readonly id: string } | null;
}

/** The options of an invocation that has none (context-menu commands). */
export const NO_OPTIONS: CommandOptions = Object.freeze({ getString: () => null, getBoolean: () => null, getUser: () => null });

/** Where a command was used. */
export interface Place {
  /** The server's id; null in DMs and group DMs. */
  readonly guildId: string | null;
  /** The member's permissions in the channel (Discord's bitfield); null outside a server. */
  readonly permissions: bigint | null;
}

/** What a command's `execute` gets. */
export interface CommandContext {
  /** The engine of the article the command answers from (see {@link ArticleChoice}). */
  readonly engine: Engine;
  /** Which article that is, how it was chosen, and what the reply's buttons carry to stay on it. */
  readonly article: ArticleChoice;
  /** Every article the bot serves, and the server defaults (for `/article` and `/article-use`). */
  readonly articles: Articles;
  readonly place: Place;
  readonly options: CommandOptions;
  /** Who invoked the command. */
  readonly user: { readonly id: string };
  /** For message context-menu commands: the message it was used on. */
  readonly targetMessage?: { readonly content: string };
  /** The page of a long reply to show (0-based), when a page button was pressed; else the first. */
  readonly page?: number;
  /** Every command the bot has, for `/help`. */
  readonly commands: readonly Command[];
  /** Sends the reply. Call it exactly once; the payload is cut to Discord's limits on the way. */
  reply(payload: ReplyPayload): Promise<void>;
}

/** What a command's `autocomplete` gets. */
export interface AutocompleteContext {
  /** The engine of the article the command would answer from. */
  readonly engine: Engine;
  readonly articles: Articles;
  /** The option being typed, and what has been typed so far (possibly ''). */
  readonly focused: { readonly name: string; readonly value: string };
}

/** Anything that turns into a command registration: a plain object with `toJSON`, as a discord.js builder is too. */
export interface CommandData {
  readonly name: string;
  toJSON(): RESTPostAPIApplicationCommandsJSONBody;
}

/** One command of the bot. */
export interface Command {
  /** Its definition as registered with Discord. */
  readonly data: CommandData;
  /** An example use as typed in the console (and, for slash commands, in Discord): for `/help`, the README and the tests. */
  readonly example: string;
  /** Answers one invocation: read options, call the engine, render, `ctx.reply` once. May throw only on bugs. */
  execute(ctx: CommandContext): Promise<void>;
  /** Every reply it gives is private (`/help`, `/article-use`): a deferral is private too. */
  readonly alwaysPrivate?: boolean;
  /**
   * False for a command whose `article:` option is not the article to answer
   * from (`/article-use`): the router then picks none for it. Default true.
   */
  readonly answersFromArticle?: boolean;
  /** Choices for the option being typed; at most 25 are shown, cut to Discord's limits by the caller. */
  autocomplete?(ctx: AutocompleteContext): readonly Choice[];
}

// ----- building definitions -------------------------------------------------

/** Where every command can be used: servers and user installs; servers, DMs with the bot, group DMs. */
export const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;
export const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;

/** A registration body as the definition of a command. */
export function definition(body: RESTPostAPIApplicationCommandsJSONBody): CommandData {
  return { name: body.name, toJSON: () => body };
}

/** A slash command usable everywhere (see {@link CONTEXTS}), with its options in order. */
export function slashCommand(
  name: string,
  description: string,
  options: readonly APIApplicationCommandBasicOption[] = [],
  more: Partial<RESTPostAPIChatInputApplicationCommandsJSONBody> = {},
): CommandData {
  return definition({ type: ApplicationCommandType.ChatInput, name, description, options: [...options], integration_types: [...INTEGRATION_TYPES], contexts: [...CONTEXTS], ...more });
}

/** A string option (a required one by default: every command's main text). */
export function stringOption(name: string, description: string, more: Partial<APIApplicationCommandStringOption> = {}): APIApplicationCommandStringOption {
  return { type: ApplicationCommandOptionType.String, name, description, required: true, ...more } as APIApplicationCommandStringOption;
}

/** The option that picks the article a command answers from. */
export const ARTICLE_OPTION = 'article';

/** Longest `article:` value: an autocomplete choice's value, or words of a title. */
export const ARTICLE_OPTION_MAX = 100;

/** The `article:` option of every answering command, autocompleted by title, outlet and date. */
export const articleOption: APIApplicationCommandStringOption = stringOption(ARTICLE_OPTION, OPTION_TEXT.article, { required: false, autocomplete: true, max_length: ARTICLE_OPTION_MAX });

/** The `private:` option of every answering command. */
export const privateOption: APIApplicationCommandBooleanOption = { type: ApplicationCommandOptionType.Boolean, name: 'private', description: OPTION_TEXT.private, required: false };

/** The `mention:` option: the only user a reply may ping. */
export const mentionOption: APIApplicationCommandUserOption = { type: ApplicationCommandOptionType.User, name: 'mention', description: OPTION_TEXT.mention, required: false };

/** How an answer is delivered, from the `private:` and `mention:` options. */
export interface Delivery {
  /** Only the invoking user sees it. */
  readonly ephemeral: boolean;
  /** User id to ping above the answer, or null. Never set on a private reply: no one else could see it. */
  readonly mention: string | null;
  /** A `mention:` was given with `private:` and left out; the reply says so. */
  readonly mentionDropped?: boolean;
  /** The article key the reply's buttons carry, so a press answers from the same article ('' or absent: none picked). */
  readonly article?: string;
  /** Answering from several articles: each one's knowledge by slug, so an answer is quoted, cited and linked from its own. */
  readonly sources?: ReadonlyMap<string, KnowledgeBase>;
}

/**
 * Reads {@link Delivery} from the `private:` option, and from `mention:` only
 * for a command that declares it (`allowMention`), so no other command can ever ping.
 * A private reply pings no one: the mention is dropped, and the reply says so.
 */
export function deliveryOf(options: CommandOptions, { allowMention = false, article }: { readonly allowMention?: boolean; readonly article?: ArticleChoice } = {}): Delivery {
  const ephemeral = options.getBoolean('private') ?? false;
  const mention = allowMention ? (options.getUser('mention')?.id ?? null) : null;
  const key = { ...(article?.buttonKey ? { article: article.buttonKey } : {}), ...(article?.sources ? { sources: article.sources } : {}) };
  if (ephemeral && mention) return { ephemeral, mention: null, mentionDropped: true, ...key };
  return { ephemeral, mention, ...key };
}

/** Who asked, and what, for the buttons of a reply (a page button works only for the one who asked). */
export interface Asker {
  /** The invoking user's id. */
  readonly user: string;
  /** The command's registered name. */
  readonly command: string;
  /** The value of the command's text option, as a button should send it again ('' when it has none). */
  readonly value: string;
  /** The page to show (0-based). */
  readonly page: number;
}

/** Is this a message context-menu command (no options, used on a message)? */
export function isMessageCommand(command: Command): boolean {
  return command.data.toJSON().type === ApplicationCommandType.Message;
}

/** The options a command declares (none for context-menu commands). */
export function optionsOf(command: Command): readonly APIApplicationCommandOption[] {
  const json = command.data.toJSON();
  return 'options' in json ? (json.options ?? []) : [];
}

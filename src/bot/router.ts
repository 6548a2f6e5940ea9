/**
 * The one interaction boundary, shared by Discord and the console: find the
 * command, apply the rate limit, run it, and when it fails log the stack and
 * apologise privately (reply, or follow up when a response already went out).
 * Nothing here throws; the process keeps serving.
 */
import { ApplicationCommandOptionType, type APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { distance } from 'fastest-levenshtein';
import type { Engine } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import { createArticles, createMemorySettingsStore, singleArticle, type Articles } from './articles.ts';
import { ARTICLE_OPTION, optionsOf, type Command, type CommandContext, type CommandOptions, type Place, type ReplyPayload } from './command.ts';
import { parseCustomId } from './custom-id.ts';
import { CHOICE_NAME_MAX, fitChoices, fitToLimits } from './limits.ts';
import { TEXT } from './messages.ts';
import type { RateLimiter } from './rate-limit.ts';
import { renderNotice, renderUnknownArticle } from './render.ts';

/** One use of a command, whatever it came from. */
export interface Invocation {
  /** The command's registered name. */
  readonly name: string;
  readonly options: CommandOptions;
  readonly user: { readonly id: string };
  /** For message context-menu commands. */
  readonly targetMessage?: { readonly content: string };
  /** Which page of a long reply to show (0-based); from a paging button. */
  readonly page?: number;
  /** Redraw the message the button is on rather than send a new one (a page turn). */
  readonly update?: boolean;
  /** The server and the member's permissions; default none (a DM). */
  readonly place?: Place;
}

/** Outside any server: a DM, a button press (whose article is in its `custom_id`), a test. */
export const NO_PLACE: Place = Object.freeze({ guildId: null, permissions: null });

/** A press of one of the bot's buttons. */
export interface ButtonPress {
  /** The button's `custom_id`, as Discord (or the console) sent it: untrusted. */
  readonly customId: string;
  /** Who pressed it. */
  readonly user: { readonly id: string };
}

/** Where replies go: a Discord interaction, or the console. */
export interface Responder {
  /** True once the first response went out (a reply, or a deferral); after that only `followUp` works. */
  readonly replied: boolean;
  reply(payload: ReplyPayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
  /**
   * Redraws the message a pressed button is on, as the first response (a page
   * turn). Absent where there is no such message; `reply` is used then.
   */
  update?(payload: ReplyPayload): Promise<void>;
}

/** What became of one interaction, for metrics. */
export interface Outcome {
  readonly kind: 'command' | 'autocomplete';
  /** The command's name, or null when the bot has no such command. */
  readonly command: string | null;
  readonly outcome: 'answered' | 'rate-limited' | 'failed' | 'unknown-command';
  /** Time spent routing and answering. */
  readonly ms: number;
}

/** Options for {@link createRouter}. */
export interface RouterOptions {
  readonly commands: readonly Command[];
  /** The articles served, and the server defaults among them. */
  readonly articles?: Articles;
  /** Or just one engine: the bot then serves its one article (settings in memory). One of the two is required. */
  readonly engine?: Engine;
  readonly logger: Logger;
  /** Per-user limit on commands; none when null. */
  readonly limiter: RateLimiter | null;
  /** How "try again" times are written: a Discord timestamp (`<t:…:R>`) or plain seconds. */
  readonly timestamps: 'discord' | 'plain';
  /** Told what became of each interaction (metrics); must not throw. */
  readonly observe?: (outcome: Outcome) => void;
}

export interface Router {
  readonly commands: readonly Command[];
  /** The command registered under `name`. */
  find(name: string): Command | undefined;
  /** Runs one invocation and answers it, whatever happens. Never rejects. */
  run(invocation: Invocation, responder: Responder): Promise<void>;
  /**
   * Answers a button press: a "did you mean" suggestion runs its command, a
   * page button redraws the reply (for the one who asked it only). A forged,
   * stale or unknown `custom_id` gets a private note. Never rejects.
   */
  click(press: ButtonPress, responder: Responder): Promise<void>;
  /**
   * Autocomplete choices, cut to Discord's limits; `[]` on any failure. Never
   * throws. `context` gives the options typed so far and the place, so that
   * choices come from the article the command would answer from.
   */
  complete(
    name: string,
    focused: { readonly name: string; readonly value: string },
    context?: { readonly options?: CommandOptions; readonly place?: Place },
  ): APIApplicationCommandOptionChoice<string>[];
  /** The articles the router answers from. */
  readonly articles: Articles;
}

/** Does this command answer from an article that `article:` can pick? */
const picksArticle = (command: Command): boolean => command.answersFromArticle !== false && optionsOf(command).some((o) => o.name === ARTICLE_OPTION);

export function createRouter({ commands, engine, articles: given, logger, limiter, timestamps, observe }: RouterOptions): Router {
  if (!given && !engine) throw new Error('createRouter needs articles or an engine');
  const articles = given ?? createArticles({ library: singleArticle(engine!), settings: async () => createMemorySettingsStore(), logger });
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const find = (name: string): Command | undefined => byName.get(name);

  async function send(responder: Responder, payload: ReplyPayload): Promise<void> {
    try {
      await (responder.replied ? responder.followUp(payload) : responder.reply(payload));
    } catch (err) {
      logger.error({ err }, 'could not send a reply');
    }
  }

  function tooFast(retryAt: number): string {
    if (timestamps === 'discord') return TEXT.rateLimitedDiscord(Math.ceil(retryAt / 1000));
    return TEXT.rateLimitedPlain(Math.max(1, Math.ceil((retryAt - (limiter?.now() ?? Date.now())) / 1000)));
  }

  async function run(invocation: Invocation, responder: Responder): Promise<void> {
    const { name, user } = invocation;
    const started = performance.now();
    const command = find(name);
    const done = (outcome: Outcome['outcome']): void =>
      observe?.({ kind: 'command', command: command ? name : null, outcome, ms: performance.now() - started });
    if (!command) {
      logger.warn({ command: name, user: user.id }, 'unknown command');
      await send(responder, renderNotice(TEXT.unknownCommand(name, closestName(name, commands.map((c) => c.data.name)))));
      done('unknown-command');
      return;
    }
    const decision = (await limiter?.take(user.id)) ?? { ok: true };
    if (!decision.ok) {
      logger.info({ command: name, user: user.id, retryAt: decision.retryAt }, 'rate limited');
      await send(responder, renderNotice(tooFast(decision.retryAt)));
      done('rate-limited');
      return;
    }
    const place = invocation.place ?? NO_PLACE;
    const option = picksArticle(command) ? invocation.options.getString(ARTICLE_OPTION) : null;
    let article: Awaited<ReturnType<Articles['choose']>>;
    try {
      article = await articles.choose(option, place.guildId);
    } catch (err) {
      logger.error({ err, command: name, user: user.id }, 'choosing the article failed');
      await send(responder, renderNotice(TEXT.apology));
      done('failed');
      return;
    }
    if ('unknown' in article) {
      logger.info({ command: name, user: user.id }, 'unknown article');
      await send(responder, renderUnknownArticle(article.unknown, articles.library));
      done('answered');
      return;
    }
    const ctx: CommandContext = {
      engine: article.engine,
      article,
      articles,
      place,
      options: invocation.options,
      user,
      ...(invocation.targetMessage ? { targetMessage: invocation.targetMessage } : {}),
      ...(invocation.page !== undefined ? { page: invocation.page } : {}),
      commands,
      reply: (payload) => (invocation.update && responder.update ? responder.update(forUpdate(payload)) : responder.reply(fitToLimits(payload))),
    };
    try {
      await command.execute(ctx);
      if (!responder.replied) throw new Error(`/${name} finished without replying`);
      logger.info({ command: name, user: user.id, ms: Math.round(performance.now() - started) }, 'command');
      done('answered');
    } catch (err) {
      logger.error({ err, command: name, user: user.id }, 'command failed');
      await send(responder, renderNotice(TEXT.apology));
      done('failed');
    }
  }

  async function click(press: ButtonPress, responder: Responder): Promise<void> {
    const parsed = parseCustomId(press.customId);
    const refuse = async (text: string, why: string): Promise<void> => {
      logger.info({ user: press.user.id, why }, 'button refused');
      await send(responder, renderNotice(text));
    };
    if (!parsed.ok) return refuse(parsed.problem === 'stale' ? TEXT.buttonStale : TEXT.buttonUnknown, parsed.problem);
    const { action } = parsed;
    const command = find(action.command);
    // The reply answered from this article; a key that names none is from a bot that served another.
    const article = action.article === '' ? null : articles.byKey(action.article);
    if (!command || (action.article !== '' && !article)) return refuse(TEXT.buttonStale, 'no such command or article');
    if (action.kind === 'page' && action.owner !== press.user.id) return refuse(TEXT.notYourPages(`/${command.data.name}`), 'not the owner');
    const text = textOptionOf(command);
    // No place: a reply that picked no article (the only one, or all) stays so, whatever the server's default is now.
    const options: CommandOptions = {
      getString: (n) => (n === text ? action.value : n === ARTICLE_OPTION && article ? article.slug : null),
      getBoolean: (n) => (n === 'private' ? action.private : null),
      getUser: () => null,
    };
    await run({ name: command.data.name, options, user: press.user, ...(action.kind === 'page' ? { page: action.page, update: true } : {}) }, responder);
  }

  return {
    commands,
    articles,
    find,
    run,
    async click(press, responder) {
      try {
        await click(press, responder);
      } catch (err) {
        logger.error({ err }, 'button failed');
        await send(responder, renderNotice(TEXT.apology));
      }
    },
    complete(name, focused, context = {}) {
      const started = performance.now();
      const command = find(name);
      const done = (outcome: Outcome['outcome']): void =>
        observe?.({ kind: 'autocomplete', command: command ? name : null, outcome, ms: performance.now() - started });
      try {
        // Typed text longer than any choice cannot pick one out better; cutting it keeps fuzzy search fast.
        const value = String(focused.value ?? '').slice(0, CHOICE_NAME_MAX);
        if (command && focused.name === ARTICLE_OPTION && picksArticle(command)) {
          done('answered');
          return fitChoices(articles.choices(value));
        }
        if (!command?.autocomplete) {
          done(command ? 'answered' : 'unknown-command');
          return [];
        }
        // The choices of the article the command would answer from (an unknown `article:` is refused on send).
        const guildId = context.place?.guildId ?? null;
        const typedArticle = picksArticle(command) ? (context.options?.getString(ARTICLE_OPTION) ?? null) : null;
        const article = articles.chooseNow(typedArticle, guildId) ?? articles.chooseNow(null, guildId)!;
        const choices = fitChoices(command.autocomplete({ engine: article.engine, articles, focused: { name: focused.name, value } }));
        done('answered');
        return choices;
      } catch (err) {
        logger.error({ err, command: name, option: focused.name }, 'autocomplete failed');
        done('failed');
        return [];
      }
    },
  };
}

/** The name of a command's first text option (not `article:`), which a button's value fills; null when it has none. */
export function textOptionOf(command: Command): string | null {
  return optionsOf(command).find((o) => o.type === ApplicationCommandOptionType.String && o.name !== ARTICLE_OPTION)?.name ?? null;
}

/** A page turn redraws a message whose visibility is already set: the ephemeral flag cannot be sent again. */
function forUpdate(payload: ReplyPayload): ReplyPayload {
  const { flags: _flags, ...rest } = fitToLimits(payload);
  return rest;
}

/** An unknown command is "closest" to a known one at most this many edits away. */
const CLOSEST_COMMAND_EDITS = 3;

/** Of `names`, the one closest to `name`, which is none of them: a prefix of one, or a few edits from one; null when none is close. */
export function closestName(name: string, names: readonly string[]): string | null {
  const typed = name.toLowerCase();
  if (!typed) return null;
  const prefixed = names.find((n) => n.startsWith(typed) || typed.startsWith(n));
  if (prefixed) return prefixed;
  const best = names.map((n) => ({ n, d: distance(typed, n) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.min(CLOSEST_COMMAND_EDITS, Math.ceil(best.n.length / 2)) ? best.n : null;
}

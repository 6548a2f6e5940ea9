/**
 * The Discord adapter: a discord.js client whose interactions go through the
 * shared router, and the lifecycle around it (log in, serve, shut down).
 * Everything Discord-specific stays in this file.
 */
import {
  Client,
  Events,
  Options,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type InteractionReplyOptions,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { EventEmitter } from 'node:events';
import type { Config, Secret } from '../config.ts';
import type { Engine } from '../engine/index.ts';
import { scrub, type Logger } from '../log.ts';
import type { Articles } from './articles.ts';
import { NO_OPTIONS, type Command, type CommandOptions, type Place, type ReplyPayload } from './command.ts';
import { OPERATOR_TEXT } from './messages.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import { createRouter, type Outcome, type Responder, type Router } from './router.ts';

/** Options for {@link createBot}. */
export interface BotOptions {
  readonly config: Config;
  /** The articles served; or, for one article, just its `engine`. */
  readonly articles?: Articles;
  readonly engine?: Engine;
  readonly logger: Logger;
  readonly commands: readonly Command[];
  /** Per-user command limit; default the configured one (`config.rateLimit`). */
  readonly limiter?: RateLimiter;
  /** Told what became of each interaction (metrics). */
  readonly observe?: (outcome: Outcome) => void;
}

/** The reply options discord.js sends as exactly the given API payload. */
export function toReplyOptions(payload: ReplyPayload): InteractionReplyOptions {
  const users = payload.allowed_mentions.users;
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: [...payload.embeds],
    components: [...payload.components],
    ...(payload.flags !== undefined ? { flags: payload.flags } : {}),
    allowedMentions: { parse: [], ...(users ? { users: [...users] } : {}) },
  };
}

/**
 * The options of a slash command. A user option's id is read from the option
 * itself when the interaction carries no resolved user for it: only the id is needed.
 */
function optionsOf(interaction: ChatInputCommandInteraction): CommandOptions {
  const { options } = interaction;
  return {
    getString: (name) => options.getString(name),
    getBoolean: (name) => options.getBoolean(name),
    getUser: (name) => {
      const user = options.getUser(name);
      if (user) return { id: user.id };
      const value = options.get(name)?.value;
      return typeof value === 'string' && /^\d{1,20}$/.test(value) ? { id: value } : null;
    },
  };
}

/** The server and the member's permissions there; none in a DM. */
function placeOf(interaction: { readonly guildId: string | null; readonly memberPermissions: { readonly bitfield: bigint } | null }): Place {
  return { guildId: interaction.guildId, permissions: interaction.guildId ? (interaction.memberPermissions?.bitfield ?? null) : null };
}

type RepliableCommand = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

function responderFor(interaction: RepliableCommand): Responder {
  const responder: Responder = {
    get replied() {
      return interaction.replied || interaction.deferred;
    },
    async reply(payload) {
      await interaction.reply(toReplyOptions(payload));
    },
    async followUp(payload) {
      await interaction.followUp(toReplyOptions(payload));
    },
  };
  return responder;
}

/** A button's responder can also redraw the message the button is on. */
function buttonResponderFor(interaction: ButtonInteraction): Responder {
  const responder = responderFor(interaction);
  return {
    get replied() {
      return responder.replied;
    },
    reply: (payload) => responder.reply(payload),
    followUp: (payload) => responder.followUp(payload),
    // A page turn redraws the message the button is on (response type 7), which keeps its visibility.
    async update(payload) {
      const { flags: _flags, ...options } = toReplyOptions(payload);
      await interaction.update(options);
    },
  };
}

/** Routes one interaction. Never rejects: failures are logged, and autocomplete then answers `[]`. */
export async function handleInteraction(router: Router, interaction: Interaction, logger: Logger): Promise<void> {
  if (interaction.isAutocomplete()) {
    let choices: ReturnType<Router['complete']> = [];
    try {
      const focused = interaction.options.getFocused(true);
      const typed = (name: string): string | null => {
        try {
          return name === focused.name ? null : interaction.options.getString(name);
        } catch {
          return null;
        }
      };
      const options = { ...NO_OPTIONS, getString: typed };
      choices = router.complete(interaction.commandName, { name: focused.name, value: String(focused.value) }, { options, place: placeOf(interaction) });
    } catch (err) {
      logger.error({ err, command: interaction.commandName }, 'autocomplete failed');
    }
    try {
      await interaction.respond(choices);
    } catch (err) {
      logger.warn({ err, command: interaction.commandName }, 'could not send autocomplete choices');
    }
    return;
  }
  try {
    if (interaction.isChatInputCommand()) {
      await router.run(
        { name: interaction.commandName, options: optionsOf(interaction), user: { id: interaction.user.id }, place: placeOf(interaction) },
        responderFor(interaction),
      );
    } else if (interaction.isMessageContextMenuCommand()) {
      await router.run(
        {
          name: interaction.commandName,
          options: NO_OPTIONS,
          user: { id: interaction.user.id },
          targetMessage: { content: interaction.targetMessage.content },
          place: placeOf(interaction),
        },
        responderFor(interaction),
      );
    } else if (interaction.isButton()) {
      await router.click({ customId: interaction.customId, user: { id: interaction.user.id } }, buttonResponderFor(interaction));
    } else {
      logger.debug({ type: interaction.type }, 'ignored interaction');
    }
  } catch (err) {
    // The router never rejects; this catches a malformed interaction discord.js could not read.
    logger.error({ err }, 'interaction failed');
  }
}

/** discord.js's client options for `SHARD_COUNT`: every shard, `auto` or 0…N-1 of N, in this process. */
export function shardOptions(shardCount: Config['shardCount']): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (shardCount === null) return {};
  if (shardCount === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: shardCount }, (_, i) => i), shardCount };
}

/** A discord.js client wired to the commands. Call {@link serve} to log in. */
export function createBot({
  config,
  articles,
  engine,
  logger,
  commands,
  limiter = createRateLimiter({ limit: config.rateLimit.count, windowMs: config.rateLimit.windowMs }),
  observe,
}: BotOptions): Client {
  const client = new Client({
    // Slash commands and context menus arrive without any gateway intent.
    intents: [],
    // Sharding inside this one process: see README (Gateway sharding) for why not ShardingManager.
    ...shardOptions(config.shardCount),
    allowedMentions: { parse: [] },
    rest: { api: config.apiUrl },
    // Every interaction carries its user, and the bot needs no more than its id; by default
    // discord.js would keep every user who ever used a command, growing without bound.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, UserManager: 0 }),
  });
  const router = createRouter({ commands, ...(articles ? { articles } : {}), ...(engine ? { engine } : {}), logger, limiter, timestamps: 'discord', ...(observe ? { observe } : {}) });
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, userId: ready.user.id, applicationId: ready.application.id, commands: commands.length }, OPERATOR_TEXT.ready);
    logger.info(OPERATOR_TEXT.noCommandsRegistered);
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(router, interaction, logger);
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  return client;
}

/** Gateway close codes after which discord.js never reconnects. */
const FATAL_CLOSE_CODES = new Set([4004, 4010, 4011, 4012, 4013, 4014]);

/** Options for {@link serve}. */
export interface ServeOptions {
  readonly logger: Logger;
  /** REST base, for messages. */
  readonly apiUrl: string;
  /** Where SIGINT and SIGTERM come from; default `process`. */
  readonly signals?: Pick<EventEmitter, 'on' | 'off'>;
  /** Give up when one attempt to log in is not ready after this long. Default 60 s. */
  readonly readyTimeoutMs?: number;
  /** Waits between attempts while Discord cannot be reached; default {@link LOGIN_RETRY}. */
  readonly retry?: { readonly firstMs: number; readonly maxMs: number };
  /** Wait at most this long for the client to close. Default 5 s. */
  readonly destroyTimeoutMs?: number;
}

/** Waits between login attempts while Discord is unreachable: doubling from `firstMs`, at most `maxMs`. */
export const LOGIN_RETRY = { firstMs: 1_000, maxMs: 60_000 } as const;

/** Error codes of a network that did not reach Discord (Node's and undici's). */
const NETWORK_ERROR = /^(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENETDOWN|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR_\w+)$/;

/**
 * Is this login failure worth another try: the network did not reach Discord,
 * Discord answered 5xx or 429, or a request timed out? Anything else, a
 * rejected token above all, will not heal by waiting.
 */
export function isTransientLoginError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, status, name } = e as { code?: unknown; status?: unknown; name?: unknown };
    if (typeof status === 'number') return status >= 500 || status === 429;
    if (typeof code === 'string' && NETWORK_ERROR.test(code)) return true;
    if (name === 'AbortError' || name === 'TimeoutError') return true;
  }
  return false;
}

const isTokenRejected = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && ((err as { code?: unknown }).code === 'TokenInvalid' || (err as { status?: unknown }).status === 401);

/**
 * Logs in and serves until SIGINT or SIGTERM (resolves 0) or a failure that
 * cannot heal: a rejected token, a fatal gateway close, no ready in time
 * (resolves 1). While Discord cannot be reached (network errors, 5xx) it
 * tries again after a wait that doubles up to a cap. The token is never logged.
 */
export function serve(client: Client, token: Secret, options: ServeOptions): Promise<number> {
  const { logger, apiUrl, signals = process, readyTimeoutMs = 60_000, destroyTimeoutMs = 5_000, retry = LOGIN_RETRY } = options;
  return new Promise((resolve) => {
    let finished = false;
    let attempts = 0;
    let timer: NodeJS.Timeout | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    const onSignal = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, OPERATOR_TEXT.shuttingDown);
      void finish(0);
    };
    const describe = (err: unknown) => {
      const e = err as { name?: unknown; message?: unknown; code?: unknown; status?: unknown };
      return { name: String(e.name), code: e.code, status: e.status, message: scrub(String(e.message), token.reveal()) };
    };

    async function finish(code: number): Promise<void> {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(retryTimer);
      signals.off('SIGINT', onSignal);
      signals.off('SIGTERM', onSignal);
      let closeTimer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        Promise.resolve(client.destroy()).then(
          () => true,
          () => true,
        ),
        new Promise<false>((r) => (closeTimer = setTimeout(() => r(false), destroyTimeoutMs))),
      ]);
      clearTimeout(closeTimer);
      if (!closed) logger.warn(OPERATOR_TEXT.destroyTimeout);
      resolve(code);
    }

    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
    client.once(Events.ClientReady, () => clearTimeout(timer));
    function attempt(): void {
      if (finished) return;
      attempts++;
      timer = setTimeout(() => {
        logger.fatal(OPERATOR_TEXT.loginTimeout(readyTimeoutMs / 1000, apiUrl));
        void finish(1);
      }, readyTimeoutMs);
      client.login(token.reveal()).catch((err: unknown) => {
        if (finished) return;
        clearTimeout(timer);
        if (isTokenRejected(err)) {
          logger.fatal(OPERATOR_TEXT.tokenRejected);
        } else if (isTransientLoginError(err)) {
          const waitMs = Math.min(retry.maxMs, retry.firstMs * 2 ** (attempts - 1));
          logger.warn({ error: describe(err), attempt: attempts, retryInMs: waitMs }, OPERATOR_TEXT.loginRetry);
          retryTimer = setTimeout(attempt, waitMs);
          return;
        } else {
          logger.fatal({ error: describe(err) }, OPERATOR_TEXT.loginFailed);
        }
        void finish(1);
      });
    }
    attempt();
    client.on(Events.ShardReconnecting, (shard) => {
      if (!finished) logger.warn({ shard }, 'reconnecting to the gateway');
    });
    client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'resumed'));
    client.on(Events.ShardReady, (shard) => logger.info({ shard, shards: client.ws.shards.size }, 'shard ready'));
    client.on(Events.ShardDisconnect, (event, shard) => {
      if (!FATAL_CLOSE_CODES.has(event.code)) return;
      logger.fatal({ code: event.code, shard }, OPERATOR_TEXT.closed(event.code));
      void finish(1);
    });
  });
}

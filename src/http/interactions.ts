/**
 * The HTTP interactions adapter: an interaction as Discord POSTs it (API JSON,
 * already verified) goes through the same router and renderer as in gateway
 * mode, and comes back as the first response, which Discord reads from the
 * HTTP answer: 1 PONG, 4 a message, 5 deferred, 8 autocomplete choices.
 *
 * A command whose reply is not ready within {@link DEFER_AFTER_MS} is deferred
 * (type 5) and its reply then replaces the deferred message through the
 * interaction's webhook; later messages are webhook follow-ups. Discord allows
 * 3 s for the first response.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
} from 'discord-api-types/v10';
import { NO_OPTIONS, type CommandOptions, type Place, type ReplyPayload } from '../bot/command.ts';
import { parseCustomId } from '../bot/custom-id.ts';
import { EPHEMERAL_FLAG } from '../bot/limits.ts';
import { TEXT } from '../bot/messages.ts';
import { renderNotice } from '../bot/render.ts';
import type { Invocation, Responder, Router } from '../bot/router.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from './metrics.ts';
import type { InteractionWebhook } from './webhook.ts';

/** Reply within this long, or defer: Discord's deadline is 3 s, and the answer must still travel back. */
export const DEFER_AFTER_MS = 2_000;

/** A first response, as the HTTP answer's JSON body. */
export interface InteractionResponse {
  readonly type: InteractionResponseType;
  readonly data?: ReplyPayload | { readonly flags?: number } | { readonly choices: readonly unknown[] };
}

/** The outcome for the HTTP layer: the body to answer 200 with, or a client error. */
export type HandleResult = { readonly status: 200; readonly body: InteractionResponse } | { readonly status: 400; readonly error: string };

/** Options for {@link createInteractionHandler}. */
export interface InteractionHandlerOptions {
  readonly router: Router;
  readonly logger: Logger;
  readonly webhook: InteractionWebhook;
  readonly metrics?: Metrics;
  /** Default {@link DEFER_AFTER_MS}. */
  readonly deferAfterMs?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The options of a chat-input command, read from the API's `data.options`. */
function optionsOf(options: unknown): CommandOptions {
  const list = Array.isArray(options) ? (options as APIApplicationCommandInteractionDataOption[]) : [];
  const find = (name: string, type: ApplicationCommandOptionType): unknown => list.find((o) => isObject(o) && o.name === name && o.type === type) as unknown;
  const value = (name: string, type: ApplicationCommandOptionType): unknown => {
    const option = find(name, type);
    return isObject(option) ? option.value : undefined;
  };
  return {
    getString: (name) => {
      const v = value(name, ApplicationCommandOptionType.String);
      return typeof v === 'string' ? v : null;
    },
    getBoolean: (name) => {
      const v = value(name, ApplicationCommandOptionType.Boolean);
      return typeof v === 'boolean' ? v : null;
    },
    getUser: (name) => {
      const v = value(name, ApplicationCommandOptionType.User);
      return typeof v === 'string' && /^\d{1,20}$/.test(v) ? { id: v } : null;
    },
  };
}

/** The invoking user's id: `member.user` in a server, `user` elsewhere. */
function userIdOf(interaction: Json): string | null {
  const member = interaction.member;
  const user = isObject(member) && isObject(member.user) ? member.user : interaction.user;
  return isObject(user) ? str(user.id) : null;
}

/** The server (`guild_id`) and, there, the member's permissions (a decimal bitfield); none in a DM. */
function placeOf(interaction: Json): Place {
  const guildId = typeof interaction.guild_id === 'string' && /^\d{1,20}$/.test(interaction.guild_id) ? interaction.guild_id : null;
  const permissions = isObject(interaction.member) && typeof interaction.member.permissions === 'string' && /^\d{1,40}$/.test(interaction.member.permissions) ? BigInt(interaction.member.permissions) : null;
  return { guildId, permissions: guildId ? permissions : null };
}

/** An application command interaction as an {@link Invocation}, or why it cannot be one. */
function invocationOf(interaction: Json): Invocation | string {
  const data = interaction.data;
  if (!isObject(data)) return 'no data';
  const name = str(data.name);
  const userId = userIdOf(interaction);
  if (!name || !userId) return 'no command name or user';
  if (data.type === ApplicationCommandType.Message) {
    const resolved = isObject(data.resolved) && isObject(data.resolved.messages) ? data.resolved.messages : {};
    const target = typeof data.target_id === 'string' ? resolved[data.target_id] : undefined;
    const content = isObject(target) && typeof target.content === 'string' ? target.content : '';
    return { name, options: NO_OPTIONS, user: { id: userId }, targetMessage: { content }, place: placeOf(interaction) };
  }
  return { name, options: optionsOf(data.options), user: { id: userId }, place: placeOf(interaction) };
}

/**
 * Flags of a deferral: private when the reply is sure to be (`private: true`,
 * a message command, or a command whose replies are always private). Discord keeps the
 * deferral's visibility for the reply that replaces it.
 */
function deferFlags(interaction: Json, invocation: Invocation, router: Router): number | undefined {
  const data = interaction.data as Json;
  const privately =
    data.type === ApplicationCommandType.Message || invocation.options.getBoolean('private') === true || router.find(invocation.name)?.alwaysPrivate === true;
  return privately ? EPHEMERAL_FLAG : undefined;
}

/** Handles one verified interaction (parsed JSON). Never rejects. */
export function createInteractionHandler({ router, logger, webhook, metrics, deferAfterMs = DEFER_AFTER_MS }: InteractionHandlerOptions) {
  const message = (payload: ReplyPayload): HandleResult => ({ status: 200, body: { type: InteractionResponseType.ChannelMessageWithSource, data: payload } });
  const invalid = (error: string): HandleResult => {
    metrics?.other('invalid');
    return { status: 400, error };
  };

  /**
   * Runs one command or button press (`run`, given the responder) and answers
   * inline, or defers after {@link DEFER_AFTER_MS} and sends the reply through
   * the webhook. A page turn (`update`) answers with type 7, or defers with 6.
   */
  function command(interaction: Json, invocation: Invocation, run: (responder: Responder) => Promise<void> = (r) => router.run(invocation, r), { pageTurn = false } = {}): Promise<HandleResult> {
    const applicationId = str(interaction.application_id);
    const token = str(interaction.token);
    return new Promise((resolve) => {
      let first: 'pending' | 'inline' | 'deferred' = 'pending';
      let originalSent = false;
      const later = async (payload: ReplyPayload, kind: 'reply' | 'followUp'): Promise<void> => {
        if (!applicationId || !token) throw new Error('the interaction has no application_id or token to send a later message with');
        if (!originalSent) {
          originalSent = true;
          await webhook.editOriginal(applicationId, token, payload);
        } else if (kind === 'followUp') {
          await webhook.followUp(applicationId, token, payload);
        } else {
          throw new Error('The reply to this interaction was already sent.');
        }
      };
      const timer = setTimeout(() => {
        if (first !== 'pending') return;
        first = 'deferred';
        logger.info({ command: invocation.name, afterMs: deferAfterMs }, 'deferred');
        if (pageTurn) {
          resolve({ status: 200, body: { type: InteractionResponseType.DeferredMessageUpdate } });
          return;
        }
        const flags = deferFlags(interaction, invocation, router);
        resolve({ status: 200, body: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: flags === undefined ? {} : { flags } } });
      }, deferAfterMs);
      const responder: Responder = {
        get replied() {
          return first !== 'pending';
        },
        async reply(payload) {
          if (first === 'pending') {
            first = 'inline';
            clearTimeout(timer);
            resolve(message(payload));
            return;
          }
          if (first === 'deferred') return later(payload, 'reply');
          throw new Error('The reply to this interaction was already sent.');
        },
        async followUp(payload) {
          if (first === 'pending') return responder.reply(payload);
          if (first === 'deferred') return later(payload, 'followUp');
          if (!applicationId || !token) throw new Error('the interaction has no application_id or token to follow up with');
          await webhook.followUp(applicationId, token, payload);
        },
        // A page turn redraws the message its button is on; after a type-6 deferral, through the webhook.
        async update(payload) {
          if (first === 'pending') {
            first = 'inline';
            clearTimeout(timer);
            resolve({ status: 200, body: { type: InteractionResponseType.UpdateMessage, data: payload } });
            return;
          }
          if (first === 'deferred') return later(payload, 'reply');
          throw new Error('The reply to this interaction was already sent.');
        },
      };
      void run(responder).finally(() => {
        if (first !== 'pending') return;
        // The router always replies; should it ever not, Discord still gets an answer.
        first = 'inline';
        clearTimeout(timer);
        resolve(message(renderNotice(TEXT.apology)));
      });
    });
  }

  return async function handle(interaction: unknown): Promise<HandleResult> {
    if (!isObject(interaction)) return invalid('not an interaction');
    switch (interaction.type) {
      case InteractionType.Ping:
        metrics?.other('ping');
        return { status: 200, body: { type: InteractionResponseType.Pong } };
      case InteractionType.ApplicationCommand: {
        const invocation = invocationOf(interaction);
        if (typeof invocation === 'string') return invalid(invocation);
        return command(interaction, invocation);
      }
      case InteractionType.ApplicationCommandAutocomplete: {
        const data = interaction.data;
        const name = isObject(data) ? str(data.name) : null;
        const options = isObject(data) && Array.isArray(data.options) ? (data.options as unknown[]) : [];
        const focused = options.find((o): o is Json => isObject(o) && o.focused === true);
        if (!name || !focused || typeof focused.name !== 'string') return invalid('autocomplete without a focused option');
        const others = optionsOf(options.filter((o) => o !== focused));
        const choices = router.complete(name, { name: focused.name, value: String(focused.value ?? '') }, { options: others, place: placeOf(interaction) });
        return { status: 200, body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } } };
      }
      case InteractionType.MessageComponent: {
        // The bot's buttons: "did you mean" suggestions and page turns, through the router like commands.
        const data = interaction.data;
        const customId = isObject(data) ? str(data.custom_id) : null;
        const user = isObject(interaction.member) && isObject(interaction.member.user) ? interaction.member.user : interaction.user;
        const userId = isObject(user) ? str(user.id) : null;
        if (customId === null || !userId) return invalid('component without custom_id or user');
        metrics?.other('component');
        const parsed = parseCustomId(customId);
        const press = { customId, user: { id: userId } };
        // What a deferral needs to know: whether the reply will be private.
        const options: CommandOptions = { ...NO_OPTIONS, getBoolean: (n) => (n === 'private' && parsed.ok ? parsed.action.private : null) };
        const invocation: Invocation = { name: parsed.ok ? parsed.action.command : 'button', options, user: press.user };
        return command(interaction, invocation, (r) => router.click(press, r), { pageTurn: parsed.ok && parsed.action.kind === 'page' && parsed.action.owner === userId });
      }
      default:
        return invalid(`unsupported interaction type ${String(interaction.type)}`);
    }
  };
}

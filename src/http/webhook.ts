/**
 * Edits and follow-ups of an interaction through REST, after a deferred
 * first response. They go to the interaction's own webhook, which its token
 * authorises for 15 minutes: no bot token is needed. @discordjs/rest (which
 * queues and retries on Discord's rate limits) is loaded on first use only.
 */
import { Routes } from 'discord-api-types/v10';
import type { REST } from '@discordjs/rest';
import type { ReplyPayload } from '../bot/command.ts';

/** Where one interaction's later messages go. */
export interface InteractionWebhook {
  /** Replaces the deferred "thinking…" message with `payload`. */
  editOriginal(applicationId: string, token: string, payload: ReplyPayload): Promise<void>;
  /** Sends a further message. */
  followUp(applicationId: string, token: string, payload: ReplyPayload): Promise<void>;
}

/** Webhook calls against `apiUrl` (e.g. `https://discord.com/api`). */
export function createInteractionWebhook(apiUrl: string): InteractionWebhook {
  let rest: Promise<REST> | null = null;
  const client = (): Promise<REST> =>
    (rest ??= import('@discordjs/rest').then(({ REST }) => new REST({ api: apiUrl, version: '10', retries: 2, timeout: 10_000 })));
  return {
    async editOriginal(applicationId, token, payload) {
      await (await client()).patch(Routes.webhookMessage(applicationId, token, '@original'), { body: payload, auth: false });
    },
    async followUp(applicationId, token, payload) {
      await (await client()).post(Routes.webhook(applicationId, token), { body: payload, auth: false });
    },
  };
}

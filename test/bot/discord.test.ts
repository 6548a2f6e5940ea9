/** The discord.js adapter, with minimal fakes of interactions and of the client (no network). */
import { EventEmitter } from 'node:events';
import { BaseInteraction, Client, Events, MessagePayload, type Interaction, type MessageTarget } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { ReplyPayload } from '../../src/bot/command.ts';
import { createBot, handleInteraction, serve, toReplyOptions } from '../../src/bot/discord.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { encodeCustomId } from '../../src/bot/custom-id.ts';
import { OPERATOR_TEXT, TEXT } from '../../src/bot/messages.ts';
import { renderResult } from '../../src/bot/render.ts';
import { createRouter } from '../../src/bot/router.ts';
import { loadConfig, Secret } from '../../src/config.ts';
import { engine, recordingLogger, silent } from './helpers.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.fake-token-for-tests-only-0123456789';
const router = createRouter({ commands, engine, logger: silent, limiter: null, timestamps: 'discord' });

interface Sent {
  kind: 'reply' | 'followUp' | 'respond' | 'update';
  body: unknown;
}

/** Just enough of a discord.js interaction for the adapter. */
function fakeInteraction(kind: 'chat' | 'menu' | 'autocomplete' | 'button', fields: Record<string, unknown>): { interaction: Interaction; sent: Sent[] } {
  const sent: Sent[] = [];
  const self = {
    commandName: 'ask',
    user: { id: '11' },
    replied: false,
    deferred: false,
    type: kind === 'autocomplete' ? 4 : kind === 'button' ? 3 : 2,
    isAutocomplete: () => kind === 'autocomplete',
    isChatInputCommand: () => kind === 'chat',
    isMessageContextMenuCommand: () => kind === 'menu',
    isButton: () => kind === 'button',
    async update(body: unknown) {
      if (self.replied) throw new Error('InteractionAlreadyReplied');
      self.replied = true;
      sent.push({ kind: 'update', body });
    },
    async reply(body: unknown) {
      if (self.replied) throw new Error('InteractionAlreadyReplied');
      self.replied = true;
      sent.push({ kind: 'reply', body });
    },
    async followUp(body: unknown) {
      sent.push({ kind: 'followUp', body });
    },
    async respond(body: unknown) {
      sent.push({ kind: 'respond', body });
    },
    ...fields,
  };
  return { interaction: self as unknown as Interaction, sent };
}

function options(values: Record<string, unknown>) {
  return {
    getString: (n: string) => (typeof values[n] === 'string' ? values[n] : null),
    getBoolean: (n: string) => (typeof values[n] === 'boolean' ? values[n] : null),
    getUser: () => null,
    get: (n: string) => (n in values ? { name: n, value: values[n] } : null),
  };
}

describe('toReplyOptions', () => {
  const payload = renderResult(engine.answer('who said megaphone diplomacy'), engine, 'matched', { ephemeral: true, mention: '42' });

  it('maps the API payload to discord.js options', () => {
    expect(toReplyOptions(payload)).toEqual({
      content: '<@42>',
      embeds: payload.embeds,
      components: payload.components,
      flags: EPHEMERAL_FLAG,
      allowedMentions: { parse: [], users: ['42'] },
    });
  });

  it('is sent by the real discord.js as exactly the API payload', () => {
    const client = new Client({ intents: [], allowedMentions: { parse: [] } });
    // Only what MessagePayload reads of an interaction: that it is one, and its client.
    const target = Object.create(BaseInteraction.prototype, { client: { value: client } }) as MessageTarget;
    for (const p of [payload, renderResult(engine.answer('nothing at all here'), engine, 'matched')] as ReplyPayload[]) {
      const body = MessagePayload.create(target, toReplyOptions(p)).resolveBody().body as Record<string, unknown>;
      expect({ content: body.content, embeds: body.embeds, components: body.components, flags: body.flags, allowed_mentions: body.allowed_mentions }).toEqual({
        content: p.content,
        embeds: p.embeds,
        components: p.components,
        flags: p.flags,
        allowed_mentions: p.allowed_mentions,
      });
    }
    void client.destroy();
  });
});

describe('handleInteraction', () => {
  it('routes a slash command and replies through discord.js', async () => {
    const { interaction, sent } = fakeInteraction('chat', { options: options({ question: 'who is nauert', mention: '123456789012345678' }) });
    await handleInteraction(router, interaction, silent);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'reply',
      body: { content: '<@123456789012345678>', allowedMentions: { parse: [], users: ['123456789012345678'] } },
    });
  });

  it('drops the mention of a private reply, pinging no one', async () => {
    const { interaction, sent } = fakeInteraction('chat', { options: options({ question: 'who is nauert', private: true, mention: '123456789012345678' }) });
    await handleInteraction(router, interaction, silent);
    expect(sent[0]).toMatchObject({ kind: 'reply', body: { flags: EPHEMERAL_FLAG, content: TEXT.mentionDropped, allowedMentions: { parse: [] } } });
    expect(JSON.stringify(sent[0]!.body)).not.toContain('123456789012345678');
  });

  it('routes a button: a page turn updates the message it is on, without the ephemeral flag', async () => {
    const next = encodeCustomId({ kind: 'page', command: 'timeline', private: true, article: '', owner: '11', page: 1, value: '' })!;
    const { interaction, sent } = fakeInteraction('button', { customId: next });
    await handleInteraction(router, interaction, silent);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.kind).toBe('update');
    expect(sent[0]!.body).not.toHaveProperty('flags');
    expect(JSON.stringify(sent[0]!.body)).toContain('Page 2 of 2');
  });

  it('routes a button: someone else gets a private note', async () => {
    const next = encodeCustomId({ kind: 'page', command: 'timeline', private: false, article: '', owner: '12', page: 1, value: '' })!;
    const { interaction, sent } = fakeInteraction('button', { customId: next });
    await handleInteraction(router, interaction, silent);
    expect(sent).toMatchObject([{ kind: 'reply', body: { flags: EPHEMERAL_FLAG, content: TEXT.notYourPages('/timeline') } }]);
  });

  it('routes a message context-menu command with the message text', async () => {
    const { interaction, sent } = fakeInteraction('menu', { commandName: 'Find in article', targetMessage: { content: 'megaphone diplomacy' } });
    await handleInteraction(router, interaction, silent);
    expect(JSON.stringify(sent[0]!.body)).toContain('**megaphone**');
  });

  it('follows up with the apology when the interaction was already deferred', async () => {
    const failing = createRouter({
      commands: [{ data: { name: 'ask', toJSON: () => ({ name: 'ask', description: 'x' }) }, example: '', execute: () => Promise.reject(new Error('boom')) }],
      engine,
      logger: silent,
      limiter: null,
      timestamps: 'discord',
    });
    const { interaction, sent } = fakeInteraction('chat', { deferred: true, options: options({}) });
    await handleInteraction(failing, interaction, silent);
    expect(sent).toEqual([{ kind: 'followUp', body: expect.objectContaining({ content: TEXT.apology, flags: EPHEMERAL_FLAG }) }]);
  });

  it('answers autocomplete with cut choices', async () => {
    const { interaction, sent } = fakeInteraction('autocomplete', { commandName: 'who-said', options: { getFocused: () => ({ name: 'quote', value: '' }) } });
    await handleInteraction(router, interaction, silent);
    const choices = sent[0]!.body as { name: string; value: string }[];
    expect(sent[0]!.kind).toBe('respond');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => c.name.length <= 100)).toBe(true);
  });

  it('answers a broken autocomplete with no choices, and logs it', async () => {
    const { logger, lines } = recordingLogger();
    const { interaction, sent } = fakeInteraction('autocomplete', {
      commandName: 'who-said',
      options: {
        getFocused: () => {
          throw new Error('no focused option');
        },
      },
    });
    await handleInteraction(router, interaction, logger);
    expect(sent).toEqual([{ kind: 'respond', body: [] }]);
    expect(lines.some((l) => l.msg === 'autocomplete failed')).toBe(true);
  });

  it('never rejects, even when discord.js cannot read the interaction', async () => {
    const broken = { isAutocomplete: () => false, isChatInputCommand: () => true } as unknown as Interaction;
    await expect(handleInteraction(router, broken, silent)).resolves.toBeUndefined();
  });
});

describe('createBot', () => {
  it('honours DISCORD_API_URL and pings no one by default', async () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    const client = createBot({ config, engine, logger: silent, commands });
    expect(client.options.rest?.api).toBe('http://127.0.0.1:9/api');
    expect(client.options.allowedMentions).toEqual({ parse: [] });
    await client.destroy();
  });
});

/** A stand-in for the discord.js client: an emitter with login and destroy. */
function fakeClient(login: () => Promise<string>): { client: Client; destroyed: () => number } {
  let destroyed = 0;
  const emitter = Object.assign(new EventEmitter(), {
    login,
    destroy: async () => {
      destroyed++;
    },
  });
  return { client: emitter as unknown as Client, destroyed: () => destroyed };
}

describe('serve', () => {
  const opts = (logger = silent, signals = new EventEmitter()) => ({ logger, apiUrl: 'http://x/api', signals, readyTimeoutMs: 2000, destroyTimeoutMs: 100 });

  it('exits 1 when Discord rejects the token, naming DISCORD_TOKEN but never showing it', async () => {
    const { logger, lines } = recordingLogger();
    const { client, destroyed } = fakeClient(() => Promise.reject(Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' })));
    expect(await serve(client, new Secret(TOKEN), opts(logger))).toBe(1);
    expect(destroyed()).toBe(1);
    const text = JSON.stringify(lines);
    expect(text).toContain(OPERATOR_TEXT.tokenRejected);
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).not.toContain(TOKEN);
  });

  it('scrubs the token from any other login error', async () => {
    const { logger, lines } = recordingLogger();
    const { client } = fakeClient(() => Promise.reject(new Error(`weird failure mentioning ${TOKEN}`)));
    expect(await serve(client, new Secret(TOKEN), opts(logger))).toBe(1);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it.each(['SIGINT', 'SIGTERM'])('shuts down cleanly on %s', async (signal) => {
    const signals = new EventEmitter();
    const { client, destroyed } = fakeClient(() => new Promise(() => {}));
    const done = serve(client, new Secret(TOKEN), opts(silent, signals));
    signals.emit(signal, signal);
    expect(await done).toBe(0);
    expect(destroyed()).toBe(1);
    expect(signals.listenerCount(signal)).toBe(0);
  });

  it('exits 1 when the gateway refuses the token for good (close 4004)', async () => {
    const { client } = fakeClient(() => new Promise(() => {}));
    const done = serve(client, new Secret(TOKEN), opts());
    client.emit(Events.ShardDisconnect, { code: 4004 } as never, 0);
    expect(await done).toBe(1);
  });

  it('exits 1 when never ready', async () => {
    const { client } = fakeClient(() => new Promise(() => {}));
    expect(await serve(client, new Secret(TOKEN), { ...opts(), readyTimeoutMs: 20 })).toBe(1);
  });
});

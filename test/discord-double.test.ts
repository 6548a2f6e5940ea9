// Drives the real discord.js client against the loopback Discord double, so the
// double is known to speak enough of REST v10 and gateway v10 for end-to-end bot tests.
import { once } from 'node:events';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  MessageFlags,
  type Interaction,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble, type JsonObject } from './support/discord-double.ts';

const TOKEN = 'test-token.double.only';
const EVENT_TIMEOUT = 5000;

function makeClient(double: DiscordDouble): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: double.apiUrl },
    // Without this discord.js waits ~5 s before every re-IDENTIFY.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
  });
}

function clientEvent(client: Client, event: Events): Promise<unknown[]> {
  return once(client, event, { signal: AbortSignal.timeout(EVENT_TIMEOUT) });
}

describe('discord double with the real discord.js client', () => {
  let double: DiscordDouble;
  let client: Client;
  const stray: Interaction[] = [];
  let handler: ((interaction: Interaction) => void) | undefined;

  /** Runs `fn` on the next interaction the client emits; settles with its outcome (never rejects, so no unhandled rejections). */
  function onNextInteraction<T>(fn: (interaction: Interaction) => Promise<T>): Promise<PromiseSettledResult<T>> {
    return new Promise((resolve) => {
      handler = (interaction) => {
        handler = undefined;
        fn(interaction).then(
          (value) => resolve({ status: 'fulfilled', value }),
          (reason: unknown) => resolve({ status: 'rejected', reason }),
        );
      };
    });
  }

  function fulfilled<T>(result: PromiseSettledResult<T>): T {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  function rejected<T>(result: PromiseSettledResult<T>): unknown {
    if (result.status === 'fulfilled') throw new Error('expected the handler to fail');
    return result.reason;
  }

  async function expectAnswered(): Promise<void> {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      await interaction.reply({ content: 'still here' });
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ping'));
    fulfilled(await outcome);
    expect(await double.interactionResponse(sent.id)).toMatchObject({ type: 4, data: { content: 'still here' } });
  }

  beforeAll(async () => {
    double = await startDiscordDouble({ heartbeatInterval: 400 });
    client = makeClient(double);
    client.on(Events.InteractionCreate, (interaction) => {
      if (handler) handler(interaction);
      else stray.push(interaction);
    });
    const ready = clientEvent(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  });

  afterEach(() => {
    expect(double.errors).toEqual([]);
    expect(stray.map((i) => i.id)).toEqual([]);
  });

  afterAll(async () => {
    await client?.destroy();
    await double?.close();
  });

  it('logs in: /gateway/bot, IDENTIFY and READY', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(double.applicationId);
    expect(client.application?.id).toBe(double.applicationId);

    const gatewayBot = double.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayBot).toMatchObject({ method: 'GET', apiVersion: 10, status: 200 });
    expect(gatewayBot?.headers.authorization).toBe(`Bot ${TOKEN}`);

    expect(double.connections[0]?.url).toBe('/gateway?v=10&encoding=json');
    const identify = double.frames.find((f) => f.dir === 'in' && f.op === 2);
    expect(identify?.d).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1], compress: false });
    expect(double.frames.find((f) => f.t === 'READY')).toMatchObject({ dir: 'out', op: 0, s: 1 });
    expect(double.identifyCount).toBe(1);
  });

  it('answers heartbeats with op 11', async () => {
    await double.waitFor(() => double.frames.find((f) => f.dir === 'in' && f.op === 1), 2000, 'a heartbeat');
    await double.waitFor(() => double.frames.find((f) => f.dir === 'out' && f.op === 11), 2000, 'a heartbeat ACK');
  });

  it('records application.commands.set as a PUT and echoes ids', async () => {
    const commands = [
      {
        name: 'ask',
        description: 'Ask about the article',
        options: [
          {
            type: ApplicationCommandOptionType.String as const,
            name: 'question',
            description: 'Your question',
            required: true,
            autocomplete: true,
          },
        ],
      },
      { type: ApplicationCommandType.Message as const, name: 'Quote this' },
    ];
    const created = await client.application!.commands.set(commands);
    expect(created.size).toBe(2);
    expect([...created.values()].map((c) => c.name).sort()).toEqual(['Quote this', 'ask']);

    const put = double.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${double.applicationId}/commands`);
    expect(double.registeredCommands()).toMatchObject([
      { name: 'ask', description: 'Ask about the article', options: [{ name: 'question', type: 3, required: true }] },
      { name: 'Quote this', type: 3 },
    ]);

    await client.application!.commands.set([{ name: 'guildonly', description: 'x' }], double.defaults.guildId);
    expect(double.registeredCommands(double.defaults.guildId)).toMatchObject([{ name: 'guildonly' }]);
    expect(double.registeredCommands(null)).toHaveLength(2);
  });

  it('rejects an invalid command definition the way Discord does', async () => {
    const error = await client.application!.commands.set([{ name: 'Bad Name', description: 'x' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(double.registeredCommands(null)).toHaveLength(2);
  });

  it('delivers a guild slash command and records an ephemeral reply', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply({ content: 'answer <@1>', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return {
        question: interaction.options.getString('question'),
        guildId: interaction.guildId,
        userId: interaction.user.id,
        inGuild: interaction.inGuild(),
      };
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask', { question: 'Who won?' }));
    expect(fulfilled(await outcome)).toEqual({
      question: 'Who won?',
      guildId: double.defaults.guildId,
      userId: double.defaults.user.id,
      inGuild: true,
    });
    expect(await double.interactionResponse(sent.id)).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'answer <@1>', flags: 64, allowed_mentions: { parse: [] } }) as unknown,
    });
    const [callback] = double.interactionRequests(sent.id);
    expect(callback).toMatchObject({ method: 'POST', status: 204, query: { with_response: 'false' } });
    expect(callback?.headers.authorization).toBeUndefined();
    // `at` (performance.now()) orders the dispatch and the callback on one monotonic clock, for latency.
    const dispatched = double.frames.find((f) => f.dir === 'out' && f.s === sent.s);
    expect(callback!.at).toBeGreaterThan(dispatched!.at);
    expect(callback!.at - dispatched!.at).toBeLessThan(callback!.time - dispatched!.time + 1);
  });

  it('delivers a DM slash command', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply({ content: 'dm answer' });
      return { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id, member: interaction.member };
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask', { question: 'hi' }, { dm: true, user: { id: '1300000000000000777' } }));
    expect(fulfilled(await outcome)).toEqual({
      guildId: null,
      channelId: double.defaults.dmChannelId,
      userId: '1300000000000000777',
      member: null,
    });
    expect(await double.interactionResponse(sent.id)).toMatchObject({ type: 4, data: { content: 'dm answer' } });
  });

  it('answers reply({ withResponse: true }) with the created message', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      return { content: response.resource?.message?.content, id: response.interaction.id };
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask'));
    expect(fulfilled(await outcome)).toEqual({ content: 'with response', id: sent.id });
    expect(double.interactionRequests(sent.id)[0]).toMatchObject({ status: 200, query: { with_response: 'true' } });
  });

  it('records autocomplete respond() as a type 8 callback', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      const focused = interaction.options.getFocused();
      await interaction.respond([{ name: `${focused}agraph 3`, value: 'p3' }]);
      return focused;
    });
    const sent = await double.dispatchInteraction(double.autocomplete('ask', { question: 'par' }, 'question'));
    expect(fulfilled(await outcome)).toBe('par');
    expect(await double.interactionResponse(sent.id)).toEqual({ type: 8, data: { choices: [{ name: 'paragraph 3', value: 'p3' }] } });
    expect(double.interactionRequests(sent.id)[0]?.query).toEqual({});
  });

  it('records deferReply, editReply (@original, URL-encoded on the wire) and followUp', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'final answer' });
      const follow = await interaction.followUp({ content: 'a follow-up', flags: MessageFlags.Ephemeral });
      return { edited: edited.content, follow: follow.content };
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask', { question: 'slow one' }));
    expect(fulfilled(await outcome)).toEqual({ edited: 'final answer', follow: 'a follow-up' });

    expect(await double.interactionResponse(sent.id)).toEqual({ type: 5, data: { flags: 0 } });
    expect(await double.originalEdit(sent.token)).toMatchObject({ content: 'final answer' });
    expect(await double.followUp(sent.token)).toMatchObject({ content: 'a follow-up', flags: 64 });

    const edit = double.interactionRequests(sent.token).find((r) => r.method === 'PATCH');
    expect(edit?.rawPath).toBe(`/api/v10/webhooks/${double.applicationId}/${sent.token}/messages/%40original`);
    expect(edit?.path).toBe(`/webhooks/${double.applicationId}/${sent.token}/messages/@original`);
    const follow = double.interactionRequests(sent.token).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(follow?.query).toMatchObject({ wait: 'true' });
  });

  it('delivers a message context-menu command with its target message', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) throw new Error('not a message context menu');
      await interaction.reply({ content: 'quoted' });
      return { name: interaction.commandName, target: interaction.targetMessage.content };
    });
    const sent = await double.dispatchInteraction(double.messageContextMenu('Quote this', { content: 'the target text' }));
    expect(fulfilled(await outcome)).toEqual({ name: 'Quote this', target: 'the target text' });
    expect(await double.interactionResponse(sent.id)).toMatchObject({ type: 4 });
  });

  it('records a multipart reply: payload_json as the body, files separately', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.reply({ content: 'with file', files: [{ attachment: Buffer.from('hello file'), name: 'notes.txt' }] });
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask'));
    fulfilled(await outcome);
    expect(await double.interactionResponse(sent.id)).toMatchObject({ type: 4, data: { content: 'with file', attachments: [{ id: '0' }] } });
    const [callback] = double.interactionRequests(sent.id);
    expect(callback?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(callback?.files).toMatchObject([{ field: 'files[0]', filename: 'notes.txt', size: 10, text: 'hello file' }]);
  });

  it('rejects a reply over 2000 characters like Discord', async () => {
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.reply({ content: 'x'.repeat(2001) });
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask'));
    const error = rejected(await outcome);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(double.interactionRequests(sent.id).map((r) => r.status)).toEqual([400]);
  });

  it('sends a raw payload exactly as given', async () => {
    const raw = { id: '1300000000000009999', application_id: double.applicationId, type: 99, token: 'raw-token', version: 1, data: {} };
    const seen = onNextInteraction(async (interaction) => interaction.id);
    const rawSent = await double.dispatchInteraction({ raw });
    expect(double.frames.find((f) => f.s === rawSent.s && f.dir === 'out')?.d).toEqual(raw);
    // discord.js drops unknown interaction types, so the next interaction is the first it emits.
    const normal = await double.dispatchInteraction(double.slashCommand('ask'));
    expect(fulfilled(await seen)).toBe(normal.id);
    expect(rawSent).toMatchObject({ id: raw.id, token: 'raw-token' });
  });

  it('answers unknown routes with a Discord-style 404 and records them', async () => {
    const error = await client.rest.get('/nothing/here').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(double.requests.at(-1)).toMatchObject({ method: 'GET', path: '/nothing/here', status: 404, response: { message: '404: Not Found', code: 0 } });
  });

  it('has discord.js retry a 429 on the callback route after retry_after', async () => {
    const failure = double.failRoute({ method: 'POST', path: /^\/interactions\/[^/]+\/[^/]+\/callback$/ }, { status: 429, retryAfter: 0.2 });
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.reply({ content: 'after the limit' });
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask'));
    fulfilled(await outcome);
    expect(await double.interactionResponse(sent.id)).toMatchObject({ data: { content: 'after the limit' } });
    const tries = double.interactionRequests(sent.id);
    expect(tries.map((r) => r.status)).toEqual([429, 204]);
    expect(tries[0]?.response).toEqual({ message: 'You are being rate limited.', retry_after: 0.2, global: false });
    expect(tries[1]!.time - tries[0]!.time).toBeGreaterThanOrEqual(190);
    expect(failure.hits).toBe(1);
  });

  it('has discord.js retry a 429 on a bucketed route (PUT commands)', async () => {
    double.failRoute({ method: 'PUT' }, { status: 429, retryAfter: 0.15 });
    const limited: unknown[] = [];
    const listener = (info: unknown): void => {
      limited.push(info);
    };
    client.rest.on('rateLimited', listener);
    try {
      await client.application!.commands.set([{ name: 'ask', description: 'Ask about the article' }]);
    } finally {
      client.rest.off('rateLimited', listener);
    }
    const puts = double.requests.filter((r) => r.method === 'PUT').slice(-2);
    expect(puts.map((r) => r.status)).toEqual([429, 200]);
    expect(puts[1]!.time - puts[0]!.time).toBeGreaterThanOrEqual(140);
    expect(limited[0]).toMatchObject({ method: 'PUT', scope: 'user', global: false });
  });

  it('rejects reply() when the callback keeps failing with 500, and keeps working afterwards', async () => {
    // discord.js retries a 5xx three times (rest.retries) before giving up.
    double.failRoute({ method: 'POST', path: /\/callback$/ }, { status: 500 }, 4);
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.reply({ content: 'lost' });
    });
    const sent = await double.dispatchInteraction(double.slashCommand('ask'));
    const error = rejected(await outcome);
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 500 });
    expect(double.interactionRequests(sent.id).map((r) => r.status)).toEqual([500, 500, 500, 500]);
    await expectAnswered();
  });

  it('resumes after the socket is dropped (1006)', async () => {
    const resumes = double.resumeCount;
    const sessionId = double.sessionId;
    const resumed = clientEvent(client, Events.ShardResume);
    double.dropSocket();
    await resumed;
    expect(double.resumeCount).toBe(resumes + 1);
    const resume = double.frames.filter((f) => f.dir === 'in' && f.op === 6).at(-1);
    expect(resume?.d).toMatchObject({ token: TOKEN, session_id: sessionId });
    expect(double.connections.at(-1)?.url).toBe('/gateway-resume?v=10&encoding=json');
    expect(double.connections.at(-2)?.closeCode).toBe(1006);
    await expectAnswered();
  });

  it('replays an interaction dispatched while the socket was down', async () => {
    const resumed = clientEvent(client, Events.ShardResume);
    const outcome = onNextInteraction(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.reply({ content: 'replayed' });
    });
    double.dropSocket();
    const sent = await double.dispatchInteraction(double.slashCommand('ask'));
    await resumed;
    fulfilled(await outcome);
    expect(await double.interactionResponse(sent.id)).toMatchObject({ data: { content: 'replayed' } });
    const resume = double.frames.filter((f) => f.dir === 'in' && f.op === 6).at(-1);
    expect((resume?.d as JsonObject).seq).toBeLessThan(sent.s);
  });

  it('resumes after op 7 RECONNECT', async () => {
    const resumes = double.resumeCount;
    const resumed = clientEvent(client, Events.ShardResume);
    double.sendReconnect();
    await resumed;
    expect(double.resumeCount).toBe(resumes + 1);
    expect(double.connections.at(-2)?.closeCode).toBe(4200);
    await expectAnswered();
  });

  it('resumes after close 4000', async () => {
    const resumes = double.resumeCount;
    const resumed = clientEvent(client, Events.ShardResume);
    double.closeWith(4000, 'Unknown error.');
    await resumed;
    expect(double.resumeCount).toBe(resumes + 1);
    await expectAnswered();
  });

  it('resumes on the same socket after op 9 with d: true', async () => {
    const resumes = double.resumeCount;
    const connectionCount = double.connections.length;
    const resumed = clientEvent(client, Events.ShardResume);
    double.sendInvalidSession(true);
    await resumed;
    expect(double.resumeCount).toBe(resumes + 1);
    expect(double.connections).toHaveLength(connectionCount);
    await expectAnswered();
  });

  it('re-identifies after op 9 with d: false', async () => {
    const identifies = double.identifyCount;
    const oldSession = double.sessionId;
    const ready = clientEvent(client, Events.ShardReady);
    double.sendInvalidSession(false);
    await ready;
    expect(double.identifyCount).toBe(identifies + 1);
    expect(double.sessionId).not.toBe(oldSession);
    expect(double.connections.at(-1)?.url).toBe('/gateway?v=10&encoding=json');
    await expectAnswered();
  });

  it('re-identifies after close 1000', async () => {
    const identifies = double.identifyCount;
    const ready = clientEvent(client, Events.ShardReady);
    double.closeWith(1000);
    await ready;
    expect(double.identifyCount).toBe(identifies + 1);
    await expectAnswered();
  });
});

describe('discord double refusing the token', () => {
  it('makes client.login reject with TokenInvalid', async () => {
    const double = await startDiscordDouble();
    const client = makeClient(double);
    try {
      double.rejectToken();
      const error = await client.login(TOKEN).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'TokenInvalid' });
      expect(double.requests).toHaveLength(1);
      expect(double.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401, response: { message: '401: Unauthorized', code: 0 } });
      expect(double.connections).toHaveLength(0);
      expect(double.errors).toEqual([]);
    } finally {
      await client.destroy();
      await double.close();
    }
  });

  it('refuses a token other than the configured one at IDENTIFY time too', async () => {
    const double = await startDiscordDouble({ token: 'the-right-token' });
    const client = makeClient(double);
    try {
      const error = await client.login('a-wrong-token').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'TokenInvalid' });
      const ok = makeClient(double);
      try {
        await ok.login('the-right-token');
        expect(ok.isReady()).toBe(true);
      } finally {
        await ok.destroy();
      }
    } finally {
      await client.destroy();
      await double.close();
    }
  });
});

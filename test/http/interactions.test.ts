/**
 * HTTP interactions mode, from outside: signed requests over loopback to the
 * real server, router and renderer; the bot's HTTP answers are relayed to the
 * Discord double's callback route (which checks them against Discord's
 * limits), as Discord itself would take them.
 */
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command, CommandData } from '../../src/bot/command.ts';
import { encodeCustomId } from '../../src/bot/custom-id.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { renderNotice } from '../../src/bot/render.ts';
import { createRouter } from '../../src/bot/router.ts';
import { createInteractionHandler } from '../../src/http/interactions.ts';
import { createMetrics } from '../../src/http/metrics.ts';
import { MAX_BODY_BYTES, startHttpServer, type HttpServer } from '../../src/http/server.ts';
import { publicKeyFromHex } from '../../src/http/verify.ts';
import { createInteractionWebhook } from '../../src/http/webhook.ts';
import { startDiscordDouble, type DiscordDouble, type JsonObject } from '../support/discord-double.ts';
import { applicationKeys, httpRequest, postInteraction, signatureHeaders } from '../support/signed.ts';
import { serveSigned, signedModeConfig } from '../support/serve-signed.ts';
import { engine, silent } from '../bot/helpers.ts';

const keys = applicationKeys();
let double: DiscordDouble;
let port: number;
const signals = new EventEmitter();
let served: Promise<number>;

/** POSTs a signed interaction and relays a 200 answer to the double's callback route, as Discord would. */
async function roundTrip(interaction: JsonObject): Promise<{ status: number; body: JsonObject }> {
  const answer = await postInteraction(port, keys.privateKey, interaction);
  if (answer.status === 200) {
    const relayed = await fetch(`${double.apiUrl}/v10/interactions/${String(interaction.id)}/${String(interaction.token)}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: answer.text,
    });
    expect(relayed.status, await relayed.text()).toBe(204);
  }
  return { status: answer.status, body: answer.json as JsonObject };
}

beforeAll(async () => {
  double = await startDiscordDouble();
  const config = signedModeConfig(keys.publicKeyHex, double.apiUrl, { RATE_LIMIT_COUNT: '3' });
  ({ port, served } = await serveSigned({ config, engine, logger: silent, commands, signals }));
});

afterAll(async () => {
  signals.emit('SIGTERM', 'SIGTERM');
  expect(await served).toBe(0);
  await double.close();
});

describe('POST /interactions', () => {
  it('answers PING with PONG', async () => {
    const answer = await postInteraction(port, keys.privateKey, { type: 1, id: '1', application_id: double.applicationId, token: 't', version: 1 });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 1 });
  });

  it('answers /ask inline (type 4) with a cited answer that pings no one', async () => {
    const { status, body } = await roundTrip(double.httpInteraction(double.slashCommand('ask', { question: 'who said megaphone diplomacy' })));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    const data = body.data as { embeds: { description?: string; footer?: { text: string } }[]; allowed_mentions: { parse: unknown[] } };
    expect(data.allowed_mentions.parse).toEqual([]);
    expect(JSON.stringify(data.embeds)).toContain('The Russian Embassy in Washington said it');
    expect(JSON.stringify(data.embeds)).toMatch(/¶ ?\d+/);
  });

  it('lets /ask ping only the mention: user, in a DM too', async () => {
    const { body } = await roundTrip(double.httpInteraction(double.slashCommand('ask', [
      { name: 'question', type: 3, value: 'when was zhirnov summoned' },
      { name: 'mention', type: 6, value: '222222222222222222' },
    ], { dm: true })));
    expect((body.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], users: ['222222222222222222'] });
  });

  it('answers autocomplete with choices (type 8)', async () => {
    const { status, body } = await roundTrip(double.httpInteraction(double.autocomplete('who-is', { name: 'zhir' }, 'name')));
    expect(status).toBe(200);
    expect(body.type).toBe(8);
    const choices = (body.data as { choices: { name: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.some((c) => /Zhirnov/.test(c.name))).toBe(true);
  });

  it('answers button presses (type 3): a page turn updates the message (type 7), others get a private note', async () => {
    // Each press from its own user: this server allows 3 commands a user.
    const owner = '444444444444444444';
    const next = encodeCustomId({ kind: 'page', command: 'timeline', private: false, article: '', owner, page: 1, value: '' })!;
    const turned = await roundTrip(double.httpInteraction(double.button(next, {}, { user: { id: owner } })));
    expect(turned.body.type).toBe(7);
    expect(JSON.stringify(turned.body.data)).toContain('Page 2 of 2');
    const other = await roundTrip(double.httpInteraction(double.button(next, {}, { user: { id: '333333333333333333' } })));
    expect(other.body).toMatchObject({ type: 4, data: { content: TEXT.notYourPages('/timeline'), flags: EPHEMERAL_FLAG } });
    const suggestion = encodeCustomId({ kind: 'run', command: 'ask', private: true, article: '', value: 'Who is Heather Nauert?' })!;
    const asked = await roundTrip(double.httpInteraction(double.button(suggestion, {}, { user: { id: '555555555555555555' } })));
    expect(asked.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL_FLAG } });
    expect(JSON.stringify(asked.body.data)).toContain('spokeswoman');
    const forged = await roundTrip(double.httpInteraction(double.button('made-up', {}, { user: { id: '666666666666666666' } })));
    expect(forged.body).toMatchObject({ type: 4, data: { content: TEXT.buttonUnknown, flags: EPHEMERAL_FLAG } });
  });

  it('answers the message context menu privately', async () => {
    const { body } = await roundTrip(double.httpInteraction(double.messageContextMenu('Find in article', { content: 'Facebook removed fake accounts' })));
    expect(body.type).toBe(4);
    expect(((body.data as { flags?: number }).flags ?? 0) & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
  });

  it('refuses a user past the configured rate limit, privately, and counts it', async () => {
    const user = { id: '333333333333333333' };
    const bodies = [];
    for (let i = 0; i < 4; i++) bodies.push((await roundTrip(double.httpInteraction(double.slashCommand('timeline', {}, { user })))).body);
    expect(bodies.slice(0, 3).every((b) => !JSON.stringify(b).includes('try again'))).toBe(true);
    expect(JSON.stringify(bodies[3])).toMatch(/<t:\d+:R>/);
    const metrics = await httpRequest(port, 'GET', '/metrics');
    expect(metrics.text).toMatch(/^citebot_rate_limited_replies_total [1-9]/m);
  });

  it.each([
    ['no signature', (_body: string): Record<string, string> => ({ 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) })],
    ['a signature of other bytes', (body: string) => signatureHeaders(keys.privateKey, `${body} `)],
    ['a signature by another key', (body: string) => signatureHeaders(applicationKeys().privateKey, body)],
    ['a timestamp six minutes old', (body: string) => signatureHeaders(keys.privateKey, body, Math.floor(Date.now() / 1000) - 360)],
    ['a timestamp six minutes ahead', (body: string) => signatureHeaders(keys.privateKey, body, Math.floor(Date.now() / 1000) + 360)],
    ['a timestamp that is not a number', (body: string) => ({ ...signatureHeaders(keys.privateKey, body), 'x-signature-timestamp': 'soon' })],
  ] as [string, (body: string) => Record<string, string>][])('refuses %s with 401', async (_label, headersFor) => {
    const body = JSON.stringify({ type: 1 });
    const answer = await httpRequest(port, 'POST', '/interactions', body, headersFor(body));
    expect(answer.status).toBe(401);
  });

  it('refuses a body over 64 KiB with 413, signed or not', async () => {
    const body = JSON.stringify({ type: 1, pad: 'x'.repeat(MAX_BODY_BYTES) });
    const answer = await httpRequest(port, 'POST', '/interactions', body, signatureHeaders(keys.privateKey, body));
    expect(answer.status).toBe(413);
  });

  it('refuses malformed JSON, and interactions it cannot read, with 400', async () => {
    const body = '{"type": 2,';
    expect((await httpRequest(port, 'POST', '/interactions', body, signatureHeaders(keys.privateKey, body))).status).toBe(400);
    expect((await postInteraction(port, keys.privateKey, { type: 2, id: '5', token: 't' })).status).toBe(400);
    expect((await postInteraction(port, keys.privateKey, [1, 2])).status).toBe(400);
    expect((await postInteraction(port, keys.privateKey, { type: 99 })).status).toBe(400);
  });

  it('answers a wrong method with 405 and a wrong path with 404', async () => {
    const get = await httpRequest(port, 'GET', '/interactions');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await httpRequest(port, 'POST', '/healthz', '{}')).status).toBe(405);
    expect((await httpRequest(port, 'POST', '/nowhere', '{}')).status).toBe(404);
  });
});

describe('health and metrics', () => {
  it('/healthz and /readyz answer 200', async () => {
    expect((await httpRequest(port, 'GET', '/healthz')).status).toBe(200);
    expect(await httpRequest(port, 'GET', '/readyz')).toMatchObject({ status: 200, json: { status: 'ready' } });
  });

  it('/metrics counts interactions by command and outcome, answer latency, and the process', async () => {
    await roundTrip(double.httpInteraction(double.slashCommand('article', {}, { user: { id: '444444444444444444' } })));
    const { status, headers, text } = await httpRequest(port, 'GET', '/metrics');
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/plain/);
    expect(text).toMatch(/^citebot_interactions_total\{kind="command",command="article",outcome="answered"\} [1-9]/m);
    expect(text).toMatch(/^citebot_interactions_total\{kind="autocomplete",command="who-is",outcome="answered"\} [1-9]/m);
    expect(text).toMatch(/^citebot_interactions_total\{kind="ping",command="",outcome="answered"\} [1-9]/m);
    expect(text).toMatch(/^citebot_answer_duration_seconds_count\{command="article"\} [1-9]/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });
});

describe('deferring what could pass the 3 s deadline', () => {
  const slowData = (name: string): CommandData => ({ name, toJSON: () => ({ name, description: name, type: 1 }) });
  const slow: Command = {
    data: slowData('slow'),
    example: '/slow',
    async execute(ctx) {
      await new Promise((r) => setTimeout(r, 300));
      await ctx.reply(renderNotice('done at last'));
    },
  };
  const broken: Command = {
    data: slowData('broken'),
    example: '/broken',
    async execute() {
      await new Promise((r) => setTimeout(r, 300));
      throw new Error('boom');
    },
  };
  // Like /article-use waiting on a slow database: every reply of it is private.
  const slowPrivate: Command = { ...slow, data: slowData('slow-private'), alwaysPrivate: true };
  let server: HttpServer;

  beforeAll(async () => {
    const router = createRouter({ commands: [slow, broken, slowPrivate], engine, logger: silent, limiter: null, timestamps: 'discord' });
    const handle = createInteractionHandler({ router, logger: silent, webhook: createInteractionWebhook(double.apiUrl), deferAfterMs: 50 });
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      logger: silent,
      metrics: createMetrics(),
      ready: () => true,
      interactions: { publicKey: publicKeyFromHex(keys.publicKeyHex), handle: () => handle },
    });
  });
  afterAll(() => server.close());

  async function deferred(name: string, options: Record<string, boolean> = {}): Promise<{ first: JsonObject; edit: JsonObject }> {
    const interaction = double.httpInteraction(double.slashCommand(name, options));
    const answer = await postInteraction(server.port, keys.privateKey, interaction);
    await fetch(`${double.apiUrl}/v10/interactions/${String(interaction.id)}/${String(interaction.token)}/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: answer.text });
    return { first: answer.json as JsonObject, edit: await double.originalEdit(String(interaction.token)) };
  }

  it('defers (type 5), then replaces the deferred message through the webhook', async () => {
    const { first, edit } = await deferred('slow');
    expect(first).toEqual({ type: 5, data: {} });
    expect(edit.content).toBe('done at last');
  });

  it('defers privately when the reply is asked private', async () => {
    const { first } = await deferred('slow', { private: true });
    expect(first).toEqual({ type: 5, data: { flags: EPHEMERAL_FLAG } });
  });

  it('defers privately a command whose replies are always private', async () => {
    const { first } = await deferred('slow-private');
    expect(first).toEqual({ type: 5, data: { flags: EPHEMERAL_FLAG } });
  });

  it('replaces the deferred message with the apology when the command fails after deferring', async () => {
    const { first, edit } = await deferred('broken');
    expect(first.type).toBe(5);
    expect(edit.content).toBe(TEXT.apology);
  });
});

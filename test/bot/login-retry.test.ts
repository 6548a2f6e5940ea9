/** Logging in while Discord is briefly unreachable, against the Discord double on loopback. */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createBot, isTransientLoginError, serve } from '../../src/bot/discord.ts';
import { OPERATOR_TEXT } from '../../src/bot/messages.ts';
import { loadConfig, Secret } from '../../src/config.ts';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.ts';
import { engine, recordingLogger } from './helpers.ts';
import { closedPort } from '../support/ports.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.login-retry-token-0123456789abcdef';
const FAST_RETRY = { firstMs: 50, maxMs: 200 };


let double: DiscordDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

describe('isTransientLoginError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), true],
    ['a reset inside fetch', new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) }), true],
    ['a 503', Object.assign(new Error('Service Unavailable'), { status: 503 }), true],
    ['a 429', Object.assign(new Error('Too Many Requests'), { status: 429 }), true],
    ['a timeout', Object.assign(new Error('aborted'), { name: 'AbortError' }), true],
    ['a 401', Object.assign(new Error('401: Unauthorized'), { status: 401 }), false],
    ['a 403', Object.assign(new Error('Forbidden'), { status: 403 }), false],
    ['a bug', new TypeError('cannot read properties of undefined'), false],
  ])('%s → %s', (_label, err, transient) => expect(isTransientLoginError(err)).toBe(transient));
});

describe('logging in while Discord is unreachable', () => {
  it('tries again with growing waits while 5xx answers last, then serves', async () => {
    double = await startDiscordDouble();
    // discord.js itself retries a 5xx three times per login, so this fails two whole attempts.
    const failure = double.failRoute({ method: 'GET', path: '/gateway/bot' }, { status: 503 }, 8);
    const { logger, lines } = recordingLogger();
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: double.apiUrl });
    const client = createBot({ config, engine, logger, commands });
    const signals = new EventEmitter();
    const done = serve(client, new Secret(TOKEN), { logger, apiUrl: double.apiUrl, signals, retry: FAST_RETRY, destroyTimeoutMs: 1000 });
    await double.waitForConnection(10_000);
    expect(failure.hits).toBe(8);
    const retries = lines.filter((l) => l.msg === OPERATOR_TEXT.loginRetry);
    expect(retries.map((l) => l.retryInMs)).toEqual([50, 100]);
    expect(retries.every((l) => (l.error as { status?: unknown }).status === 503)).toBe(true);
    const sent = await double.dispatchInteraction(double.slashCommand('article', {}));
    expect(await double.interactionResponse(sent.id)).toBeTruthy();
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await done).toBe(0);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it('keeps trying, at most the cap apart, while nothing listens, and stops at once on SIGINT', async () => {
    const api = `http://127.0.0.1:${await closedPort()}/api`;
    const { logger, lines } = recordingLogger();
    const client = createBot({ config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api }), engine, logger, commands });
    const signals = new EventEmitter();
    const done = serve(client, new Secret(TOKEN), { logger, apiUrl: api, signals, retry: FAST_RETRY, destroyTimeoutMs: 1000 });
    const retries = () => lines.filter((l) => l.msg === OPERATOR_TEXT.loginRetry);
    for (let i = 0; i < 200 && retries().length < 5; i++) await new Promise((r) => setTimeout(r, 25));
    signals.emit('SIGINT', 'SIGINT');
    expect(await done).toBe(0);
    expect(retries().slice(0, 5).map((l) => l.retryInMs)).toEqual([50, 100, 200, 200, 200]);
    expect(retries().every((l) => (l.error as { code?: unknown }).code === 'ECONNREFUSED')).toBe(true);
  });

  it('still exits at once on a token Discord refuses (401), without retrying', async () => {
    double = await startDiscordDouble();
    double.rejectToken();
    const { logger, lines } = recordingLogger();
    const client = createBot({ config: loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: double.apiUrl }), engine, logger, commands });
    const started = Date.now();
    expect(await serve(client, new Secret(TOKEN), { logger, apiUrl: double.apiUrl, signals: new EventEmitter(), retry: FAST_RETRY })).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines.some((l) => l.msg === OPERATOR_TEXT.loginRetry)).toBe(false);
    expect(lines.some((l) => l.msg === OPERATOR_TEXT.tokenRejected)).toBe(true);
  });
});

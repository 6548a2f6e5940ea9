/** The HTTP side as `npm start` runs it, in a child process: interactions mode, and metrics beside the gateway. */
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_TEXT } from '../../src/bot/messages.ts';
import { startBot, startProcess, stopAll, type LogLine } from '../support/bot-process.ts';
import { startDiscordDouble } from '../support/discord-double.ts';
import { applicationKeys, httpRequest, postInteraction } from '../support/signed.ts';

const START_MS = 20_000;
const listeningOn = (what: string) => (line: LogLine) => line.msg === OPERATOR_TEXT.listening(what) && typeof line.port === 'number';

afterAll(stopAll);

describe('npm start with INTERACTIONS_PORT', () => {
  it('serves signed interactions, health and metrics, and stops cleanly on SIGTERM', async () => {
    const keys = applicationKeys();
    const double = await startDiscordDouble();
    try {
      const bot = startProcess({
        env: { INTERACTIONS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: double.apiUrl, LOG_LEVEL: 'info' },
      });
      const port = (await bot.waitForLog(listeningOn('interactions'), { timeoutMs: START_MS, what: 'listening' })).port as number;
      expect((await postInteraction(port, keys.privateKey, { type: 1 })).json).toEqual({ type: 1 });
      const answer = await postInteraction(port, keys.privateKey, double.httpInteraction(double.slashCommand('who-is', { name: 'zhirnov' })));
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("chargé d'affaires");
      expect((await httpRequest(port, 'GET', '/readyz')).status).toBe(200);
      expect((await httpRequest(port, 'GET', '/metrics')).text).toContain('citebot_interactions_total{kind="command",command="who-is",outcome="answered"} 1');
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.stdout).toBe('');
    } finally {
      await double.close();
    }
  });
});

describe('npm start with a REDIS_URL that nobody answers', () => {
  it('answers with in-process limits, and logs one warning', async () => {
    const keys = applicationKeys();
    const double = await startDiscordDouble();
    try {
      const bot = startProcess({
        env: { INTERACTIONS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: keys.publicKeyHex, REDIS_URL: 'redis://127.0.0.1:9', RATE_LIMIT_COUNT: '1', LOG_LEVEL: 'info' },
      });
      const port = (await bot.waitForLog(listeningOn('interactions'), { timeoutMs: START_MS, what: 'listening' })).port as number;
      const user = { id: '666666666666666666' };
      const first = await postInteraction(port, keys.privateKey, double.httpInteraction(double.slashCommand('article', {}, { user })));
      const second = await postInteraction(port, keys.privateKey, double.httpInteraction(double.slashCommand('article', {}, { user })));
      expect(first.text).not.toMatch(/<t:\d+:R>/);
      expect(second.text).toMatch(/<t:\d+:R>/);
      expect(bot.logs.filter((l) => l.level === 40 && String(l.msg).includes('Redis cannot be reached'))).toHaveLength(1);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      await double.close();
    }
  });
});

describe('npm start with a token and METRICS_PORT', () => {
  it('serves /readyz from the gateway session, and /metrics, beside the gateway', async () => {
    const double = await startDiscordDouble();
    try {
      const bot = startBot({ token: 'metrics.test.token-0123456789', apiUrl: double.apiUrl, env: { METRICS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1' } });
      const port = (await bot.waitForLog(listeningOn('health and metrics'), { timeoutMs: START_MS, what: 'listening' })).port as number;
      await bot.waitForLog((l) => l.msg === OPERATOR_TEXT.ready, { timeoutMs: START_MS, what: 'ready' });
      expect((await httpRequest(port, 'GET', '/readyz')).status).toBe(200);
      const sent = await double.dispatchInteraction(double.slashCommand('article', {}));
      await double.interactionResponse(sent.id);
      expect((await httpRequest(port, 'GET', '/metrics')).text).toContain('citebot_interactions_total{kind="command",command="article",outcome="answered"} 1');
      expect((await httpRequest(port, 'GET', '/healthz')).status).toBe(200);
      expect((await httpRequest(port, 'POST', '/interactions', '{}')).status).toBe(404);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      await double.close();
    }
  });
});

/** SHARD_COUNT: the gateway bot sharded inside one process, against the Discord double. */
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { OPERATOR_TEXT } from '../../src/bot/messages.ts';
import { createBot, serve, shardOptions } from '../../src/bot/discord.ts';
import { loadConfig, Secret } from '../../src/config.ts';
import { startBot, stopAll } from '../support/bot-process.ts';
import { startDiscordDouble, type DiscordDouble } from '../support/discord-double.ts';
import { engine, silent } from './helpers.ts';

const TOKEN = 'sharding.test.token-0123456789';

afterAll(stopAll);

/** The `[id, count]` of each IDENTIFY the double received, in order. */
const identified = (double: DiscordDouble): unknown[] =>
  double.frames.filter((f) => f.dir === 'in' && f.op === 2).map((f) => (f.d as { shard?: unknown }).shard);

describe('shardOptions', () => {
  it('leaves the client unsharded without SHARD_COUNT, and asks for every shard otherwise', () => {
    expect(shardOptions(null)).toEqual({});
    expect(shardOptions('auto')).toEqual({ shards: 'auto' });
    expect(shardOptions(3)).toEqual({ shards: [0, 1, 2], shardCount: 3 });
  });
});

describe.each([
  ['SHARD_COUNT=2', '2', 1],
  ['SHARD_COUNT=auto, Discord recommending 2', 'auto', 2],
])('%s', (_label, shardCount, recommendedShards) => {
  it('identifies each shard with [id, 2], answers an interaction on either, and SIGTERM closes both', async () => {
    const double = await startDiscordDouble({ recommendedShards, maxConcurrency: 2 });
    try {
      const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: double.apiUrl, SHARD_COUNT: shardCount });
      const client = createBot({ config, engine, logger: silent, commands });
      const signals = new EventEmitter();
      const done = serve(client, new Secret(TOKEN), { logger: silent, apiUrl: double.apiUrl, signals, destroyTimeoutMs: 3000 });
      for (const started = Date.now(); !client.isReady(); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() - started > 15_000) throw new Error('the shards were not ready within 15 s');
      }
      expect(identified(double).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const shard of [0, 1]) {
        const sent = await double.dispatchInteractionOnShard(shard, double.slashCommand('who-is', { name: 'zhirnov' }));
        expect(JSON.stringify(await double.interactionResponse(sent.id))).toContain("chargé d'affaires");
      }
      signals.emit('SIGTERM', 'SIGTERM');
      expect(await done).toBe(0);
      expect(double.connections.map((c) => c.closeCode)).toEqual([1000, 1000]);
    } finally {
      await double.close();
    }
  });
});

describe('npm start with SHARD_COUNT=2', () => {
  it('serves both shards and stops every one of them cleanly on SIGTERM', async () => {
    const double = await startDiscordDouble({ maxConcurrency: 2 });
    try {
      const bot = startBot({ token: TOKEN, apiUrl: double.apiUrl, env: { SHARD_COUNT: '2' } });
      await bot.waitForLog((l) => l.msg === OPERATOR_TEXT.ready, { timeoutMs: 20_000, what: 'ready' });
      expect(bot.logs.filter((l) => l.msg === 'shard ready').map((l) => l.shard).sort()).toEqual([0, 1]);
      const sent = await double.dispatchInteractionOnShard(1, double.slashCommand('article', {}));
      await double.interactionResponse(sent.id);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      await double.waitFor(() => double.connections.every((c) => c.closeCode !== undefined), 5_000, 'both sockets closed');
      expect(double.connections.map((c) => c.closeCode)).toEqual([1000, 1000]);
    } finally {
      await double.close();
    }
  });
});

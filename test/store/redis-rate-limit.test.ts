/** Rate limits shared through a real Redis (started by .ci/services.sh), and what happens without it. */
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { serveInteractions } from '../../src/http/serve.ts';
import { createRedisRateLimiter, type SharedRateLimiter } from '../../src/store/redis-rate-limit.ts';
import { engine, recordingLogger, silent } from '../bot/helpers.ts';
import { startDiscordDouble } from '../support/discord-double.ts';
import { serviceUrl, skipNote } from '../support/services.ts';
import { applicationKeys, postInteraction } from '../support/signed.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { closedPort } from '../support/ports.ts';

const redisUrl = serviceUrl('redis');
const run = `${process.pid}-${Date.now()}`;
let prefixes = 0;
const prefix = (): string => `citebot:test:${run}:${++prefixes}:`;
const open: SharedRateLimiter[] = [];
const limiter = (options: Partial<Parameters<typeof createRedisRateLimiter>[0]> & { url: string }): SharedRateLimiter => {
  const l = createRedisRateLimiter({ limit: 3, windowMs: 10_000, logger: silent, prefix: prefix(), ...options });
  open.push(l);
  return l;
};
afterAll(async () => {
  await Promise.all(open.map((l) => l.close()));
});

const until = async (check: () => boolean, ms = 5_000): Promise<void> => {
  for (const started = Date.now(); !check(); ) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};


describe.skipIf(!redisUrl)(`rate limits shared through Redis (${redisUrl ? 'real server' : skipNote('Redis')})`, () => {
  const url = redisUrl!;

  it('two replicas count one user together, atomically, and others apart', async () => {
    const p = prefix();
    const a = limiter({ url, prefix: p });
    const b = limiter({ url, prefix: p });
    await until(() => a.shared && b.shared);
    // Ten at once from both replicas: exactly three pass.
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take('user-1')));
    expect(decisions.filter((d) => d.ok)).toHaveLength(3);
    const refused = decisions.find((d) => !d.ok);
    expect(refused && !refused.ok && refused.retryAt).toBeGreaterThan(Date.now() + 8_000);
    expect((await b.take('user-2')).ok).toBe(true);
  });

  it('lets a user go on once the window has slid past', async () => {
    const p = prefix();
    const a = limiter({ url, prefix: p, limit: 2, windowMs: 300 });
    const b = limiter({ url, prefix: p, limit: 2, windowMs: 300 });
    await until(() => a.shared && b.shared);
    expect([(await a.take('u')).ok, (await b.take('u')).ok, (await a.take('u')).ok]).toEqual([true, true, false]);
    await new Promise((r) => setTimeout(r, 350));
    expect((await b.take('u')).ok).toBe(true);
  });

  it('two HTTP replicas behind one load balancer refuse the same user after the shared limit', async () => {
    const keys = applicationKeys();
    const double = await startDiscordDouble();
    const p = prefix();
    const replicas = await Promise.all(
      [0, 1].map(async () => {
        const config = loadConfig({ INTERACTIONS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: keys.publicKeyHex, RATE_LIMIT_COUNT: '2', REDIS_URL: url });
        const signals = new EventEmitter();
        const shared = limiter({ url, prefix: p, limit: 2 });
        await until(() => shared.shared);
        let done: Promise<number> = Promise.resolve(0);
        const port = await new Promise<number>((resolve) => {
          done = serveInteractions({ config: { ...config, interactions: config.interactions! }, engine, logger: silent, commands, signals, limiter: shared, onListening: resolve });
        });
        return { port, stop: () => (signals.emit('SIGTERM', 'SIGTERM'), done) };
      }),
    );
    try {
      const user = { id: '555555555555555555' };
      const texts = [];
      for (const i of [0, 1, 0, 1]) {
        const answer = await postInteraction(replicas[i]!.port, keys.privateKey, double.httpInteraction(double.slashCommand('article', {}, { user })));
        texts.push(answer.text);
      }
      expect(texts.map((t) => /<t:\d+:R>/.test(t))).toEqual([false, false, true, true]);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await double.close();
    }
  });

  it('limits in memory, with one warning, while Redis is away, and shares again when it is back', async () => {
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    const { logger, lines } = recordingLogger();
    const l = limiter({ url: `redis://127.0.0.1:${proxy.port}`, logger, limit: 2 });
    await until(() => l.shared);
    expect((await l.take('a')).ok).toBe(true);
    await proxy.cut();
    await until(() => !l.shared);
    // Answers come at once from memory, which counts from zero: two more pass, the third is refused.
    const started = Date.now();
    expect([(await l.take('a')).ok, (await l.take('a')).ok, (await l.take('a')).ok]).toEqual([true, true, false]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines.filter((x) => x.level === 40 && String(x.msg).includes('Redis cannot be reached'))).toHaveLength(1);
    await proxy.restore();
    await until(() => l.shared, 10_000);
    expect(lines.some((x) => String(x.msg).includes('Redis is back'))).toBe(true);
    // Back on Redis, which had counted one for this user.
    expect([(await l.take('a')).ok, (await l.take('a')).ok]).toEqual([true, false]);
    await proxy.close();
  });
});

describe('without Redis', () => {
  it('a REDIS_URL nobody answers still gives decisions, from memory, and one warning', async () => {
    const { logger, lines } = recordingLogger();
    const l = limiter({ url: `redis://127.0.0.1:${await closedPort()}`, logger, limit: 2 });
    const decisions = [await l.take('x'), await l.take('x'), await l.take('x')];
    expect(decisions.map((d) => d.ok)).toEqual([true, true, false]);
    expect(l.shared).toBe(false);
    await until(() => lines.some((x) => x.level === 40));
    expect(lines.filter((x) => x.level === 40 && String(x.msg).includes('Redis cannot be reached'))).toHaveLength(1);
  });
});

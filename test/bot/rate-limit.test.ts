import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/bot/command.ts';
import { NO_OPTIONS } from '../../src/bot/command.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { createRateLimiter } from '../../src/bot/rate-limit.ts';
import { createRouter, type Invocation, type Responder } from '../../src/bot/router.ts';
import { createLogger } from '../../src/log.ts';
import { engine } from './helpers.ts';

function fakeClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('createRateLimiter', () => {
  it('allows `limit` commands per window, per user, and says when to retry', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 10_000, now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAt: clock.now() + 10_000 });
    expect(limiter.take('b').ok).toBe(true);
    clock.advance(9_999);
    expect(limiter.take('a').ok).toBe(false);
    clock.advance(1);
    expect(limiter.take('a').ok).toBe(true);
  });

  it('is a sliding window: the oldest command frees the next slot', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: clock.now });
    limiter.take('a');
    clock.advance(600);
    limiter.take('a');
    clock.advance(100);
    expect(limiter.take('a')).toEqual({ ok: false, retryAt: clock.now() - 700 + 1000 });
    clock.advance(300);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAt: clock.now() - 400 + 1000 });
  });

  it('refused attempts do not extend the wait', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    limiter.take('a');
    for (let i = 0; i < 5; i++) {
      clock.advance(100);
      expect(limiter.take('a')).toEqual({ ok: false, retryAt: clock.now() - (i + 1) * 100 + 1000 });
    }
  });

  it('defaults to 5 commands per 10 s', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now });
    expect(Array.from({ length: 6 }, () => limiter.take('a').ok)).toEqual([true, true, true, true, true, false]);
  });
});

describe('the router answers the excess with a private "try again"', () => {
  const ping: Command = {
    data: { name: 'ping', toJSON: () => ({ name: 'ping', description: 'ping' }) },
    example: '/ping',
    execute: (ctx) => ctx.reply({ content: 'pong', embeds: [], components: [], allowed_mentions: { parse: [] } }),
  };
  const invocation: Invocation = { name: 'ping', options: NO_OPTIONS, user: { id: '1' } };
  const responder = () => {
    const sent: { content?: string; flags?: number }[] = [];
    let replied = false;
    const r: Responder = {
      get replied() {
        return replied;
      },
      reply: async (p) => {
        replied = true;
        sent.push(p);
      },
      followUp: async (p) => void sent.push(p),
    };
    return { r, sent };
  };

  it.each([
    ['discord', /^You’re going too fast\. Try again <t:1700000010:R>\.$/],
    ['plain', /^You’re going too fast\. Try again in 10 s\.$/],
  ] as const)('%s timestamps', async (timestamps, want) => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, now: clock.now });
    const router = createRouter({ commands: [ping], engine, logger: createLogger({ level: 'silent' }), limiter, timestamps });
    await router.run(invocation, responder().r);
    const { r, sent } = responder();
    await router.run(invocation, r);
    expect(sent[0]!.flags).toBe(EPHEMERAL_FLAG);
    expect(sent[0]!.content).toMatch(want);
  });
});

import { describe, expect, it } from 'vitest';
import type { Command, CommandData } from '../../src/bot/command.ts';
import { NO_OPTIONS } from '../../src/bot/command.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { createRouter, type Invocation } from '../../src/bot/router.ts';
import { engine, expectWithinLimits, recordingLogger, recordingResponder, silent } from './helpers.ts';

const data = (name: string): CommandData => ({ name, toJSON: () => ({ name, description: name, type: 1 }) });
const ok = { embeds: [{ title: 'ok' }], components: [], allowed_mentions: { parse: [] } } as const;

const testCommands: Command[] = [
  { data: data('fine'), example: '/fine', execute: async (ctx) => ctx.reply(ok) },
  { data: data('throws-first'), example: '', execute: async () => { throw new Error('boom before'); } },
  { data: data('throws-after'), example: '', execute: async (ctx) => { await ctx.reply(ok); throw new Error('boom after'); } },
  { data: data('silent'), example: '', execute: async () => {} },
  { data: data('twice'), example: '', execute: async (ctx) => { await ctx.reply(ok); await ctx.reply(ok); } },
  {
    data: data('huge'),
    example: '',
    execute: async (ctx) => ctx.reply({ content: 'x'.repeat(5000), embeds: [{ title: 't'.repeat(999), description: 'd'.repeat(9999) }], components: [], allowed_mentions: { parse: [] } }),
  },
  {
    data: data('complete'),
    example: '',
    execute: async (ctx) => ctx.reply(ok),
    autocomplete: ({ focused }) => {
      if (focused.value === 'fail') throw new Error('autocomplete boom');
      return Array.from({ length: 40 }, (_, i) => ({ label: `${focused.value}${'n'.repeat(200)}`, value: `v${i}` }));
    },
  },
];
const use = (name: string): Invocation => ({ name, options: NO_OPTIONS, user: { id: '7' } });

function setup() {
  const { logger, lines } = recordingLogger();
  return { router: createRouter({ commands: testCommands, engine, logger, limiter: null, timestamps: 'plain' }), lines };
}

describe('the error boundary', () => {
  it('runs a command and logs it', async () => {
    const { router, lines } = setup();
    const responder = recordingResponder();
    await router.run(use('fine'), responder);
    expect(responder.sent).toEqual([{ kind: 'reply', payload: ok }]);
    expect(lines.at(-1)).toMatchObject({ msg: 'command', command: 'fine', user: '7' });
  });

  it.each([
    ['throws-first', ['reply'], 'boom before'],
    ['throws-after', ['reply', 'followUp'], 'boom after'],
    ['silent', ['reply'], 'without replying'],
    ['twice', ['reply', 'followUp'], 'already replied'],
  ])('%s: logs the stack and apologises privately (%j)', async (name, kinds, error) => {
    const { router, lines } = setup();
    const responder = recordingResponder();
    await expect(router.run(use(name), responder)).resolves.toBeUndefined();
    expect(responder.sent.map((s) => s.kind)).toEqual(kinds);
    const apology = responder.sent.at(-1)!.payload;
    expect(apology.content).toBe(TEXT.apology);
    expect(apology.flags).toBe(EPHEMERAL_FLAG);
    const logged = lines.find((l) => l.msg === 'command failed') as { err: { message: string; stack: string }; command: string };
    expect(logged.command).toBe(name);
    expect(logged.err.message).toContain(error);
    expect(logged.err.stack).toMatch(/\n\s+at /);
  });

  it('survives a reply that cannot be sent', async () => {
    const { router, lines } = setup();
    const failing = { replied: false, reply: () => Promise.reject(new Error('network down')), followUp: () => Promise.reject(new Error('network down')) };
    await expect(router.run(use('throws-first'), failing)).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'could not send a reply')).toBe(true);
  });

  it('answers an unknown command privately', async () => {
    const { router, lines } = setup();
    const responder = recordingResponder();
    await router.run(use('nope'), responder);
    expect(responder.sent[0]!.payload).toMatchObject({ content: expect.stringContaining('I do not know the command “nope”'), flags: EPHEMERAL_FLAG });
    expect(lines.at(-1)).toMatchObject({ msg: 'unknown command', command: 'nope' });
  });

  it('cuts every reply to the limits on its way out', async () => {
    const { router } = setup();
    const responder = recordingResponder();
    await router.run(use('huge'), responder);
    expectWithinLimits(responder.sent[0]!.payload);
  });
});

describe('autocomplete through the router', () => {
  it('cuts to 25 choices with names of at most 100', () => {
    const { router } = setup();
    const choices = router.complete('complete', { name: 'x', value: 'abc' });
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && c.name.startsWith('abc'))).toBe(true);
  });

  it('never throws: a failure is logged and answered with no choices', () => {
    const { router, lines } = setup();
    expect(router.complete('complete', { name: 'x', value: 'fail' })).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ msg: 'autocomplete failed', command: 'complete' });
    expect(router.complete('fine', { name: 'x', value: '' })).toEqual([]);
    expect(router.complete('nope', { name: 'x', value: '' })).toEqual([]);
  });
});

it('the real commands never leave an interaction unanswered', async () => {
  const { commands } = await import('../../commands/index.ts');
  const router = createRouter({ commands, engine, logger: silent, limiter: null, timestamps: 'plain' });
  for (const c of commands) {
    const responder = recordingResponder();
    await router.run({ name: c.data.name, options: NO_OPTIONS, user: { id: '1' } }, responder);
    expect(responder.sent, c.data.name).toHaveLength(1);
    expect(responder.sent[0]!.payload.content ?? '', c.data.name).not.toBe(TEXT.apology);
  }
});

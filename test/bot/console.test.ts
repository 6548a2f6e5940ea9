import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { ReplyPayload } from '../../src/bot/command.ts';
import { closestCommand, completeLine, drawPayload, parseLine, runConsole } from '../../src/bot/console.ts';
import { runLocal } from '../../src/cli/local.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { engine, limitProblems, replyTo, router, silent } from './helpers.ts';
import { memoryIo } from './memory-io.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function invocation(line: string) {
  const parsed = parseLine(line, commands);
  if (parsed.kind !== 'invocation') throw new Error(`${line}: ${parsed.kind}`);
  return parsed.invocation;
}

describe('parseLine', () => {
  it('reads options whose values hold spaces, in any order', () => {
    const inv = invocation('/ask private: true question: who said megaphone diplomacy mention: <@!42>');
    expect(inv.name).toBe('ask');
    expect(inv.options.getString('question')).toBe('who said megaphone diplomacy');
    expect(inv.options.getBoolean('private')).toBe(true);
    expect(inv.options.getUser('mention')).toEqual({ id: '42' });
  });

  it.each([
    ['/who-is zhirnov', 'name', 'zhirnov'],
    ['who said megaphone diplomacy', 'question', 'who said megaphone diplomacy'],
    ['/ASK Question: Hi', 'question', 'Hi'],
    ['/ask question:', 'question', ''],
  ])('%s → %s: %j', (line, option, value) => expect(invocation(line).options.getString(option)).toBe(value));

  it('takes a message command by its name or in kebab case, with message:', () => {
    for (const line of ['/Find in article message: hello there', '/find-in-article message: hello there', '/find-in-article hello there']) {
      const inv = invocation(line);
      expect(inv.name).toBe('Find in article');
      expect(inv.targetMessage).toEqual({ content: 'hello there' });
    }
  });

  it('skips blank lines and comments', () => {
    expect(parseLine('   ', commands).kind).toBe('nothing');
    expect(parseLine('# note', commands).kind).toBe('nothing');
  });

  it('passes an unknown command on, for the router to answer with the closest one', async () => {
    expect(invocation('/timelin now').name).toBe('timelin');
    expect((await replyTo('/timelin now')).content).toBe('I do not know the command “timelin”. Did you mean /timeline? Try /help for the list.');
    expect(closestCommand('frobnicate', commands)).toBeNull();
    expect(closestCommand('whois', commands)).toBe('who-is');
    expect(closestCommand('quote', commands)).toBe('quotes');
  });

  it.each([
    ['help', 'help', null],
    ['timeline', 'timeline', null],
    ['Article', 'article', null],
    ['ask who is nauert', 'ask', 'who is nauert'],
    ['who-is nauert', 'who-is', 'nauert'],
    ['quotes speaker: nauert', 'quotes', 'nauert'],
    // A question that merely starts with a command's name stays a question.
    ['when did facebook announce it', 'ask', 'when did facebook announce it'],
    ['help me understand the tweet', 'ask', 'help me understand the tweet'],
  ])('a bare word is the command it names: %s', (line, name, text) => {
    const inv = invocation(line);
    expect(inv.name).toBe(name);
    if (text !== null) expect(inv.options.getString(name === 'who-is' ? 'name' : name === 'quotes' ? 'speaker' : 'question')).toBe(text);
  });

  it('reads quit, exit and a number', () => {
    for (const line of ['quit', 'exit', '/quit', 'EXIT ']) expect(parseLine(line, commands)).toEqual({ kind: 'quit' });
    expect(parseLine(' 2 ', commands)).toEqual({ kind: 'press', number: 2 });
  });

  it('takes what Discord takes: the same length limits', () => {
    expect(parseLine(`/ask question: ${'é'.repeat(500)}`, commands).kind).toBe('invocation');
    expect(parseLine(`/ask question: ${'é'.repeat(501)}`, commands).kind).toBe('usage');
    // Discord counts characters, not UTF-16 units: 500 emoji fit.
    expect(parseLine(`/ask question: ${'🦊'.repeat(500)}`, commands).kind).toBe('invocation');
    expect(parseLine(`/who-is name: ${'x'.repeat(501)}`, commands).kind).toBe('usage');
  });
});

describe('completeLine', () => {
  it('completes command names', () => {
    expect(completeLine('/wh', router)).toEqual({ candidates: ['/who-said ', '/when ', '/who-is '], on: '/wh' });
    expect(completeLine('/', router).candidates).toHaveLength(commands.length);
  });

  it('completes option names not yet given', () => {
    expect(completeLine('/ask ', router)).toEqual({ candidates: ['question: ', 'article: ', 'private: ', 'mention: '], on: '' });
    expect(completeLine('/ask question: hi pr', router)).toEqual({ candidates: ['private: '], on: 'pr' });
  });

  it('completes values from the same autocomplete handlers', () => {
    const c = completeLine('/who-is name: zhir', router);
    expect(c.on).toBe('zhir');
    // Names, never internal ids; only those that fit what was typed.
    expect(c.candidates).toEqual(["Dmitry Zhirnov — Russia's chargé d'affaires in Washington "]);
    expect(completeLine('/quotes speaker: hea', router).candidates).toContain('Heather Nauert ');
    expect(completeLine('/quotes speaker: hea', router).candidates.length).toBeLessThan(4);
    for (const line of ['/when event: ', '/who-said quote: ', '/quotes speaker: ', '/who-is name: ']) {
      for (const candidate of completeLine(line, router).candidates) expect(candidate).not.toMatch(/^(?:e|q|f)-|^[a-z]+(?:-[a-z]+)+ $/);
    }
    expect(completeLine('/who-said quote: ', router).candidates.length).toBeGreaterThan(3);
    expect(completeLine('/ask private: t', router)).toEqual({ candidates: ['true '], on: 't' });
  });

  it('offers nothing for plain questions', () => {
    expect(completeLine('who is', router).candidates).toEqual([]);
  });
});

describe('drawPayload', () => {
  it('draws a reply as plain text: title, quote, citation, fields, link', () => {
    const payload: ReplyPayload = {
      content: '<@42>',
      embeds: [{ title: 'Title \\*x\\*', description: '> a **bold** word', footer: { text: '¶ 1 · RFE/RL' }, fields: [{ name: 'F', value: '> v' }] }],
      components: [{ type: 1, components: [{ type: 2, style: 5, label: 'Read the article', url: 'https://example.com/a' }] }],
      flags: EPHEMERAL_FLAG,
      allowed_mentions: { parse: [], users: ['42'] },
    };
    expect(drawPayload(payload)).toBe(
      ['(only you can see this)', '@42', 'Title *x*', '  > a bold word', '  ¶ 1 · RFE/RL', '', '  F', '  > v', '[Read the article] https://example.com/a'].join('\n'),
    );
    expect(drawPayload(payload, { color: true })).toContain('\x1b[1mbold\x1b[22m');
  });
});

/** Runs the console in-process over streams. */
async function consoleRun(input: string, mode: 'text' | 'payload'): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  const done = runConsole({ engine, commands, logger: silent, input: stdin, output: stdout, interactive: false, mode });
  stdin.end(input);
  await done;
  return out;
}

describe('runConsole', () => {
  it('answers each line as text and ends with the input', async () => {
    const out = await consoleRun('/ask question: who said megaphone diplomacy\n\n/who-is name: zhirnov\n', 'text');
    expect(out).toMatch(/The Russian Embassy in Washington said it[\s\S]*¶ 9 · RFE\/RL/);
    expect(out).toMatch(/Dmitry Zhirnov is Russia's chargé d'affaires/);
  });

  it('in payload mode writes one JSON body a line, and nothing else', async () => {
    const out = await consoleRun('/ask question: @everyone <@123> hi\n# comment\n/who-is name: zhirnov\n/nope\n', 'payload');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const body = JSON.parse(line) as ReplyPayload;
      expect(Object.keys(body).every((k) => ['content', 'embeds', 'components', 'flags', 'allowed_mentions'].includes(k))).toBe(true);
      expect(limitProblems(body)).toEqual([]);
    }
  });

  it('numbers the buttons of a reply; typing a number presses one, through the same router', async () => {
    const out = await consoleRun('/ask question: what is the capital of France\n1\n7\n', 'text');
    const suggestions = engine.suggestions('what is the capital of France', 3);
    expect(out).toContain(`[1] ${suggestions[0]}`);
    expect(out).toContain('Type a number to press its button.');
    const [, afterPress] = out.split('Type a number to press its button.');
    expect(afterPress).toContain((await replyTo(`/ask question: ${suggestions[0]}`)).embeds[0]!.title);
    expect(afterPress).toContain('There is no button to press: the last reply has none.');
  });

  it('pages /timeline by number, and keeps the buttons after a mistyped line', async () => {
    const out = await consoleRun('/timeline\n/nope\n5\n1\n', 'text');
    expect(out).toMatch(/Page 1 of 2[\s\S]*\[1\] Next ▶[\s\S]*There is no button 5: the last reply has only button 1\.[\s\S]*Page 2 of 2[\s\S]*\[1\] ◀ Previous/);
  });

  it('stops at quit', async () => {
    const out = await consoleRun('/help\nquit\n/timeline\n', 'text');
    expect(out).toContain('/ask question:');
    expect(out).not.toContain('Timeline of the article');
  });

  it('Ctrl-C clears a line being typed, and quits on an empty line', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (b: Buffer) => (out += b.toString()));
    const done = runConsole({ engine, commands, logger: silent, input: stdin, output: stdout, interactive: true, mode: 'text' });
    stdin.write('/timeline');
    stdin.write('\x03');
    stdin.write('/who-is name: zhirnov\r');
    await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain("Dmitry Zhirnov is Russia's chargé d'affaires");
    expect(out).not.toContain('Timeline of the article');
    stdin.write('\x03');
    await expect(done).resolves.toBeUndefined();
  });

  it('ends on SIGTERM', async () => {
    const stdin = new PassThrough();
    const signals = new EventEmitter();
    const done = runConsole({ engine, commands, logger: silent, input: stdin, output: new PassThrough(), interactive: false, mode: 'text', signals });
    signals.emit('SIGTERM');
    await expect(done).resolves.toBeUndefined();
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });
});

/** Spawns a script with stdin, no token, and a clean environment for citebot's variables. */
function spawnScript(script: string, args: readonly string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [script, ...args],
      { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', DISCORD_API_URL: '', LOG_LEVEL: '' }, timeout: 15_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

describe('processes', () => {
  it('npm start without a token runs the console on stdin and exits 0 at its end', async () => {
    const { code, stdout, stderr } = await spawnScript('src/main.ts', [], '/ask question: who said megaphone diplomacy\n');
    expect(code).toBe(0);
    expect(stdout).toContain('The Russian Embassy in Washington');
    expect(stdout).toContain('stooping to \'megaphone diplomacy,\'');
    expect(stdout).toContain('¶ 9 · RFE/RL');
    expect(stderr).toBe('');
  });

  it('npm run local -- --payload writes only JSON lines (in-process: the same entry function)', async () => {
    const io = memoryIo(`/ask question: @everyone <@123> hi\n/who-is name: zhirnov\n/ask question: ${'x'.repeat(6000)} mention: <@42>\n`);
    expect(await runLocal(['--payload'], {}, io)).toBe(0);
    expect(io.err()).toBe('');
    const bodies = io.out().trimEnd().split('\n').map((l) => JSON.parse(l) as ReplyPayload);
    expect(bodies).toHaveLength(3);
    for (const body of bodies) expect(limitProblems(body, '42')).toEqual([]);
  });
});

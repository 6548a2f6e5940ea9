/** Every command through the console adapter (the same parser, router, handlers and renderer as on Discord). */
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { ReplyPayload } from '../../src/bot/command.ts';
import { parseCustomId } from '../../src/bot/custom-id.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { toPlainText } from '../../src/bot/markdown.ts';
import { expectWithinLimits, replyTo, runLine, visibleText } from './helpers.ts';

const LONG = 'megaphone '.repeat(600);
const HOSTILE = '@everyone @here <@123> <@&456> **bold** `code` ||spoiler|| # heading';
const shown = (p: ReplyPayload): string => toPlainText(visibleText(p));
const isPrivate = (p: ReplyPayload): boolean => p.flags === EPHEMERAL_FLAG;

describe('every example in /help works', () => {
  it.each(commands.map((c) => [c.data.name, c.example]))('%s: %s', async (_name, example) => {
    const p = await replyTo(example);
    expectWithinLimits(p);
    expect(shown(p)).not.toMatch(/does not answer|something went wrong|needs/i);
  });
});

// [line, what the reply must show, private?]
const TYPICAL: [string, RegExp, boolean][] = [
  ['/ask question: who said megaphone diplomacy', /Russian Embassy in Washington said it[\s\S]*¶ 9 · RFE\/RL/, false],
  ['/ask question: who is Heather Nauert? private: true', /State Department spokeswoman/, true],
  ['/who-said quote: megaphone diplomacy', /megaphone diplomacy/, false],
  ['/who-said quote: q-embassy-megaphone', /^The Russian Embassy in Washington said it, in a statement on August 5\./, false],
  ['/quotes speaker: nauert', /^What Heather Nauert is quoted as saying[\s\S]*Page 1 of 2[\s\S]*¶ 2[\s\S]*¶ 6/, false],
  ['/quotes speaker: Heather Nauert', /What Heather Nauert is quoted as saying/, false],
  // Someone the article mentions but never quotes: says so, and who they are.
  ['/quotes speaker: Dmitry Zhirnov', /^The article never quotes Dmitry Zhirnov\.[\s\S]*Who they are: Dmitry Zhirnov is Russia's chargé d'affaires/, true],
  ['/quotes speaker: mitchell', /^The article never quotes Wess Mitchell\.[\s\S]*Who they are:/, true],
  ['/when event: facebook announced', /July 31/, false],
  ['/timeline', /^Timeline of the article[\s\S]*2016[\s\S]*November/, false],
  ['/who-is name: zhirnov', /chargé d'affaires/, false],
  ['/who-is name: the spokeswoman', /Heather Nauert/, false],
  ['/article', /Aggressive Interference[\s\S]*RFE\/RL[\s\S]*Heather Nauert/, false],
  ['/help', /\/ask question:[\s\S]*Find in article/, true],
  ['/find-in-article message: stooping to megaphone diplomacy', /¶ 9/, true],
  ['/Find in article message: the embassy statement', /Closest passages/, true],
  ['who is nauert', /State Department spokeswoman/, false],
];

describe('typical use', () => {
  it.each(TYPICAL)('%s', async (line, want, priv) => {
    const p = await replyTo(line);
    expectWithinLimits(p);
    expect(shown(p)).toMatch(want);
    expect(isPrivate(p)).toBe(priv);
  });

  it('/ask mention: pings that user and no one else', async () => {
    const p = await replyTo('/ask question: who said megaphone diplomacy mention: <@123456789012345678>');
    expect(p.content).toBe('<@123456789012345678>');
    expect(p.allowed_mentions).toEqual({ parse: [], users: ['123456789012345678'] });
    expectWithinLimits(p, '123456789012345678');
  });
});

const ANSWERING = ['/ask question:', '/who-said quote:', '/quotes speaker:', '/when event:', '/who-is name:', '/find-in-article message:'];

describe('private: with mention:', () => {
  it('pings no one, and says the mention was dropped because the reply is private', async () => {
    const p = await replyTo('/ask question: who said megaphone diplomacy private: true mention: <@123456789012345678>');
    expect(isPrivate(p)).toBe(true);
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.content).toBe('This answer is private, so only you can see it: the user in mention: was not notified.');
    expect(JSON.stringify(p)).not.toContain('123456789012345678');
    expectWithinLimits(p);
  });
});

describe('empty input gets a friendly private reply', () => {
  it.each(ANSWERING)('%s (empty)', async (start) => {
    const p = await replyTo(`${start} `);
    expectWithinLimits(p);
    expect(isPrivate(p)).toBe(true);
    expect(shown(p).length).toBeGreaterThan(10);
  });
});

describe('hostile input never pings and stays within limits', () => {
  const cases = ANSWERING.flatMap((s) => [
    [`${s} <hostile>`, `${s} ${HOSTILE}`],
    [`${s} <6000 characters>`, `${s} ${LONG}`],
    [`${s} <hostile, 6000 characters>`, `${s} ${HOSTILE} ${LONG}`],
  ]);
  it.each(cases)('%s', async (_label, line) => {
    for (const p of await runLine(line!)) expectWithinLimits(p);
  });

  it('echoed hostile text is escaped', async () => {
    const p = await replyTo(`/quotes speaker: ${HOSTILE}`);
    expectWithinLimits(p);
    expect(visibleText(p)).toContain('\\*\\*bold\\*\\*');
    expect(shown(p)).toContain('quotes no one called');
  });
});

describe('no answer: private, with "did you mean"', () => {
  it.each([
    '/ask question: what is the capital of France',
    '/ask question: who is Vladimir Putin',
    '/who-said quote: the quick brown fox jumps',
    '/quotes speaker: Putin',
    '/who-is name: Angela Merkel',
    '/when event: the moon landing',
    '/find-in-article message: xyzzy plugh',
  ])('%s', async (line) => {
    const p = await replyTo(line);
    expectWithinLimits(p);
    expect(isPrivate(p)).toBe(true);
    expect(p.content).toBeUndefined();
    expect(shown(p)).toMatch(/Did you mean one of these\?/);
    const buttons = p.components.flatMap((r) => r.components);
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) expect(parseCustomId('custom_id' in b ? b.custom_id : '')).toMatchObject({ ok: true, action: { kind: 'run' } });
  });
});

describe('console usage errors', () => {
  it.each([
    ['/ask', /needs question:/],
    ['/ask question: hi private: maybe', /private: takes true or false/],
    ['/ask question: hi mention: bob', /mention: takes a user/],
    ['/timeline some words', /takes no free text/],
    ['/frobnicate', /I do not know the command “frobnicate”\. Try \/help\./],
    ['/tiemline', /I do not know the command “tiemline”\. Did you mean \/timeline\?/],
    ['/hlp', /Did you mean \/help\?/],
    [`/ask question: ${'a'.repeat(501)}`, /question: takes at most 500 characters, as on Discord \(this one has 501\)/],
    [`why ${'a'.repeat(500)}`, /question: takes at most 500 characters/],
  ])('%s', async (line, want) => {
    const p = await replyTo(line);
    expect(isPrivate(p)).toBe(true);
    expect(shown(p)).toMatch(want);
  });
});

import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCustomId } from '../../src/bot/custom-id.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { toPlainText } from '../../src/bot/markdown.ts';
import {
  formatDate,
  renderAnswer,
  renderArticle,
  renderHelp,
  renderNoAnswer,
  renderNotice,
  renderQuotes,
  renderResult,
  renderTimeline,
  usageOf,
} from '../../src/bot/render.ts';
import type { Answer, AnswerResult, KnowledgeBase } from '../../src/engine/index.ts';
import { engine, expectWithinLimits } from './helpers.ts';

const kb = engine.kb;
const URL_ = 'https://www.rferl.org/a/us-calls-in-russian-embassy-official/29415566.html';
const kbWithUrl: KnowledgeBase = { ...kb, meta: { ...kb.meta, url: URL_ } };
const hostile = '@everyone @here <@123> <@&456> **x** `y` ||z|| # h\n> q [l](http://e.vil)';

function answer(over: Partial<Answer> = {}): Answer {
  return { answer: 'A direct answer.', excerpt: 'An excerpt about megaphone diplomacy.', paragraph: 3, score: 1, highlights: ['megaphone'], source: { kind: 'fact', id: 'f' }, ...over };
}
const result = (...answers: Answer[]): AnswerResult => ({ question: 'q', answers });

describe('renderAnswer', () => {
  it('titles the direct answer, quotes the excerpt with matched words bold, cites paragraph and outlet', () => {
    const p = renderAnswer(result(answer(), answer({ answer: 'Second.', excerpt: 'Another excerpt.', paragraph: 9, highlights: [] })), kb, 'matched');
    expect(p.embeds).toEqual([
      {
        title: 'A direct answer.',
        description: '> An excerpt about **megaphone** diplomacy.',
        color: expect.any(Number),
        footer: { text: '¶ 3 · RFE/RL' },
        fields: [{ name: 'Also (2): Second.', value: '> Another excerpt.\n¶ 9 · RFE/RL' }],
      },
    ]);
    expect(p.flags).toBeUndefined();
    expect(p.content).toBeUndefined();
    expect(p.allowed_mentions).toEqual({ parse: [] });
  });

  it('renders the engine\'s answer about megaphone diplomacy, naming the Russian Embassy', () => {
    const p = renderAnswer(engine.answer('who said megaphone diplomacy'), kb, 'matched');
    const [embed] = p.embeds;
    expect([embed!.title, ...(embed!.fields ?? []).map((f) => f.name)].join('\n')).toContain('The Russian Embassy in Washington said it');
    expect(embed!.description).toMatch(/\*\*megaphone\*\*/);
    expect(embed!.footer?.text).toMatch(/^¶ \d+ · RFE\/RL · August 5, 2018$/);
    expectWithinLimits(p);
  });

  it('shows at most two further passages', () => {
    const p = renderAnswer(result(answer(), answer({ paragraph: 4 }), answer({ paragraph: 5 }), answer({ paragraph: 6 })), kb, 'matched');
    expect(p.embeds[0]!.fields).toHaveLength(2);
  });

  it('links the article with a button only when its URL is known', () => {
    expect(renderAnswer(result(answer()), kb, 'matched').components).toEqual([]);
    expect(renderAnswer(result(answer()), kbWithUrl, 'matched').components).toEqual([
      { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Read the article', url: URL_ }] },
    ]);
  });

  it('is private with private: and pings only the mention: user', () => {
    const p = renderAnswer(result(answer()), kb, 'matched', { ephemeral: true, mention: '42' });
    expect(p.flags).toBe(EPHEMERAL_FLAG);
    expect(p.content).toBe('<@42>');
    expect(p.allowed_mentions).toEqual({ parse: [], users: ['42'] });
    expectWithinLimits(p, '42');
  });

  it('escapes hostile article text and defuses mentions in it', () => {
    const p = renderAnswer(result(answer({ answer: hostile, excerpt: hostile, highlights: ['everyone', 'x'] })), kb, 'matched');
    expectWithinLimits(p);
    expect(p.embeds[0]!.description).toContain('\\*\\*');
    expect(p.embeds[0]!.description).toContain('\\`y\\`');
    expect(p.embeds[0]!.description).toContain('\\|\\|z\\|\\|');
    expect(p.embeds[0]!.description).toContain('\\[l](http://e.vil)');
    expect(toPlainText(p.embeds[0]!.title!)).toBe(hostile);
  });

  it('cuts 6000-character text to the limits', () => {
    const long = `${'megaphone '.repeat(600)}`.trim();
    const p = renderAnswer(result(answer({ answer: long, excerpt: long }), answer({ answer: long, excerpt: long }), answer({ answer: long, excerpt: long })), kbWithUrl, 'matched');
    expectWithinLimits(p);
    expect(p.embeds[0]!.description!.length).toBeGreaterThan(1000);
    expect((p.embeds[0]!.description!.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('shows a quote in its paragraph, the quote in bold', () => {
    const p = renderResult(engine.whoSaid('q-embassy-megaphone'), engine, 'in-paragraph');
    expect(p.embeds[0]!.title).toBe('The Russian Embassy in Washington said it, in a statement on August 5.');
    expect(p.embeds[0]!.description).toContain("**We can only express regret that the State Department is once again stooping to 'megaphone diplomacy,'**");
    expect(toPlainText(p.embeds[0]!.description!)).toBe(`> ${kb.article.paragraphs[8]!.text}`);
  });
});

describe('renderNoAnswer and renderResult without answers', () => {
  it('is private, pings no one, and suggests questions', () => {
    const p = renderResult(engine.answer('what is the capital of France'), engine, 'matched', { ephemeral: false, mention: '42' });
    expect(p.flags).toBe(EPHEMERAL_FLAG);
    expect(p.content).toBeUndefined();
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.embeds[0]!.description).toBe('Did you mean one of these? Press one to ask it.');
    const buttons = p.components.flatMap((r) => r.components);
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(engine.suggestions('what is the capital of France', 3));
    // Asked in public: the suggested question is answered in public too.
    for (const b of buttons) expect(parseCustomId('custom_id' in b ? b.custom_id : '')).toMatchObject({ ok: true, action: { kind: 'run', command: 'ask', private: false } });
    expectWithinLimits(p);
  });

  it('shows the closest passage the engine gives, cited, under a refusal', () => {
    const refused: AnswerResult = { question: 'q', answers: [], noAnswer: { reason: 'no-match', message: 'The article does not say.' }, related: [answer()] };
    const p = renderResult(refused, engine, 'matched');
    expect(p.flags).toBe(EPHEMERAL_FLAG);
    expect(p.embeds[0]!.fields).toEqual([{ name: 'Closest the article comes', value: expect.stringMatching(/^> [\s\S]*\n¶ \d+ · RFE\/RL/) }]);
    expect(renderResult({ ...refused, related: [] }, engine, 'matched').embeds[0]!.fields).toBeUndefined();
    expectWithinLimits(p);
  });

  it('lists as text a suggestion too long for a button, and keeps the others as buttons', () => {
    const long = `Who said ${'"very long words" '.repeat(8)}?`;
    const p = renderNoAnswer('No.', ['Who is Heather Nauert?', long]);
    expect(p.embeds[0]!.description).toContain(`• ${long.slice(0, 30)}`);
    expect(p.components[0]!.components).toHaveLength(1);
    expectWithinLimits(p);
  });

  it('escapes the echoed question', () => {
    const p = renderNoAnswer(`The article does not mention ${hostile}.`, [hostile]);
    expectWithinLimits(p);
  });

  it('leaves out "did you mean" when there is nothing to suggest', () => {
    expect(renderNoAnswer('Nothing.', []).embeds[0]!.description).toBeUndefined();
  });
});

describe('lists', () => {
  it('renderQuotes: each quote cited, in article order, quote in bold', () => {
    const p = renderQuotes(engine.quotesBy('nauert')!, kb);
    const fields = p.embeds[0]!.fields!;
    expect(p.embeds[0]!.title).toBe('What Heather Nauert is quoted as saying');
    expect(fields.map((f) => Number(/¶ (\d+)/.exec(f.name)![1]))).toEqual([2, 5, 6]);
    expect(fields.every((f) => f.value.includes('**'))).toBe(true);
    expectWithinLimits(p);
  });

  it('renderQuotes pages: the asker gets previous/next buttons, page 2 has the rest', () => {
    const sq = engine.quotesBy('nauert')!;
    const asker = { user: '42', command: 'quotes', value: 'Heather Nauert', page: 0 };
    const first = renderQuotes(sq, kb, { ephemeral: true, mention: null }, asker);
    expect(first.embeds[0]!.footer!.text).toBe('RFE/RL · Page 1 of 2');
    const [previous, next] = first.components[0]!.components.map((b) => ('custom_id' in b ? b : null));
    expect(previous).toMatchObject({ label: '◀ Previous', disabled: true });
    expect(next?.disabled).toBeUndefined();
    expect(parseCustomId(next!.custom_id)).toEqual({
      ok: true,
      action: { kind: 'page', command: 'quotes', private: true, article: '', owner: '42', page: 1, value: 'Heather Nauert' },
    });
    const second = renderQuotes(sq, kb, { ephemeral: true, mention: null }, { ...asker, page: 1 });
    expect(second.embeds[0]!.fields!.map((f) => Number(/¶ (\d+)/.exec(f.name)![1]))).toEqual([7]);
    expect(second.components[0]!.components[1]).toMatchObject({ disabled: true });
    // A page past the end (the list got shorter since) shows the last page.
    expect(renderQuotes(sq, kb, undefined, { ...asker, page: 9 }).embeds[0]!.footer!.text).toBe('RFE/RL · Page 2 of 2');
    // A reply short enough for one page has no page buttons.
    expect(renderQuotes(engine.quotesBy('coats')!, kb, undefined, asker).components).toEqual([]);
  });

  it('renderTimeline: every dated event, earliest first, a page at a time', () => {
    const all = engine.timeline();
    const asker = { user: '42', command: 'timeline', value: '', page: 0 };
    const pages = [0, 1].map((page) => renderTimeline(all, kb, undefined, { ...asker, page }));
    const names = pages.flatMap((p) => p.embeds[0]!.fields!.map((f) => f.name));
    expect(names).toHaveLength(kb.events.length);
    expect(names[0]).toMatch(/^2016 · ¶ \d+$/);
    for (const p of pages) expectWithinLimits(p);
  });

  it('renderTimeline cites each passage once: later events from it point back', () => {
    const all = engine.timeline();
    const pages = [0, 1].map((page) => renderTimeline(all, kb, undefined, { user: '42', command: 'timeline', value: '', page }));
    const values = pages.flatMap((p) => p.embeds[0]!.fields!.map((f) => f.value));
    const quoted = values.flatMap((v) => v.split('\n').filter((l) => l.startsWith('> ')));
    const firstLines = values.map((v) => v.split('\n').find((l) => l.startsWith('> '))).filter(Boolean);
    expect(new Set(firstLines).size).toBe(firstLines.length);
    expect(quoted.length).toBeGreaterThan(0);
    expect(values.filter((v) => /the passage quoted under/.test(v)).length).toBe(all.length - new Set(all.map((a) => `${a.paragraph}|${a.excerpt}`)).size);
  });

  it('renderTimeline: too many events for one page are cut, and the footer says so', () => {
    const many = Array.from({ length: 60 }, (_, i) => answer({ paragraph: i + 1, date: '2018-08-05', excerpt: 'x'.repeat(300) }));
    const p = renderTimeline(many, kb, undefined, { user: '42', command: 'timeline', value: '', page: 3 });
    expectWithinLimits(p);
    expect(p.embeds[0]!.footer!.text).toBe('RFE/RL · Page 4 of 15');
  });
});

describe('renderArticle', () => {
  it('gives headline, outlet, date and people, and nothing internal', () => {
    const p = renderArticle(kb);
    const e = p.embeds[0]!;
    expect(e.title).toBe(kb.meta.title);
    expect(e.description).toBe('Radio Free Europe/Radio Liberty (RFE/RL)\nPublished: August 2018');
    expect(JSON.stringify(p)).not.toContain(kb.meta.publishedNote);
    expect(JSON.stringify(p)).not.toMatch(/not known|no date or year/);
    expect(e.fields![0]!.value).toContain('**Heather Nauert**, State Department spokeswoman');
    expect(p.components).toEqual([]);
    expectWithinLimits(p);
  });

  it('links the article when the URL is known', () => {
    const p = renderArticle(kbWithUrl);
    expect(p.embeds[0]!.url).toBe(URL_);
    expect(p.components).toHaveLength(1);
  });
});

describe('renderHelp', () => {
  it('lists every command with an example, privately', () => {
    const p = renderHelp(commands);
    expect(p.flags).toBe(EPHEMERAL_FLAG);
    expect(p.embeds[0]!.fields!.map((f) => f.name)).toEqual(commands.map(usageOf));
    expect(p.embeds[0]!.fields!.every((f) => /\nExample[^:]*: `\//.test(f.value))).toBe(true);
    expectWithinLimits(p);
  });

  it('writes usage with required and optional options', () => {
    expect(usageOf(commands.find((c) => c.data.name === 'ask')!)).toBe('/ask question: [article:] [private:] [mention:]');
  });
});

it('renderNotice is private and escaped', () => {
  const p = renderNotice(hostile);
  expect(p.flags).toBe(EPHEMERAL_FLAG);
  expectWithinLimits(p);
});

it.each([
  ['2018-08-05', 'August 5, 2018'],
  ['2018-08', 'August 2018'],
  ['2016', '2016'],
])('formatDate(%s) → %s', (iso, want) => expect(formatDate(iso)).toBe(want));

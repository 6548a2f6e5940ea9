import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockQuote, defuseMentions, emphasize, escapeText, findLoose, toPlainText, ZERO_WIDTH_SPACE } from '../../src/bot/markdown.ts';

const ZW = ZERO_WIDTH_SPACE;
/** Text a user could type: anything but the zero-width space the escaping itself inserts. */
const userText = fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.replaceAll(ZW, ''));
const markdownish = fc
  .array(fc.constantFrom('*', '**', '_', '__', '`', '```', '~~', '||', '>', '# ', '- ', '1. ', '[a](http://x)', '\\', '@everyone', '@here', '<@123>', '<@&456>', '<@!7>', ' ', '\n', 'word', 'Word2'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('escapeText', () => {
  it.each([
    ['**x**', '\\*\\*x\\*\\*'],
    ['`code`', '\\`code\\`'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['# heading', '\\# heading'],
    ['> quote', '\\> quote'],
    ['[a](http://x)', '\\[a](http://x)'],
    ['@everyone and @here', `@${ZW}everyone and @${ZW}here`],
    ['<@123> <@&456> <@!7>', `<@${ZW}123> <@${ZW}&456> <@${ZW}!7>`],
  ])('%j → %j', (input, want) => expect(escapeText(input)).toBe(want));

  it('round-trips: what a reader sees is what was typed', () => {
    fc.assert(fc.property(fc.oneof(userText, markdownish), (s) => {
        expect(toPlainText(escapeText(s))).toBe(s);
      }),
    );
  });

  it('never leaves a mass or user mention', () => {
    fc.assert(
      fc.property(fc.oneof(userText, markdownish), (s) => {
        const out = escapeText(s);
        expect(out).not.toMatch(/@(?:everyone|here)/i);
        expect(out).not.toMatch(/<@[!&]?\d/);
      }),
    );
  });
});

describe('defuseMentions', () => {
  it('is case-insensitive', () => expect(defuseMentions('@EVERYONE @Here')).toBe(`@${ZW}EVERYONE @${ZW}Here`));
});

describe('emphasize', () => {
  it('bolds whole words only', () => {
    expect(emphasize('the megaphone, megaphones and MEGAPHONE', { words: ['megaphone'] })).toBe('the **megaphone**, megaphones and MEGAPHONE');
  });

  it('bolds a quote whatever its quotation marks', () => {
    const excerpt = '“We can only express regret that the State Department is once again stooping to ‘megaphone diplomacy,’” the embassy said.';
    const out = emphasize(excerpt, { spans: ["We can only express regret that the State Department is once again stooping to 'megaphone diplomacy,'"] });
    expect(out).toBe(
      '“**We can only express regret that the State Department is once again stooping to ‘megaphone diplomacy,’**” the embassy said.',
    );
  });

  it('escapes inside and outside the bold', () => {
    expect(emphasize('a *b* c_d', { words: ['c_d'] })).toBe('a \\*b\\* **c\\_d**');
  });

  it('keeps the text verbatim apart from Markdown', () => {
    fc.assert(
      fc.property(fc.oneof(userText, markdownish), fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), (s, words) => {
        const picked = [...words, ...s.split(/\s+/).slice(0, 3)];
        expect(toPlainText(emphasize(s, { words: picked }))).toBe(s);
        expect(toPlainText(emphasize(s, { spans: picked }))).toBe(s);
        expect(emphasize(s, { words: picked })).not.toMatch(/@(?:everyone|here)|<@[!&]?\d/i);
      }),
    );
  });

  it('cannot form a mention across a bold boundary', () => {
    expect(emphasize('@everyone', { words: ['everyone'] })).not.toMatch(/@everyone/);
    expect(emphasize('<@123>', { words: ['123'] })).not.toMatch(/<@\d/);
  });
});

describe('findLoose', () => {
  it('finds text up to quote style and white space', () => {
    expect(findLoose('He said “no  way”.', '"no way"')).toEqual({ start: 8, end: 17 });
    expect(findLoose('abc', 'x')).toBeNull();
    expect(findLoose('abc', '  ')).toBeNull();
  });
});

it('blockQuote quotes every line', () => expect(blockQuote('a\nb')).toBe('> a\n> b'));

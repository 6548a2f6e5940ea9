/**
 * The escaping every reply puts typed and article text through: for any text,
 * Discord would format nothing in it (read as Discord reads Markdown, see
 * markdown-check.ts), no mention survives, and the reader sees what was typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emphasize, escapeText, toPlainText, ZERO_WIDTH_SPACE } from '../../src/bot/markdown.ts';
import { longText, manyWords, typedText } from './arbitraries.ts';
import { activeMarkdown, withInertBold } from './markdown-check.ts';

/** Text a user could type: anything but the zero-width space the escaping itself inserts. */
const typed = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> => arbitrary.map((s) => s.replaceAll(ZERO_WIDTH_SPACE, ''));
const text = typed(fc.oneof({ weight: 20, arbitrary: typedText }, { weight: 1, arbitrary: longText(1000, 6000) }));
/** emphasize is given article text: a paragraph at most. */
const passage = typed(fc.oneof({ weight: 4, arbitrary: typedText }, { weight: 1, arbitrary: manyWords }));

describe('escapeText', () => {
  it('leaves no Markdown active and no mention, and reads back as typed', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = escapeText(s);
        expect(activeMarkdown(out)).toEqual([]);
        expect(out).not.toMatch(/@(?:everyone|here)|<@[!&]?\d/i);
        expect(toPlainText(out)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['four backticks', '````'],
    ['a second masked link on a line', '[a](https://x.y)[b](https://x.y)'],
    ['a link inside brackets', '[[x](http://e.vil)'],
    ['an underscore after a custom emoji', '<:a_b:1> _x_'],
    ['an asterisk after a link', 'http://a.b/ *x*'],
    ['small text', '-# small'],
    ['an indented heading', '   ### heading'],
    ['a heading on a later line', 'a\n## heading'],
    ['a numbered list item', '12. item'],
    ['an escaped asterisk typed by the user', '\\*x\\*'],
  ])('escapes %s', (_what, s) => {
    expect(activeMarkdown(escapeText(s))).toEqual([]);
    expect(toPlainText(escapeText(s))).toBe(s);
  });
});

describe('emphasize', () => {
  it('leaves nothing active but its own bold, whatever the text and the words', () => {
    fc.assert(
      fc.property(passage, fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), (s, words) => {
        const picked = [...words, ...s.split(/\s+/).slice(0, 3)];
        for (const emphasis of [{ words: picked }, { spans: picked }]) {
          const out = emphasize(s, emphasis);
          // Bold is the one formatting emphasize adds: with its markers made inert, nothing may be left.
          expect(activeMarkdown(withInertBold(out))).toEqual([]);
          expect(toPlainText(out)).toBe(s);
        }
      }),
      // Each new set of words compiles a new Unicode regular expression (a few ms), so fewer runs.
      { numRuns: 150 },
    );
  });
});

describe('emphasize, against one expression with boundaries around each word', () => {
  /** The plain reading: one alternation, longest first, a lookbehind and lookahead around every word. */
  function reference(text: string, words: readonly string[]): string {
    const escape = (w: string): string => w.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    const sources = words.filter((w) => w.trim()).map(escape).sort((a, b) => b.length - a.length);
    if (sources.length === 0) return text;
    const pattern = new RegExp(sources.map((w) => `(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`).join('|'), 'gu');
    return text.replace(pattern, (m) => (m ? `\u0001${m}\u0002` : m));
  }
  // A small alphabet, so that words overlap, nest and touch letters, digits and surrogate pairs often.
  const char = fc.constantFrom('a', 'b', 'é', '1', ' ', '-', '😀');
  const word = fc.array(char.filter((c) => c !== ' '), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
  const line = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));

  it('sets the same words in bold', () => {
    fc.assert(
      fc.property(line, fc.array(word, { minLength: 1, maxLength: 5 }), (s, words) => {
        const ours = toPlainText(emphasize(s, { words }), ['\u0001', '\u0002']);
        expect(ours).toBe(reference(s, words));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['a longer word running into a letter, where a shorter one fits', 'a-bc a', ['a-b', 'a'], '\u0001a\u0002-bc \u0001a\u0002'],
    ['a word inside a longer word', 'abc b', ['b'], 'abc \u0001b\u0002'],
    ['a word beside an emoji, which is no letter', '😀a😀', ['a'], '😀\u0001a\u0002😀'],
  ])('%s', (_label, s, words, expected) => {
    expect(toPlainText(emphasize(s, { words }), ['\u0001', '\u0002'])).toBe(expected);
    expect(reference(s, words)).toBe(expected);
  });
});

/**
 * Generators of what people type into the bot, for the fuzz tests and the
 * fuzzed round trips through the Discord double: Markdown, mass and user
 * mentions, Unicode of every kind, control characters, regular-expression
 * metacharacters, empty text, article words, and 6000-character text.
 */
import fc from 'fast-check';

/** Mentions, which must never ping anyone but the `mention:` user. */
export const MENTIONS = ['@everyone', '@here', '@EveryOne', '<@123456789012345678>', '<@!123456789012345678>', '<@&987654321098765432>', '<#123456789012345678>', '</ask:1>', '<t:0:R>'];
/** Markdown, which must come back escaped. */
export const MARKDOWN = [
  '*', '**', '***', '_', '__', '`', '```', '````', '~~', '||', '> ', '>>> ', '# ', '## ', '### ', '   # ', '-# ', '- ', '* ', '1. ', '[x](http://e.vil)', '[a](https://x.y)[b](https://x.y)',
  '<:a_b:1>', 'http://a_b.c/_x_', '\\', '\\*', '\\\\',
];
/** White space and control characters. */
export const CONTROLS = [' ', '\n', '\r\n', '\t', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u200b', '\u200d', '\u202e', '\u2028', '\ufeff'];
/** Unicode beyond ASCII, lone surrogates included. */
export const UNICODE = ['é', 'ß', 'İ', 'ﷺ', '𝔘𝔫𝔦', '😀', '👨‍👩‍👧', '🇺🇸', '\ud800', '\udfff', 'Ж', '中文', 'עברית', '١٢٣'];
/** Regular-expression metacharacters. */
export const REGEX = ['.*', '(?:', '(?<x>', '[^', ']', '$1', '$&', '\\d+', '^', '$', '|', '+?', '{2,}', '(', ')', '[', '\\b', '\\u{1F600}'];
/** Words of the article, so that some inputs find answers (and their excerpts are rendered). */
export const ARTICLE_WORDS = [
  'megaphone', 'diplomacy', 'megaphone diplomacy', 'Nauert', 'Heather Nauert', 'Zhirnov', 'Mitchell', 'Facebook', 'August 5', 'who said', 'when', 'who is', 'Russia',
  'embassy', 'State Department', 'spokeswoman', 'Twitter', '?',
];

const markup = fc.constantFrom(...MENTIONS, ...MARKDOWN, ...CONTROLS, ...UNICODE, ...REGEX);
const fragment = fc.constantFrom(...MENTIONS, ...MARKDOWN, ...CONTROLS, ...UNICODE, ...REGEX, ...ARTICLE_WORDS);
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** A few fragments of any kind, article words included, joined with or without spaces. */
export const fragmentText = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' '))
  .map(([parts, sep]) => parts.join(sep));

/** Markup alone: mentions, Markdown, controls, Unicode and metacharacters run together. */
export const markupText = fc.array(markup, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

/**
 * Ten to forty fragments: a long question. The engine's cost grows with the
 * number of words (fuzzy matching and suggestions), so the tests use fewer of these.
 */
export const manyWords = fc.array(fragment, { minLength: 10, maxLength: 40 }).map((p) => p.join(' '));

/**
 * Text as typed, at most a few dozen characters: mixes of fragments and of
 * markup, Unicode graphemes, any code point, control characters, lone
 * surrogates, and empty or blank text.
 */
export const typedText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fragmentText },
  { weight: 3, arbitrary: markupText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: controlChar, maxLength: 10 }), fragment).map(([c, w]) => `${c}${w}${c}`) },
  { weight: 1, arbitrary: fc.tuple(fragment, fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 4 })).map(([w, s]) => `${w}${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   ', '\n', '\t \n', '\u200b', '\u3000') },
);

/** Text of `min`–`max` characters (default about 6000, the most a Discord message with embeds can carry), made of fragments. */
export function longText(min = 5500, max = 6000): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fragment, { minLength: 1, maxLength: 20 }), fc.integer({ min, max }))
    .map(([parts, length]) => parts.join(' ').repeat(Math.ceil(length / Math.max(1, parts.join(' ').length))).slice(0, length));
}

/** A Discord id (snowflake) of 17–19 digits. */
export const snowflake = fc.stringMatching(/^[1-9]\d{16,18}$/);

/**
 * Making article and user text safe to show on Discord: Markdown escaped,
 * mass and user mentions defused, and chosen words set in bold, with the text
 * itself left verbatim.
 */
import { escapeMarkdown } from 'discord.js';

/** Inserted to break a mention without changing what a reader sees. */
export const ZERO_WIDTH_SPACE = '\u200b';

const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

/**
 * Defuses `@everyone`, `@here` and `<@id>` / `<@&id>` / `<@!id>` by inserting a
 * zero-width space. `allowed_mentions` already stops the pings; this also stops
 * them being drawn as mentions.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<@/g, `<@${ZERO_WIDTH_SPACE}`);
}

/** Escapes Markdown (including headings, lists, masked links and block quotes) and defuses mentions. */
export function escapeText(text: string): string {
  return defuseMentions(escapeMarkdown(text, ESCAPE_ALL).replace(/^(\s*)>/gm, '$1\\>'));
}

/** Article text typed with straight or curly quotes, or other white space, still matches. */
const QUOTE_CLASSES: Record<string, string> = {
  "'": "['\u2018\u2019\u201A\u201B\u2032]",
  '"': '["\u201C\u201D\u201E\u201F\u2033]',
};
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
};

/** A regular-expression source matching `needle` up to quote style and white space. */
function looseSource(needle: string): string {
  let out = '';
  for (const part of needle.trim().split(/(\s+)/u)) {
    if (/^\s+$/u.test(part)) {
      out += '\\s+';
      continue;
    }
    for (const ch of part) {
      const folded = FOLD[ch] ?? ch;
      out += QUOTE_CLASSES[folded] ?? folded.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    }
  }
  return out;
}

/** Where `needle` stands in `text` (up to quote style and white space), or null. */
export function findLoose(text: string, needle: string): { readonly start: number; readonly end: number } | null {
  if (!needle.trim()) return null;
  const m = new RegExp(looseSource(needle), 'u').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** What to set in bold: whole words (the engine's highlights) or exact spans (a quote within its sentence). */
export interface Emphasis {
  readonly words?: readonly string[];
  readonly spans?: readonly string[];
}

/**
 * Escapes `text` for Discord and sets the words or spans of `emphasis` in
 * bold. Apart from the Markdown added, the text is unchanged.
 */
export function emphasize(text: string, emphasis: Emphasis = {}): string {
  const words = (emphasis.words ?? []).filter((w) => w.trim()).map(looseSource);
  const spans = (emphasis.spans ?? []).filter((s) => s.trim()).map(looseSource);
  const alternatives = [
    ...spans,
    ...words.map((w) => `(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`),
  ].sort((a, b) => b.length - a.length);
  if (alternatives.length === 0) return escapeText(text);
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out += `${escapeMarkdown(text.slice(last, m.index), ESCAPE_ALL)}**${escapeMarkdown(m[0], ESCAPE_ALL)}**`;
    last = m.index + m[0].length;
  }
  out += escapeMarkdown(text.slice(last), ESCAPE_ALL);
  // Mentions are defused over the whole result, so none can form across a bold boundary.
  return defuseMentions(out.replace(/^(\s*)>/gm, '$1\\>'));
}

/** Formatted text as a Markdown block quote. */
export function blockQuote(formatted: string): string {
  return formatted
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * Undoes {@link escapeText} and {@link emphasize}, for showing a reply as text
 * (the console): escapes dropped, bold drawn with `bold` marks (none by default).
 */
export function toPlainText(markdown: string, bold: readonly [on: string, off: string] = ['', '']): string {
  let inBold = false;
  // One pass, so an escaped asterisk is never mistaken for half of a bold marker.
  return markdown
    .replace(/\\([^\p{L}\p{N}\s])|\*\*/gu, (_m, escaped: string | undefined) => {
      if (escaped !== undefined) return escaped;
      inBold = !inBold;
      return inBold ? bold[0] : bold[1];
    })
    .replaceAll(ZERO_WIDTH_SPACE, '');
}

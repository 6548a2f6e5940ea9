/**
 * Making article and user text safe to show on Discord: Markdown escaped,
 * mass and user mentions defused, and chosen words set in bold, with the text
 * itself left verbatim.
 */

/** Inserted to break a mention without changing what a reader sees. */
export const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Defuses `@everyone`, `@here` and `<@id>` / `<@&id>` / `<@!id>` by inserting a
 * zero-width space. `allowed_mentions` already stops the pings; this also stops
 * them being drawn as mentions.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<@/g, `<@${ZERO_WIDTH_SPACE}`);
}

/** Markdown at the start of a line: headings, small text, bulleted lists, block quotes. */
const LINE_START_MARKDOWN = /^(?:#{1,3} |-# |[-*] |>)/;

/** For each index of `text`: would a `[` there open a masked link, `[text](`, that is, is the first `]` after it on its line followed by `(`? */
function linkOpeners(text: string): boolean[] {
  const opens: boolean[] = [];
  let closeThenParen = false;
  for (let i = text.length - 1; i >= 0; i--) {
    opens[i] = closeThenParen;
    if (text[i] === '\n') closeThenParen = false;
    else if (text[i] === ']') closeThenParen = text[i + 1] === '(';
  }
  return opens;
}

/**
 * Escapes all Markdown in `text.slice(start, end)`, in one pass, so that
 * Discord shows it as typed: every backslash, `*`, `_`, `` ` ``, `~` and `|`;
 * a `[` that would open a masked link; and at the start of a line, headings,
 * small text (`-#`), lists and block quotes. Line starts and links are read
 * in the whole of `text`, so a slice escapes right wherever it is cut.
 *
 * Not discord.js's `escapeMarkdown`, which leaves some Markdown active (four
 * backticks in a row, a second masked link on a line, `*` and `_` anywhere
 * after a link or a custom emoji on the line, `-#`) and whose rule for `_`
 * takes time quadratic in the length of the text.
 */
function escapeMarkdown(text: string, start = 0, end = text.length, opensLink: readonly boolean[] = linkOpeners(text)): string {
  let out = '';
  let lineStart = /^[^\S\n]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '\n' || (lineStart && /\s/.test(ch))) {
      out += ch;
      lineStart = ch === '\n' || lineStart;
      continue;
    }
    const numbered = lineStart ? /^\d+\. /.exec(text.slice(i, Math.min(end, i + 12))) : null;
    if (numbered) {
      out += `${numbered[0].slice(0, -2)}\\. `;
      i += numbered[0].length - 1;
    } else if ('\\*_`~|'.includes(ch) || (lineStart && LINE_START_MARKDOWN.test(text.slice(i, Math.min(end, i + 4)))) || (ch === '[' && opensLink[i])) {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
    lineStart = false;
  }
  return out;
}

/** Escapes Markdown (including headings, lists, masked links and block quotes) and defuses mentions. */
export function escapeText(text: string): string {
  return defuseMentions(escapeMarkdown(text));
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
  const alternatives = [
    ...(emphasis.spans ?? []).filter((s) => s.trim()).map((s) => ({ source: looseSource(s), word: false })),
    ...(emphasis.words ?? []).filter((w) => w.trim()).map((w) => ({ source: looseSource(w), word: true })),
  ].sort((a, b) => b.source.length - a.source.length);
  if (alternatives.length === 0) return escapeText(text);
  // Longest first, as alternation prefers the first that matches. A run of whole words shares one
  // pair of boundary checks, which matches exactly what a pair around each would: each \p{…} class
  // makes the expression far slower to compile, and nearly every answer compiles a new one.
  const runs: { word: boolean; sources: string[] }[] = [];
  for (const { source, word } of alternatives) {
    const last = runs[runs.length - 1];
    if (last && last.word === word) last.sources.push(source);
    else runs.push({ word, sources: [source] });
  }
  const pattern = new RegExp(
    runs.map((r) => (r.word ? `(?<![\\p{L}\\p{N}])(?:${r.sources.join('|')})(?![\\p{L}\\p{N}])` : r.sources.join('|'))).join('|'),
    'gu',
  );
  const opensLink = linkOpeners(text);
  const escapeSegment = (start: number, end: number): string => escapeMarkdown(text, start, end, opensLink);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out += `${escapeSegment(last, m.index)}**${escapeSegment(m.index, m.index + m[0].length)}**`;
    last = m.index + m[0].length;
  }
  out += escapeSegment(last, text.length);
  // Mentions are defused over the whole result, so none can form across a bold boundary.
  return defuseMentions(out);
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

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
  const opensLink = linkOpeners(text);
  const escapeSegment = (start: number, end: number): string => escapeMarkdown(text, start, end, opensLink);
  let out = '';
  let last = 0;
  for (const m of emphasisMatches(text, alternatives)) {
    out += `${escapeSegment(last, m.start)}**${escapeSegment(m.start, m.end)}**`;
    last = m.end;
  }
  out += escapeSegment(last, text.length);
  // Mentions are defused over the whole result, so none can form across a bold boundary.
  return defuseMentions(out);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Is there a letter or digit (a whole code point) just before `index`, or (`after`) at `index`? */
function wordCharAt(text: string, index: number, after: boolean): boolean {
  if (after) {
    const cp = text.codePointAt(index);
    return cp !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
  }
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(start)!));
}

/**
 * Where the alternatives match in `text`, left to right, without overlaps: at
 * each place the first alternative (in the order given, longest first) that
 * matches there, a word only where no letter or digit touches it on either
 * side. This is what one expression with a `(?<![\p{L}\p{N}])…(?![\p{L}\p{N}])`
 * around each word finds, but such classes make an expression slow to compile
 * (a third of a millisecond each), and nearly every answer has new words: the
 * expression here has none, and boundaries are checked on the matches.
 */
function emphasisMatches(text: string, alternatives: readonly { source: string; word: boolean }[]): { start: number; end: number }[] {
  const any = new RegExp(alternatives.map((a) => `(${a.source})`).join('|'), 'gu');
  let sticky: RegExp[] | null = null;
  const matchesAt = (k: number, at: number): number | null => {
    sticky ??= alternatives.map((a) => new RegExp(a.source, 'uy'));
    const re = sticky[k]!;
    re.lastIndex = at;
    const m = re.exec(text);
    return m ? at + m[0].length : null;
  };
  const accepted = (k: number, start: number, end: number): boolean =>
    end > start && (!alternatives[k]!.word || (!wordCharAt(text, start, false) && !wordCharAt(text, end, true)));
  const found: { start: number; end: number }[] = [];
  for (let m = any.exec(text); m; m = any.exec(text)) {
    const start = m.index;
    const first = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    let end: number | null = start + m[0].length;
    if (!accepted(first, start, end)) {
      // The first alternative to match here is refused: the later ones may still match here.
      end = null;
      for (let k = first + 1; k < alternatives.length && end === null; k++) {
        const e = matchesAt(k, start);
        if (e !== null && accepted(k, start, e)) end = e;
      }
    }
    if (end === null) {
      // Nothing here: look again from the next code point.
      any.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    found.push({ start, end });
    any.lastIndex = end;
  }
  return found;
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

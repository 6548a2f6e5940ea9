/**
 * What Discord would format in a piece of text, read the way Discord reads
 * Markdown: a backslash before any character other than a letter, digit or
 * space escapes it; `*`, `_`, `` ` ``, `~~` and `||` start formatting; so do
 * `#`, `>`, `-#`, `- ` and `1. ` at the start of a line, and `[text](url)`.
 * Used to check that text a user typed comes back with none of it active.
 */

/** Underscores in links and custom emoji are not formatting (and discord.js leaves them unescaped). */
const LITERAL_SPANS = /https?:\/\/\S+|<a?:\w+:\d+>/g;

/** Each piece of Markdown that would take effect in `text`, as `index:token`; empty when the text shows as typed. */
export function activeMarkdown(text: string): string[] {
  const literal = new Set<number>();
  for (const m of text.matchAll(LITERAL_SPANS)) for (let i = m.index; i < m.index + m[0].length; i++) literal.add(i);
  const found: string[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      continue;
    }
    if (lineStart && /\s/.test(ch)) continue;
    const atLineStart = lineStart;
    lineStart = false;
    if (ch === '\\' && i + 1 < text.length && /[^\p{L}\p{N}\s]/u.test(text[i + 1]!)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    if (atLineStart && /^(?:#{1,3} |>|-# |[-*] |\d+\. )/.test(rest)) found.push(`${i}:line ${JSON.stringify(rest.slice(0, 3))}`);
    if (ch === '*' || ch === '`' || (ch === '_' && !literal.has(i))) found.push(`${i}:${ch}`);
    else if ((ch === '~' || ch === '|') && text[i + 1] === ch) found.push(`${i}:${ch}${ch}`);
    else if (ch === '[' && /^\[[^\]\n]*\]\(/.test(rest)) found.push(`${i}:masked link`);
  }
  return found;
}

/** `text` with its bold markers (`**` not escaped) made inert, for checking what else is active around them. */
export function withInertBold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length && /[^\p{L}\p{N}\s]/u.test(text[i + 1]!)) {
      out += text.slice(i, i + 2);
      i++;
    } else if (text.startsWith('**', i)) {
      out += '\u0001';
      i++;
    } else {
      out += text[i];
    }
  }
  return out;
}

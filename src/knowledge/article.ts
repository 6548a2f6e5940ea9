/**
 * The article as numbered body paragraphs, and the one comparison used to
 * decide whether a piece of text is "verbatim" from it.
 */
import { createRequire } from 'node:module';
import type Sbd from 'sbd';

/** A body paragraph: `n` is 1-based over the body, `text` exactly as in the file. */
export interface Paragraph {
  readonly n: number;
  readonly text: string;
}

/** The article's text as blocks: what {@link parseArticle} reads from the file. */
export interface ArticleBody {
  /** The file's full text, untouched. */
  readonly raw: string;
  /** Page furniture before the body: site text, headline, photo captions. */
  readonly preamble: readonly string[];
  readonly paragraphs: readonly Paragraph[];
}

export interface ParsedArticle extends ArticleBody {
  /** Each paragraph's sentences, verbatim, in order (index 0 is paragraph 1). */
  readonly sentences: readonly (readonly string[])[];
}

/**
 * Splits the article on blank lines and numbers the body from the block that
 * begins with `bodyStartsWith`; returns null when no block begins so.
 */
export function parseArticle(raw: string, bodyStartsWith: string): ArticleBody | null {
  const blocks = raw
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const start = blocks.findIndex((b) => b.startsWith(bodyStartsWith));
  if (start < 0) return null;
  const paragraphs = blocks.slice(start).map((text, i) => ({ n: i + 1, text }));
  return { raw, preamble: blocks.slice(0, start), paragraphs };
}

const QUOTE_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/\u00A0/g, ' '],
];

/**
 * Folds the only differences a verbatim excerpt may have from the article:
 * curly versus straight quotes, and white space.
 */
export function foldForComparison(text: string): string {
  let out = text;
  for (const [re, to] of QUOTE_FOLDS) out = out.replace(re, to);
  return out.replace(/\s+/g, ' ').trim();
}

/** True when `excerpt` stands in `paragraph` up to quote style and white space. */
export function isVerbatimIn(excerpt: string, paragraph: string): boolean {
  return foldForComparison(paragraph).includes(foldForComparison(excerpt));
}

let sbd: typeof Sbd | null = null;

/**
 * Splits a paragraph into sentences, each verbatim. sbd knows abbreviations,
 * so "The U.S. State Department" stays one sentence.
 */
export function sentences(paragraph: string): string[] {
  // (Loaded on first use: a pack's own sentence split, sentences.json, is what answering reads, and sbd brings
  // sanitize-html and postcss with it, about 10 MB of a running bot's memory.)
  sbd ??= createRequire(import.meta.url)('sbd') as typeof Sbd;
  return sbd
    .sentences(paragraph, { preserve_whitespace: true })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

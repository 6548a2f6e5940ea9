/**
 * Reading an article file: plain text (headline, blank line, paragraphs), text
 * pasted from a web page with its chrome around the article, or an HTML page
 * (main text by @mozilla/readability over linkedom, plus the page's metadata).
 *
 * Pure functions of the file's text; the CLI does the reading.
 */

/** The article as the rest of ingestion sees it. */
export interface SourceArticle {
  /** How the file was read. */
  readonly format: 'text' | 'html';
  readonly title: string;
  /** Body paragraphs, each verbatim from the input (white space inside kept). */
  readonly paragraphs: readonly string[];
  /** What the page itself says, where it says it (HTML only). */
  readonly siteName: string | null;
  readonly published: string | null;
  readonly url: string | null;
}

/** Why an input cannot be an article: a one-line reason for the curator. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
}

/** A paragraph of prose has at least this many words; shorter blocks before the body are page chrome. */
export const MIN_BODY_PARAGRAPH_WORDS = 8;
/** Share of replacement or control characters above which a file is not text. */
const MAX_BINARY_SHARE = 0.01;

/** True when the text looks like an HTML document rather than prose. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<(?:p|article|div)[\s>][\s\S]*<\/(?:p|article|div)>/i.test(text.slice(0, 20_000));
}

/** Throws {@link SourceError} unless `text` is text with some letters in it. */
export function checkIsText(text: string): void {
  if (text.trim().length === 0) throw new SourceError('the article is empty');
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) bad++;
  }
  if (bad / text.length > MAX_BINARY_SHARE) throw new SourceError('the file is not text (it looks binary)');
  if (!/\p{L}{2,}/u.test(text)) throw new SourceError('the article has no words');
}

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
/** Prose ends a sentence: full stop, question or exclamation mark, maybe inside closing quotes. */
const endsLikeProse = (s: string): boolean => /[.!?]["'”’)\]]*$/.test(s.trim());

/** A headline is at most this many words. */
const MAX_HEADLINE_WORDS = 25;
/** The share of a line's longer words (four letters or more) that title case capitalizes. */
const TITLE_CASE_SHARE = 2 / 3;

/**
 * A first line in title case, as headlines are written ("Florida Man Exists? South Dakota: Hold My Beer."):
 * a headline even when it ends with a full stop, which prose in title case never is.
 */
function isTitleCased(block: string): boolean {
  if (block.includes('\n') || wordCount(block) > MAX_HEADLINE_WORDS) return false;
  const longer = block.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+/u, '')).filter((w) => /^\p{L}{4,}/u.test(w));
  return longer.length >= 2 && longer.filter((w) => /^\p{Lu}/u.test(w)).length >= longer.length * TITLE_CASE_SHARE;
}

/** A block whose lines are one line printed twice or more (a photo caption under a picture). */
function isRepeatedCaption(block: string): boolean {
  const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 1 && new Set(lines).size < lines.length;
}

/**
 * Reads plain or pasted text. The headline is `title` when given (it must be
 * in the text), else the first block that is not page chrome; the body starts
 * at the first block after it that reads as prose.
 */
export function readText(text: string, title?: string): SourceArticle {
  checkIsText(text);
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const isBody = (b: string): boolean => !isRepeatedCaption(b) && (wordCount(b) >= MIN_BODY_PARAGRAPH_WORDS || endsLikeProse(b));
  let head = title ? blocks.findIndex((b) => b.replace(/\s+/g, ' ') === title.replace(/\s+/g, ' ')) : -1;
  if (head < 0) {
    // The headline is the fullest block before the body that is neither prose nor a caption printed twice
    // ("Accessibility links" and "Breaking News" are shorter); a text that starts with prose has none.
    const firstBody = blocks.findIndex((b, i) => isBody(b) && endsLikeProse(b) && !(i === 0 && isTitleCased(b)));
    // (A block longer than any headline is chrome too: "PERRIS: Woman ordered hit … Share Pin It More Galleries ADVERTISEMENT …".)
    const before = blocks.slice(0, firstBody < 0 ? 1 : firstBody).map((b, i) => ({ b, i })).filter(({ b }) => !isRepeatedCaption(b) && !b.includes('\n'));
    const headlines = before.filter(({ b }) => wordCount(b) <= MAX_HEADLINE_WORDS);
    head = (headlines.length > 0 ? headlines : before).sort((x, y) => wordCount(y.b) - wordCount(x.b))[0]?.i ?? -1;
  }
  // The body opens on a paragraph that ends as prose does: a run of page chrome that does not ("… Share Pin It More
  // Galleries ADVERTISEMENT … Related article »") is not the article's first paragraph.
  const bodyAfter = (i: number): number => blocks.findIndex((b, j) => j > i && isBody(b) && endsLikeProse(b));
  let start = bodyAfter(head);
  if (start < 0) throw new SourceError('no paragraph of prose was found after the headline');
  // A text that starts with prose: a first paragraph short enough to be the title whole is the headline.
  if (head < 0 && firstWords(blocks[start]!) === blocks[start] && bodyAfter(start) > start) {
    head = start;
    start = bodyAfter(start);
  }
  const headline = title ?? (head >= 0 ? blocks[head]! : firstWords(blocks[start]!));
  // Page chrome after the article goes too: a credit, a byline with an address, share buttons ("Contributing: …",
  // "To contact the reporter: … at x@bloomberg.net", "Share this: Share Facebook Twitter"), but not an embedded post's
  // signature ("— Jane Doe (@jane) November 18, 2019").
  let end = blocks.length;
  while (end > start + 1 && isTrailingChrome(blocks[end - 1]!)) end--;
  return { format: 'text', title: headline, paragraphs: blocks.slice(start, end), siteName: null, published: null, url: null };
}

/** A block after the article's last paragraph that is no prose of it: it does not end as prose does, or gives an e-mail address. */
function isTrailingChrome(block: string): boolean {
  if (/\(@\w+\)/.test(block)) return false;
  return !endsLikeProse(block) || /[\w.-]+@[\w-]+\.[a-z]{2,}/i.test(block);
}

function firstWords(s: string): string {
  const words = s.split(/\s+/).slice(0, 12).join(' ');
  return words.length < s.length ? `${words}…` : words;
}

/** Reads an HTML page: readability's main text, split into its paragraphs, and the page's metadata. */
export async function readHtml(html: string): Promise<SourceArticle> {
  checkIsText(html);
  // Loaded only for a page (a fifth of a second that plain text need not wait for).
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const { document } = parseHTML(html);
  const meta = (selector: string): string | null => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
  const published =
    meta('meta[property="article:published_time"]') ?? meta('meta[name="pubdate"]') ?? meta('meta[name="date"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  // Readability changes the document it reads; it gets its own parse.
  const article = new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!article?.content) throw new SourceError('no article text was found in the HTML page');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const paragraphs = [...content.querySelectorAll('p, li, blockquote, h2, h3')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((p) => wordCount(p) >= 3);
  if (paragraphs.length === 0) throw new SourceError('the HTML page has no paragraphs of text');
  const title = (meta('meta[property="og:title"]') ?? article.title ?? document.querySelector('title')?.textContent ?? '').trim();
  return {
    format: 'html',
    title: title || firstWords(paragraphs[0]!),
    paragraphs,
    siteName: (article.siteName ?? meta('meta[property="og:site_name"]'))?.trim() || null,
    published: article.publishedTime?.trim() || published,
    url: canonical ?? null,
  };
}

/** Reads a file's text as HTML or as text, whichever it is. */
export async function readSource(text: string, title?: string): Promise<SourceArticle> {
  return looksLikeHtml(text) ? readHtml(text) : readText(text, title);
}

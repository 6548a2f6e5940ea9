/**
 * Ingestion: an article file's text → a knowledge pack. A pipeline of small
 * pure stages, each in its own module: source (text or HTML) → segment
 * (sentences, tagged tokens) → entities → quotes and reported speech → dates
 * → pack. It returns what it is unsure of, for the curator.
 */
import { findDates, RelativeDateError } from './dates.ts';
import { findEntities } from './entities.ts';
import { buildPack, type PackFiles } from './pack.ts';
import { findQuotes } from './quotes.ts';
import { segment } from './segment.ts';
import { readSource, SourceError } from './source.ts';
import { IsoDate } from '../knowledge/schema.ts';
import questionWords from '../english/question-words.json' with { type: 'json' };
import { buildThesaurus } from './thesaurus.ts';

export { RelativeDateError, SourceError };
export { writePack, isPack, PackWriteError, type PackFiles } from './pack.ts';

/** What the command line (or a caller) says of the article; it overrides what the page says. */
export interface IngestOptions {
  readonly published?: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly url?: string;
}

export interface IngestResult {
  readonly pack: PackFiles;
  /** Counts of what was extracted. */
  readonly counts: Readonly<Record<'paragraphs' | 'entities' | 'people' | 'quotes' | 'events' | 'facts', number>>;
  /** Items the extractor is unsure of, one line each. */
  readonly unsure: readonly string[];
}

/** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) from a flag or a page's timestamp, or null when it is not a date. */
export function isoDay(value: string): string | null {
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value.trim());
  return m && IsoDate.safeParse(m[1]).success ? m[1]! : null;
}

/** Extracts a pack from an article file's text. Throws SourceError or RelativeDateError with a one-line reason. */
export async function ingest(text: string, options: IngestOptions = {}): Promise<IngestResult> {
  const source = await readSource(text, options.title);
  const published = options.published ? isoDay(options.published) : source.published ? isoDay(source.published) : null;
  if (options.published && !published) throw new SourceError(`--published ${options.published} is not a date (YYYY-MM-DD)`);
  const paras = segment(source.paragraphs);
  const entities = findEntities(paras);
  const quotes = findQuotes(paras, entities);
  const dates = new Map<string, ReturnType<typeof findDates>>();
  for (const p of paras) for (const s of p.sentences) dates.set(`${p.n}.${s.index}`, findDates(s.text, published));
  const outlet = options.outlet ?? source.siteName ?? 'unknown outlet';
  const pack = buildPack({
    title: options.title ?? source.title,
    paras,
    entities,
    quotes,
    dates,
    meta: {
      outlet,
      outletName: outlet,
      published,
      publishedNote: options.published ? 'as given to npm run ingest' : published ? "from the page's metadata" : 'not known',
      url: options.url ?? source.url,
    },
  });
  const thesaurus = await buildThesaurus(pack.article, new Set(questionWords.words));
  return {
    pack: { ...pack, thesaurus },
    counts: {
      paragraphs: paras.length,
      entities: pack.entities.length,
      people: pack.entities.filter((e) => e.kind === 'person').length,
      quotes: pack.quotes.length,
      events: pack.events.length,
      facts: pack.facts.length,
    },
    unsure: [...entities.unsure, ...quotes.unsure],
  };
}

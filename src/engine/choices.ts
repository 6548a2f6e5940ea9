/**
 * Pick lists for autocomplete: quotes, speakers, events and entities, each
 * shown by a human label, filtered and ranked by what was typed. A choice's
 * `value` is the item's id, which the engine's lookups take directly. Both
 * engines (curated and general) list their choices through here.
 *
 * Ranking, best first (ties keep the list's own order):
 * 1. the label starts with what was typed;
 * 2. every typed word starts a word of the item's main text (a name, the quoted words, the event);
 * 3. every typed word starts a word of its other names (a speaker's name and aliases, a role);
 * 4. every typed word starts a word of the sentence around it;
 * 5. only when nothing above matched: a fuzzy (typo-tolerant) match by fuse.js.
 * Anything else is left out, so "hea" lists Heather Nauert, not every speaker.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { foldForComparison } from '../knowledge/article.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity } from '../knowledge/schema.ts';
import type { Choice } from './engine.ts';

/** Choices listed when no limit is given (Discord shows at most 25). */
export const DEFAULT_CHOICES = 25;
/** fuse.js scores from 0 (exact) to 1; a fuzzy match worse than this is no match. */
const FUZZY_THRESHOLD = 0.4;

/** One entry of a pick list and the texts it is found by. */
interface Entry {
  readonly choice: Choice;
  /** What the label shows: the name, the quoted words, the event. */
  readonly main: string;
  /** Other names: a speaker's name and aliases, a role. */
  readonly names: readonly string[];
  /** The sentence around it. */
  readonly context: string;
}

/** Lower case, accents and quote styles folded, letters and digits only, words single-spaced. */
export function foldChoiceText(text: string): string {
  return foldForComparison(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const wordsOf = (text: string): string[] => foldChoiceText(text).split(' ').filter(Boolean);

/** Does every typed word start some word of `text`? */
function prefixesAll(typed: readonly string[], text: string): boolean {
  const words = wordsOf(text);
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

/** A ranked, filtered pick list over `entries`. */
function picker(entries: readonly Entry[]): (typed: string, limit?: number) => Choice[] {
  const options: IFuseOptions<Entry> = {
    keys: [
      { name: 'main', weight: 3 },
      { name: 'names', weight: 2 },
      { name: 'context', weight: 1 },
    ],
    includeScore: true,
    threshold: FUZZY_THRESHOLD,
    ignoreLocation: true,
    ignoreDiacritics: true,
  };
  const fuse = new Fuse(entries, options);
  const folded = entries.map((e) => ({ entry: e, label: foldChoiceText(e.choice.label), names: e.names.join(' ') }));
  return (typed, limit = DEFAULT_CHOICES) => {
    const max = Math.max(0, limit);
    const text = foldChoiceText(typed.slice(0, 200));
    if (!text) return entries.slice(0, max).map((e) => e.choice);
    const words = text.split(' ');
    const tier = (f: (typeof folded)[number]): number => {
      if (f.label.startsWith(text)) return 4;
      if (prefixesAll(words, f.entry.main)) return 3;
      if (prefixesAll(words, f.names)) return 2;
      if (prefixesAll(words, f.entry.context)) return 1;
      return 0;
    };
    const ranked = folded
      .map((f, i) => ({ f, i, tier: tier(f) }))
      .filter((r) => r.tier > 0)
      .sort((a, b) => b.tier - a.tier || a.i - b.i)
      .map((r) => r.f.entry.choice);
    if (ranked.length > 0) return ranked.slice(0, max);
    return fuse.search(text, { limit: max }).map((r) => r.item.choice);
  };
}

/** An ISO date as the replies write it: "August 5, 2018", "November 2018", "2016". */
export function formatIsoDate(iso: string): string {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = iso.split('-').map(Number);
  const month = m ? MONTHS[m - 1] : undefined;
  if (!month) return String(y ?? iso);
  return d ? `${month} ${d}, ${y}` : `${month} ${y}`;
}

/** The four pick lists of an engine. */
export interface ChoiceLists {
  quoteChoices(typed: string, limit?: number): Choice[];
  speakerChoices(typed: string, limit?: number): Choice[];
  eventChoices(typed: string, limit?: number): Choice[];
  entityChoices(typed: string, limit?: number): Choice[];
}

/**
 * The pick lists over a knowledge pack, for either engine. `speakers` are the
 * entities the engine counts as quoted, in the order it lists them.
 */
export function createChoiceLists(kb: KnowledgeBase, speakers: readonly Entity[]): ChoiceLists {
  const entityName = (id: string): string => kb.entityById.get(id)?.name ?? '';
  const namesOfEntity = (e: Entity | undefined): string[] => (e ? [e.name, e.shortName ?? '', ...e.aliases, e.role ?? ''].filter(Boolean) : []);

  const quotes: Entry[] = kb.quotes.map((q) => ({
    choice: { label: `${q.text.replace(/[,\s]+$/, '')} — ${entityName(q.speaker)}`, value: q.id },
    main: q.text,
    names: namesOfEntity(kb.entityById.get(q.speaker)),
    context: q.excerpt,
  }));
  const speakerEntries: Entry[] = speakers.map((e) => ({ choice: { label: e.name, value: e.id }, main: e.name, names: namesOfEntity(e), context: '' }));
  const events: Entry[] = [...kb.events]
    .sort((x, y) => x.date.localeCompare(y.date) || x.paragraph - y.paragraph)
    .map((e) => ({
      choice: { label: `${formatIsoDate(e.date)}: ${e.answer}`, value: e.id },
      main: e.answer,
      names: [e.dateText, ...e.who.flatMap((id) => namesOfEntity(kb.entityById.get(id)))],
      context: [e.excerpt, ...e.keywords].join(' '),
    }));
  const entities: Entry[] = kb.entities.map((e) => ({
    choice: { label: e.role ? `${e.name} — ${e.role}` : e.name, value: e.id },
    main: e.name,
    names: namesOfEntity(e),
    context: '',
  }));
  return {
    quoteChoices: picker(quotes),
    speakerChoices: picker(speakerEntries),
    eventChoices: picker(events),
    entityChoices: picker(entities),
  };
}

/**
 * A curated overlay on an extracted pack (#8 §3): the pack holds what `npm run
 * ingest` extracts from its article, and `overlay.json` only what extraction
 * cannot get.
 *
 * The overlay lists each kind of item (entities, quotes, events, facts) in the
 * pack's order. An entry with `from` takes the extracted item of that id,
 * renamed to `id`, with the fields the entry gives laid over it; an entry
 * without `from` is a whole curated item. Extracted items that no entry takes
 * are left out. References between items (speaker, about, who, partOf,
 * datedBy) follow the renaming. `meta`, `lexicon` and `thesaurus` fields, when
 * given, replace the extracted ones. The result is checked exactly as any pack
 * is (`loadKnowledge`).
 *
 * `overlayFor` works the other way: the smallest overlay that turns an
 * extracted pack into a given one. `npm run overlay` uses it after extraction
 * changes, so that the pack served stays the same and the overlay keeps only
 * what extraction still misses.
 */
import { z } from 'zod';
import { Id, LexiconSchema, MetaSchema, ThesaurusSchema, type Entity, type Fact, type KbEvent, type Lexicon, type Meta, type Quote, type Thesaurus } from './schema.ts';

export const OVERLAY_FILE = 'overlay.json';

/** An entry: an item's id, the extracted item it starts from, and the fields laid over it (checked once merged). */
const Entry = z.looseObject({ id: Id, from: Id.optional() });
type OverlayEntry = z.infer<typeof Entry>;

export const OverlaySchema = z.strictObject({
  /** What the overlay is for, for maintainers. */
  about: z.string().min(1),
  meta: MetaSchema.partial().optional(),
  entities: z.array(Entry),
  quotes: z.array(Entry),
  events: z.array(Entry),
  facts: z.array(Entry),
  lexicon: LexiconSchema.partial().optional(),
  thesaurus: ThesaurusSchema.optional(),
});
export type Overlay = z.infer<typeof OverlaySchema>;

/** The parts of a pack an overlay applies to, as read from its files. */
export interface PackItems {
  readonly meta: Meta;
  readonly entities: readonly Entity[];
  readonly quotes: readonly Quote[];
  readonly events: readonly KbEvent[];
  readonly facts: readonly Fact[];
  readonly lexicon: Lexicon;
  /** WordNet synonyms of the article's words (generated). */
  readonly thesaurus: Thesaurus;
}

/** What an overlay gets wrong: the kind of item, the entry's id, and the problem. */
export class OverlayError extends Error {
  override readonly name = 'OverlayError';
  constructor(
    readonly kind: string,
    readonly itemId: string,
    readonly problem: string,
  ) {
    super(`${kind} [${itemId}]: ${problem}`);
  }
}

type Kind = 'entities' | 'quotes' | 'events' | 'facts';
const KINDS: readonly Kind[] = ['entities', 'quotes', 'events', 'facts'];

/** Renames an extracted item's references to other items. */
function renamed(kind: Kind, item: Record<string, unknown>, entity: (id: string) => string, dated: (id: string) => string): Record<string, unknown> {
  const out = { ...item };
  const one = (k: string, f: (id: string) => string): void => {
    if (typeof out[k] === 'string') out[k] = f(out[k]);
  };
  const many = (k: string): void => {
    if (Array.isArray(out[k])) out[k] = (out[k] as string[]).map(entity);
  };
  if (kind === 'entities') many('partOf');
  if (kind === 'quotes') one('speaker', entity);
  if (kind === 'events') many('who');
  if (kind === 'facts') {
    many('about');
    one('speaker', entity);
  }
  if (kind === 'quotes' || kind === 'facts') one('datedBy', dated);
  return out;
}

/** The pack's items with the overlay laid over the extracted ones (unchecked: the loader checks them). */
export function applyOverlay(extracted: PackItems, overlay: Overlay): Record<Kind, Record<string, unknown>[]> & Pick<PackItems, 'meta' | 'lexicon' | 'thesaurus'> {
  const rename = (kinds: readonly Kind[]): Map<string, string> => new Map(kinds.flatMap((k) => overlay[k].flatMap((e) => (e.from ? [[e.from, e.id] as const] : []))));
  const entityNames = rename(['entities']);
  const datedNames = rename(['quotes', 'events']);
  const entity = (id: string): string => entityNames.get(id) ?? id;
  const dated = (id: string): string => datedNames.get(id) ?? id;
  const merged = {} as Record<Kind, Record<string, unknown>[]>;
  for (const kind of KINDS) {
    const byId = new Map((extracted[kind] as readonly { id: string }[]).map((x) => [x.id, x as unknown as Record<string, unknown>]));
    merged[kind] = overlay[kind].map((entry: OverlayEntry) => {
      const { from, ...fields } = entry;
      if (!from) return fields;
      const base = byId.get(from);
      if (!base) throw new OverlayError(kind, entry.id, `from: no extracted item "${from}" (run npm run overlay after extraction changes)`);
      // An item the overlay changes is curated.
      return { ...renamed(kind, base, entity, dated), ...(Object.keys(fields).length > 1 ? { origin: 'curated' } : {}), ...fields };
    });
  }
  return {
    ...merged,
    meta: { ...extracted.meta, ...overlay.meta },
    lexicon: { ...extracted.lexicon, ...overlay.lexicon },
    thesaurus: overlay.thesaurus ?? extracted.thesaurus,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Which extracted item a pack's item most likely is: the same name, quote or dated sentence. */
function counterpart(kind: Kind, item: Record<string, unknown>, candidates: readonly Record<string, unknown>[], taken: ReadonlySet<unknown>): Record<string, unknown> | undefined {
  const free = candidates.filter((c) => !taken.has(c));
  const lower = (x: unknown): string => String(x ?? '').toLowerCase();
  if (kind === 'entities') {
    const bare = (x: unknown): string => lower(x).replace(/^the /, '');
    const names = [item.name, ...((item.aliases as string[] | undefined) ?? [])].map(bare);
    return free.find((c) => bare(c.name) === bare(item.name)) ?? free.find((c) => names.includes(bare(c.name)) || names.includes(bare((c.aliases as string[])[0])));
  }
  const here = free.filter((c) => c.paragraph === item.paragraph);
  if (kind === 'quotes') return here.find((c) => lower(item.text).includes(lower(c.text).replace(/[.,]+$/, '')) || lower(c.text).includes(lower(item.text)));
  if (kind === 'events') return here.find((c) => c.date === item.date && c.excerpt === item.excerpt) ?? here.find((c) => c.date === item.date);
  return here.find((c) => c.excerpt === item.excerpt);
}

/**
 * The smallest overlay that turns `extracted` into `target`: each target item
 * from its extracted counterpart where it has one, with only the fields that
 * differ; the rest whole.
 */
export function overlayFor(extracted: PackItems, target: PackItems, about: string): Overlay {
  const from = new Map<Kind, Map<string, Record<string, unknown>>>();
  for (const kind of KINDS) {
    const taken = new Set<unknown>();
    const pairs = new Map<string, Record<string, unknown>>();
    for (const item of target[kind] as unknown as Record<string, unknown>[]) {
      const c = counterpart(kind, item, extracted[kind] as unknown as Record<string, unknown>[], taken);
      if (c) {
        taken.add(c);
        pairs.set(item.id as string, c);
      }
    }
    from.set(kind, pairs);
  }
  const rename = (kinds: readonly Kind[]): Map<string, string> => new Map(kinds.flatMap((k) => [...from.get(k)!].map(([id, c]) => [c.id as string, id] as const)));
  const entityNames = rename(['entities']);
  const datedNames = rename(['quotes', 'events']);
  const entries = (kind: Kind): OverlayEntry[] =>
    (target[kind] as unknown as Record<string, unknown>[]).map((item) => {
      const c = from.get(kind)!.get(item.id as string);
      if (!c) return item as OverlayEntry;
      const base = renamed(kind, c, (id) => entityNames.get(id) ?? id, (id) => datedNames.get(id) ?? id);
      // A field the extracted item has and the target lacks cannot be laid over: the item is curated whole.
      if (Object.keys(base).some((k) => k !== 'id' && !(k in item))) return item as OverlayEntry;
      const fields = Object.fromEntries(Object.entries(item).filter(([k, v]) => k !== 'id' && !same(v, base[k])));
      // (A changed item is curated without saying so.)
      if (Object.keys(fields).length > 1 && fields.origin === 'curated') delete fields.origin;
      return { id: item.id as string, from: c.id as string, ...fields };
    });
  const changed = <T extends object>(a: T, b: T): Partial<T> => Object.fromEntries(Object.entries(b).filter(([k, v]) => !same(v, (a as Record<string, unknown>)[k]))) as Partial<T>;
  const meta = changed(extracted.meta, target.meta);
  const lexicon = changed(extracted.lexicon, target.lexicon);
  return {
    about,
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    entities: entries('entities'),
    quotes: entries('quotes'),
    events: entries('events'),
    facts: entries('facts'),
    ...(Object.keys(lexicon).length > 0 ? { lexicon } : {}),
    ...(same(extracted.thesaurus, target.thesaurus) ? {} : { thesaurus: target.thesaurus }),
  };
}

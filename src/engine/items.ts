/**
 * Flattens the knowledge base into one list of citable items: the unit the
 * engine searches, ranks and turns into answers.
 */
import { foldForComparison } from '../knowledge/article.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity, Quote } from '../knowledge/schema.ts';
import type { AnswerSource } from './types.ts';


/** Anything the engine can cite. */
export interface Item {
  readonly key: string;
  readonly source: AnswerSource;
  /** Verbatim article text: the curated span the item is about, which ranking reads. */
  readonly excerpt: string;
  /** The whole article sentence(s) the excerpt stands in, verbatim: what an answer cites. */
  readonly sentence: string;
  readonly paragraph: number;
  /** The item's own direct answer sentence. */
  readonly answer: string;
  /** Entity id of who said it (quotes and reported speech). */
  readonly speakerId: string | null;
  /** Entity ids the item is about or whose act it records. */
  readonly entityIds: readonly string[];
  readonly date: string | null;
  /** Key of the item whose sentence dates this one, when its own sentence does not. */
  readonly datedBy: string | null;
  /** The date as the article writes it. */
  readonly dateText: string | null;
  /** Words a reader might ask with that are not in the excerpt. */
  readonly extra: string;
  /** The quote, when the item is one. */
  readonly quote: Quote | null;
  /** The entity, when the item says who or what one is. */
  readonly entity: Entity | null;
  /** A whole article sentence with no curated meaning: only a fallback. */
  readonly plain: boolean;
}

/**
 * The sentences of `paragraph` (split as `all`) that `excerpt` stands in (a run
 * of them when it spans several), verbatim; the paragraph itself if the excerpt is not found.
 */
export function sentenceAround(excerpt: string, all: readonly string[], paragraph: string): string {
  const folded = all.map(foldForComparison);
  const want = foldForComparison(excerpt);
  const one = all[folded.findIndex((s) => s.includes(want))];
  if (one !== undefined) return one;
  // Spanning sentences: the shortest run whose joined text holds the excerpt.
  for (let len = 2; len <= all.length; len++) {
    for (let from = 0; from + len <= all.length; from++) {
      if (folded.slice(from, from + len).join(' ').includes(want)) return all.slice(from, from + len).join(' ');
    }
  }
  return paragraph;
}

/** Every citable item of a pack: its quotes, events, facts and entities, then each article sentence as a plain fallback. */
export function buildItems(kb: KnowledgeBase): Item[] {
  const name = (id: string | null): string => (id ? (kb.entityById.get(id)?.name ?? id) : '');
  const paragraphText = new Map(kb.article.paragraphs.map((p) => [p.n, p.text]));
  const sentenceOf = (excerpt: string, n: number): string => sentenceAround(excerpt, kb.article.sentences[n - 1] ?? [], paragraphText.get(n) ?? excerpt);
  const eventIds = new Set(kb.events.map((e) => e.id));
  const keyOf = (id: string | null): string | null => (id === null ? null : eventIds.has(id) ? `event:${id}` : `quote:${id}`);
  const items: Item[] = [];
  for (const q of kb.quotes) {
    items.push({
      key: `quote:${q.id}`,
      source: { kind: 'quote', id: q.id },
      excerpt: q.excerpt,
      paragraph: q.paragraph,
      sentence: sentenceOf(q.excerpt, q.paragraph),
      answer: `${capitalize(name(q.speaker))}: "${q.text.replace(/,$/, '')}"`,
      speakerId: q.speaker,
      entityIds: [q.speaker],
      date: q.date,
      datedBy: keyOf(q.datedBy),
      dateText: q.dateText,
      extra: [q.via, ...q.keywords].join(' '),
      quote: q,
      entity: null,
      plain: false,
    });
  }
  for (const e of kb.events) {
    items.push({
      key: `event:${e.id}`,
      source: { kind: 'event', id: e.id },
      excerpt: e.excerpt,
      paragraph: e.paragraph,
      sentence: sentenceOf(e.excerpt, e.paragraph),
      answer: e.answer,
      speakerId: null,
      entityIds: e.who,
      date: e.date,
      datedBy: null,
      dateText: e.dateText,
      extra: [e.answer, ...e.keywords].join(' '),
      quote: null,
      entity: null,
      plain: false,
    });
  }
  for (const f of kb.facts) {
    items.push({
      key: `fact:${f.id}`,
      source: { kind: 'fact', id: f.id },
      excerpt: f.excerpt,
      paragraph: f.paragraph,
      sentence: sentenceOf(f.excerpt, f.paragraph),
      answer: f.answer,
      speakerId: f.speaker,
      entityIds: [...new Set([...f.about, ...(f.speaker ? [f.speaker] : [])])],
      date: f.date,
      datedBy: keyOf(f.datedBy),
      dateText: null,
      extra: [f.topic, f.answer, ...f.keywords].join(' '),
      quote: null,
      entity: null,
      plain: false,
    });
  }
  for (const e of kb.entities) {
    items.push({
      key: `entity:${e.id}`,
      source: { kind: 'entity', id: e.id },
      excerpt: e.excerpt,
      paragraph: e.paragraph,
      sentence: sentenceOf(e.excerpt, e.paragraph),
      answer: e.answer,
      speakerId: null,
      entityIds: [e.id],
      date: null,
      datedBy: null,
      dateText: null,
      extra: [e.role ?? '', e.answer].join(' '),
      quote: null,
      entity: e,
      plain: false,
    });
  }
  for (const p of kb.article.paragraphs) {
    (kb.article.sentences[p.n - 1] ?? []).forEach((s, i) => {
      items.push({
        key: `sentence:${p.n}.${i + 1}`,
        source: { kind: 'fact', id: `paragraph-${p.n}-sentence-${i + 1}` },
        excerpt: s,
        sentence: s,
        paragraph: p.n,
        answer: s,
        speakerId: null,
        entityIds: [],
        date: null,
        datedBy: null,
        dateText: null,
        extra: '',
        quote: null,
        entity: null,
        plain: true,
      });
    });
  }
  return items;
}

/** `s` with its first letter in upper case. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

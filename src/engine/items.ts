/**
 * Flattens the knowledge base into one list of citable items: the unit the
 * engine searches, ranks and turns into answers.
 */
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity, Quote } from '../knowledge/schema.ts';
import type { AnswerSource } from './types.ts';

/** Anything the engine can cite. */
export interface Item {
  readonly key: string;
  readonly source: AnswerSource;
  /** Verbatim article text. */
  readonly excerpt: string;
  readonly paragraph: number;
  /** The item's own direct answer sentence. */
  readonly answer: string;
  /** Entity id of who said it (quotes and reported speech). */
  readonly speakerId: string | null;
  /** Entity ids the item is about or whose act it records. */
  readonly entityIds: readonly string[];
  readonly date: string | null;
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

/** A sentence boundary: after . ? ! (and a closing quote), before an opening quote or capital. */
const SENTENCE_END = /(?<=[.?!]["”’']?)\s+(?=["“‘']?[\p{Lu}\d])/u;

/** Splits a paragraph into sentences, each verbatim. */
export function sentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END).filter((s) => s.trim().length > 0);
}

export function buildItems(kb: KnowledgeBase): Item[] {
  const name = (id: string | null): string => (id ? (kb.entityById.get(id)?.name ?? id) : '');
  const items: Item[] = [];
  for (const q of kb.quotes) {
    items.push({
      key: `quote:${q.id}`,
      source: { kind: 'quote', id: q.id },
      excerpt: q.excerpt,
      paragraph: q.paragraph,
      answer: `${capitalize(name(q.speaker))}: "${q.text.replace(/,$/, '')}"`,
      speakerId: q.speaker,
      entityIds: [q.speaker],
      date: q.date,
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
      answer: e.answer,
      speakerId: null,
      entityIds: e.who,
      date: e.date,
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
      answer: f.answer,
      speakerId: f.speaker,
      entityIds: [...new Set([...f.about, ...(f.speaker ? [f.speaker] : [])])],
      date: f.date,
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
      answer: e.answer,
      speakerId: null,
      entityIds: [e.id],
      date: null,
      dateText: null,
      extra: [e.role ?? '', e.answer].join(' '),
      quote: null,
      entity: e,
      plain: false,
    });
  }
  for (const p of kb.article.paragraphs) {
    sentences(p.text).forEach((s, i) => {
      items.push({
        key: `sentence:${p.n}.${i + 1}`,
        source: { kind: 'fact', id: `paragraph-${p.n}-sentence-${i + 1}` },
        excerpt: s,
        paragraph: p.n,
        answer: s,
        speakerId: null,
        entityIds: [],
        date: null,
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

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

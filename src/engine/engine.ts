/**
 * The answering engine's one public shape, and the choice of engine for a
 * pack: the general engine (reader → typed query → handlers) for any pack
 * `npm run ingest` writes; the curated engine for a pack whose knowledge was
 * written by hand (the seed article's), until the general one answers its
 * question sets as well (see docs/evaluation.md).
 */
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity } from '../knowledge/schema.ts';
import { createCuratedEngine } from './curated.ts';
import { createGeneralEngine } from './general.ts';
import type { EngineOptions } from './options.ts';
import type { Answer, AnswerResult } from './types.ts';

/** A pick list entry for autocomplete: `label` to show, `value` to send back. */
export interface Choice {
  readonly label: string;
  readonly value: string;
}

/** Everything one speaker is quoted as saying. */
export interface SpeakerQuotes {
  readonly speaker: Entity;
  /** In article order. */
  readonly quotes: readonly Answer[];
}

export interface Engine {
  readonly kb: KnowledgeBase;
  /** Answers a free-text question; never throws. */
  answer(question: string): AnswerResult;
  /** Who said a quote: a quote id from {@link Engine.quoteChoices}, or words from it. */
  whoSaid(quote: string): AnswerResult;
  /** Every quote of a speaker (entity id or name), or null when the article quotes no such speaker. */
  quotesBy(speaker: string): SpeakerQuotes | null;
  /** When an event happened: an event id from {@link Engine.eventChoices}, or a description. */
  when(event: string): AnswerResult;
  /** Every dated passage, earliest first. */
  timeline(): readonly Answer[];
  /** Who or what someone is: an entity id or a name. */
  whoIs(name: string): AnswerResult;
  /** The article sentences closest to any text, best first. */
  findPassages(text: string, limit?: number): readonly Answer[];
  /** Questions the article can answer that are close to `text`, for "did you mean". */
  suggestions(text: string, limit?: number): readonly string[];
  quoteChoices(typed: string, limit?: number): readonly Choice[];
  speakerChoices(typed: string, limit?: number): readonly Choice[];
  eventChoices(typed: string, limit?: number): readonly Choice[];
  entityChoices(typed: string, limit?: number): readonly Choice[];
  /**
   * Builds now what answering otherwise builds when first needed (word lists, the date parser,
   * pick lists, indexes of the article's words), so that no reader's question waits for it.
   * Start-up leaves it out, to answer the first question sooner; the bot calls it once idle.
   */
  warm(): void;
}

/** True when a person wrote some of the pack's knowledge. */
export function isCurated(kb: KnowledgeBase): boolean {
  return [...kb.quotes, ...kb.events, ...kb.facts, ...kb.entities].some((item) => item.origin === 'curated');
}

/** The engine for a pack: curated knowledge gets the curated engine, extracted knowledge the general one. */
export function createEngine(kb: KnowledgeBase, options: Partial<EngineOptions> = {}): Engine {
  return isCurated(kb) ? createCuratedEngine(kb, { cache: options.cache ?? true }) : createGeneralEngine(kb, options);
}

export type { EngineOptions };

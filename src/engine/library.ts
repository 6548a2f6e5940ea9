/**
 * Several articles in one bot: every knowledge pack under `knowledge/`, each
 * with its engine, found by slug or by words of its title, outlet or date.
 * Asking the whole library asks each article and keeps the answers that
 * stand, each marked with the article it cites.
 */
import Fuse from 'fuse.js';
import { KNOWLEDGE_ROOT, loadKnowledge, packDirs, type KnowledgeBase } from '../knowledge/load.ts';
import { createEngine, type Choice, type Engine } from './engine.ts';
import type { EngineOptions } from './options.ts';
import { MAX_ANSWERS, type AnswerResult } from './types.ts';

/** One article of the library. */
export interface Article {
  /** The pack's directory name: stable, lower case, used in commands and settings. */
  readonly slug: string;
  readonly kb: KnowledgeBase;
  readonly engine: Engine;
}

export interface Library {
  readonly articles: readonly Article[];
  /** An article by slug, or by words of its title, outlet or date; null when none fits. */
  find(typed: string): Article | null;
  /** Autocomplete choices: the articles whose title, outlet or date fit what was typed. */
  choices(typed: string, limit?: number): Choice[];
  /** Asks every article; answers carry `article` (the slug). */
  answerAll(question: string): AnswerResult;
}

/** An article as people name it: "Title — Outlet, 2019-11-19". */
export function articleLabel(a: Article): string {
  const m = a.kb.meta;
  return `${m.title} — ${m.outlet}${m.published ? `, ${m.published}` : ''}`;
}

/** Builds a library from loaded articles. */
export function createLibrary(articles: readonly Article[]): Library {
  const rows = articles.map((a) => ({ a, slug: a.slug, title: a.kb.meta.title, outlet: a.kb.meta.outlet, published: a.kb.meta.published ?? '' }));
  const fuse = new Fuse(rows, { keys: [{ name: 'title', weight: 2 }, 'slug', 'outlet', 'published'], includeScore: true, threshold: 0.45, ignoreLocation: true });
  const find = (typed: string): Article | null => {
    const t = typed.trim();
    if (!t) return null;
    const exact = articles.find((a) => a.slug === t || a.kb.meta.title.toLowerCase() === t.toLowerCase() || articleLabel(a).toLowerCase() === t.toLowerCase());
    return exact ?? fuse.search(t, { limit: 1 })[0]?.item.a ?? null;
  };
  const choices = (typed: string, limit = 25): Choice[] => {
    const t = typed.trim();
    const list = t ? fuse.search(t, { limit }).map((r) => r.item.a) : articles.slice(0, limit);
    return list.map((a) => ({ label: articleLabel(a).slice(0, 100), value: a.slug }));
  };
  const answerAll = (question: string): AnswerResult => {
    const results = articles.map((a) => ({ a, r: a.engine.answer(question) }));
    const answered = results.filter((x) => x.r.answers.length > 0);
    if (answered.length === 0) {
      const first = results[0]?.r ?? { question, answers: [] };
      return { ...first, related: results.flatMap((x) => (x.r.related ?? []).map((r) => ({ ...r, article: x.a.slug }))).slice(0, MAX_ANSWERS) };
    }
    // Each article's best first, then the rest; within a round, the higher score first.
    const rounds = answered.map((x) => x.r.answers.map((ans) => ({ ...ans, article: x.a.slug })));
    const merged = [];
    for (let i = 0; merged.length < MAX_ANSWERS && rounds.some((r) => r[i]); i++) {
      merged.push(...rounds.map((r) => r[i]).filter((x) => x !== undefined).sort((x, y) => y.score - x.score));
    }
    return { question: answered[0]!.r.question, answers: merged.slice(0, MAX_ANSWERS) };
  };
  return { articles, find, choices, answerAll };
}

/** Loads every pack under `root` (default `knowledge/`) and builds its engine. */
export function loadLibrary(root: string = KNOWLEDGE_ROOT, options: Partial<EngineOptions> = {}): Library {
  return createLibrary(
    packDirs(root).map(({ slug, dir }) => {
      const kb = loadKnowledge(dir);
      return { slug, kb, engine: createEngine(kb, options) };
    }),
  );
}

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
import { MAX_ANSWER_CHARS, MAX_ANSWERS, type AnswerResult } from './types.ts';

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

/**
 * Asks every article and keeps the answers that stand, each marked with its
 * article: each article's best first, then the rest, the higher score first
 * within a round. With no answer anywhere, the first refusal, with every
 * article's closest passages.
 */
function askAll(articles: readonly Article[], question: string, ask: (e: Engine) => AnswerResult): AnswerResult {
  const results = articles.map((a) => ({ a, r: ask(a.engine) }));
  const answered = results.filter((x) => x.r.answers.length > 0);
  if (answered.length === 0) {
    const first = results[0]?.r ?? { question, answers: [] };
    return { ...first, related: results.flatMap((x) => (x.r.related ?? []).map((r) => ({ ...r, article: x.a.slug }))).slice(0, MAX_ANSWERS) };
  }
  const rounds = answered.map((x) => x.r.answers.map((ans) => ({ ...ans, article: x.a.slug })));
  const merged = [];
  for (let i = 0; merged.length < MAX_ANSWERS && rounds.some((r) => r[i]); i++) {
    merged.push(...rounds.map((r) => r[i]).filter((x) => x !== undefined).sort((x, y) => y.score - x.score));
  }
  return { question: answered[0]!.r.question, answers: merged.slice(0, MAX_ANSWERS) };
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
  const answerAll = (question: string): AnswerResult => askAll(articles, question, (e) => e.answer(question));
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

/** Prefixes an answer sentence with the article it cites, fitting the answer length. */
function tagged(a: Article, text: string): string {
  const tag = `[${a.kb.meta.outlet}${a.kb.meta.published ? `, ${a.kb.meta.published}` : ''}] `;
  const room = MAX_ANSWER_CHARS - tag.length;
  return tag + (text.length <= room ? text : `${text.slice(0, room - 1).replace(/\s+\S*$/, '')}…`);
}

/**
 * One engine over every article of a library: answers come from whichever
 * articles answer, each saying which article it cites (`article`, and the
 * outlet and date before its sentence). What a single article's command needs
 * (quotes of a speaker, a timeline, pick lists) is gathered from all of them.
 */
export function libraryEngine(library: Library): Engine {
  const { articles } = library;
  const first = articles[0];
  if (!first) throw new Error('a library engine needs at least one article');
  if (articles.length === 1) return first.engine;
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const mark = (result: AnswerResult): AnswerResult => ({
    ...result,
    answers: result.answers.map((ans) => {
      const a = ans.article ? bySlug.get(ans.article) : undefined;
      return a ? { ...ans, answer: tagged(a, ans.answer), outlet: a.kb.meta.outlet } : ans;
    }),
  });
  const fanOut = (ask: (e: Engine) => AnswerResult, question: string): AnswerResult => mark(askAll(articles, question, ask));
  const choices = (pick: (e: Engine) => readonly Choice[], limit: number): Choice[] => articles.flatMap((a) => pick(a.engine)).slice(0, limit);
  return {
    kb: first.kb,
    answer: (q) => mark(library.answerAll(q)),
    whoSaid: (q) => fanOut((e) => e.whoSaid(q), q),
    when: (q) => fanOut((e) => e.when(q), q),
    whoIs: (q) => fanOut((e) => e.whoIs(q), q),
    quotesBy: (speaker) => articles.map((a) => a.engine.quotesBy(speaker)).find((x) => x !== null && x.quotes.length > 0) ?? null,
    timeline: () =>
      articles
        .flatMap((a) => a.engine.timeline().map((ans) => ({ ...ans, article: a.slug, answer: tagged(a, ans.answer), outlet: a.kb.meta.outlet })))
        .sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '')),
    findPassages: (text, limit = MAX_ANSWERS) =>
      articles
        .flatMap((a) => a.engine.findPassages(text, limit).map((ans) => ({ ...ans, article: a.slug, outlet: a.kb.meta.outlet })))
        .sort((x, y) => y.score - x.score)
        .slice(0, limit),
    suggestions: (text, limit = 3) => [...new Set(articles.flatMap((a) => a.engine.suggestions(text, limit)))].slice(0, limit),
    quoteChoices: (typed, limit = 25) => choices((e) => e.quoteChoices(typed, limit), limit),
    speakerChoices: (typed, limit = 25) => choices((e) => e.speakerChoices(typed, limit), limit),
    eventChoices: (typed, limit = 25) => choices((e) => e.eventChoices(typed, limit), limit),
    entityChoices: (typed, limit = 25) => choices((e) => e.entityChoices(typed, limit), limit),
    warm: () => {
      for (const a of articles) a.engine.warm();
    },
  };
}

/** Where the article a command uses came from. */
export type ArticleSource = 'option' | 'server-default' | 'only-article' | 'all-articles';

/**
 * The engine a command uses: the article its `article:` option names; else the
 * server's default; else the only article; else all of them.
 * An `article:` value that names no article is an error the user sees.
 */
export function chooseArticle(library: Library, option: string | null, serverDefault: string | null): { engine: Engine; source: ArticleSource; article: Article | null } | { error: string } {
  if (option && option.trim()) {
    const a = library.find(option);
    if (!a) return { error: `No article matches "${option.trim().slice(0, 80)}".` };
    return { engine: a.engine, source: 'option', article: a };
  }
  const fallback = serverDefault ? library.articles.find((a) => a.slug === serverDefault) : undefined;
  if (fallback) return { engine: fallback.engine, source: 'server-default', article: fallback };
  if (library.articles.length === 1) return { engine: library.articles[0]!.engine, source: 'only-article', article: library.articles[0]! };
  return { engine: libraryEngine(library), source: 'all-articles', article: null };
}

/**
 * Loads `knowledge/` and refuses it unless it is consistent with the article:
 * every file matches its schema, ids are unique, every reference names a known
 * entity, and every excerpt and quote stands verbatim in the paragraph it names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeDir } from '../paths.ts';
import type { z } from 'zod';
import questionWords from '../english/question-words.json' with { type: 'json' };
import { isVerbatimIn, parseArticle, sentences, type ArticleBody, type ParsedArticle } from './article.ts';
import { applyOverlay, OVERLAY_FILE, OverlayError, OverlaySchema, type PackItems } from './overlay.ts';
import { ARTICLE_FILE, KNOWLEDGE_FILES, type Entity } from './schema.ts';

/** The checked knowledge base: plain data, shared read-only by the engine and the bot. */
export interface KnowledgeBase extends PackItems {
  readonly article: ParsedArticle;
  /** Entity by id. */
  readonly entityById: ReadonlyMap<string, Entity>;
}

/** Where the bot's knowledge packs live: one directory per article (knowledge/ in the project root, from src/ or dist/). */
export const KNOWLEDGE_ROOT = knowledgeDir();

/** A directory is a pack when it holds an article and its meta. */
export function isPackDir(dir: string): boolean {
  return existsSync(join(dir, ARTICLE_FILE)) && existsSync(join(dir, KNOWLEDGE_FILES.meta.file));
}

/** The packs under `root`, by slug (directory name), in name order. */
export function packDirs(root: string = KNOWLEDGE_ROOT): { slug: string; dir: string }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && isPackDir(join(root, d.name)))
    .map((d) => ({ slug: d.name, dir: join(root, d.name) }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The first pack of the knowledge root: the only one in a one-article bot, and the default of tools. */
export const DEFAULT_KNOWLEDGE_DIR = packDirs()[0]?.dir ?? KNOWLEDGE_ROOT;

/** A knowledge file that is wrong: names the file, the item and what is wrong. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(
    readonly file: string,
    readonly itemId: string | null,
    readonly problem: string,
  ) {
    super(`${file}${itemId ? ` [${itemId}]` : ''}: ${problem}`);
  }
}

function readText(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch (err) {
    throw new KnowledgeError(file, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(readText(dir, file));
  } catch (err) {
    if (err instanceof KnowledgeError) throw err;
    throw new KnowledgeError(file, null, `is not valid JSON (${(err as Error).message})`);
  }
  return checked(data, schema, file);
}

/** `data` checked against `schema`; the first problem blames `file` and the item it is in. */
function checked<S extends z.ZodType>(data: unknown, schema: S, file: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [index, ...rest] = issue.path;
  const item = typeof index === 'number' && Array.isArray(data) ? (data[index] as { id?: unknown } | undefined) : undefined;
  const itemId = typeof item?.id === 'string' ? item.id : typeof index === 'number' ? `#${index}` : null;
  const where = (typeof index === 'number' ? rest : issue.path).join('.');
  throw new KnowledgeError(file, itemId, `${where ? `${where}: ` : ''}${issue.message}`);
}

/** The pack's own sentence split when it has one (checked verbatim, paragraph by paragraph), else sbd's. */
function readSentences(dir: string, article: ArticleBody): ParsedArticle['sentences'] {
  const file = KNOWLEDGE_FILES.sentences.file;
  if (!existsSync(join(dir, file))) return article.paragraphs.map((p) => sentences(p.text));
  const { paragraphs } = readJson(dir, file, KNOWLEDGE_FILES.sentences.schema);
  if (paragraphs.length !== article.paragraphs.length) {
    throw new KnowledgeError(file, null, `has ${paragraphs.length} paragraphs, the article ${article.paragraphs.length}`);
  }
  paragraphs.forEach((list, i) => {
    let from = 0;
    for (const sentence of list) {
      const at = article.paragraphs[i]!.text.indexOf(sentence, from);
      if (at < 0) throw new KnowledgeError(file, `#${i + 1}`, `sentence is not verbatim in paragraph ${i + 1}, in order: "${sentence.slice(0, 60)}"`);
      from = at + sentence.length;
    }
  });
  return paragraphs;
}

/**
 * A pack's items as its files give them: the extracted (or curated) files,
 * with `overlay.json` laid over them when the pack has one.
 */
export function readPackItems(dir: string): PackItems {
  const files: PackItems = {
    meta: readJson(dir, KNOWLEDGE_FILES.meta.file, KNOWLEDGE_FILES.meta.schema),
    entities: readJson(dir, KNOWLEDGE_FILES.entities.file, KNOWLEDGE_FILES.entities.schema),
    quotes: readJson(dir, KNOWLEDGE_FILES.quotes.file, KNOWLEDGE_FILES.quotes.schema),
    events: readJson(dir, KNOWLEDGE_FILES.events.file, KNOWLEDGE_FILES.events.schema),
    facts: readJson(dir, KNOWLEDGE_FILES.facts.file, KNOWLEDGE_FILES.facts.schema),
    lexicon: readJson(dir, KNOWLEDGE_FILES.lexicon.file, KNOWLEDGE_FILES.lexicon.schema),
    thesaurus: readJson(dir, KNOWLEDGE_FILES.thesaurus.file, KNOWLEDGE_FILES.thesaurus.schema),
  };
  if (!existsSync(join(dir, OVERLAY_FILE))) return files;
  const overlay = readJson(dir, OVERLAY_FILE, OverlaySchema);
  let merged: ReturnType<typeof applyOverlay>;
  try {
    merged = applyOverlay(files, overlay);
  } catch (err) {
    if (err instanceof OverlayError) throw new KnowledgeError(OVERLAY_FILE, err.itemId, `${err.kind}: ${err.problem}`);
    throw err;
  }
  return {
    meta: checked(merged.meta, KNOWLEDGE_FILES.meta.schema, OVERLAY_FILE),
    entities: checked(merged.entities, KNOWLEDGE_FILES.entities.schema, OVERLAY_FILE),
    quotes: checked(merged.quotes, KNOWLEDGE_FILES.quotes.schema, OVERLAY_FILE),
    events: checked(merged.events, KNOWLEDGE_FILES.events.schema, OVERLAY_FILE),
    facts: checked(merged.facts, KNOWLEDGE_FILES.facts.schema, OVERLAY_FILE),
    lexicon: checked(merged.lexicon, KNOWLEDGE_FILES.lexicon.schema, OVERLAY_FILE),
    thesaurus: checked(merged.thesaurus, KNOWLEDGE_FILES.thesaurus.schema, OVERLAY_FILE),
  };
}

/** Loads and checks the knowledge in `dir`; throws {@link KnowledgeError} on the first problem. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const { meta, entities, quotes, events, facts, lexicon: packLexicon, thesaurus } = readPackItems(dir);
  const raw = readText(dir, ARTICLE_FILE);
  const parsed = parseArticle(raw, meta.bodyStartsWith);
  if (!parsed) {
    throw new KnowledgeError(KNOWLEDGE_FILES.meta.file, null, `bodyStartsWith: no paragraph of ${ARTICLE_FILE} begins with it`);
  }
  const article = { ...parsed, sentences: readSentences(dir, parsed) };
  if (!article.preamble.some((block) => isVerbatimIn(meta.title, block))) {
    throw new KnowledgeError(KNOWLEDGE_FILES.meta.file, null, `title: not found before the body of ${ARTICLE_FILE}`);
  }
  // Question words are general English, the same for every pack; a pack may add its own.
  const lexicon = { ...packLexicon, questionWords: [...new Set([...questionWords.words, ...packLexicon.questionWords])] };

  const seen = new Map<string, string>();
  const entityById = new Map(entities.map((e) => [e.id, e] as const));
  const check = (file: string, id: string, ok: boolean, problem: string): void => {
    if (!ok) throw new KnowledgeError(file, id, problem);
  };
  const checkCited = (file: string, item: { id: string; paragraph: number; excerpt: string }): void => {
    const other = seen.get(item.id);
    check(file, item.id, other === undefined, `duplicate id (also in ${other})`);
    seen.set(item.id, file);
    const paragraph = article.paragraphs[item.paragraph - 1];
    check(file, item.id, paragraph !== undefined, `paragraph ${item.paragraph} does not exist (the body has ${article.paragraphs.length})`);
    check(file, item.id, isVerbatimIn(item.excerpt, paragraph!.text), `excerpt is not verbatim in paragraph ${item.paragraph}: "${item.excerpt.slice(0, 80)}"`);
  };
  const checkRefs = (file: string, id: string, field: string, refs: readonly (string | null)[]): void => {
    for (const ref of refs) {
      if (ref !== null) check(file, id, entityById.has(ref), `${field}: unknown entity "${ref}"`);
    }
  };

  for (const e of entities) {
    checkCited(KNOWLEDGE_FILES.entities.file, e);
    checkRefs(KNOWLEDGE_FILES.entities.file, e.id, 'partOf', e.partOf);
  }
  const datedIds = new Map<string, string | null>([...events.map((ev) => [ev.id, ev.date] as const), ...quotes.map((q) => [q.id, q.date] as const)]);
  const checkDatedBy = (file: string, id: string, by: string | null): void => {
    if (by === null) return;
    check(file, id, datedIds.has(by), `datedBy: unknown event or quote "${by}"`);
    check(file, id, datedIds.get(by) !== null, `datedBy: "${by}" has no date`);
  };
  for (const q of quotes) {
    const file = KNOWLEDGE_FILES.quotes.file;
    checkCited(file, q);
    checkDatedBy(file, q.id, q.datedBy);
    checkRefs(file, q.id, 'speaker', [q.speaker]);
    check(file, q.id, isVerbatimIn(q.text, q.excerpt), 'text: the quoted words are not verbatim in the excerpt');
  }
  for (const ev of events) {
    checkCited(KNOWLEDGE_FILES.events.file, ev);
    checkRefs(KNOWLEDGE_FILES.events.file, ev.id, 'who', ev.who);
  }
  for (const f of facts) {
    checkCited(KNOWLEDGE_FILES.facts.file, f);
    checkRefs(KNOWLEDGE_FILES.facts.file, f.id, 'about', f.about);
    checkRefs(KNOWLEDGE_FILES.facts.file, f.id, 'speaker', [f.speaker]);
    checkDatedBy(KNOWLEDGE_FILES.facts.file, f.id, f.datedBy);
  }

  const body = article.paragraphs.map((p) => p.text).join('\n');
  for (const place of lexicon.places) {
    check(KNOWLEDGE_FILES.lexicon.file, place, isVerbatimIn(place, body), 'places: not a place the article names');
  }

  return Object.freeze({ meta, article, entities, quotes, events, facts, lexicon, thesaurus, entityById });
}

/**
 * The articles a bot serves, and which of them answers a command: the
 * command's `article:` option, else the server's default (`/article-use`),
 * else the only article, else all of them (each answer then names its
 * article). The server's default lives in a {@link SettingsStore}, opened on
 * first need; when it cannot be read (down, damaged, too slow) answering goes
 * on with the fallback and an operator warning, never an error for the user.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { chooseArticle, createLibrary, libraryEngine, type Article, type Choice, type Engine, type KnowledgeBase, type Library } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import { checkSettingsInput, SettingsError, type SettingsStore } from '../store/settings.ts';
import { ARTICLE_KEY_MAX } from './custom-id.ts';

/** Longest an `article:` autocomplete list is (Discord shows at most 25 choices). */
export const ARTICLE_CHOICES = 25;
/** Answer with the fallback rather than wait longer than this for the server's default. */
export const SETTINGS_READ_TIMEOUT_MS = 300;
/** Autocomplete uses a server's default learned within this long (it cannot wait on the store). */
export const KNOWN_DEFAULT_TTL_MS = 60_000;
/** Servers whose default autocomplete remembers; the least recently used are forgotten first. */
export const KNOWN_DEFAULTS_MAX = 10_000;
/** The `article:` value of `/article-use` that clears the server's default. */
export const CLEAR_DEFAULT = 'clear';
/** Discord's Manage Server permission bit, and Administrator, which implies every permission. */
export const MANAGE_GUILD = 1n << 5n;
export const ADMINISTRATOR = 1n << 3n;

/** Has a member with these permissions (Discord's bitfield) the right to change server settings? */
export function canManageServer(permissions: bigint | null | undefined): boolean {
  return permissions != null && ((permissions & MANAGE_GUILD) !== 0n || (permissions & ADMINISTRATOR) !== 0n);
}

/**
 * The short, stable name of an article in a button's `custom_id`: the slug
 * itself when it fits, else its first words and a hash of the whole slug.
 */
export function articleKey(slug: string): string {
  if (slug.length <= ARTICLE_KEY_MAX && /^[a-z0-9-]+$/.test(slug)) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 8);
  const head = slug
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, ARTICLE_KEY_MAX - hash.length - 1)
    .replace(/-+$/, '');
  return head ? `${head}-${hash}` : hash;
}

/** Which article a command answers from, and how it was chosen. */
export interface ArticleChoice {
  readonly engine: Engine;
  /** The one article answering; null when all of them do. */
  readonly article: Article | null;
  readonly source: 'option' | 'server-default' | 'only-article' | 'all-articles';
  /**
   * What the reply's buttons carry so that a press answers from the same
   * article: its key when it was picked (option or server default), else ''
   * (the only article, or all of them).
   */
  readonly buttonKey: string;
  /** With all articles answering: each one's knowledge by slug, for quoting and citing each answer from its own. */
  readonly sources: ReadonlyMap<string, KnowledgeBase> | null;
}

/** What `/article` lists: every article, with the server's default. */
export interface ArticleListing {
  readonly articles: readonly Article[];
  /** The server's default slug, when one is set and known. */
  readonly serverDefault: string | null;
  /** The default could not be read (the store failed): the list says so. */
  readonly defaultUnknown: boolean;
}

/** The articles of a bot and the server defaults that pick among them. */
export interface Articles {
  readonly library: Library;
  /** The article an `article:` value names (slug, title words, outlet, date), or null. */
  find(typed: string): Article | null;
  /** The article a button's key names, or null when it is gone. */
  byKey(key: string): Article | null;
  /**
   * The engine a command uses: `option` (an `article:` value) when given,
   * else the server's default (read for `guildId`, when several articles are
   * served), else the only article, else all. `{ unknown }` when `option`
   * names no article. Never rejects: a failing store means the fallback.
   */
  choose(option: string | null, guildId: string | null): Promise<ArticleChoice | { readonly unknown: string }>;
  /** The same choice without waiting, for autocomplete: a server default known from a recent read, else the fallback. */
  chooseNow(option: string | null, guildId: string | null): ArticleChoice | null;
  /** `article:` autocomplete: articles by title, outlet and date. */
  choices(typed: string): Choice[];
  /** Every article and the server's default, for `/article`. Never rejects. */
  listing(guildId: string | null): Promise<ArticleListing>;
  /** Sets (or with null clears) a server's default. Rejects with a {@link SettingsError} when the store fails. */
  setServerDefault(guildId: string, slug: string | null): Promise<void>;
  /** Closes the settings store, if it was opened. */
  close(): Promise<void>;
}

/** Options for {@link createArticles}. */
export interface ArticlesOptions {
  readonly library: Library;
  /** Opens the settings store; called once, on first need (a server default to read or set). */
  readonly settings: () => Promise<SettingsStore>;
  readonly logger: Logger;
  /** Default {@link SETTINGS_READ_TIMEOUT_MS}. */
  readonly readTimeoutMs?: number;
  /** Clock for the known-default cache; default `Date.now`. */
  readonly now?: () => number;
}

export function createArticles({ library, settings, logger, readTimeoutMs = SETTINGS_READ_TIMEOUT_MS, now = Date.now }: ArticlesOptions): Articles {
  const { articles } = library;
  if (articles.length === 0) throw new Error('the bot needs at least one article');
  const all = libraryEngine(library);
  const byKey = new Map(articles.map((a) => [articleKey(a.slug), a]));
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const sources: ReadonlyMap<string, KnowledgeBase> = new Map(articles.map((a) => [a.slug, a.kb]));
  const known = new LRUCache<string, { slug: string | null; at: number }>({ max: KNOWN_DEFAULTS_MAX });
  let store: Promise<SettingsStore> | null = null;
  // The store's health as last seen, so an outage is logged once, and its end once.
  let failing = false;

  const openStore = (): Promise<SettingsStore> => {
    store ??= settings().catch((err: unknown) => {
      store = null;
      throw err instanceof SettingsError ? err : new SettingsError('unavailable', `the settings store cannot be opened (${(err as Error).message})`, { cause: err });
    });
    return store;
  };

  /** The engine's own choice (option, default, only, all), with one library engine built once. */
  const resolve = (option: string | null, serverDefault: string | null): ArticleChoice | { readonly unknown: string } => {
    const c = chooseArticle(library, option, serverDefault);
    if ('error' in c) return { unknown: (option ?? '').trim() };
    if (!c.article) return { engine: all, article: null, source: c.source, buttonKey: '', sources };
    const pinned = c.source === 'option' || c.source === 'server-default';
    return { engine: c.engine, article: c.article, source: c.source, buttonKey: pinned ? articleKey(c.article.slug) : '', sources: null };
  };
  /** A button's key or a slug stands for its article; anything else is read by the library. */
  const optionOf = (typed: string | null): string | null => {
    const t = typed?.trim();
    if (!t) return null;
    return byKey.get(t)?.slug ?? t;
  };

  /** The server's default slug, or null: none, or the store failing or slow (logged once per outage). */
  async function readDefault(guildId: string): Promise<{ slug: string | null; failed: boolean }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const slug = await Promise.race([
        openStore().then((s) => s.getDefaultArticle(guildId)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new SettingsError('unavailable', `the settings store did not answer within ${readTimeoutMs} ms`)), readTimeoutMs);
        }),
      ]);
      if (failing) logger.info('the settings store answers again');
      failing = false;
      known.set(guildId, { slug, at: now() });
      return { slug, failed: false };
    } catch (err) {
      if (!failing) logger.warn({ problem: err instanceof SettingsError ? err.problem : 'unavailable', reason: (err as Error).message }, 'cannot read the server default article; answering from the fallback');
      failing = true;
      // Autocomplete then lists the fallback's choices for a while, rather than asking a failing store at every keystroke.
      if (!known.has(guildId)) known.set(guildId, { slug: null, at: now() });
      return { slug: null, failed: true };
    } finally {
      clearTimeout(timer);
    }
  }

  const find = (typed: string): Article | null => {
    const option = optionOf(typed);
    return option ? library.find(option) : null;
  };

  return {
    library,
    find,
    byKey: (key) => byKey.get(key) ?? null,
    async choose(typed, guildId) {
      const option = optionOf(typed);
      // With one article a default can only name it: no need to ask the store.
      if (option || !guildId || articles.length === 1) return resolve(option, null);
      return resolve(null, (await readDefault(guildId)).slug);
    },
    chooseNow(typed, guildId) {
      const option = optionOf(typed);
      let serverDefault: string | null = null;
      if (!option && guildId && articles.length > 1) {
        const hit = known.get(guildId);
        if (hit && now() - hit.at <= KNOWN_DEFAULT_TTL_MS) serverDefault = hit.slug;
        // Learn it for the next keystroke; this one gets the fallback.
        else void readDefault(guildId);
      }
      const c = resolve(option, serverDefault);
      return 'unknown' in c ? null : c;
    },
    choices: (typed) => library.choices(typed.slice(0, 100), ARTICLE_CHOICES),
    async listing(guildId) {
      if (!guildId || articles.length === 1) return { articles, serverDefault: null, defaultUnknown: false };
      const { slug, failed } = await readDefault(guildId);
      return { articles, serverDefault: slug && bySlug.has(slug) ? slug : null, defaultUnknown: failed };
    },
    async setServerDefault(guildId, slug) {
      try {
        checkSettingsInput(guildId, slug);
        await (await openStore()).setDefaultArticle(guildId, slug);
      } catch (err) {
        logger.warn({ problem: err instanceof SettingsError ? err.problem : 'unknown', reason: (err as Error).message }, 'cannot store the server default article');
        throw err;
      }
      known.set(guildId, { slug, at: now() });
    },
    async close() {
      const opened = store;
      store = null;
      if (opened) await opened.then((s) => s.close()).catch(() => undefined);
    },
  };
}

/**
 * Settings kept in memory, for the local console (its one pseudo-server) and
 * tests: nothing is written anywhere, and it is gone when the process ends.
 */
export function createMemorySettingsStore(): SettingsStore {
  const defaults = new Map<string, string>();
  return {
    async getDefaultArticle(guildId) {
      checkSettingsInput(guildId);
      return defaults.get(guildId) ?? null;
    },
    async setDefaultArticle(guildId, slug) {
      checkSettingsInput(guildId, slug);
      if (slug === null) defaults.delete(guildId);
      else defaults.set(guildId, slug);
    },
    async close() {},
  };
}

/** The articles of a bot that serves one engine (tests, and a knowledge folder that is itself a pack). */
export function singleArticle(engine: Engine, slug = 'article'): Library {
  return createLibrary([{ slug, kb: engine.kb, engine }]);
}

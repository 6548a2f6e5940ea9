// Which article a command answers from (option, server default, the only one, all), the `article:`
// autocomplete, the keys buttons carry, and what happens when the settings store fails.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleKey,
  canManageServer,
  createArticles,
  createMemorySettingsStore,
  singleArticle,
  type Articles,
} from '../../src/bot/articles.ts';
import { ARTICLE_KEY_MAX, encodeCustomId, parseCustomId } from '../../src/bot/custom-id.ts';
import { CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from '../../src/bot/limits.ts';
import type { Library } from '../../src/engine/index.ts';
import { openSettingsStore, SettingsError, type SettingsStore } from '../../src/store/settings.ts';
import { engine, recordingLogger, silent } from './helpers.ts';
import { SEED, SMALL, twoPackLibrary } from './two-packs.ts';

const GUILD = '1300000000000000002';
const OTHER_GUILD = '1300000000000000003';

let library: Library;
beforeAll(() => {
  library = twoPackLibrary();
});

const memory = (): Articles => createArticles({ library, logger: silent, settings: async () => createMemorySettingsStore() });

/** A store whose every call fails as a database that is down does. */
function downStore(): SettingsStore {
  const down = (): Promise<never> => Promise.reject(new SettingsError('unavailable', 'PostgreSQL at 127.0.0.1:1 cannot be reached'));
  return { getDefaultArticle: down, setDefaultArticle: down, close: async () => {} };
}

describe('articleKey: the article a button carries', () => {
  it('is the slug when it fits a custom_id, else a short stable key of it', () => {
    expect(articleKey(SMALL)).toBe(SMALL);
    const long = articleKey(SEED);
    expect(long.length).toBeLessThanOrEqual(ARTICLE_KEY_MAX);
    expect(long).toBe(articleKey(SEED));
    expect(long).not.toBe(articleKey(`${SEED}-2`));
    expect(long).toMatch(/^rferl-us-calls/);
  });
  it('is a valid custom_id field for any slug a pack folder may have', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), (slug) => {
        const key = articleKey(slug);
        expect(key.length).toBeGreaterThan(0);
        expect(key.length).toBeLessThanOrEqual(ARTICLE_KEY_MAX);
        expect(parseCustomId(encodeCustomId({ kind: 'run', command: 'ask', private: false, article: key, value: 'x' }))).toMatchObject({ ok: true, action: { article: key } });
      }),
    );
  });
  it('fits a custom_id with room for a question', () => {
    const id = encodeCustomId({ kind: 'run', command: 'ask', private: false, article: articleKey(SEED), value: 'Who said "megaphone diplomacy"?' });
    expect(id).not.toBeNull();
    expect(parseCustomId(id)).toMatchObject({ ok: true, action: { article: articleKey(SEED) } });
  });
});

describe('canManageServer', () => {
  it.each([
    [1n << 5n, true],
    [1n << 3n, true],
    [(1n << 5n) | (1n << 11n), true],
    [1n << 11n, false],
    [0n, false],
    [null, false],
  ])('%s → %s', (permissions, can) => expect(canManageServer(permissions)).toBe(can));
});

describe('choosing the article', () => {
  it('takes the option first: a slug, a button key, or words of the title or outlet', async () => {
    const a = memory();
    await a.setServerDefault(GUILD, SEED);
    for (const typed of [SMALL, 'lighthouse', 'Coast Gazette']) {
      expect(await a.choose(typed, GUILD)).toMatchObject({ source: 'option', article: { slug: SMALL }, buttonKey: SMALL });
    }
    expect(await a.choose(articleKey(SEED), null)).toMatchObject({ source: 'option', article: { slug: SEED }, buttonKey: articleKey(SEED) });
  });

  it('refuses an article: that names no article', async () => {
    expect(await memory().choose('the moon landing of 1969 zzz', GUILD)).toEqual({ unknown: 'the moon landing of 1969 zzz' });
  });

  it("then the server's default, in that server only; else all articles", async () => {
    const a = memory();
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles', article: null, buttonKey: '' });
    await a.setServerDefault(GUILD, SMALL);
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'server-default', article: { slug: SMALL }, buttonKey: SMALL });
    expect(await a.choose('', GUILD)).toMatchObject({ source: 'server-default' });
    expect(await a.choose(null, OTHER_GUILD)).toMatchObject({ source: 'all-articles' });
    expect(await a.choose(null, null)).toMatchObject({ source: 'all-articles' });
    await a.setServerDefault(GUILD, null);
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
  });

  it('answers from all articles through one engine whose answers name their article', async () => {
    const a = memory();
    const all = await a.choose(null, null);
    if ('unknown' in all) throw new Error('unexpected');
    expect(all.engine).toBe(((await a.choose(null, GUILD)) as typeof all).engine);
    expect(all.engine.answer('Who said the lighthouse is who we are?').answers[0]).toMatchObject({ article: SMALL });
  });

  it('a default naming an article no longer served falls back to all', async () => {
    const store = createMemorySettingsStore();
    await store.setDefaultArticle(GUILD, 'removed-pack');
    const a = createArticles({ library, logger: silent, settings: async () => store });
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
  });

  it('with one article never opens the store to answer', async () => {
    let opened = 0;
    const one = createArticles({
      library: singleArticle(engine),
      logger: silent,
      settings: async () => {
        opened++;
        return createMemorySettingsStore();
      },
    });
    expect(await one.choose(null, GUILD)).toMatchObject({ source: 'only-article', buttonKey: '' });
    expect((await one.listing(GUILD)).articles).toHaveLength(1);
    expect(opened).toBe(0);
  });
});

describe('the article: autocomplete', () => {
  it('lists articles by title, outlet and date, within Discord limits', () => {
    const a = memory();
    expect(a.choices('')).toHaveLength(2);
    expect(a.choices('gazette')[0]).toMatchObject({ value: SMALL });
    expect(a.choices('russian embassy')[0]).toMatchObject({ value: SEED });
    expect(a.choices('2021')[0]).toMatchObject({ value: SMALL });
    for (const c of a.choices('')) {
      expect(c.label.length).toBeLessThanOrEqual(CHOICE_NAME_MAX);
      expect(c.value.length).toBeLessThanOrEqual(CHOICE_VALUE_MAX);
    }
    expect(a.choices('x'.repeat(5000)).length).toBeLessThanOrEqual(25);
  });

  it("follows a server's default once it has been read, without waiting for the store", async () => {
    const store = createMemorySettingsStore();
    await store.setDefaultArticle(GUILD, SMALL);
    const a = createArticles({ library, logger: silent, settings: async () => store });
    // Not known yet: the fallback, and a read in the background for the next keystroke.
    expect(a.chooseNow(null, GUILD)).toMatchObject({ source: 'all-articles' });
    await new Promise((r) => setTimeout(r, 20));
    expect(a.chooseNow(null, GUILD)).toMatchObject({ source: 'server-default', article: { slug: SMALL } });
    expect(a.chooseNow(SEED, GUILD)).toMatchObject({ source: 'option', article: { slug: SEED } });
    expect(a.chooseNow('zzz no such article zzz', GUILD)).toBeNull();
  });
});

describe('when the settings store fails', () => {
  it('answers from the fallback, and logs the outage once', async () => {
    const { logger, lines } = recordingLogger();
    const a = createArticles({ library, logger, settings: async () => downStore() });
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
    expect(await a.choose(SMALL, GUILD)).toMatchObject({ source: 'option' });
    expect(lines.filter((l) => l.level === 40 && /cannot read the server default/.test(String(l.msg)))).toHaveLength(1);
    expect(await a.listing(GUILD)).toMatchObject({ serverDefault: null, defaultUnknown: true });
  });

  it('rejects setting the default with the SettingsError, and logs it', async () => {
    const { logger, lines } = recordingLogger();
    const a = createArticles({ library, logger, settings: async () => downStore() });
    await expect(a.setServerDefault(GUILD, SMALL)).rejects.toMatchObject({ name: 'SettingsError', problem: 'unavailable' });
    expect(lines.some((l) => l.msg === 'cannot store the server default article')).toBe(true);
  });

  it('does not wait for a store that does not answer', async () => {
    const hanging: SettingsStore = { getDefaultArticle: () => new Promise(() => {}), setDefaultArticle: () => new Promise(() => {}), close: async () => {} };
    const a = createArticles({ library, logger: silent, settings: async () => hanging, readTimeoutMs: 50 });
    const started = Date.now();
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a store that cannot even be opened is a SettingsError too, and is tried again next time', async () => {
    let tries = 0;
    const a = createArticles({
      library,
      logger: silent,
      settings: async () => {
        tries++;
        throw new Error('Cannot find module better-sqlite3');
      },
    });
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
    await expect(a.setServerDefault(GUILD, SMALL)).rejects.toBeInstanceOf(SettingsError);
    expect(tries).toBe(2);
  });
});

describe('the default in SQLite under DATA_DIR', () => {
  const sqlite = (dataDir: string): Articles => createArticles({ library, logger: silent, settings: () => openSettingsStore({ databaseUrl: null, dataDir }, silent) });

  it('survives a restart: written, closed, and read by a new process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'citebot-articles-'));
    const first = sqlite(dataDir);
    await first.setServerDefault(GUILD, SMALL);
    await first.close();
    const second = sqlite(dataDir);
    expect(await second.choose(null, GUILD)).toMatchObject({ source: 'server-default', article: { slug: SMALL } });
    await second.close();
  });

  it('a damaged file: /article-use gets a clear error, answering goes on from all articles', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'citebot-articles-'));
    writeFileSync(join(dataDir, 'settings.sqlite3'), 'this is not a database, just text that happens to be here. '.repeat(100));
    const a = sqlite(dataDir);
    await expect(a.setServerDefault(GUILD, SMALL)).rejects.toMatchObject({ problem: 'corrupt' });
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
    await a.close();
  });

  it('a DATA_DIR that cannot be created: a clear error, answering goes on', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'citebot-articles-'));
    writeFileSync(join(parent, 'a-file'), 'x');
    const a = sqlite(join(parent, 'a-file', 'data'));
    const err = await a.setServerDefault(GUILD, SMALL).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettingsError);
    expect((err as SettingsError).problem).not.toBe('invalid');
    expect(await a.choose(null, GUILD)).toMatchObject({ source: 'all-articles' });
  });
});

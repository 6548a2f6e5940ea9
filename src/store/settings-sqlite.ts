/**
 * Server settings in a SQLite file (better-sqlite3), for a single process or
 * replicas sharing one disk. Each write is one transaction, so a crash never
 * leaves half of one; WAL mode lets readers and a writer work at once.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type DatabaseConstructor from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from '../log.ts';
import { checkSettingsInput, SettingsError, type SettingsStore } from './settings.ts';

/** The file's name inside `DATA_DIR`. */
export const SETTINGS_FILE = 'settings.sqlite3';

/** Options for {@link createSqliteSettingsStore}. */
export interface SqliteSettingsOptions {
  /** Path of the database file; its folder is created when missing. */
  readonly file: string;
  readonly logger: Logger;
}

/** SQLite's error codes, in words. */
function explain(err: unknown, file: string): SettingsError {
  const code = String((err as { code?: unknown }).code ?? '');
  if (err instanceof SettingsError) return err;
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) {
    return new SettingsError('corrupt', `the settings file ${file} is not a SQLite database or is damaged; move it aside to start afresh`, { cause: err });
  }
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)|^E(ACCES|PERM|ROFS)$/.test(code)) {
    return new SettingsError('read-only', `the settings file ${file} (or its folder) cannot be written; check DATA_DIR and its permissions`, { cause: err });
  }
  return new SettingsError('unavailable', `the settings file ${file} cannot be used (${code || (err as Error).message})`, { cause: err });
}

export function createSqliteSettingsStore({ file, logger }: SqliteSettingsOptions): SettingsStore {
  let db: Database | null = null;
  let statements: { get: Statement<[string], { default_article: string | null }>; set: Statement<[string, string]>; clear: Statement<[string]> } | null = null;

  async function open(): Promise<NonNullable<typeof statements>> {
    if (statements) return statements;
    // Loaded on first use: the native module is needed only by servers with settings.
    const Database = (await import('better-sqlite3')).default as typeof DatabaseConstructor;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const opened = new Database(file);
      try {
        opened.pragma('journal_mode = WAL');
        opened.pragma('busy_timeout = 2000');
        opened.exec(`CREATE TABLE IF NOT EXISTS guild_settings (
          guild_id TEXT PRIMARY KEY,
          default_article TEXT,
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )`);
        statements = {
          get: opened.prepare('SELECT default_article FROM guild_settings WHERE guild_id = ?'),
          set: opened.prepare(
            `INSERT INTO guild_settings (guild_id, default_article) VALUES (?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET default_article = excluded.default_article, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
          ),
          clear: opened.prepare('DELETE FROM guild_settings WHERE guild_id = ?'),
        };
        db = opened;
        return statements;
      } catch (err) {
        opened.close();
        throw err;
      }
    } catch (err) {
      const error = explain(err, file);
      logger.error({ problem: error.problem, file }, error.message);
      throw error;
    }
  }

  return {
    async getDefaultArticle(guildId) {
      checkSettingsInput(guildId);
      const { get } = await open();
      try {
        return get.get(guildId)?.default_article ?? null;
      } catch (err) {
        throw explain(err, file);
      }
    },
    async setDefaultArticle(guildId, slug) {
      checkSettingsInput(guildId, slug);
      const { set, clear } = await open();
      try {
        if (slug === null) clear.run(guildId);
        else set.run(guildId, slug);
      } catch (err) {
        const error = explain(err, file);
        logger.error({ problem: error.problem, file }, error.message);
        throw error;
      }
    },
    async close() {
      db?.close();
      db = null;
      statements = null;
    },
  };
}

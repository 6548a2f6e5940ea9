/**
 * Server settings in PostgreSQL (`pg`), shared by replicas on any number of
 * machines. The table is created on first use. While the database cannot be
 * reached, calls reject with an `unavailable` SettingsError (after at most
 * {@link PG_CONNECT_TIMEOUT_MS}); what is stored stays stored.
 */
import pg from 'pg';
import type { Logger } from '../log.ts';
import { scrub } from '../log.ts';
import { checkSettingsInput, SettingsError, type SettingsStore } from './settings.ts';

/** Longest wait for a connection, and for one query. */
export const PG_CONNECT_TIMEOUT_MS = 2_000;
export const PG_QUERY_TIMEOUT_MS = 5_000;

/** Options for {@link createPostgresSettingsStore}. */
export interface PostgresSettingsOptions {
  /** `postgres://` URL; it may hold a password, so it is never logged or echoed. */
  readonly url: string;
  readonly logger: Logger;
}

export function createPostgresSettingsStore({ url, logger }: PostgresSettingsOptions): SettingsStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    query_timeout: PG_QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not become an unhandled error.
  pool.on('error', (err) => logger.warn({ err: { message: scrub(err.message, url) } }, 'PostgreSQL connection lost'));
  let ready: Promise<void> | null = null;

  const unavailable = (err: unknown): SettingsError => {
    if (err instanceof SettingsError) return err;
    const e = err as { code?: unknown; message?: unknown };
    const why = typeof e.code === 'string' ? e.code : scrub(String(e.message ?? err), url);
    const error = new SettingsError('unavailable', `the settings database (PostgreSQL) cannot be reached (${why}); settings are unchanged`, { cause: err });
    logger.warn({ problem: error.problem }, error.message);
    return error;
  };

  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      ready ??= pool
        .query(
          `CREATE TABLE IF NOT EXISTS guild_settings (
             guild_id TEXT PRIMARY KEY,
             default_article TEXT,
             updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
           )`,
        )
        .then(() => undefined);
      await ready.catch((err: unknown) => {
        ready = null;
        throw err;
      });
      return await pool.query<R>(text, values);
    } catch (err) {
      throw unavailable(err);
    }
  }

  return {
    async getDefaultArticle(guildId) {
      checkSettingsInput(guildId);
      const result = await query<{ default_article: string | null }>('SELECT default_article FROM guild_settings WHERE guild_id = $1', [guildId]);
      return result.rows[0]?.default_article ?? null;
    },
    async setDefaultArticle(guildId, slug) {
      checkSettingsInput(guildId, slug);
      if (slug === null) {
        await query('DELETE FROM guild_settings WHERE guild_id = $1', [guildId]);
      } else {
        await query(
          `INSERT INTO guild_settings (guild_id, default_article) VALUES ($1, $2)
           ON CONFLICT (guild_id) DO UPDATE SET default_article = EXCLUDED.default_article, updated_at = now()`,
          [guildId, slug],
        );
      }
    },
    async close() {
      await pool.end();
    },
  };
}

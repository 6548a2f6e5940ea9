/**
 * Per-server settings, shared by every replica: for now the server's default
 * article (set with `/article use`). In PostgreSQL when `DATABASE_URL` is set,
 * else in a SQLite file under `DATA_DIR`. A store that cannot be read or
 * written rejects with a {@link SettingsError} saying why in plain words;
 * it never throws synchronously and never takes the bot down with it.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

/** Server settings; every replica sees what any one of them wrote. */
export interface SettingsStore {
  getDefaultArticle(guildId: string): Promise<string | null>;
  setDefaultArticle(guildId: string, slug: string | null): Promise<void>;
  close(): Promise<void>;
}

/** Why a settings call failed. */
export type SettingsProblem =
  /** The database cannot be reached (PostgreSQL down, network). Nothing stored is lost. */
  | 'unavailable'
  /** The SQLite file is not a database, or is damaged. */
  | 'corrupt'
  /** The file or its folder cannot be written (permissions, read-only disk). */
  | 'read-only'
  /** The guild id or article slug is not acceptable. */
  | 'invalid';

/** A settings call that failed; `message` says why for an operator, without secrets. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly problem: SettingsProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Longest article slug accepted (the folder name of a knowledge pack). */
export const SLUG_MAX = 100;
const GUILD_ID = /^\d{17,20}$/;
const SLUG = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${SLUG_MAX - 1}}$`, 'i');

/** Rejects a bad guild id or slug with an `invalid` {@link SettingsError}. */
export function checkSettingsInput(guildId: string, slug: string | null = null): void {
  if (!GUILD_ID.test(guildId)) throw new SettingsError('invalid', 'a server id is 17 to 20 digits');
  if (slug !== null && !SLUG.test(slug)) throw new SettingsError('invalid', `an article slug is 1 to ${SLUG_MAX} letters, digits, dots, dashes or underscores`);
}

/**
 * The store the configuration asks for: PostgreSQL with `DATABASE_URL`, else
 * SQLite under `DATA_DIR`. Nothing is opened until the first call, so a
 * broken database shows as clear errors from the calls, never at start-up.
 */
export async function openSettingsStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<SettingsStore> {
  if (config.databaseUrl) {
    const { createPostgresSettingsStore } = await import('./settings-postgres.ts');
    return createPostgresSettingsStore({ url: config.databaseUrl.reveal(), logger });
  }
  const { createSqliteSettingsStore, SETTINGS_FILE } = await import('./settings-sqlite.ts');
  const { join } = await import('node:path');
  return createSqliteSettingsStore({ file: join(config.dataDir, SETTINGS_FILE), logger });
}

/** Server settings in a real SQLite file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openSettingsStore, SettingsError } from '../../src/store/settings.ts';
import { createSqliteSettingsStore, SETTINGS_FILE } from '../../src/store/settings-sqlite.ts';
import { recordingLogger, silent } from '../bot/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'citebot-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const GUILD = '111111111111111111';
const OTHER = '222222222222222222';

async function rejection(p: Promise<unknown>): Promise<SettingsError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SettingsError);
  return err as SettingsError;
}

describe('SQLite settings', () => {
  it('keeps a setting in a file under DATA_DIR that survives a restart', async () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'restart') });
    const first = await openSettingsStore(config, silent);
    expect(await first.getDefaultArticle(GUILD)).toBeNull();
    await first.setDefaultArticle(GUILD, 'rferl-embassy-2018');
    await first.close();
    const second = await openSettingsStore(config, silent);
    expect(await second.getDefaultArticle(GUILD)).toBe('rferl-embassy-2018');
    expect(await second.getDefaultArticle(OTHER)).toBeNull();
    await second.setDefaultArticle(GUILD, null);
    expect(await second.getDefaultArticle(GUILD)).toBeNull();
    await second.close();
  });

  it('shows one process’s write to another using the same file', async () => {
    const file = join(dir, 'shared', SETTINGS_FILE);
    const a = createSqliteSettingsStore({ file, logger: silent });
    const b = createSqliteSettingsStore({ file, logger: silent });
    await a.setDefaultArticle(GUILD, 'first');
    expect(await b.getDefaultArticle(GUILD)).toBe('first');
    await b.setDefaultArticle(GUILD, 'second');
    expect(await a.getDefaultArticle(GUILD)).toBe('second');
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a file that is not a database with a clear error, and keeps running', async () => {
    const file = join(dir, 'corrupt.sqlite3');
    writeFileSync(file, 'this is not a database, just text that happens to be long enough '.repeat(100));
    const { logger, lines } = recordingLogger();
    const store = createSqliteSettingsStore({ file, logger });
    const err = await rejection(store.getDefaultArticle(GUILD));
    expect(err.problem).toBe('corrupt');
    expect(err.message).toContain(file);
    expect((await rejection(store.setDefaultArticle(GUILD, 'x'))).problem).toBe('corrupt');
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('not a SQLite database'))).toBe(true);
    await store.close();
  });

  it('says so when DATA_DIR cannot be written', async () => {
    const store = createSqliteSettingsStore({ file: join('/sys', `citebot-test-${process.pid}`, SETTINGS_FILE), logger: silent });
    const err = await rejection(store.setDefaultArticle(GUILD, 'x'));
    expect(err.problem).toBe('read-only');
    expect(err.message).toContain('DATA_DIR');
    await store.close();
  });

  it('refuses a bad server id or slug without touching the file', async () => {
    const store = createSqliteSettingsStore({ file: join(dir, 'invalid', SETTINGS_FILE), logger: silent });
    expect((await rejection(store.getDefaultArticle('12'))).problem).toBe('invalid');
    expect((await rejection(store.setDefaultArticle(GUILD, '../../etc/passwd'))).problem).toBe('invalid');
    expect((await rejection(store.setDefaultArticle(GUILD, 'x'.repeat(101)))).problem).toBe('invalid');
    await store.close();
  });
});

/** Server settings in a real PostgreSQL (started by .ci/services.sh), and what happens while it is away. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openSettingsStore, SettingsError, type SettingsStore } from '../../src/store/settings.ts';
import { createPostgresSettingsStore } from '../../src/store/settings-postgres.ts';
import { silent } from '../bot/helpers.ts';
import { serviceUrl, skipNote } from '../support/services.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { closedPort } from '../support/ports.ts';

const databaseUrl = serviceUrl('postgres');
// Ids of this run, so runs against one database never meet.
const base = BigInt(Date.now()) * 1000n + BigInt(process.pid % 1000);
let n = 0n;
const guild = (): string => String(100000000000000000n + ((base + ++n) % 800000000000000000n));
const stores: SettingsStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

async function rejection(p: Promise<unknown>): Promise<SettingsError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SettingsError);
  return err as SettingsError;
}


describe.skipIf(!databaseUrl)(`settings in PostgreSQL (${databaseUrl ? 'real server' : skipNote('PostgreSQL')})`, () => {
  const url = databaseUrl!;
  const store = async (u = url): Promise<SettingsStore> => {
    const s = await openSettingsStore(loadConfig({ DATABASE_URL: u }), silent);
    stores.push(s);
    return s;
  };

  it('shows a setting written through one replica to another', async () => {
    const [a, b] = [await store(), await store()];
    const id = guild();
    expect(await b.getDefaultArticle(id)).toBeNull();
    await a.setDefaultArticle(id, 'rferl-embassy-2018');
    expect(await b.getDefaultArticle(id)).toBe('rferl-embassy-2018');
    await b.setDefaultArticle(id, 'another-article');
    expect(await a.getDefaultArticle(id)).toBe('another-article');
    await a.setDefaultArticle(id, null);
    expect(await b.getDefaultArticle(id)).toBeNull();
  });

  it('while the database is away, says so clearly and loses nothing; afterwards it is all there', async () => {
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const replica = await store(proxied.toString());
    const direct = await store();
    const id = guild();
    await replica.setDefaultArticle(id, 'kept');
    await proxy.cut();
    const started = Date.now();
    const read = await rejection(replica.getDefaultArticle(id));
    const write = await rejection(replica.setDefaultArticle(id, 'not-written'));
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const err of [read, write]) {
      expect(err.problem).toBe('unavailable');
      expect(err.message).toMatch(/cannot be reached.*settings are unchanged/);
    }
    expect(await direct.getDefaultArticle(id)).toBe('kept');
    await proxy.restore();
    expect(await replica.getDefaultArticle(id)).toBe('kept');
    await proxy.close();
  });
});

describe('PostgreSQL that is not there', () => {
  it('rejects each call with an unavailable SettingsError that never shows the password', async () => {
    const store = createPostgresSettingsStore({ url: `postgres://bot:s3cret-pw@127.0.0.1:${await closedPort()}/citebot`, logger: silent });
    stores.push(store);
    const err = await rejection(store.getDefaultArticle('111111111111111111'));
    expect(err.problem).toBe('unavailable');
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain('s3cret-pw');
    expect((await rejection(store.setDefaultArticle('111111111111111111', 'x'))).problem).toBe('unavailable');
  });
});

// The server's default article through the bot's articles, with PostgreSQL (DATABASE_URL): two
// replicas share it, and a database that cannot be reached gives /article-use a clear error while
// answering goes on from the fallback.
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { serverArticles } from '../../src/bot/app.ts';
import type { Articles } from '../../src/bot/articles.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { createRouter } from '../../src/bot/router.ts';
import { loadConfig } from '../../src/config.ts';
import { recordingResponder, silent } from '../bot/helpers.ts';
import { SMALL, twoPackLibrary } from '../bot/two-packs.ts';
import { closedPort } from '../support/ports.ts';
import { serviceUrl, skipNote } from '../support/services.ts';

const databaseUrl = serviceUrl('postgres');
const guild = String(200000000000000000n + (BigInt(Date.now()) % 100000000000000000n));
const opened: Articles[] = [];
afterAll(async () => {
  await Promise.all(opened.map((a) => a.close()));
});

const replica = (url: string): Articles => {
  const a = serverArticles(twoPackLibrary(), loadConfig({ DATABASE_URL: url }), silent);
  opened.push(a);
  return a;
};

describe.skipIf(!databaseUrl)(`the default article in PostgreSQL (${databaseUrl ? 'real server' : skipNote('PostgreSQL')})`, () => {
  it('set through one replica, used by the other', async () => {
    const [a, b] = [replica(databaseUrl!), replica(databaseUrl!)];
    expect(await b.choose(null, guild)).toMatchObject({ source: 'all-articles' });
    await a.setServerDefault(guild, SMALL);
    expect(await b.choose(null, guild)).toMatchObject({ source: 'server-default', article: { slug: SMALL } });
    await b.setServerDefault(guild, null);
    expect(await a.choose(null, guild)).toMatchObject({ source: 'all-articles' });
  });
});

describe('with PostgreSQL down', () => {
  it('/article-use says the default could not be saved; answering goes on from all articles', async () => {
    const articles = replica(`postgres://citebot:secret-password@127.0.0.1:${await closedPort()}/citebot`);
    const router = createRouter({ commands, articles, logger: silent, limiter: null, timestamps: 'discord' });
    const place = { guildId: guild, permissions: 1n << 5n };
    const user = { id: '42' };
    const option = (value: string) => ({ getString: (n: string) => (n === 'article' ? value : n === 'question' ? 'who said the lighthouse is who we are' : null), getBoolean: () => null, getUser: () => null });
    const set = recordingResponder();
    await router.run({ name: 'article-use', options: option(SMALL), user, place }, set);
    const said = JSON.stringify(set.sent[0]!.payload);
    expect(said).toContain(TEXT.articleUseFailed(TEXT.settingsProblem('unavailable')));
    expect(said).not.toContain('secret-password');
    const asked = recordingResponder();
    await router.run({ name: 'ask', options: option(''), user, place }, asked);
    expect(JSON.stringify(asked.sent[0]!.payload)).toContain('[Coast Gazette, 2021-11-10]');
  });
});

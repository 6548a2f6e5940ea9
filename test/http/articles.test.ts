// HTTP interactions mode serving two articles: signed requests over loopback, through the same
// router as the gateway; the server and the member's permissions come from the interaction's JSON.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { serverArticles } from '../../src/bot/app.ts';
import type { Articles } from '../../src/bot/articles.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { silent } from '../bot/helpers.ts';
import { SMALL, twoPackLibrary } from '../bot/two-packs.ts';
import { startDiscordDouble, type DiscordDouble, type JsonObject } from '../support/discord-double.ts';
import { applicationKeys, postInteraction } from '../support/signed.ts';
import { serveSigned, signedModeConfig } from '../support/serve-signed.ts';

const keys = applicationKeys();
const LIGHTHOUSE = 'who said the lighthouse is who we are';
let double: DiscordDouble;
let port: number;
let articles: Articles;
const signals = new EventEmitter();
let served: Promise<number>;

beforeAll(async () => {
  double = await startDiscordDouble();
  const config = signedModeConfig(keys.publicKeyHex, double.apiUrl, { DATA_DIR: mkdtempSync(join(tmpdir(), 'citebot-http-articles-')) });
  articles = serverArticles(twoPackLibrary(), config, silent);
  ({ port, served } = await serveSigned({ config, articles, logger: silent, commands, signals }));
});

afterAll(async () => {
  signals.emit('SIGTERM', 'SIGTERM');
  expect(await served).toBe(0);
  await articles.close();
  await double.close();
});

let userSeq = 0;
const user = (): JsonObject => ({ id: String(1_600_000_000_000_000_000n + BigInt(++userSeq)), username: `h${userSeq}` });

async function post(interaction: JsonObject): Promise<JsonObject> {
  const answer = await postInteraction(port, keys.privateKey, interaction);
  expect(answer.status).toBe(200);
  return answer.json as JsonObject;
}

const shown = (body: JsonObject): string => JSON.stringify(body.data);

describe('signed /ask with article:', () => {
  it('answers from that article alone (type 4, pinging no one); without it, from all', async () => {
    const one = await post(double.httpInteraction(double.slashCommand('ask', { question: LIGHTHOUSE, article: SMALL }, { user: user() })));
    expect(one.type).toBe(4);
    expect((one.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(shown(one)).toContain('Clara Voss');
    expect(shown(one)).not.toContain('[Coast Gazette');
    const all = await post(double.httpInteraction(double.slashCommand('ask', { question: LIGHTHOUSE }, { user: user() })));
    expect(shown(all)).toContain('[Coast Gazette, 2021-11-10]');
  });

  it('autocompletes article: (type 8)', async () => {
    const body = await post(double.httpInteraction(double.autocomplete('ask', { question: 'x', article: 'lighthouse' }, 'article', { user: user() })));
    expect(body.type).toBe(8);
    expect((body.data as { choices: { value: string }[] }).choices[0]!.value).toBe(SMALL);
    // Another option's names come from the article named.
    const names = await post(double.httpInteraction(double.autocomplete('who-is', { article: SMALL, name: '' }, 'name', { user: user() })));
    expect(shown(names)).toContain('Clara Voss');
    expect(shown(names)).not.toContain('Nauert');
  });

  it("/article-use reads the member's permissions from the interaction", async () => {
    const refused = await post(double.httpInteraction(double.slashCommand('article-use', { article: SMALL }, { user: user() })));
    expect(shown(refused)).toContain(TEXT.articleUseForbidden);
    const set = await post(double.httpInteraction(double.slashCommand('article-use', { article: SMALL }, { user: user(), memberPermissions: String(1n << 3n) })));
    expect(shown(set)).toContain('From now on');
    const after = await post(double.httpInteraction(double.slashCommand('ask', { question: LIGHTHOUSE }, { user: user() })));
    expect(shown(after)).not.toContain('[Coast Gazette');
  });
});

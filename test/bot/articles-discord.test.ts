// Several articles over the real discord.js and the Discord double on loopback: the commands as
// registered (article: everywhere, /article-use for Manage Server in servers only), the option and
// its autocomplete, /article-use with its permission check, and the default kept in SQLite across
// a restart of the bot.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { articleKey } from '../../src/bot/articles.ts';
import { serverArticles } from '../../src/bot/app.ts';
import { parseCustomId } from '../../src/bot/custom-id.ts';
import { createBot, serve } from '../../src/bot/discord.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { runDeploy } from '../../src/cli/deploy.ts';
import { loadConfig, Secret } from '../../src/config.ts';
import { startDiscordDouble, type DiscordDouble, type InteractionContext, type JsonObject } from '../support/discord-double.ts';
import { silent } from './helpers.ts';
import { memoryIo } from './memory-io.ts';
import { SEED, SMALL, twoPackLibrary } from './two-packs.ts';

const TOKEN = 'articles-discord.test.token-0123456789';
/** Manage Server, as Discord sends a member's permissions: a decimal bitfield. */
const MANAGE_SERVER = String(1n << 5n);
const LIGHTHOUSE = 'who said the lighthouse is who we are';

let double: DiscordDouble | undefined;
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await double?.close();
  double = undefined;
});

let userSeq = 0;
/** A fresh user each time, so the rate limit stays out of the way. */
const as = (ctx: InteractionContext = {}): InteractionContext => ({ user: { id: String(1_500_000_000_000_000_000n + BigInt(++userSeq)), username: `u${userSeq}` }, ...ctx });

/** A bot serving the two packs, its settings in SQLite under `dataDir`, logged in to the double. */
async function startTwoPackBot(d: DiscordDouble, dataDir: string): Promise<() => Promise<void>> {
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: d.apiUrl, DATA_DIR: dataDir });
  const articles = serverArticles(twoPackLibrary(), config, silent);
  const client = createBot({ config, articles, logger: silent, commands });
  const signals = new EventEmitter();
  const done = serve(client, new Secret(TOKEN), { logger: silent, apiUrl: d.apiUrl, signals, destroyTimeoutMs: 3000 });
  for (const started = Date.now(); !client.isReady(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - started > 15_000) throw new Error('the bot was not ready within 15 s');
  }
  const stop = async (): Promise<void> => {
    signals.emit('SIGTERM', 'SIGTERM');
    await done;
    await articles.close();
  };
  stops.push(stop);
  return stop;
}

/** Sends a slash command and returns the reply's data. */
async function slash(name: string, options: Record<string, string | boolean>, ctx?: InteractionContext): Promise<JsonObject> {
  const sent = await double!.dispatchInteraction(double!.slashCommand(name, options, as(ctx)));
  return (await double!.interactionResponse(sent.id)).data as JsonObject;
}

const text = (data: JsonObject): string => JSON.stringify([data.content ?? '', data.embeds ?? []]);

describe('registering', () => {
  it('npm run deploy registers article: on the answering commands and /article-use for Manage Server, in servers', async () => {
    double = await startDiscordDouble();
    const io = memoryIo();
    expect(await runDeploy([], { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: double.applicationId, DISCORD_API_URL: double.apiUrl }, io)).toBe(0);
    const registered = double.registeredCommands(null) as JsonObject[];
    const use = registered.find((c) => c.name === 'article-use')!;
    expect(use).toMatchObject({ default_member_permissions: MANAGE_SERVER, contexts: [0], integration_types: [0] });
    for (const name of ['ask', 'who-said', 'quotes', 'when', 'timeline', 'who-is', 'article']) {
      const options = registered.find((c) => c.name === name)!.options as JsonObject[];
      expect(options.find((o) => o.name === 'article'), name).toMatchObject({ type: 3, autocomplete: true });
    }
  });
});

describe('a bot serving two articles, on the gateway', () => {
  it('answers from article:, autocompletes it, and lets only Manage Server set the default, which survives a restart', async () => {
    double = await startDiscordDouble();
    const dataDir = mkdtempSync(join(tmpdir(), 'citebot-articles-discord-'));
    const stop = await startTwoPackBot(double, dataDir);

    // article: autocompletes by title, outlet and date.
    const typed = await double.dispatchInteraction(double.autocomplete('ask', { question: 'who', article: 'gazette' }, 'article', as()));
    const choices = ((await double.interactionResponse(typed.id)).data as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]).toEqual({ name: 'Harbor town votes to rebuild its old lighthouse — Coast Gazette, 2021-11-10', value: SMALL });

    // The names listed for another option are those of the article named in article:.
    const names = await double.dispatchInteraction(double.autocomplete('who-is', { article: SMALL, name: '' }, 'name', as()));
    const listed = JSON.stringify((await double.interactionResponse(names.id)).data);
    expect(listed).toContain('Clara Voss');
    expect(listed).not.toContain('Nauert');

    // With article:, one article answers; without, all, each answer naming its own.
    expect(text(await slash('ask', { question: LIGHTHOUSE, article: SMALL }))).not.toContain('[Coast Gazette');
    expect(text(await slash('ask', { question: LIGHTHOUSE }))).toContain('[Coast Gazette, 2021-11-10]');
    const unknown = await slash('ask', { question: LIGHTHOUSE, article: 'no such article zzqx' });
    expect(unknown.flags).toBe(64);
    expect(text(unknown)).toContain(SMALL);

    // An ordinary member may not set the default; one with Manage Server may.
    expect(text(await slash('article-use', { article: SMALL }))).toContain(TEXT.articleUseForbidden);
    expect(text(await slash('article-use', { article: SMALL }, { memberPermissions: MANAGE_SERVER }))).toContain('From now on');
    expect(text(await slash('ask', { question: LIGHTHOUSE }))).not.toContain('[Coast Gazette');
    expect(text(await slash('article', {}))).toContain('server default');
    // In a DM the server's default does not apply.
    expect(text(await slash('ask', { question: LIGHTHOUSE }, { dm: true }))).toContain('[Coast Gazette');

    // A page button of a reply from the seed article carries it.
    const quotes = await slash('quotes', { speaker: 'Heather Nauert', article: SEED });
    const ids = (quotes.components as { components: { custom_id?: string }[] }[]).flatMap((r) => r.components.map((b) => b.custom_id)).filter(Boolean);
    expect(ids.map((id) => parseCustomId(id))).toContainEqual(expect.objectContaining({ ok: true, action: expect.objectContaining({ article: articleKey(SEED) }) }));

    // Restarted on the same DATA_DIR, the bot still answers from the default.
    await stop();
    stops.splice(0);
    await startTwoPackBot(double, dataDir);
    expect(text(await slash('ask', { question: LIGHTHOUSE }))).not.toContain('[Coast Gazette');
    expect(text(await slash('article', {}))).toContain('server default');
  });
});

// A bot serving two articles (the seed and a small made-up one), through the console's parser
// and the shared router: article: on the commands, /article, /article-use, and buttons that stay
// on the article their reply answered from.
import { beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { articleKey, createArticles, createMemorySettingsStore } from '../../src/bot/articles.ts';
import type { ReplyPayload } from '../../src/bot/command.ts';
import { buttonsOf, completeLine, CONSOLE_GUILD_ID } from '../../src/bot/console.ts';
import { parseCustomId } from '../../src/bot/custom-id.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { toPlainText } from '../../src/bot/markdown.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { createRouter, type Router } from '../../src/bot/router.ts';
import { SettingsError, type SettingsStore } from '../../src/store/settings.ts';
import { expectWithinLimits, press, recordingResponder, runLine, silent, visibleText } from './helpers.ts';
import { SEED, SMALL, twoPackLibrary } from './two-packs.ts';

const shown = (p: ReplyPayload): string => toPlainText(visibleText(p));
const LIGHTHOUSE = 'who said the lighthouse is who we are';

function routerWith(settings: () => Promise<SettingsStore> = async () => createMemorySettingsStore()): Router {
  const articles = createArticles({ library: twoPackLibrary(), logger: silent, settings });
  return createRouter({ commands, articles, logger: silent, limiter: null, timestamps: 'plain' });
}

async function one(line: string, router: Router): Promise<ReplyPayload> {
  const payloads = await runLine(line, router);
  expect(payloads, line).toHaveLength(1);
  expectWithinLimits(payloads[0]!);
  return payloads[0]!;
}

let router: Router;
beforeEach(() => {
  router = routerWith();
});

describe('article: on every answering command', () => {
  it('answers from the article it names, by slug or by words of its title', async () => {
    for (const article of [SMALL, 'lighthouse']) {
      const p = await one(`/ask question: ${LIGHTHOUSE} article: ${article}`, router);
      expect(shown(p)).toMatch(/Clara Voss/);
      // One article answering: no "[outlet, date]" before the answer, and its own citation.
      expect(shown(p)).not.toMatch(/\[Coast Gazette/);
      expect(shown(p)).toMatch(/¶ 2 · Coast Gazette/);
    }
    expect(shown(await one(`/who-is name: zhirnov article: ${SEED}`, router))).toMatch(/chargé d'affaires/);
    expect(shown(await one(`/who-is name: zhirnov article: ${SMALL}`, router))).not.toMatch(/chargé d'affaires/);
    expect(shown(await one(`/timeline article: ${SMALL}`, router))).toMatch(/Timeline[\s\S]*2015/);
    expect(shown(await one(`/quotes speaker: Peter Lind article: ${SMALL}`, router))).toMatch(/What Peter Lind is quoted as saying/);
    expect(shown(await one(`/who-said quote: megaphone diplomacy article: ${SEED}`, router))).toMatch(/^Russia said it/);
    expect(shown(await one(`/when event: facebook announced article: ${SEED}`, router))).toMatch(/July 31/);
  });

  it('without it, answers from all articles, each answer naming the article it cites', async () => {
    const p = await one(`/ask question: ${LIGHTHOUSE}`, router);
    expect(shown(p)).toMatch(/^\[Coast Gazette, 2021-11-10\] /);
    expect(shown(await one('/ask question: who said megaphone diplomacy', router))).toMatch(/^\[RFE\/RL, 2018-08\] /);
  });

  it('quotes and cites each answer from its own article', async () => {
    // port-ellis comes first in the library; the answer is the seed's, and so is the whole paragraph shown.
    const p = await one('/who-said quote: megaphone diplomacy', router);
    expect(p.embeds[0]!.footer!.text).toMatch(/^¶ \d+ · RFE\/RL/);
    const paragraph = twoPackLibrary().articles.find((a) => a.slug === SEED)!.kb.article.paragraphs.find((x) => x.text.includes('megaphone diplomacy'))!;
    expect(toPlainText(p.embeds[0]!.description!).replace(/^> /gm, '')).toBe(paragraph.text);
    const found = await one('/find-in-article message: the lighthouse storms and megaphone diplomacy', router);
    expect(shown(found)).toMatch(/¶ \d+ · Coast Gazette[\s\S]*¶ \d+ · RFE\/RL|¶ \d+ · RFE\/RL[\s\S]*¶ \d+ · Coast Gazette/);
  });

  it("/quotes from all articles cites the speaker's own article", async () => {
    const nauert = await one('/quotes speaker: nauert', router);
    expect(nauert.embeds[0]!.footer!.text).toMatch(/^RFE\/RL · Page 1 of 2/);
    expect(nauert.embeds[0]!.fields![0]!.name).toMatch(/· RFE\/RL/);
    const never = await one('/quotes speaker: Dmitry Zhirnov', router);
    expect(shown(never)).toMatch(/^The article never quotes Dmitry Zhirnov\.[\s\S]*chargé d'affaires/);
    expect(never.embeds[0]!.footer!.text).toMatch(/RFE\/RL/);
  });

  it('an article that is not there gets a private note listing the articles', async () => {
    const p = await one(`/ask question: ${LIGHTHOUSE} article: zzqx nothing like it`, router);
    expect(p.flags).toBe(EPHEMERAL_FLAG);
    expect(shown(p)).toContain(TEXT.noSuchArticle('zzqx nothing like it'));
    expect(shown(p)).toContain(SMALL);
    expect(shown(p)).toContain(SEED);
    expect(shown(p)).toMatch(/Harbor town votes/);
    expect(p.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes article: by title, outlet and date, and the other options from that article', () => {
    const c = completeLine('/ask question: hi article: gaz', router);
    expect(c.candidates[0]).toMatch(/^Harbor town votes to rebuild its old lighthouse — Coast Gazette, 2021-11-10/);
    expect(router.complete('timeline', { name: 'article', value: '2018' })[0]).toMatchObject({ value: SEED });
    // The names listed are those of the article named.
    expect(completeLine(`/who-is article: ${SMALL} name: `, router).candidates.join('|')).toMatch(/Clara Voss/);
    expect(completeLine(`/who-is article: ${SMALL} name: `, router).candidates.join('|')).not.toMatch(/Nauert/);
  });
});

describe('/article', () => {
  it('lists the articles: title, outlet, date, slug; with article:, shows that one', async () => {
    const list = shown(await one('/article', router));
    expect(list).toMatch(/^2 articles/);
    expect(list).toMatch(/Harbor town votes to rebuild its old lighthouse\s+Coast Gazette · November 10, 2021 · `port-ellis`/);
    expect(list).toContain(SEED);
    expect(list).toContain(TEXT.articlesAll);
    expect(shown(await one(`/article article: ${SMALL}`, router))).toMatch(/^Harbor town votes[\s\S]*Clara Voss/);
  });
});

describe('/article-use', () => {
  it("sets the server's default: commands without article: answer from it, and /article marks it", async () => {
    const set = await one(`/article-use article: ${SMALL}`, router);
    expect(set.flags).toBe(EPHEMERAL_FLAG);
    expect(shown(set)).toMatch(/From now on, this server’s commands answer from Harbor town votes/);
    const p = await one(`/ask question: ${LIGHTHOUSE}`, router);
    expect(shown(p)).not.toMatch(/\[Coast Gazette/);
    expect(shown(p)).toMatch(/Clara Voss/);
    expect(shown(await one('/article', router))).toMatch(/`port-ellis` · server default/);
    // article: still wins over the default.
    expect(shown(await one(`/who-is name: zhirnov article: ${SEED}`, router))).toMatch(/chargé d'affaires/);
    // Cleared: all articles again.
    expect(shown(await one('/article-use clear', router))).toMatch(/no default article now/);
    expect(shown(await one(`/ask question: ${LIGHTHOUSE}`, router))).toMatch(/^\[Coast Gazette/);
  });

  it('works only in a server, and only for those who may manage it', async () => {
    const options = { getString: (n: string) => (n === 'article' ? SMALL : null), getBoolean: () => null, getUser: () => null };
    const user = { id: '42' };
    const inDm = recordingResponder();
    await router.run({ name: 'article-use', options, user }, inDm);
    // Send Messages and the like, but not Manage Server.
    const member = recordingResponder();
    await router.run({ name: 'article-use', options, user, place: { guildId: CONSOLE_GUILD_ID, permissions: (1n << 11n) | (1n << 10n) } }, member);
    expect([...inDm.sent, ...member.sent].map((s) => shown(s.payload))).toEqual([TEXT.articleUseGuildOnly, TEXT.articleUseForbidden]);
    // Nothing was set.
    expect(shown(await one(`/ask question: ${LIGHTHOUSE}`, router))).toMatch(/^\[Coast Gazette/);
  });

  it('autocompletes the articles, with a choice that clears the default', () => {
    const choices = router.complete('article-use', { name: 'article', value: '' });
    expect(choices.map((c) => c.value)).toEqual(['clear', SMALL, SEED]);
  });

  it('refuses an unknown article, listing them', async () => {
    expect(shown(await one('/article-use article: no such thing zzqx', router))).toMatch(/No article matches[\s\S]*port-ellis/);
  });

  it('says so when the store fails, and answering goes on from all articles', async () => {
    const down = (): Promise<never> => Promise.reject(new SettingsError('read-only', 'the settings file /var/x cannot be written'));
    const broken = routerWith(async () => ({ getDefaultArticle: down, setDefaultArticle: down, close: async () => {} }));
    const p = await one(`/article-use article: ${SMALL}`, broken);
    expect(shown(p)).toBe(TEXT.articleUseFailed(TEXT.settingsProblem('read-only')));
    expect(shown(p)).not.toContain('/var/x');
    expect(shown(await one(`/ask question: ${LIGHTHOUSE}`, broken))).toMatch(/^\[Coast Gazette/);
    expect(shown(await one('/article', broken))).toContain(TEXT.articlesDefaultUnknown);
  });
});

describe('buttons stay on the article of their reply', () => {
  it('page buttons carry the article, and the next page comes from it', async () => {
    const first = await one(`/quotes speaker: nauert article: ${SEED}`, router);
    // Previous is disabled on the first page: Next is the one button to press.
    const [next] = buttonsOf(first).map(parseCustomId);
    expect(next).toMatchObject({ ok: true, action: { kind: 'page', article: articleKey(SEED), page: 1 } });
    // Meanwhile the server's default changes: the reply's buttons do not.
    await one(`/article-use article: ${SMALL}`, router);
    const [turned] = await press(buttonsOf(first)[0]!, '0', router);
    expect(turned!.kind).toBe('update');
    expect(shown(turned!.payload)).toMatch(/What Heather Nauert is quoted as saying[\s\S]*Page 2 of 2/);
  });

  it('"did you mean" buttons ask the same article', async () => {
    const miss = await one(`/ask question: what colour is the lighthouse keeper's cat article: ${SMALL}`, router);
    const ids = buttonsOf(miss);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(parseCustomId(id)).toMatchObject({ ok: true, action: { article: SMALL } });
    const [answered] = await press(ids[0]!, '0', router);
    // Answered from the one article: no "[Coast Gazette, …]" before it, as there would be from all.
    expect(shown(answered!.payload)).not.toMatch(/^\[/);
  });

  it('a reply from all articles keeps answering from all, whatever the default becomes', async () => {
    const miss = await one("/ask question: what colour is the lighthouse keeper's cat", router);
    const ids = buttonsOf(miss);
    expect(ids.length).toBeGreaterThan(0);
    expect(parseCustomId(ids[0]!)).toMatchObject({ ok: true, action: { article: '' } });
  });

  it('a button naming an article no longer served is stale', async () => {
    const [refused] = await press(`cb1|r|ask|0|gone-article|||hello`, '0', router);
    expect(shown(refused!.payload)).toBe(TEXT.buttonStale);
  });
});

// The local console and --payload with two packs (KNOWLEDGE_DIR): article: as on Discord, and
// /article-use setting the console's own default, in memory: no database is needed to answer.
import { describe, expect, it } from 'vitest';
import { runLocal } from '../../src/cli/local.ts';
import { run } from '../../src/main.ts';
import { memoryIo } from '../bot/memory-io.ts';
import { SMALL, twoPackDir } from '../bot/two-packs.ts';

const LIGHTHOUSE = '/ask question: who said the lighthouse is who we are';
const lines = (out: string): { embeds: { title?: string }[]; content?: string }[] =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { embeds: { title?: string }[]; content?: string });

describe('npm run local -- --payload, serving two articles', () => {
  it('takes article:, and /article-use sets the console default for the session', async () => {
    const io = memoryIo([`${LIGHTHOUSE}`, `${LIGHTHOUSE} article: ${SMALL}`, `/article-use ${SMALL}`, LIGHTHOUSE, '/article-use clear', LIGHTHOUSE].join('\n'));
    // A database that is down: the console never opens it.
    expect(await runLocal(['--payload'], { KNOWLEDGE_DIR: twoPackDir(), DATABASE_URL: 'postgres://citebot@127.0.0.1:1/none' }, io)).toBe(0);
    const [all, one, set, byDefault, cleared, allAgain] = lines(io.out());
    expect(all!.embeds[0]!.title).toMatch(/^\\?\[Coast Gazette, 2021-11-10\\?\] Clara Voss said it/);
    expect(one!.embeds[0]!.title).toBe('Clara Voss said it.');
    expect(set!.content).toMatch(/From now on/);
    expect(byDefault!.embeds[0]!.title).toBe(one!.embeds[0]!.title);
    expect(cleared!.content).toMatch(/no default article now/);
    expect(allAgain!.embeds[0]!.title).toBe(all!.embeds[0]!.title);
    expect(io.err()).toBe('');
  });

  it('npm start without a token: the same console, DATABASE_URL or not', async () => {
    const io = memoryIo(`/article\n${LIGHTHOUSE} article: lighthouse\n`);
    expect(await run([], { KNOWLEDGE_DIR: twoPackDir(), DATABASE_URL: 'postgres://citebot@127.0.0.1:1/none' }, io)).toBe(0);
    expect(io.out()).toMatch(/2 articles[\s\S]*port-ellis[\s\S]*\nClara Voss said it\./);
  });

  it('a KNOWLEDGE_DIR with a broken pack stops it with a message', async () => {
    const io = memoryIo('');
    expect(await runLocal(['--payload'], { KNOWLEDGE_DIR: '/nonexistent/citebot-knowledge' }, io)).toBe(1);
    expect(io.err()).toMatch(/The knowledge base is invalid/);
  });
});

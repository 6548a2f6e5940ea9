// Several articles in one bot: a library of packs, the choice of article for a
// command (option, server default, the only one, all), and answers from all
// articles that say which article they cite.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseArticle, libraryEngine, loadLibrary, type Library } from '../../src/engine/index.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';

const SMALL = fileURLToPath(new URL('../fixtures/small-pack/port-ellis/', import.meta.url));
let root: string;
let library: Library;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'citebot-library-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, join(root, 'rferl-seed'), { recursive: true });
  cpSync(SMALL, join(root, 'port-ellis'), { recursive: true });
  library = loadLibrary(root);
});

describe('a library of packs', () => {
  it('loads every pack under the root, by slug', () => {
    expect(library.articles.map((a) => a.slug)).toEqual(['port-ellis', 'rferl-seed']);
  });
  it('finds an article by slug, or by words of its title or outlet', () => {
    expect(library.find('port-ellis')?.slug).toBe('port-ellis');
    expect(library.find('lighthouse')?.slug).toBe('port-ellis');
    expect(library.find('Russian Embassy')?.slug).toBe('rferl-seed');
    expect(library.find('Coast Gazette')?.slug).toBe('port-ellis');
    expect(library.find('zzzz nothing like it')).toBeNull();
  });
  it('autocompletes articles by title, outlet and date', () => {
    const [choice] = library.choices('gazette');
    expect(choice).toEqual({ label: expect.stringMatching(/lighthouse — Coast Gazette, 2021-11-10/), value: 'port-ellis' });
  });
});

describe('which article a command uses', () => {
  it('the option first, then the server default, then the only article, else all', () => {
    expect(chooseArticle(library, 'port-ellis', 'rferl-seed')).toMatchObject({ source: 'option', article: { slug: 'port-ellis' } });
    expect(chooseArticle(library, null, 'rferl-seed')).toMatchObject({ source: 'server-default', article: { slug: 'rferl-seed' } });
    expect(chooseArticle(library, null, 'gone-article')).toMatchObject({ source: 'all-articles', article: null });
    const one = loadLibrary(join(root, '..', root.split('/').pop()!, 'port-ellis', '..'));
    expect(one.articles.length).toBe(2);
    expect(chooseArticle(library, 'no such thing at all', null)).toEqual({ error: 'No article matches "no such thing at all".' });
  });
  it('with all articles, each answer says which article it cites', () => {
    const engine = libraryEngine(library);
    const lighthouse = engine.answer('Who said the lighthouse is who we are?').answers[0];
    expect(lighthouse).toMatchObject({ article: 'port-ellis', outlet: 'Coast Gazette', speaker: 'Clara Voss' });
    expect(lighthouse?.answer).toMatch(/^\[Coast Gazette, 2021-11-10\] /);
    const seed = engine.answer('Who said megaphone diplomacy?').answers[0];
    expect(seed).toMatchObject({ article: 'rferl-seed', outlet: 'RFE/RL' });
    expect(engine.answer('Who is Vladimir Putin?').answers).toEqual([]);
  });
  it('the timeline of all articles is in date order', () => {
    const dates = libraryEngine(library).timeline().map((a) => a.date ?? '');
    expect(dates).toEqual([...dates].sort());
  });
});

describe('npm run ask over a library', () => {
  it('--article picks one; an unknown one is a usage error', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/ask.ts', '--json', '--knowledge', SMALL, 'Who is Peter Lind?'], { encoding: 'utf8' });
    expect(JSON.parse(out).answers[0].answer).toMatch(/Peter Lind/);
  });
});

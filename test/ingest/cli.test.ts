// `npm run ingest` as a user runs it: every input form, every exit code, and
// a pack that is whole or absent, never half-written.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/load.ts';
import { readSource } from '../../src/ingest/source.ts';

const SEED = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));
const ARTICLE = fileURLToPath(new URL('../fixtures/articles/texts/nbc-omar-threat-plea.txt', import.meta.url));
let dir: string;

async function ingestCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runIngest(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'citebot-ingest-'));
});

describe('npm run ingest', () => {
  it('writes a pack that loads and answers, and reports counts on stderr', async () => {
    const out = join(dir, 'omar');
    const r = await ingestCli(ARTICLE, '--out', out, '--published', '2019-11-19', '--outlet', 'NBC News');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/\d+ paragraphs, \d+ entities \(\d+ people\), \d+ quotes, \d+ dated events/);
    const kb = loadKnowledge(out);
    expect(kb.meta.outlet).toBe('NBC News');
    expect([...kb.quotes, ...kb.events, ...kb.facts, ...kb.entities].every((i) => i.origin === 'extracted')).toBe(true);
    const answer = createEngine(kb).answer('Who is Sonya Zoghlin?').answers[0];
    expect(answer?.answer).toMatch(/attorney/);
  });

  it('reads text pasted from a page, with its chrome and a caption printed twice', async () => {
    const source = await readSource(readFileSync(SEED, 'utf8'));
    expect(source.title).toMatch(/^U\.S\. Calls In Russian Embassy Official/);
    expect(source.paragraphs[0]).toMatch(/^The U\.S\. State Department has called in/);
    expect(source.paragraphs.some((p) => /Accessibility links|file photo/.test(p))).toBe(false);
  });

  it('skips a long block of page chrome after the headline: neither the headline nor the first paragraph', async () => {
    const text =
      'Harbor bridge vote\n\nHARBOR: Council approves the bridge, mayor says Share Pin It More Galleries ADVERTISEMENT Council members met for three hours on the plan before the vote, which had been put off twice since the spring. STAFF PHOTO Related article »\n\nThe city council voted 5-2 on Monday to build the harbor bridge.\n\n"It is a good day," Mayor Ann Lee said.\n';
    const source = await readSource(text);
    expect(source.title).toBe('Harbor bridge vote');
    expect(source.paragraphs).toEqual(['The city council voted 5-2 on Monday to build the harbor bridge.', '"It is a good day," Mayor Ann Lee said.']);
  });

  it('drops page chrome after the article (credits, an address, share buttons) but keeps an embedded post\'s signature', async () => {
    const text =
      'Harbor bridge vote\n\nThe city council voted 5-2 on Monday to build the harbor bridge.\n\n"It is a good day," Mayor Ann Lee said.\n\nShare this: Share Facebook Twitter Email\n\nTo contact the reporter on this story: Tom Ray in Boston at tray@example.com\n\nContributing: Kim Park\n';
    const source = await readSource(text);
    expect(source.paragraphs).toEqual(['The city council voted 5-2 on Monday to build the harbor bridge.', '"It is a good day," Mayor Ann Lee said.']);
    const post = await readSource('Bridge vote\n\nThe council voted on Monday to build the bridge.\n\nA great day for the town!\n\n— Ann Lee (@annlee) November 18, 2019\n');
    expect(post.paragraphs.at(-1)).toBe('— Ann Lee (@annlee) November 18, 2019');
  });

  it('takes a title-case first line that ends with a full stop for the headline, not the first paragraph', async () => {
    const text = "Florida Man Exists? South Dakota: Hold My Beer. 'Meth. We're On It.'\n\nRemember the state's quest to find a slogan?\n\nThe governor launched the campaign on Monday, officials said in a statement.\n";
    const source = await readSource(text);
    expect(source.title).toBe("Florida Man Exists? South Dakota: Hold My Beer. 'Meth. We're On It.'");
    expect(source.paragraphs).toHaveLength(2);
    expect(source.paragraphs[0]).toMatch(/^Remember/);
  });

  it('takes the short first paragraph of a text with no headline for its headline, and writes a pack that loads', async () => {
    const file = join(dir, 'no-headline.txt');
    writeFileSync(file, 'The bridge is open.\n\nMayor Jane Alvarez opened the new river bridge on Monday, two years after work began.\n\n"This bridge joins our two halves," Alvarez said.\n');
    const out = join(dir, 'no-headline');
    const r = await ingestCli(file, '--out', out, '--published', '2021-05-04');
    expect(r.code, r.err).toBe(0);
    const kb = loadKnowledge(out);
    expect(kb.meta.title).toBe('The bridge is open.');
    expect(kb.article.paragraphs.map((p) => p.text)).toEqual(['Mayor Jane Alvarez opened the new river bridge on Monday, two years after work began.', '"This bridge joins our two halves," Alvarez said.']);
  });

  it('writes a pack that loads when the headline begins with the same words as the first paragraph', async () => {
    const file = join(dir, 'same-start.txt');
    writeFileSync(file, 'Mayor Jane Alvarez opened the new bridge\n\nMayor Jane Alvarez opened the new river bridge on Monday, two years after work began.\n\n"This bridge joins our two halves," Alvarez said.\n');
    const out = join(dir, 'same-start');
    const r = await ingestCli(file, '--out', out, '--published', '2021-05-04');
    expect(r.code, r.err).toBe(0);
    expect(loadKnowledge(out).article.paragraphs).toHaveLength(2);
  });

  it('makes the folders a new --out is nested in; a parent that is a file is a one-line reason, not a crash', async () => {
    const nested = join(dir, 'new', 'folders', 'omar');
    const ok = await ingestCli(ARTICLE, '--out', nested, '--published', '2019-11-19');
    expect(ok.code, ok.err).toBe(0);
    expect(loadKnowledge(nested).meta.title).toMatch(/Omar/);
    writeFileSync(join(dir, 'plain-file'), 'not a folder');
    const bad = await ingestCli(ARTICLE, '--out', join(dir, 'plain-file', 'omar'), '--published', '2019-11-19');
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/cannot create .*plain-file/);
  });

  it('reads an HTML page: main text by readability, and the page metadata, which flags override', async () => {
    const html = `<!doctype html><html><head><title>Page title | Site</title>
      <meta property="og:title" content="Mayor Opens New Bridge">
      <meta property="og:site_name" content="The Daily Example">
      <meta property="article:published_time" content="2021-05-04T10:00:00Z">
      <link rel="canonical" href="https://example.com/news/bridge"></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Mayor Opens New Bridge</h1>
      <p>Mayor Jane Alvarez opened the new river bridge on Monday, two years after work began on the long-delayed project.</p>
      <p>"This bridge joins our two halves," Alvarez said at the ceremony, which drew several hundred residents.</p>
      <p>The bridge cost $40 million, according to the city's public works department, which managed the construction.</p>
      </article><footer>Copyright The Daily Example</footer></body></html>`;
    const file = join(dir, 'bridge.html');
    writeFileSync(file, html);
    const out = join(dir, 'bridge');
    const r = await ingestCli(file, '--out', out, '--outlet', 'Example News');
    expect(r.code, r.err).toBe(0);
    const kb = loadKnowledge(out);
    expect(kb.meta.title).toBe('Mayor Opens New Bridge');
    expect(kb.meta.outlet).toBe('Example News');
    expect(kb.meta.published).toBe('2021-05-04');
    expect(kb.meta.url).toBe('https://example.com/news/bridge');
    expect(kb.article.paragraphs.map((p) => p.text).join(' ')).not.toMatch(/Home|Copyright/);
    expect(createEngine(kb).answer('When did the mayor open the bridge?').answers[0]?.date).toBe('2021-05-03');
  });

  it.each([
    ['a file that cannot be read', () => [join(dir, 'missing.txt')], /cannot read/],
    ['an empty article', () => [write('empty.txt', '   \n\n')], /empty/],
    ['a file that is not text', () => [write('binary.txt', '\u0000\u0001\u0002'.repeat(200))], /not text/],
    ['a relative date with no publication date', () => [write('relative.txt', 'Headline here\n\nThe council met on Tuesday to vote on the new budget for the city.\n')], /relative.*--published/],
  ])('exits 1 with a one-line reason for %s', async (_, files, reason) => {
    const r = await ingestCli(...files(), '--out', join(dir, `never-${Math.random()}`));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(reason);
  });

  it('takes the publication date, title, outlet and URL from a sidecar <name>.meta.json the flags do not give', async () => {
    const article = join(dir, 'story.txt');
    writeFileSync(article, readFileSync(ARTICLE, 'utf8'));
    expect((await ingestCli(article, '--out', join(dir, 'no-meta'))).code).toBe(1);
    writeFileSync(join(dir, 'story.meta.json'), JSON.stringify({ published: '2019-11-19', outlet: 'NBC News', title: 'Man pleads guilty' }));
    const r = await ingestCli(article, '--out', join(dir, 'story'), '--outlet', 'The flag wins');
    expect(r.code, r.err).toBe(0);
    const kb = loadKnowledge(join(dir, 'story'));
    expect(kb.meta).toMatchObject({ published: '2019-11-19', outlet: 'The flag wins', title: 'Man pleads guilty' });
    writeFileSync(join(dir, 'story.meta.json'), '{ not json');
    expect((await ingestCli(article, '--out', join(dir, 'story-2'))).err).toMatch(/story\.meta\.json is not JSON/);
  });

  it('refuses an output directory that exists and is not a pack, and leaves it alone', async () => {
    const out = join(dir, 'not-a-pack');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await ingestCli(ARTICLE, '--out', out, '--published', '2019-11-19');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/exists and is not a knowledge pack/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('leaves a pack with a curated overlay alone, and names the command that re-extracts it', async () => {
    const out = join(dir, 'curated');
    cpSync(DEFAULT_KNOWLEDGE_DIR, out, { recursive: true });
    const before = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'));
    const r = await ingestCli(SEED, '--out', out, '--published', '2018-08');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has a curated overlay\.json; re-extract it with npm run -s overlay/);
    expect(readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(before);
  });

  it('replaces an existing pack whole, and leaves no temporary directory behind', async () => {
    const out = join(dir, 'replace');
    expect((await ingestCli(ARTICLE, '--out', out, '--published', '2019-11-19')).code).toBe(0);
    expect((await ingestCli(SEED, '--out', out, '--published', '2018-08')).code).toBe(0);
    expect(loadKnowledge(out).meta.title).toMatch(/Russian Embassy/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('usage errors exit 2; --help exits 0', async () => {
    expect((await ingestCli()).code).toBe(2);
    expect((await ingestCli(ARTICLE)).code).toBe(2);
    expect((await ingestCli('--bogus')).code).toBe(2);
    const help = await ingestCli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: npm run -s ingest/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

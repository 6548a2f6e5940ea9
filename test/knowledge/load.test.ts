// The knowledge is refused unless it agrees with the article: these tests load
// the real knowledge, then corrupt copies of it one way at a time.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldForComparison, isVerbatimIn, parseArticle } from '../../src/knowledge/article.ts';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, readPackItems } from '../../src/knowledge/load.ts';
import { OVERLAY_FILE } from '../../src/knowledge/overlay.ts';
import { KNOWLEDGE_FILES } from '../../src/knowledge/schema.ts';

const kb = loadKnowledge();

// ----- corrupted copies ------------------------------------------------------

type Json = Record<string, unknown>;
type Item = Json & { id: string };

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of `knowledge/` that a test may break: its items as plain files, the overlay laid over them already. */
function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-knowledge-'));
  tempDirs.push(dir);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const items = readPackItems(dir);
  for (const kind of ['entities', 'quotes', 'events', 'facts', 'lexicon', 'thesaurus'] as const) writeFileSync(join(dir, KNOWLEDGE_FILES[kind].file), JSON.stringify(items[kind], null, 2));
  rmSync(join(dir, OVERLAY_FILE), { force: true });
  return dir;
}

function editJson(dir: string, file: string, edit: (data: unknown) => void): void {
  const path = join(dir, file);
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}

/** Edits the item with `id` in an array file. */
function editItem(file: string, id: string, edit: (item: Item) => void): (dir: string) => void {
  return (dir) =>
    editJson(dir, file, (data) => {
      const item = (data as Item[]).find((x) => x.id === id);
      if (!item) throw new Error(`test setup: no ${id} in ${file}`);
      edit(item);
    });
}

/** The error loading `dir` throws; fails the test when it loads. */
function refusal(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error('the corrupted knowledge was accepted');
}

interface Corruption {
  readonly what: string;
  readonly corrupt: (dir: string) => void;
  readonly file: string;
  readonly itemId: string | null;
  readonly problem: RegExp;
}

const corruptions: Corruption[] = [
  {
    what: 'an excerpt changed by one word',
    corrupt: editItem('entities.json', 'nauert', (e) => (e.excerpt = 'department spokesman Heather Nauert')),
    file: 'entities.json',
    itemId: 'nauert',
    problem: /^excerpt is not verbatim in paragraph 2: "department spokesman Heather Nauert"$/,
  },
  {
    what: 'an excerpt with a dash where the article has "--"',
    corrupt: editItem('quotes.json', 'q-nauert-tweet', (q) => (q.excerpt = String(q.excerpt).replace(' -- ', ' — '))),
    file: 'quotes.json',
    itemId: 'q-nauert-tweet',
    problem: /^excerpt is not verbatim in paragraph 2/,
  },
  {
    what: 'an excerpt cited under the wrong paragraph',
    corrupt: editItem('facts.json', 'f-russia-denies', (f) => (f.paragraph = 13)),
    file: 'facts.json',
    itemId: 'f-russia-denies',
    problem: /^excerpt is not verbatim in paragraph 13/,
  },
  {
    what: 'quoted words that are not verbatim',
    corrupt: editItem('quotes.json', 'q-coats-campaign', (q) => (q.text = String(q.text).replace('weaken', 'weakened'))),
    file: 'quotes.json',
    itemId: 'q-coats-campaign',
    problem: /^text: the quoted words are not verbatim/,
  },
  {
    what: 'a paragraph number past the end of the body',
    corrupt: editItem('events.json', 'e-midterms', (e) => (e.paragraph = 15)),
    file: 'events.json',
    itemId: 'e-midterms',
    problem: /^paragraph 15 does not exist \(the body has 14\)$/,
  },
  {
    what: 'paragraph 0',
    corrupt: editItem('events.json', 'e-midterms', (e) => (e.paragraph = 0)),
    file: 'events.json',
    itemId: 'e-midterms',
    problem: /^paragraph: /,
  },
  {
    what: 'an id used in two files',
    corrupt: editItem('facts.json', 'f-tweet-linked', (f) => (f.id = 'e-nauert-tweet')),
    file: 'facts.json',
    itemId: 'e-nauert-tweet',
    problem: /^duplicate id \(also in events\.json\)$/,
  },
  {
    what: 'an id used twice in one file',
    corrupt: editItem('quotes.json', 'q-nauert-demand', (q) => (q.id = 'q-nauert-applaud')),
    file: 'quotes.json',
    itemId: 'q-nauert-applaud',
    problem: /^duplicate id \(also in quotes\.json\)$/,
  },
  {
    what: 'a quote by an unknown speaker',
    corrupt: editItem('quotes.json', 'q-nauert-demand', (q) => (q.speaker = 'putin')),
    file: 'quotes.json',
    itemId: 'q-nauert-demand',
    problem: /^speaker: unknown entity "putin"$/,
  },
  {
    what: 'an event done by an unknown entity',
    corrupt: editItem('events.json', 'e-white-house-briefing', (e) => (e.who = ['coats', 'trump'])),
    file: 'events.json',
    itemId: 'e-white-house-briefing',
    problem: /^who: unknown entity "trump"$/,
  },
  {
    what: 'a fact about an unknown entity',
    corrupt: editItem('facts.json', 'f-legislators', (f) => (f.about = ['senate'])),
    file: 'facts.json',
    itemId: 'f-legislators',
    problem: /^about: unknown entity "senate"$/,
  },
  {
    what: 'a fact dated by an unknown event',
    corrupt: editItem('facts.json', 'f-russia-criticized', (f) => (f.datedBy = 'e-press-conference')),
    file: 'facts.json',
    itemId: 'f-russia-criticized',
    problem: /^datedBy: unknown event or quote "e-press-conference"$/,
  },
  {
    what: 'a quote dated by an unknown event',
    corrupt: editItem('quotes.json', 'q-russia-megaphone', (q) => (q.datedBy = 'e-interview')),
    file: 'quotes.json',
    itemId: 'q-russia-megaphone',
    problem: /^datedBy: unknown event or quote "e-interview"$/,
  },
  {
    what: 'a quote dated by a quote without a date',
    corrupt: editItem('quotes.json', 'q-nauert-demand', (q) => (q.datedBy = 'q-promote-violence')),
    file: 'quotes.json',
    itemId: 'q-nauert-demand',
    problem: /^datedBy: "q-promote-violence" has no date$/,
  },
  {
    what: 'an entity part of an unknown entity',
    corrupt: editItem('entities.json', 'coats', (e) => (e.partOf = ['cia'])),
    file: 'entities.json',
    itemId: 'coats',
    problem: /^partOf: unknown entity "cia"$/,
  },
  {
    what: 'a month 13',
    corrupt: editItem('events.json', 'e-state-statement', (e) => (e.date = '2018-13-01')),
    file: 'events.json',
    itemId: 'e-state-statement',
    problem: /^date: dates are YYYY, YYYY-MM or YYYY-MM-DD$/,
  },
  {
    what: 'a date in another format',
    corrupt: editItem('quotes.json', 'q-coats-campaign', (q) => (q.date = 'August 2, 2018')),
    file: 'quotes.json',
    itemId: 'q-coats-campaign',
    problem: /^date: dates are/,
  },
  {
    what: 'a missing field',
    corrupt: editItem('facts.json', 'f-russia-denies', (f) => delete f.excerpt),
    file: 'facts.json',
    itemId: 'f-russia-denies',
    problem: /^excerpt: /,
  },
  {
    what: 'a field of the wrong type',
    corrupt: editItem('quotes.json', 'q-russia-megaphone', (q) => (q.paragraph = '1')),
    file: 'quotes.json',
    itemId: 'q-russia-megaphone',
    problem: /^paragraph: /,
  },
  {
    what: 'an unknown field',
    corrupt: editItem('entities.json', 'mitchell', (e) => (e.nickname = 'Wess')),
    file: 'entities.json',
    itemId: 'mitchell',
    problem: /nickname/,
  },
  {
    what: 'an id that is not kebab-case',
    corrupt: editItem('events.json', 'e-midterms', (e) => (e.id = 'E_Midterms')),
    file: 'events.json',
    itemId: 'E_Midterms',
    problem: /^id: ids are lower-case kebab-case$/,
  },
  {
    what: 'an answer over 200 characters',
    corrupt: editItem('facts.json', 'f-tweet-linked', (f) => (f.answer = 'x'.repeat(201))),
    file: 'facts.json',
    itemId: 'f-tweet-linked',
    problem: /^answer: /,
  },
  {
    what: 'an item without an id (named by its position)',
    corrupt: (dir) => editJson(dir, 'entities.json', (data) => delete (data as Json[])[0]!.id),
    file: 'entities.json',
    itemId: '#0',
    problem: /^id: /,
  },
  {
    what: 'a file that is not an array',
    corrupt: (dir) => writeFileSync(join(dir, 'events.json'), '{}'),
    file: 'events.json',
    itemId: null,
    problem: /expected array/i,
  },
  {
    what: 'invalid JSON',
    corrupt: (dir) => writeFileSync(join(dir, 'quotes.json'), readFileSync(join(dir, 'quotes.json'), 'utf8').slice(0, 300)),
    file: 'quotes.json',
    itemId: null,
    problem: /^is not valid JSON \(/,
  },
  {
    what: 'a missing file',
    corrupt: (dir) => rmSync(join(dir, 'events.json')),
    file: 'events.json',
    itemId: null,
    problem: /^cannot be read \(ENOENT\)$/,
  },
  {
    what: 'a missing article',
    corrupt: (dir) => rmSync(join(dir, 'article.txt')),
    file: 'article.txt',
    itemId: null,
    problem: /^cannot be read \(ENOENT\)$/,
  },
  {
    what: 'a body start that is in no paragraph',
    corrupt: (dir) => editJson(dir, 'meta.json', (m) => ((m as Json).bodyStartsWith = 'The Kremlin said')),
    file: 'meta.json',
    itemId: null,
    problem: /^bodyStartsWith: /,
  },
  {
    what: 'a headline that is not the article’s',
    corrupt: (dir) => editJson(dir, 'meta.json', (m) => ((m as Json).title = 'U.S. Expels Russian Diplomats')),
    file: 'meta.json',
    itemId: null,
    problem: /^title: /,
  },
];

describe('loading refuses knowledge that disagrees with the article', () => {
  it.each(corruptions)('$what → $file [$itemId]', ({ corrupt, file, itemId, problem }) => {
    const dir = copyKnowledge();
    corrupt(dir);
    const err = refusal(dir);
    expect(err.name).toBe('KnowledgeError');
    expect({ file: err.file, itemId: err.itemId }).toEqual({ file, itemId });
    expect(err.problem).toMatch(problem);
    expect(err.message).toBe(`${file}${itemId ? ` [${itemId}]` : ''}: ${err.problem}`);
  });
});

/** Curly quotes for straight ones: "x" → “x”, 'x' → ‘x’. */
const curl = (s: string): string =>
  s
    .replace(/"([^"]*)"/g, '\u201C$1\u201D')
    .replace(/(^|[\s(])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
const straighten = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');

describe('loading accepts differences of quote style and white space only', () => {
  it.each([
    { what: 'curly quotes where the article has straight ones', corrupt: editItem('quotes.json', 'q-embassy-megaphone', (q) => (q.excerpt = curl(String(q.excerpt)))) },
    { what: 'curly quotes in the quoted words', corrupt: editItem('quotes.json', 'q-embassy-playing-up', (q) => (q.text = curl(String(q.text)))) },
    { what: 'straight quotes where the article has curly ones', corrupt: editItem('facts.json', 'f-why-summoned', (f) => (f.excerpt = straighten(String(f.excerpt)))) },
    { what: 'line breaks and double spaces in an excerpt', corrupt: editItem('quotes.json', 'q-coats-campaign', (q) => (q.excerpt = String(q.excerpt).replace(/ /g, ' \n  '))) },
    { what: 'an article with CRLF line endings', corrupt: (dir: string) => writeFileSync(join(dir, 'article.txt'), kb.article.raw.replace(/\n/g, '\r\n')) },
  ])('$what', ({ corrupt }) => {
    const dir = copyKnowledge();
    corrupt(dir);
    const loaded = loadKnowledge(dir);
    expect(loaded.article.paragraphs).toHaveLength(14);
    expect(loaded.quotes).toHaveLength(kb.quotes.length);
  });
});

// ----- the real knowledge --------------------------------------------------------

const P1 =
  'The U.S. State Department has called in Russia\'s chargé d\'affaires in Washington over what it says are Moscow’s efforts to use social media to “promote violence” and divide U.S. society. Russia criticized the summons, calling it "megaphone diplomacy."';
const P14 = 'Russia denies that it has interfered in the U.S. election or has attempted to divide U.S society through social media.';

describe('the real knowledge', () => {
  it('loads with something in every file', () => {
    expect(kb.entities.length).toBeGreaterThan(0);
    expect(kb.quotes.length).toBeGreaterThan(0);
    expect(kb.events.length).toBeGreaterThan(0);
    expect(kb.facts.length).toBeGreaterThan(0);
    expect(kb.lexicon.synonyms.length).toBeGreaterThan(0);
    expect(kb.entityById.size).toBe(kb.entities.length);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(kb)).toBe(true);
  });

  it('numbers 14 body paragraphs from "The U.S. State Department has called in"', () => {
    const { paragraphs } = kb.article;
    expect(paragraphs).toHaveLength(14);
    expect(paragraphs.map((p) => p.n)).toEqual([...Array(14).keys()].map((i) => i + 1));
    expect(paragraphs[0]!.text).toBe(P1);
    expect(paragraphs[13]!.text).toBe(P14);
    expect(paragraphs[12]!.text).toMatch(/^"We continue to see a pervasive messaging campaign/);
  });

  it.each(['Accessibility links', 'Breaking News', 'U.S. Calls In Russian Embassy Official', 'State Department spokeswoman Heather Nauert (file photo)'])(
    'keeps "%s" out of the body',
    (furniture) => {
      expect(kb.article.preamble.some((block) => block.includes(furniture))).toBe(true);
      expect(kb.article.paragraphs.some((p) => p.text.includes(furniture))).toBe(false);
    },
  );

  it('parses the same body whatever the line endings', () => {
    const crlf = parseArticle(kb.article.raw.replace(/\n/g, '\r\n'), kb.meta.bodyStartsWith);
    expect(crlf?.paragraphs).toEqual(kb.article.paragraphs);
  });

  it('gives every item an id no other item has', () => {
    const ids = [...kb.entities, ...kb.quotes, ...kb.events, ...kb.facts].map((x) => x.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  const cited = [
    ...kb.entities.map((x) => ({ file: 'entities', ...x })),
    ...kb.quotes.map((x) => ({ file: 'quotes', ...x })),
    ...kb.events.map((x) => ({ file: 'events', ...x })),
    ...kb.facts.map((x) => ({ file: 'facts', ...x })),
  ];
  it.each(cited)('$file [$id] stands verbatim in paragraph $paragraph', ({ paragraph, excerpt }) => {
    expect(isVerbatimIn(excerpt, kb.article.paragraphs[paragraph - 1]!.text)).toBe(true);
  });

  it.each(kb.quotes)('quote [$id] is verbatim in its paragraph and said by a known speaker', ({ text, paragraph, speaker }) => {
    expect(isVerbatimIn(text, kb.article.paragraphs[paragraph - 1]!.text)).toBe(true);
    expect(kb.entityById.has(speaker)).toBe(true);
  });

  it('dates every event on a real calendar day, month or year', () => {
    for (const { date } of [...kb.events, ...kb.quotes, ...kb.facts]) {
      if (date === null) continue;
      const [y, m = 1, d = 1] = date.split('-').map(Number);
      const day = new Date(Date.UTC(y!, m - 1, d));
      expect([day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()], date).toEqual([y, m, d]);
    }
  });
});

describe('verbatim comparison', () => {
  it.each([
    ['curly for straight double quotes', '“promote violence”', 'to "promote violence" and', true],
    ['straight for curly single quotes', "Moscow's efforts", 'Moscow’s efforts', true],
    ['runs of white space', 'called  in\nRussia', 'called in Russia', true],
    ['a non-breaking space', 'called\u00A0in', 'called in', true],
    ['a different word', 'called out', 'called in', false],
    ['different case', 'Called in', 'called in', false],
    ['a dash for a hyphen', 'social—media', 'social-media', false],
    ['missing punctuation', 'U.S society', 'U.S. society', false],
  ])('%s: %s in %s → %s', (_what, excerpt, paragraph, expected) => {
    expect(isVerbatimIn(excerpt, paragraph)).toBe(expected);
  });

  it('folds only quotes and white space', () => {
    expect(foldForComparison('  ‘a’ “b”\t\n c ')).toBe(`'a' "b" c`);
  });
});

describe('KnowledgeError', () => {
  it('names the file, the item and the problem', () => {
    const err = new KnowledgeError('quotes.json', 'q-x', 'text: wrong');
    expect(err).toBeInstanceOf(Error);
    expect([err.file, err.itemId, err.problem, err.message]).toEqual(['quotes.json', 'q-x', 'text: wrong', 'quotes.json [q-x]: text: wrong']);
  });

  it('leaves the item out when there is none', () => {
    expect(new KnowledgeError('meta.json', null, 'bad').message).toBe('meta.json: bad');
  });
});

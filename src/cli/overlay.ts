/**
 * `npm run -s overlay -- <pack dir>`: re-extracts a pack's article with `npm
 * run ingest` and writes the pack as that extraction plus the smallest curated
 * overlay (`overlay.json`) that keeps what the pack serves exactly as it was.
 * Run it on a curated pack to split it into extraction and overlay, and after
 * extraction improves, to shrink the overlay. The pack's article and meta stay
 * as they are; the new pack is checked to load to the same knowledge before it
 * replaces the old one, which is never left half-written.
 * Exit 0 on success, 1 when the pack cannot be read or would change, 2 for a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeError, loadKnowledge, readPackItems } from '../knowledge/load.ts';
import { OVERLAY_FILE, overlayFor, type Overlay, type PackItems } from '../knowledge/overlay.ts';
import { ARTICLE_FILE, KNOWLEDGE_FILES } from '../knowledge/schema.ts';

const USAGE = `Usage: npm run -s overlay -- <pack dir>
  Re-extracts the pack's article and writes the pack as that extraction plus the smallest
  curated overlay (${OVERLAY_FILE}) that keeps the knowledge it serves unchanged.`;

const ABOUT =
  'What extraction cannot get for this article, laid over what npm run ingest extracts from it (npm run overlay regenerates this file). Items with "from" take the extracted item of that id with the fields given; items without it are curated whole. See docs/ingest.md.';

/** How much of each kind the overlay takes from extraction unchanged, changes, or adds whole. */
export function overlaySize(overlay: Overlay): Record<'entities' | 'quotes' | 'events' | 'facts', { asExtracted: number; changed: number; curated: number }> {
  const count = (entries: Overlay['entities']) => ({
    asExtracted: entries.filter((e) => e.from && Object.keys(e).length === 2).length,
    changed: entries.filter((e) => e.from && Object.keys(e).length > 2).length,
    curated: entries.filter((e) => !e.from).length,
  });
  return { entities: count(overlay.entities), quotes: count(overlay.quotes), events: count(overlay.events), facts: count(overlay.facts) };
}

/** A loaded pack as comparable text. */
const knowledgeOf = (dir: string): string => JSON.stringify({ ...loadKnowledge(dir), entityById: null });

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.values.help || args.positionals.length !== 1) {
    (args.values.help ? console.log : console.error)(USAGE);
    if (!args.values.help) process.exitCode = 2;
    return;
  }
  const dir = resolve(args.positionals[0]!);
  let target: PackItems;
  let before: string;
  try {
    target = readPackItems(dir);
    before = knowledgeOf(dir);
  } catch (err) {
    console.error(`cannot read the pack in ${dir}: ${err instanceof KnowledgeError ? err.message : String(err)}`);
    process.exitCode = 1;
    return;
  }
  const article = readFileSync(join(dir, ARTICLE_FILE), 'utf8');
  const metaText = readFileSync(join(dir, KNOWLEDGE_FILES.meta.file), 'utf8');
  const meta = KNOWLEDGE_FILES.meta.schema.parse(JSON.parse(metaText));
  const { ingest, writePack } = await import('../ingest/index.ts');
  const { pack } = await ingest(article, { ...(meta.published ? { published: meta.published } : {}), title: meta.title, outlet: meta.outlet, ...(meta.url ? { url: meta.url } : {}) });
  const extracted: PackItems = {
    meta,
    entities: KNOWLEDGE_FILES.entities.schema.parse(pack.entities),
    quotes: KNOWLEDGE_FILES.quotes.schema.parse(pack.quotes),
    events: KNOWLEDGE_FILES.events.schema.parse(pack.events),
    facts: KNOWLEDGE_FILES.facts.schema.parse(pack.facts),
    lexicon: KNOWLEDGE_FILES.lexicon.schema.parse(pack.lexicon),
    thesaurus: KNOWLEDGE_FILES.thesaurus.schema.parse(pack.thesaurus),
  };
  const overlay = overlayFor(extracted, target, ABOUT);
  try {
    writePack(dir, { ...pack, article, meta }, (tmp) => {
      writeFileSync(join(tmp, KNOWLEDGE_FILES.meta.file), metaText);
      writeFileSync(join(tmp, OVERLAY_FILE), `${JSON.stringify(overlay, null, 1)}\n`);
      if (knowledgeOf(tmp) !== before) throw new Error('the new pack would load to other knowledge than the old one; nothing was written');
    });
  } catch (err) {
    console.error(`cannot write the pack: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const size = overlaySize(overlay);
  const bytes = Buffer.byteLength(JSON.stringify(overlay, null, 1));
  console.error(`${dir}: extraction plus an overlay of ${bytes} bytes`);
  for (const [kind, n] of Object.entries(size)) console.error(`  ${kind}: ${n.asExtracted} as extracted, ${n.changed} changed, ${n.curated} curated whole`);
}

await main();

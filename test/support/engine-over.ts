/**
 * The general engine over a small article made up in a test: the paragraphs
 * (the first a headline) extracted by the ingest pipeline into a pack written
 * to a temporary folder and loaded back, as `npm run ingest` and the bot do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGeneralEngine, type GeneralEngine } from '../../src/engine/general.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

/** Publication date of every made-up article (a Wednesday): "on Monday" is 2019-11-18. */
const PUBLISHED = '2019-11-20';

export async function engineOver(...paragraphs: string[]): Promise<GeneralEngine> {
  // (The ingest pipeline loads its taggers when first asked: a test file that never builds a pack never waits for them.)
  const { ingest, writePack } = await import('../../src/ingest/index.ts');
  const { pack } = await ingest(`${paragraphs.join('\n\n')}\n`, { published: PUBLISHED });
  const root = mkdtempSync(join(tmpdir(), 'citebot-engine-over-'));
  try {
    writePack(join(root, 'pack'), pack);
    return createGeneralEngine(loadKnowledge(join(root, 'pack')), { cache: false });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A knowledge folder with two packs, for the tests of a bot that serves
 * several articles: the seed pack (under its own slug) and the small made-up
 * one of test/fixtures, both copied into a temporary folder.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR, loadLibrary, type Library } from '../../src/engine/index.ts';

/** The seed pack's slug: its folder's name in knowledge/ (longer than a button can carry). */
export const SEED = basename(DEFAULT_KNOWLEDGE_DIR);
/** The small made-up pack: "Harbor town votes to rebuild its old lighthouse", Coast Gazette. */
export const SMALL = 'port-ellis';
const SMALL_PACK = fileURLToPath(new URL('../fixtures/small-pack/port-ellis/', import.meta.url));

let dir: string | null = null;

/** The folder (made once per test file): `<tmp>/<SEED>` and `<tmp>/port-ellis`. */
export function twoPackDir(): string {
  if (dir) return dir;
  const root = mkdtempSync(join(tmpdir(), 'citebot-two-packs-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, join(root, SEED), { recursive: true });
  cpSync(SMALL_PACK, join(root, SMALL), { recursive: true });
  return (dir = root);
}

let library: Library | null = null;

/** The library over {@link twoPackDir}, loaded once per test file. */
export function twoPackLibrary(): Library {
  return (library ??= loadLibrary(twoPackDir()));
}

/**
 * Where the project's files are, found the same way whether this module runs
 * as TypeScript from `src/` (tsx, vitest) or as compiled JavaScript from
 * `dist/src/` (`node dist/main.js`, the container image): the project root is
 * the nearest folder above this file whose `package.json` is this package's.
 * Everything that needs a path below the root asks here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `name` in the project's package.json. */
const PACKAGE_NAME = 'citebot';

let root: string | null = null;

/** The project root: the folder holding package.json, knowledge/ and (after a build) dist/. */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return (root = dir);
      } catch {
        // An unreadable package.json is not ours; keep looking above it.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} project root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Where state lives when `DATA_DIR` is unset: `data/` in the project root. */
export function defaultDataDir(): string {
  return join(projectRoot(), 'data');
}

/** The knowledge folder (article packs), below the project root. */
export function knowledgeDir(): string {
  return join(projectRoot(), 'knowledge');
}

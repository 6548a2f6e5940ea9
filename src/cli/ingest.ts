/**
 * `npm run -s ingest -- <file> --out <dir> [--published YYYY-MM-DD] [--title T] [--outlet O] [--url U]`:
 * reads a news article (plain text, text pasted from a page, or an HTML page),
 * extracts its knowledge into a pack in `<dir>`, checks the pack as curated
 * knowledge is checked, and prints counts and what it is unsure of on stderr.
 * Exit 0 on success; 1 with a one-line reason when the article or the output
 * directory cannot be used; 2 for a usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';
import { OVERLAY_FILE } from '../knowledge/overlay.ts';

const USAGE = `Usage: npm run -s ingest -- <file> --out <dir> [--published YYYY-MM-DD] [--title T] [--outlet O] [--url U]
  <file>        the article: plain text (headline, blank line, paragraphs), pasted page text, or an HTML page
  --out <dir>   where to write the knowledge pack (a new directory, or an existing pack to replace)
  --published   publication date, to resolve "on Tuesday" or "last month"; overrides the page's
  --title, --outlet, --url   override what the page says
  A <file>.meta.json or <name>.meta.json beside the article (title, outlet, url, published) gives
  what the flags do not.`;

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What a sidecar meta file may give: the fields of the flags. */
export interface SidecarMeta {
  readonly published?: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly url?: string;
}

/**
 * The article's sidecar meta file, as articles are often kept (`story.txt` with
 * `story.meta.json`, or `story.txt.meta.json`): its fields, {} when there is none,
 * or why it cannot be used.
 */
export function sidecarMeta(file: string): SidecarMeta | string {
  const candidates = [`${file}.meta.json`, join(dirname(file), `${basename(file, extname(file))}.meta.json`)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(found, 'utf8'));
  } catch {
    return `${basename(found)} is not JSON`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `${basename(found)} is not a JSON object`;
  const out: Record<string, string> = {};
  for (const key of ['published', 'title', 'outlet', 'url'] as const) {
    const v = (data as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
  }
  return out;
}

export interface IngestIo {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
}

export async function runIngest(argv: readonly string[], io: IngestIo = process): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        published: { type: 'string' },
        title: { type: 'string' },
        outlet: { type: 'string' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1 || !values.out) {
    io.stderr.write(`${positionals.length === 0 ? 'Give the article file.' : positionals.length > 1 ? 'Give one article file.' : 'Give --out <dir>.'}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.url !== undefined && !URL.canParse(values.url)) {
    io.stderr.write(`--url ${values.url} is not a URL\n`);
    return EXIT.usage;
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    io.stderr.write(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return EXIT.failure;
  }
  // A pack with a curated overlay is re-extracted by npm run overlay, which keeps the overlay right.
  if (existsSync(join(resolve(values.out), OVERLAY_FILE))) {
    io.stderr.write(`cannot ingest into ${values.out}: it has a curated ${OVERLAY_FILE}; re-extract it with npm run -s overlay -- ${values.out}\n`);
    return EXIT.failure;
  }
  const meta = sidecarMeta(file);
  if (typeof meta === 'string') {
    io.stderr.write(`cannot ingest ${file}: ${meta}\n`);
    return EXIT.failure;
  }
  const started = performance.now();
  // Loaded only now: the taggers take seconds, which --help and a usage error need not wait for.
  const { ingest, PackWriteError, RelativeDateError, SourceError, writePack } = await import('../ingest/index.ts');
  try {
    const result = await ingest(text, { published: values.published ?? meta.published, title: values.title ?? meta.title, outlet: values.outlet ?? meta.outlet, url: values.url ?? meta.url });
    const out = resolve(values.out);
    writePack(out, result.pack, (tmp) => void loadKnowledge(tmp));
    const ms = Math.round(performance.now() - started);
    const c = result.counts;
    io.stderr.write(
      `ingested ${file} → ${out} in ${ms} ms: ${c.paragraphs} paragraphs, ${c.entities} entities (${c.people} people), ${c.quotes} quotes, ${c.events} dated events, ${c.facts} reported statements\n`,
    );
    if (result.unsure.length > 0) io.stderr.write(`unsure (${result.unsure.length}):\n${result.unsure.map((u) => `  - ${u}\n`).join('')}`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof SourceError || err instanceof RelativeDateError || err instanceof PackWriteError) {
      io.stderr.write(`cannot ingest ${file}: ${err.message}\n`);
      return EXIT.failure;
    }
    if (err instanceof KnowledgeError) {
      io.stderr.write(`cannot ingest ${file}: the extracted pack failed its checks (${err.message})\n`);
      return EXIT.failure;
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) process.exitCode = await runIngest(process.argv.slice(2));

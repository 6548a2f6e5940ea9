/**
 * `npm run -s ingest -- <file> --out <dir> [--published YYYY-MM-DD] [--title T] [--outlet O] [--url U]`:
 * reads a news article (plain text, text pasted from a page, or an HTML page),
 * extracts its knowledge into a pack in `<dir>`, checks the pack as curated
 * knowledge is checked, and prints counts and what it is unsure of on stderr.
 * Exit 0 on success; 1 with a one-line reason when the article or the output
 * directory cannot be used; 2 for a usage error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest, PackWriteError, RelativeDateError, SourceError, writePack } from '../ingest/index.ts';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';

const USAGE = `Usage: npm run -s ingest -- <file> --out <dir> [--published YYYY-MM-DD] [--title T] [--outlet O] [--url U]
  <file>        the article: plain text (headline, blank line, paragraphs), pasted page text, or an HTML page
  --out <dir>   where to write the knowledge pack (a new directory, or an existing pack to replace)
  --published   publication date, to resolve "on Tuesday" or "last month"; overrides the page's
  --title, --outlet, --url   override what the page says`;

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

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
  const started = performance.now();
  try {
    const result = await ingest(text, { published: values.published, title: values.title, outlet: values.outlet, url: values.url });
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

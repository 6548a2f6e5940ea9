/**
 * What the entry points (`npm start`, `npm run local`, `npm run deploy`) share:
 * their I/O, loading configuration and knowledge with readable errors, the
 * console, and exiting once output is flushed.
 */
import { realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { commands } from '../../commands/index.ts';
import { ConfigError, loadConfig, type Config, type Env } from '../config.ts';
import { createEngine, createLibrary, KnowledgeError, loadKnowledge, loadLibrary, packDirs, type Library } from '../engine/index.ts';
import { createLogger, type Logger } from '../log.ts';
import { openSettingsStore } from '../store/settings.ts';
import { createArticles, createMemorySettingsStore, type Articles } from './articles.ts';
import { runConsole } from './console.ts';
import { OPERATOR_TEXT } from './messages.ts';

/** The process as an entry point sees it; tests pass streams and an emitter instead. */
export interface Io {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  /** Logs and errors go here. */
  readonly stderr: NodeJS.WritableStream;
  /** Emits SIGINT, SIGTERM and unhandledRejection (the real `process`, or a stand-in). */
  readonly events: Pick<EventEmitter, 'on' | 'off'>;
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, events: process };
}

/** Exit codes. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The flags of an entry point (plus `--help`), or the exit code after printing
 * the usage: for a wrong flag on stderr (exit 2), for `--help` on stdout (exit 0).
 */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O, usage: string, io: Io): Record<keyof O, unknown> | number {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return EXIT.ok;
  }
  return values as Record<keyof O, unknown>;
}

/**
 * Configuration and a logger, or the exit code after saying (on stderr) what is
 * wrong. Without LOG_LEVEL, `defaultLevel` picks the level (a console wants only warnings).
 * When `conversation` says the logs share a terminal with a conversation, they are
 * readable lines whatever LOG_FORMAT says: JSON would land in the middle of it.
 */
export function loadSetup(
  env: Env | undefined,
  io: Io,
  defaultLevel: (config: Config) => 'info' | 'warn',
  conversation: (config: Config) => boolean = () => false,
): { config: Config; logger: Logger } | number {
  let config: Config;
  try {
    config = env ? loadConfig(env) : loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return EXIT.usage;
  }
  const format = conversation(config) ? 'pretty' : (config.logFormat ?? 'json');
  const logger = createLogger({ level: config.logLevel ?? defaultLevel(config), destination: io.stderr, format });
  return { config, logger };
}

/**
 * Every article pack in `dir` (`KNOWLEDGE_DIR`, default knowledge/), each with its engine, or null
 * after saying what is wrong with them. A `dir` that is itself a pack is a library of that one.
 */
export function loadArticleLibrary(io: Io, dir: string): Library | null {
  try {
    if (packDirs(dir).length > 0) return loadLibrary(dir);
    const kb = loadKnowledge(dir);
    return createLibrary([{ slug: basename(dir), kb, engine: createEngine(kb) }]);
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    io.stderr.write(`The knowledge base is invalid: ${err.message}\n`);
    return null;
  }
}

/** How long after start the engines build what they otherwise build on first need: after the first questions, not before them. */
export const WARM_AFTER_MS = 2_000;

/**
 * Has every article's engine build, {@link WARM_AFTER_MS} after start, what answering otherwise
 * builds when first needed (word lists, the date parser, pick lists), so no later question waits
 * for it. The timer does not keep the process alive; a failure is logged, never thrown.
 */
export function warmWhenIdle(library: Library, logger: Logger, afterMs = WARM_AFTER_MS): void {
  setTimeout(() => {
    try {
      for (const a of library.articles) a.engine.warm();
    } catch (err) {
      logger.warn({ err }, OPERATOR_TEXT.warmFailed);
    }
  }, afterMs).unref();
}

/**
 * The articles a bot serves, with server defaults in the configured store
 * (`DATABASE_URL`, else SQLite under `DATA_DIR`), opened on first need: the
 * first answer never waits for it, and with one article it is never opened to answer.
 */
export function serverArticles(library: Library, config: Config, logger: Logger): Articles {
  return createArticles({ library, logger, settings: () => openSettingsStore(config, logger) });
}

/** The console's articles: its one pseudo-server's default lives in memory, for the session only. */
export function consoleArticles(library: Library, logger: Logger): Articles {
  return createArticles({ library, logger, settings: async () => createMemorySettingsStore() });
}

/** Logs unhandled rejections instead of dying of them; returns a function that stops doing so. */
export function keepRunningOnRejections(io: Io, logger: Logger): () => void {
  const onRejection = (reason: unknown): void => logger.error({ err: reason }, OPERATOR_TEXT.unhandledRejection);
  io.events.on('unhandledRejection', onRejection);
  return () => io.events.off('unhandledRejection', onRejection);
}

/** Runs the local console on the process's streams until input ends or a signal. */
export async function startConsole(
  io: Io,
  articles: Articles,
  logger: Logger,
  { mode, banner, rateLimit }: { readonly mode: 'text' | 'payload'; readonly banner: string; readonly rateLimit?: Config['rateLimit'] },
): Promise<number> {
  const interactive = mode === 'text' && io.stdin.isTTY === true;
  await runConsole({ articles, commands, logger, input: io.stdin, output: io.stdout, interactive, mode, banner, signals: io.events, ...(rateLimit ? { rateLimit } : {}) });
  return EXIT.ok;
}

/** Is the module at `importMetaUrl` the script node was started with? */
export function isEntryModule(importMetaUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(importMetaUrl));
  } catch {
    return false;
  }
}

/** Runs an entry point's `main` and exits with its code once standard output and error are flushed. */
export async function runAsEntry(main: () => Promise<number>): Promise<void> {
  // A closed pipe (`| head`) is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
  });
  const code = await main();
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))));
  process.exit(code);
}

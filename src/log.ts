/**
 * Structured logs on standard error (pino), so that standard output stays
 * clean for the console and `--payload`: JSON lines for log collectors, or
 * one readable line each (`LOG_FORMAT=pretty`, and always in the interactive
 * console). Token-bearing fields are redacted wherever they appear.
 */
import { pino, type DestinationStream, type Level, type LevelWithSilent } from 'pino';

/** What the bot logs through: a pino logger, or anything with its methods (tests). */
export type Logger = Pick<pino.Logger, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'>;

/** Every level LOG_LEVEL accepts, most severe first. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];

/** Every format LOG_FORMAT accepts. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
/** How log lines are written: JSON objects, or readable text. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Field paths never written as they are, whatever logs them. */
const REDACT = [
  'token',
  '*.token',
  'config.token',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written. */
  readonly level: Level | 'silent';
  /** Where lines go; default standard error, written synchronously so nothing is lost on exit. */
  readonly destination?: DestinationStream;
  /** Default `json`. */
  readonly format?: LogFormat;
}

/** A pino logger writing `format` lines to `destination`. */
export function createLogger({ level, destination, format = 'json' }: LoggerOptions): pino.Logger {
  const out = destination ?? pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level,
      base: { name: 'citebot' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    format === 'pretty' ? prettyLines(out) : out,
  );
}

/** Fields every line has, shown in their own places rather than as `key=value`. */
const FIXED_FIELDS = new Set(['level', 'time', 'msg', 'name', 'pid', 'hostname']);

/** One JSON log line (already redacted by pino) as readable text: `12:00:01.234 WARN message key=value`. */
export function formatPretty(jsonLine: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = (typeof entry.level === 'number' ? (pino.levels.labels[entry.level] ?? String(entry.level)) : String(entry.level)).toUpperCase();
  let stack = '';
  const fields = Object.entries(entry)
    .filter(([key]) => !FIXED_FIELDS.has(key))
    .map(([key, value]) => {
      if (value && typeof value === 'object' && 'message' in value) {
        const err = value as { type?: unknown; message?: unknown; stack?: unknown };
        if (typeof err.stack === 'string') stack = `\n${err.stack.replace(/^/gm, '    ')}`;
        return `${key}=${JSON.stringify(String(err.message))}`;
      }
      return `${key}=${typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value)}`;
    });
  return `${[time, level.padEnd(5), entry.msg ?? '', ...fields].filter((p) => p !== '').join(' ')}${stack}\n`;
}

/** Writes each JSON line pino produces to `out` as {@link formatPretty} text. */
function prettyLines(out: DestinationStream): DestinationStream {
  return { write: (line: string) => out.write(formatPretty(line)) };
}

/** Replaces every occurrence of `secret` in `text`, for messages from libraries that might echo it. */
export function scrub(text: string, secret: string | null | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

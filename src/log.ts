/**
 * Structured logs: JSON lines on standard error (pino), so that standard
 * output stays clean for the console and `--payload`. Token-bearing fields are
 * redacted wherever they appear.
 */
import { pino, type DestinationStream, type Level, type LevelWithSilent } from 'pino';

/** What the bot logs through: a pino logger, or anything with its methods (tests). */
export type Logger = Pick<pino.Logger, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'>;

/** Every level LOG_LEVEL accepts, most severe first. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const satisfies readonly LevelWithSilent[];

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
}

export function createLogger({ level, destination }: LoggerOptions): pino.Logger {
  return pino(
    {
      level,
      base: { name: 'citebot' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** Replaces every occurrence of `secret` in `text`, for messages from libraries that might echo it. */
export function scrub(text: string, secret: string | null | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

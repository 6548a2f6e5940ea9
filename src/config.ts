/**
 * The bot's configuration: read from the environment (and `.env`, loaded once
 * with dotenv), validated once into a frozen, typed object. No other module
 * reads `process.env`. Errors name the variable and never echo the token.
 */
import { resolve } from 'node:path';
import { inspect } from 'node:util';
import dotenv from 'dotenv';
import { z } from 'zod';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat } from './log.ts';
import { defaultDataDir, knowledgeDir } from './paths.ts';

/** Environment variables as read: name to value. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Discord's REST base when `DISCORD_API_URL` is not set (discord.js's own default). */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

/** A value that must never be printed: every way of turning it into text gives `[redacted]`. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The value itself, for the one call that needs it (logging in, the REST client). */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}

/** The validated configuration. */
export interface Config {
  /** `DISCORD_TOKEN`: the bot token; null when unset, and then `npm start` runs the local console. */
  readonly token: Secret | null;
  /** `DISCORD_APPLICATION_ID`: the application (client) id; needed to register commands. */
  readonly applicationId: string | null;
  /** `DISCORD_GUILD_ID`: register commands in this one server (instantly) instead of globally. */
  readonly guildId: string | null;
  /** `DISCORD_API_URL`: REST base URL without a trailing slash, e.g. `https://discord.com/api` (the default). */
  readonly apiUrl: string;
  /** `LOG_LEVEL`: lowest level logged; null when unset (each entry point picks its default). */
  readonly logLevel: (typeof LOG_LEVELS)[number] | null;
  /**
   * `LOG_FORMAT`: `json` (one JSON object a line, for collectors) or `pretty` (one readable line each);
   * null when unset: JSON, except that the interactive console always writes readable lines.
   */
  readonly logFormat: LogFormat | null;
  /** `RATE_LIMIT_COUNT` commands per user in any `RATE_LIMIT_WINDOW_SECONDS`; default 5 per 10 s. */
  readonly rateLimit: { readonly count: number; readonly windowMs: number };
  /**
   * HTTP interactions mode, when `INTERACTIONS_PORT` is set: Discord POSTs interactions to
   * `http://host:port/interactions`, verified with `DISCORD_PUBLIC_KEY`. Null: gateway or console.
   */
  readonly interactions: {
    /** `INTERACTIONS_PORT`; 0 picks a free port (tests). */
    readonly port: number;
    /** `DISCORD_PUBLIC_KEY`: the application's Ed25519 public key, 64 hex digits, lower case. */
    readonly publicKey: string;
  } | null;
  /** `METRICS_PORT`: in gateway mode, serve /healthz, /readyz and /metrics on this port; null: not at all. */
  readonly metricsPort: number | null;
  /** `INTERACTIONS_HOST`: the address the HTTP server (interactions, or metrics) listens on; default `0.0.0.0`. */
  readonly httpHost: string;
  /** `REDIS_URL` (a Secret: it may hold a password): per-user rate limits shared by every replica; null: in-process. */
  readonly redisUrl: Secret | null;
  /** `DATABASE_URL` (a Secret): server settings in PostgreSQL; null: in SQLite under `dataDir`. */
  readonly databaseUrl: Secret | null;
  /** `DATA_DIR`: where the SQLite settings file lives; default `data/` in the project root. */
  readonly dataDir: string;
  /** `KNOWLEDGE_DIR`: the folder of article packs the bot serves; default `knowledge/` in the project root. */
  readonly knowledgeDir: string;
  /**
   * `SHARD_COUNT`: gateway shards, `auto` (as many as Discord recommends) or a number; null (unset)
   * for one connection, unsharded. Discord requires sharding from 2,500 servers.
   */
  readonly shardCount: 'auto' | number | null;
}

/** Where the HTTP server listens when `INTERACTIONS_HOST` is unset: every interface, as a container needs. */
export const DEFAULT_INTERACTIONS_HOST = '0.0.0.0';

/** Commands a user may run per window when `RATE_LIMIT_COUNT` is unset. */
export const DEFAULT_RATE_LIMIT_COUNT = 5;
/** The window of the rate limit when `RATE_LIMIT_WINDOW_SECONDS` is unset. */
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 10;
/** Bounds of the rate-limit settings: a limit no one can hit, or a window of days, is a mistake. */
const RATE_LIMIT_COUNT_MAX = 1000;
const RATE_LIMIT_WINDOW_SECONDS_MAX = 86_400;

/** One or more variables are wrong; `issues` name each one. The message never contains a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly { readonly variable: string; readonly problem: string }[]) {
    super(`Configuration problem${issues.length > 1 ? 's' : ''}:\n${issues.map((i) => `  ${i.variable}: ${i.problem}`).join('\n')}`);
  }
}

const blankIsUnset = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = z.string().trim().regex(SNOWFLAKE, 'must be a Discord id: 17 to 20 digits (copy it with Developer Mode on)');

/** A whole number in [min, max], written in decimal digits. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`));

const port = wholeNumber(0, 65_535);
/** More shards than this is a typo: it would be a bot in tens of millions of servers. */
const SHARD_COUNT_MAX = 10_000;

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .refine((v) => !/^(?:Bot|Bearer)\s/i.test(v), { error: 'give the token alone, without the "Bot " prefix', abort: true })
      .refine((v) => !/[\s"'`]/.test(v), 'must be one word without spaces or quotes (check .env for stray quotes)'),
  ),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL, e.g. https://discord.com/api'),
  ),
  LOG_LEVEL: optional(z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }))),
  LOG_FORMAT: optional(z.string().trim().toLowerCase().pipe(z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }))),
  RATE_LIMIT_COUNT: optional(wholeNumber(1, RATE_LIMIT_COUNT_MAX)),
  RATE_LIMIT_WINDOW_SECONDS: optional(wholeNumber(1, RATE_LIMIT_WINDOW_SECONDS_MAX)),
  INTERACTIONS_PORT: optional(port),
  INTERACTIONS_HOST: optional(z.string().trim().regex(/^[\w.:-]+$/, 'must be a host name or an IP address, e.g. 0.0.0.0 or 127.0.0.1')),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits of the Public Key (Developer Portal → General Information)'),
  ),
  METRICS_PORT: optional(port),
  REDIS_URL: optional(z.string().trim().refine((v) => URL.canParse(v) && /^rediss?:$/.test(new URL(v).protocol), 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')),
  DATABASE_URL: optional(
    z.string().trim().refine((v) => URL.canParse(v) && /^postgres(?:ql)?:$/.test(new URL(v).protocol), 'must be a postgres:// URL, e.g. postgres://user:password@host:5432/citebot'),
  ),
  DATA_DIR: optional(z.string().trim()),
  KNOWLEDGE_DIR: optional(z.string().trim().min(1, 'must be a folder of article packs')),
  SHARD_COUNT: optional(
    z.union([z.string().trim().toLowerCase().pipe(z.literal('auto')), wholeNumber(1, SHARD_COUNT_MAX)], {
      error: `must be auto or a whole number from 1 to ${SHARD_COUNT_MAX}`,
    }),
  ),
});

let fromDotenv: Env | null = null;

/** The process environment with `.env` (in the working directory) filled in underneath it, read once. */
export function loadEnvironment(): Env {
  if (!fromDotenv) {
    const env: Record<string, string | undefined> = { ...process.env };
    // Variables already set win over `.env`; `quiet` keeps dotenv from printing.
    dotenv.config({ quiet: true, processEnv: env });
    fromDotenv = Object.freeze(env);
  }
  return fromDotenv;
}

/** Validates `env` (default: {@link loadEnvironment}) into a frozen {@link Config}; throws {@link ConfigError}. */
export function loadConfig(env: Env = loadEnvironment()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? 'environment'), problem: i.message })));
  }
  const v = parsed.data;
  if (v.INTERACTIONS_PORT !== undefined && !v.DISCORD_PUBLIC_KEY) {
    throw new ConfigError([{ variable: 'DISCORD_PUBLIC_KEY', problem: 'is required with INTERACTIONS_PORT: it verifies that requests come from Discord' }]);
  }
  return Object.freeze({
    token: v.DISCORD_TOKEN ? new Secret(v.DISCORD_TOKEN) : null,
    applicationId: v.DISCORD_APPLICATION_ID ?? null,
    guildId: v.DISCORD_GUILD_ID ?? null,
    apiUrl: (v.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, ''),
    logLevel: v.LOG_LEVEL ?? null,
    logFormat: v.LOG_FORMAT ?? null,
    rateLimit: Object.freeze({
      count: v.RATE_LIMIT_COUNT ?? DEFAULT_RATE_LIMIT_COUNT,
      windowMs: (v.RATE_LIMIT_WINDOW_SECONDS ?? DEFAULT_RATE_LIMIT_WINDOW_SECONDS) * 1000,
    }),
    interactions:
      v.INTERACTIONS_PORT !== undefined && v.DISCORD_PUBLIC_KEY
        ? Object.freeze({ port: v.INTERACTIONS_PORT, publicKey: v.DISCORD_PUBLIC_KEY })
        : null,
    metricsPort: v.METRICS_PORT ?? null,
    httpHost: v.INTERACTIONS_HOST ?? DEFAULT_INTERACTIONS_HOST,
    redisUrl: v.REDIS_URL ? new Secret(v.REDIS_URL) : null,
    databaseUrl: v.DATABASE_URL ? new Secret(v.DATABASE_URL) : null,
    dataDir: resolve(v.DATA_DIR ?? defaultDataDir()),
    knowledgeDir: resolve(v.KNOWLEDGE_DIR ?? knowledgeDir()),
    shardCount: v.SHARD_COUNT ?? null,
  });
}

/** What registering commands needs, checked: throws {@link ConfigError} naming each missing variable. */
export function requireDeployConfig(config: Config): { readonly token: Secret; readonly applicationId: string } {
  const issues = [
    ...(config.token ? [] : [{ variable: 'DISCORD_TOKEN', problem: 'is not set; registering commands needs the bot token (or use --dry-run)' }]),
    ...(config.applicationId ? [] : [{ variable: 'DISCORD_APPLICATION_ID', problem: 'is not set; registering commands needs the application id' }]),
  ];
  if (issues.length > 0 || !config.token || !config.applicationId) throw new ConfigError(issues);
  return { token: config.token, applicationId: config.applicationId };
}

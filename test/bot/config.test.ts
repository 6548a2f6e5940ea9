import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DISCORD_API_URL, loadConfig, requireDeployConfig, Secret, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { defaultDataDir, knowledgeDir } from '../../src/paths.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const ID = '123456789012345678';
const KEY = 'a'.repeat(64);

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('no ConfigError');
}

describe('loadConfig', () => {
  it('reads a full configuration into a frozen object', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ID,
      DISCORD_GUILD_ID: ID,
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config.token?.reveal()).toBe(TOKEN);
    expect(config).toMatchObject({ applicationId: ID, guildId: ID, apiUrl: 'http://127.0.0.1:9999/api', logLevel: 'debug' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats unset and blank alike, with defaults', () => {
    for (const env of [{}, { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '  ', DISCORD_API_URL: '', LOG_LEVEL: '' }]) {
      expect(loadConfig(env)).toEqual<Config>({
        token: null,
        applicationId: null,
        guildId: null,
        apiUrl: DEFAULT_DISCORD_API_URL,
        logLevel: null,
        logFormat: null,
        rateLimit: { count: 5, windowMs: 10_000 },
        interactions: null,
        metricsPort: null,
        httpHost: '0.0.0.0',
        redisUrl: null,
        databaseUrl: null,
        dataDir: defaultDataDir(),
        knowledgeDir: knowledgeDir(),
        shardCount: null,
      });
    }
  });

  it.each([
    ['an application id that is not a snowflake', { DISCORD_APPLICATION_ID: 'abc' }, 'DISCORD_APPLICATION_ID'],
    ['a short guild id', { DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID'],
    ['an ftp API URL', { DISCORD_API_URL: 'ftp://example.com' }, 'DISCORD_API_URL'],
    ['an API URL that is no URL', { DISCORD_API_URL: 'not a url' }, 'DISCORD_API_URL'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['a token with the Bot prefix', { DISCORD_TOKEN: `Bot ${TOKEN}` }, 'DISCORD_TOKEN'],
    ['a token in quotes', { DISCORD_TOKEN: `"${TOKEN}"` }, 'DISCORD_TOKEN'],
    ['a token with a space', { DISCORD_TOKEN: `${TOKEN} extra` }, 'DISCORD_TOKEN'],
    ['an unknown log format', { LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    ['a rate limit of 0', { RATE_LIMIT_COUNT: '0' }, 'RATE_LIMIT_COUNT'],
    ['a fractional rate limit', { RATE_LIMIT_COUNT: '2.5' }, 'RATE_LIMIT_COUNT'],
    ['a window in words', { RATE_LIMIT_WINDOW_SECONDS: 'ten' }, 'RATE_LIMIT_WINDOW_SECONDS'],
    ['a window of more than a day', { RATE_LIMIT_WINDOW_SECONDS: '86401' }, 'RATE_LIMIT_WINDOW_SECONDS'],
    ['an interactions port too large', { INTERACTIONS_PORT: '70000', DISCORD_PUBLIC_KEY: KEY }, 'INTERACTIONS_PORT'],
    ['a public key too short', { INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: KEY.slice(2) }, 'DISCORD_PUBLIC_KEY'],
    ['an interactions port without a public key', { INTERACTIONS_PORT: '8080' }, 'DISCORD_PUBLIC_KEY'],
    ['a host with a slash', { INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: KEY, INTERACTIONS_HOST: 'http://x/' }, 'INTERACTIONS_HOST'],
    ['a metrics port in words', { METRICS_PORT: 'nine' }, 'METRICS_PORT'],
    ['an http URL for Redis', { REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    ['a MySQL URL for the database', { DATABASE_URL: 'mysql://u:p@h/db' }, 'DATABASE_URL'],
    ['a shard count of 0', { SHARD_COUNT: '0' }, 'SHARD_COUNT'],
    ['a shard count in words', { SHARD_COUNT: 'many' }, 'SHARD_COUNT'],
  ])('%s: the error names the variable and never shows the token', (_label, env, variable) => {
    const err = configError({ DISCORD_TOKEN: TOKEN, ...env } as Record<string, string>);
    expect(err.issues.map((i) => i.variable)).toEqual([variable]);
    expect(err.message).toContain(variable);
    expect(err.message).not.toContain(TOKEN.slice(0, 10));
    expect(err.message).not.toContain(TOKEN.slice(-10));
  });

  it('reads the rate limit and the log format', () => {
    expect(loadConfig({ RATE_LIMIT_COUNT: ' 12 ', RATE_LIMIT_WINDOW_SECONDS: '60', LOG_FORMAT: 'Pretty' })).toMatchObject({
      rateLimit: { count: 12, windowMs: 60_000 },
      logFormat: 'pretty',
    });
  });

  it('selects HTTP interactions mode with a port and a public key, listening everywhere by default', () => {
    expect(loadConfig({ INTERACTIONS_PORT: '8080', DISCORD_PUBLIC_KEY: KEY.toUpperCase() })).toMatchObject({ interactions: { port: 8080, publicKey: KEY }, httpHost: '0.0.0.0' });
    expect(loadConfig({ INTERACTIONS_PORT: '0', INTERACTIONS_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: KEY })).toMatchObject({ interactions: { port: 0 }, httpHost: '127.0.0.1' });
    expect(loadConfig({ DISCORD_PUBLIC_KEY: KEY, METRICS_PORT: '9100' })).toMatchObject({ interactions: null, metricsPort: 9100 });
  });

  it('keeps the Redis and database URLs secret, since they may hold passwords', () => {
    const config = loadConfig({ REDIS_URL: 'redis://:hunter2@cache:6379', DATABASE_URL: 'postgres://bot:hunter2@db/citebot', DATA_DIR: 'var/state' });
    expect(config.redisUrl?.reveal()).toBe('redis://:hunter2@cache:6379');
    expect(config.databaseUrl?.reveal()).toBe('postgres://bot:hunter2@db/citebot');
    expect(JSON.stringify(config)).not.toContain('hunter2');
    expect(config.dataDir).toBe(resolve('var/state'));
  });

  it('reads KNOWLEDGE_DIR as a folder, relative to the working directory', () => {
    expect(loadConfig({ KNOWLEDGE_DIR: 'packs' }).knowledgeDir).toBe(resolve('packs'));
    expect(loadConfig({ KNOWLEDGE_DIR: '  ' }).knowledgeDir).toBe(knowledgeDir());
  });

  it('reads SHARD_COUNT as auto or a number', () => {
    expect(loadConfig({ SHARD_COUNT: 'Auto' }).shardCount).toBe('auto');
    expect(loadConfig({ SHARD_COUNT: '4' }).shardCount).toBe(4);
  });

  it('reports every wrong variable at once', () => {
    expect(configError({ DISCORD_GUILD_ID: 'x', LOG_LEVEL: 'x' }).issues.map((i) => i.variable).sort()).toEqual(['DISCORD_GUILD_ID', 'LOG_LEVEL']);
  });
});

describe('requireDeployConfig', () => {
  it('names each missing variable', () => {
    expect(() => requireDeployConfig(loadConfig({}))).toThrow(/DISCORD_TOKEN[\s\S]*DISCORD_APPLICATION_ID/);
    expect(() => requireDeployConfig(loadConfig({ DISCORD_TOKEN: TOKEN }))).toThrow(/DISCORD_APPLICATION_ID/);
    expect(requireDeployConfig(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: ID })).applicationId).toBe(ID);
  });
});

describe('the token never shows', () => {
  const config = loadConfig({ DISCORD_TOKEN: TOKEN });
  it.each([
    ['JSON', () => JSON.stringify(config)],
    ['inspect', () => inspect(config, { depth: 5 })],
    ['template', () => `${config.token}`],
    ['String', () => String(new Secret(TOKEN))],
  ])('in %s', (_how, show) => expect(show()).not.toContain(TOKEN));

  it('in logs, whatever field carries it', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (s: string) => void lines.push(s) } });
    logger.info({ token: TOKEN, config, headers: { authorization: `Bot ${TOKEN}` }, env: { DISCORD_TOKEN: TOKEN } }, 'x');
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('in readable logs too', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', format: 'pretty', destination: { write: (s: string) => void lines.push(s) } });
    logger.info({ token: TOKEN, config, headers: { authorization: `Bot ${TOKEN}` } }, 'x');
    expect(lines.join('')).not.toContain(TOKEN);
  });
});

describe('readable log lines', () => {
  it('put the level and message first, then the fields, and the stack of an error below', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', format: 'pretty', destination: { write: (s: string) => void lines.push(s) } });
    logger.warn({ command: 'ask', user: '42', detail: 'two words' }, 'rate limited');
    logger.error({ err: new Error('boom') }, 'command failed');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}rate limited command=ask user=42 detail="two words"\n$/);
    expect(lines[1]).toMatch(/ERROR command failed err="boom"\n {4}Error: boom\n {8}at /);
    expect(lines.join('')).not.toMatch(/^\{/m);
  });
});

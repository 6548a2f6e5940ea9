import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DISCORD_API_URL, loadConfig, requireDeployConfig, Secret, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const ID = '123456789012345678';

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
      expect(loadConfig(env)).toEqual<Config>({ token: null, applicationId: null, guildId: null, apiUrl: DEFAULT_DISCORD_API_URL, logLevel: null });
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
  ])('%s: the error names the variable and never shows the token', (_label, env, variable) => {
    const err = configError({ DISCORD_TOKEN: TOKEN, ...env } as Record<string, string>);
    expect(err.issues.map((i) => i.variable)).toEqual([variable]);
    expect(err.message).toContain(variable);
    expect(err.message).not.toContain(TOKEN.slice(0, 10));
    expect(err.message).not.toContain(TOKEN.slice(-10));
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
});

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './memory-io.ts';
import { commands } from '../../commands/index.ts';
import { COMMAND_DESCRIPTION_MAX, COMMAND_NAME_PATTERN } from '../../src/bot/limits.ts';
import { registrationBodies, registrationProblems, runDeploy } from '../../src/cli/deploy.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.deploy-test-token-0123456789abcdef';
const APP = '1300000000000000001';
const GUILD = '1300000000000000002';

const io = memoryIo;

describe('--dry-run', () => {
  it('prints the JSON of all ten commands, needing no token', async () => {
    const streams = io();
    expect(await runDeploy(['--dry-run'], {}, streams)).toBe(0);
    const bodies = JSON.parse(streams.out()) as {
      name: string;
      description?: string;
      type: number;
      integration_types: number[];
      contexts: number[];
      default_member_permissions?: string | null;
      options?: { name: string; type: number; required?: boolean; autocomplete?: boolean }[];
    }[];
    expect(bodies.map((b) => b.name)).toEqual(['ask', 'who-said', 'quotes', 'when', 'timeline', 'who-is', 'article', 'article-use', 'Find in article', 'help']);
    // Setting the server's default article: servers only, and by default for Manage Server (1 << 5) alone.
    const use = bodies.find((b) => b.name === 'article-use')!;
    expect(use).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: '32' });
    expect(use.options).toEqual([expect.objectContaining({ name: 'article', type: 3, required: true, autocomplete: true })]);
    // Every answering command takes an optional, autocompleted article:.
    for (const name of ['ask', 'who-said', 'quotes', 'when', 'timeline', 'who-is', 'article']) {
      const article = bodies.find((b) => b.name === name)!.options!.find((o) => o.name === 'article');
      expect(article, name).toMatchObject({ type: 3, autocomplete: true });
      expect(article!.required ?? false).toBe(false);
    }
    for (const b of bodies.filter((x) => x.name !== 'article-use')) {
      expect(b.default_member_permissions ?? null).toBeNull();
      if (b.type === 1) {
        expect(b.name).toMatch(COMMAND_NAME_PATTERN);
        expect(b.description!.length).toBeGreaterThanOrEqual(1);
        expect(b.description!.length).toBeLessThanOrEqual(COMMAND_DESCRIPTION_MAX);
      }
      expect(b.integration_types).toEqual([0, 1]);
      expect(b.contexts).toEqual([0, 1, 2]);
    }
    expect(streams.err()).toContain('would register 10 commands globally');
  });

  it('registrations are valid for Discord', () => {
    expect(registrationProblems(registrationBodies(commands, 'global'))).toEqual([]);
    expect(registrationProblems([{ name: 'Bad Name', description: 'x'.repeat(101) }])).toHaveLength(2);
  });

  it('guild registrations leave out the global-only fields', () => {
    for (const body of registrationBodies(commands, 'guild')) {
      expect(body).not.toHaveProperty('integration_types');
      expect(body).not.toHaveProperty('contexts');
    }
    // A guild registration is guild-only anyway; the permission stays.
    expect(registrationBodies(commands, 'guild').find((b) => b.name === 'article-use')).toMatchObject({ default_member_permissions: '32' });
  });
});

describe('registering', () => {
  const seen: { method: string; url: string; auth: string; body: unknown }[] = [];
  let status = 200;
  let api = '';
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization ?? '', body });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? body : { message: '401: Unauthorized', code: 0 }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('PUTs the commands to the guild when DISCORD_GUILD_ID is set, and says what it registered', async () => {
    status = 200;
    const streams = io();
    const code = await runDeploy([], { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: GUILD, DISCORD_API_URL: api }, streams);
    expect(streams.err()).toBe('');
    expect(code).toBe(0);
    const put = seen.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', url: `/api/v10/applications/${APP}/guilds/${GUILD}/commands`, auth: `Bot ${TOKEN}` });
    expect((put.body as unknown[]).length).toBe(10);
    expect(streams.out()).toContain(`Registered 10 commands in the server ${GUILD}: /ask, /who-said`);
  });

  it('PUTs globally otherwise', async () => {
    status = 200;
    const streams = io();
    expect(await runDeploy([], { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: api }, streams)).toBe(0);
    expect(seen.at(-1)!.url).toBe(`/api/v10/applications/${APP}/commands`);
    expect(streams.out()).toContain('Registered 10 commands globally');
  });

  it('a rejected token names DISCORD_TOKEN and never shows it', async () => {
    status = 401;
    const streams = io();
    expect(await runDeploy([], { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: api }, streams)).toBe(1);
    expect(streams.err()).toContain('DISCORD_TOKEN was rejected');
    expect(streams.out() + streams.err()).not.toContain(TOKEN);
  });

  it('without a token or application id, names what is missing', async () => {
    const streams = io();
    expect(await runDeploy([], {}, streams)).toBe(2);
    expect(streams.err()).toMatch(/DISCORD_TOKEN[\s\S]*DISCORD_APPLICATION_ID/);
  });
});

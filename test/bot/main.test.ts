import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { memoryIo } from './memory-io.ts';
import { run } from '../../src/main.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.main-test-token-0123456789abcdef';

const io = memoryIo;

describe('run (npm start)', () => {
  it('without a token, runs the console on stdin', async () => {
    const streams = io('/who-is name: zhirnov\n');
    expect(await run([], {}, streams)).toBe(0);
    expect(streams.out()).toContain("Dmitry Zhirnov is Russia's chargé d'affaires");
    expect(streams.err()).toBe('');
  });

  it('at a terminal, writes its logs as readable lines, never JSON, even with LOG_FORMAT=json', async () => {
    const streams = io('/no-such-command\n');
    Object.assign(streams.stdin, { isTTY: true });
    expect(await run([], { LOG_FORMAT: 'json' }, streams)).toBe(0);
    expect(streams.err()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}unknown command command=no-such-command/m);
    expect(streams.err()).not.toContain('{');
  });

  it('piped, writes JSON log lines as configured', async () => {
    const streams = io('/no-such-command\n');
    expect(await run([], { LOG_FORMAT: 'json' }, streams)).toBe(0);
    expect(JSON.parse(streams.err().trim().split('\n')[0]!)).toMatchObject({ msg: 'unknown command' });
  });

  it('with a bad variable, says which and exits 2', async () => {
    const streams = io();
    expect(await run([], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'ftp://x' }, streams)).toBe(2);
    expect(streams.err()).toContain('DISCORD_API_URL');
    expect(streams.err()).not.toContain(TOKEN);
  });

  it('with a token Discord rejects, exits 1 naming DISCORD_TOKEN, never showing it', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":"401: Unauthorized","code":0}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const streams = io();
    const started = Date.now();
    const code = await run([], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: api }, streams);
    await new Promise<void>((r) => server.close(() => r()));
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(streams.err()).toContain('DISCORD_TOKEN was rejected');
    expect(streams.out() + streams.err()).not.toContain(TOKEN);
  });

  it('--help says how to start', async () => {
    const streams = io();
    expect(await run(['--help'], {}, streams)).toBe(0);
    expect(streams.out()).toContain('DISCORD_TOKEN');
  });
});

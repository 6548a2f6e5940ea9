/**
 * The bot's HTTP server (node:http): Discord's interactions endpoint, and the
 * endpoints operators and orchestrators look for.
 *
 * - `POST /interactions` (HTTP interactions mode only): the body is read up to
 *   {@link MAX_BODY_BYTES} (413 past it), the signature and timestamp checked
 *   before anything is parsed (401), then the JSON (400) handed to the
 *   interaction handler.
 * - `GET /healthz`: 200 while the process lives.
 * - `GET /readyz`: 200 once ready to serve (knowledge loaded; in gateway mode,
 *   a live gateway session), else 503.
 * - `GET /metrics`: Prometheus text.
 *
 * Anything else gets 404, or 405 with `Allow` for a known path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { HandleResult } from './interactions.ts';
import type { Metrics } from './metrics.ts';
import { checkSignature } from './verify.ts';

/** Discord's interaction payloads are a few KiB; anything near this is not one. */
export const MAX_BODY_BYTES = 64 * 1024;
/** How long a shutdown waits for requests in progress before closing their connections. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** Options for {@link startHttpServer}. */
export interface HttpServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Is the bot ready to serve (for /readyz)? */
  readonly ready: () => boolean;
  /** Serve `POST /interactions`: the application's public key and the handler of verified interactions. */
  readonly interactions?: {
    readonly publicKey: KeyObject;
    /** The handler; null until the knowledge is loaded (503 meanwhile). */
    handle(): ((interaction: unknown) => Promise<HandleResult>) | null;
  };
  /** The clock for timestamp checks (tests). Default `Date.now`. */
  readonly now?: () => number;
}

/** A listening server. */
export interface HttpServer {
  readonly server: Server;
  /** The port it listens on (the chosen one when 0 was asked). */
  readonly port: number;
  /** Stops accepting, lets requests in progress finish (at most {@link SHUTDOWN_GRACE_MS}), then resolves. */
  close(): Promise<void>;
}

const ROUTES: Record<string, string> = { '/interactions': 'POST', '/healthz': 'GET', '/readyz': 'GET', '/metrics': 'GET' };

function send(res: ServerResponse, status: number, body: string, type = 'application/json', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...headers });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, value: unknown, headers?: Record<string, string>): void => send(res, status, JSON.stringify(value), 'application/json', headers);

/** The request body; `too-large` when it passes `limit` bytes (the rest is not read); `gone` when the client left first. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'gone'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    // Settles nothing if the body was complete; otherwise nobody is left to answer.
    req.on('close', () => resolve('gone'));
    req.on('error', reject);
  });
}

/** Starts the server; rejects when it cannot listen (e.g. the port is taken). */
export function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { host, port, logger, metrics, ready, interactions, now = Date.now } = options;

  async function onInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'gone') return;
    if (body === 'too-large') {
      // Say so, then drop the connection rather than read the rest.
      send(res, 413, JSON.stringify({ error: `body over ${MAX_BODY_BYTES} bytes` }), 'application/json', { connection: 'close' });
      return;
    }
    const problem = checkSignature(
      interactions!.publicKey,
      req.headers['x-signature-ed25519'] as string | undefined,
      req.headers['x-signature-timestamp'] as string | undefined,
      body,
      now(),
    );
    if (problem) {
      logger.warn({ problem, remote: req.socket.remoteAddress }, 'refused an unsigned or stale interaction');
      sendJson(res, 401, { error: 'invalid request signature' });
      return;
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, { error: 'body is not JSON' });
      return;
    }
    const handle = interactions!.handle();
    if (!handle) {
      sendJson(res, 503, { error: 'not ready' }, { 'retry-after': '1' });
      return;
    }
    const result = await handle(interaction);
    if (result.status === 400) sendJson(res, 400, { error: result.error });
    else sendJson(res, 200, result.body);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const method = ROUTES[path];
    if (!method || (path === '/interactions' && !interactions)) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      sendJson(res, 405, { error: 'method not allowed' }, { allow: method === 'GET' ? 'GET, HEAD' : method });
      return;
    }
    switch (path) {
      case '/interactions':
        return onInteraction(req, res);
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz':
        return ready() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'not ready' });
      default:
        return send(res, 200, await metrics.render(), metrics.contentType);
    }
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      logger.error({ err, path: req.url }, 'HTTP request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  // Load balancers keep connections open longer than Node's 5 s default; closing first causes resets.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}

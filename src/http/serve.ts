/**
 * Running the HTTP side: the whole bot in HTTP interactions mode, or, beside
 * the gateway, just the health and metrics endpoints (`METRICS_PORT`).
 */
import type { EventEmitter } from 'node:events';
import type { Command } from '../bot/command.ts';
import { OPERATOR_TEXT } from '../bot/messages.ts';
import { createRateLimiter, type RateLimiter } from '../bot/rate-limit.ts';
import { createRouter } from '../bot/router.ts';
import type { Articles } from '../bot/articles.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import { createInteractionHandler } from './interactions.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { startHttpServer, type HttpServer } from './server.ts';
import { publicKeyFromHex } from './verify.ts';
import { createInteractionWebhook } from './webhook.ts';

/** Options for {@link serveInteractions}. */
export interface InteractionsModeOptions {
  readonly config: Config & { readonly interactions: NonNullable<Config['interactions']> };
  /** The articles served; or, for one article, just its `engine`. */
  readonly articles?: Articles;
  readonly engine?: Engine;
  readonly logger: Logger;
  readonly commands: readonly Command[];
  /** Where SIGINT and SIGTERM come from. */
  readonly signals: Pick<EventEmitter, 'on' | 'off'>;
  /** Per-user command limit; default the configured in-process one. */
  readonly limiter?: RateLimiter;
  /** Called once listening, with the port (tests, benchmarks). */
  readonly onListening?: (port: number) => void;
}

/** Resolves on the first SIGINT or SIGTERM from `signals`. */
function nextSignal(signals: Pick<EventEmitter, 'on' | 'off'>): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      signals.off('SIGINT', on);
      signals.off('SIGTERM', on);
      resolve(signal);
    };
    signals.on('SIGINT', on);
    signals.on('SIGTERM', on);
  });
}

/** Starts the HTTP server, or logs why it cannot listen and returns null. */
async function listen(logger: Logger, what: string, start: () => Promise<HttpServer>, host: string, port: number): Promise<HttpServer | null> {
  try {
    const server = await start();
    logger.info({ host, port: server.port }, OPERATOR_TEXT.listening(what));
    return server;
  } catch (err) {
    logger.fatal({ error: { code: (err as { code?: unknown }).code, message: String((err as Error).message) }, host, port }, OPERATOR_TEXT.cannotListen(host, port));
    return null;
  }
}

/**
 * HTTP interactions mode: serves `POST /interactions` (and the health and
 * metrics endpoints) until SIGINT or SIGTERM; resolves 0 then, or 1 when it
 * cannot listen.
 */
export async function serveInteractions(options: InteractionsModeOptions): Promise<number> {
  const { config, articles, engine, logger, commands, signals } = options;
  const limiter = options.limiter ?? createRateLimiter({ limit: config.rateLimit.count, windowMs: config.rateLimit.windowMs });
  const metrics = createMetrics();
  const router = createRouter({ commands, ...(articles ? { articles } : {}), ...(engine ? { engine } : {}), logger, limiter, timestamps: 'discord', observe: metrics.observe });
  const handle = createInteractionHandler({ router, logger, webhook: createInteractionWebhook(config.apiUrl), metrics });
  const publicKey = publicKeyFromHex(config.interactions.publicKey);
  const { httpHost: host } = config;
  const { port } = config.interactions;
  const stopped = nextSignal(signals);
  const server = await listen(
    logger,
    'interactions',
    () => startHttpServer({ host, port, logger, metrics, ready: () => true, interactions: { publicKey, handle: () => handle } }),
    host,
    port,
  );
  if (!server) return 1;
  options.onListening?.(server.port);
  const signal = await stopped;
  logger.info({ signal }, OPERATOR_TEXT.shuttingDown);
  await server.close();
  return 0;
}

/** The health and metrics endpoints beside the gateway: where to record, and how to stop them. */
export interface MetricsServer {
  readonly metrics: Metrics;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves /healthz, /readyz (from `ready`) and /metrics on `port`; null (logged) when it cannot listen. */
export async function startMetricsServer(host: string, port: number, logger: Logger, ready: () => boolean): Promise<MetricsServer | null> {
  const metrics = createMetrics();
  const server = await listen(logger, 'health and metrics', () => startHttpServer({ host, port, logger, metrics, ready }), host, port);
  return server && { metrics, port: server.port, close: () => server.close() };
}

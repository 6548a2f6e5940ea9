/**
 * `npm start`: with DISCORD_TOKEN, log in to Discord and serve the commands;
 * without it, run the local console (the same handlers and replies, drawn as
 * text). SIGINT and SIGTERM end either cleanly with exit code 0.
 *
 * Commands are registered by `npm run deploy`, not here: registering on every
 * start spends Discord's daily command-creation budget and, globally, takes
 * effect only after a while anyway.
 *
 * discord.js is imported only when there is a token: loading it takes longer
 * than everything the console needs to give its first answer.
 */
import { commands } from '../commands/index.ts';
import type { Config, Env } from './config.ts';
import type { Logger } from './log.ts';
import type { SharedRateLimiter } from './store/redis-rate-limit.ts';
import { EXIT, isEntryModule, consoleArticles, keepRunningOnRejections, loadArticleLibrary, loadSetup, processIo, runAsEntry, serverArticles, startConsole, warmWhenIdle, type Io } from './bot/app.ts';
import { CONSOLE_TEXT } from './bot/messages.ts';
import type { MetricsServer } from './http/serve.ts';

const USAGE = `Usage: npm start
  With INTERACTIONS_PORT and DISCORD_PUBLIC_KEY set: serve Discord's HTTP interactions endpoint.
  Else with DISCORD_TOKEN set (environment or .env): serve the bot on Discord's gateway.
  Without either: the local console; type /help there.`;

/** Runs the bot; resolves with the exit code. `env` defaults to the environment with `.env` under it. */
export async function run(argv: readonly string[], env?: Env, io: Io = processIo()): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const setup = loadSetup(
    env,
    io,
    (config) => (config.token || config.interactions ? 'info' : 'warn'),
    (config) => !config.token && !config.interactions && io.stdin.isTTY === true,
  );
  if (typeof setup === 'number') return setup;
  const { config, logger } = setup;
  const library = loadArticleLibrary(io, config.knowledgeDir);
  if (!library) return EXIT.failure;
  warmWhenIdle(library, logger);
  // The console keeps its one pseudo-server's default in memory; a served bot, in the settings store.
  const articles = !config.token && !config.interactions ? consoleArticles(library, logger) : serverArticles(library, config, logger);
  const stopKeepingOn = keepRunningOnRejections(io, logger);
  // With REDIS_URL, every replica (or shard) counts each user's commands together.
  const shared = config.redisUrl && (config.interactions || config.token) ? await sharedLimiter(config, logger) : null;
  try {
    if (config.interactions) {
      const { serveInteractions } = await import('./http/serve.ts');
      return await serveInteractions({
        config: { ...config, interactions: config.interactions },
        articles,
        logger,
        commands,
        signals: io.events,
        ...(shared ? { limiter: shared } : {}),
      });
    }
    if (!config.token) {
      return await startConsole(io, articles, logger, { mode: 'text', banner: CONSOLE_TEXT.banner(CONSOLE_TEXT.noToken), rateLimit: config.rateLimit });
    }
    const { createBot, serve } = await import('./bot/discord.ts');
    let sidecar: MetricsServer | null = null;
    let ready = (): boolean => false;
    if (config.metricsPort !== null) {
      const { startMetricsServer } = await import('./http/serve.ts');
      sidecar = await startMetricsServer(config.httpHost, config.metricsPort, logger, () => ready());
      if (!sidecar) return EXIT.failure;
    }
    const client = createBot({ config, articles, logger, commands, ...(sidecar ? { observe: sidecar.metrics.observe } : {}), ...(shared ? { limiter: shared } : {}) });
    ready = () => client.isReady();
    try {
      return await serve(client, config.token, { logger, apiUrl: config.apiUrl, signals: io.events });
    } finally {
      await sidecar?.close();
    }
  } finally {
    await articles.close();
    await shared?.close();
    stopKeepingOn();
  }
}

/** The Redis-backed limiter of REDIS_URL (loaded only then). */
async function sharedLimiter(config: Config, logger: Logger): Promise<SharedRateLimiter> {
  const { createRedisRateLimiter } = await import('./store/redis-rate-limit.ts');
  return createRedisRateLimiter({ url: config.redisUrl!.reveal(), limit: config.rateLimit.count, windowMs: config.rateLimit.windowMs, logger });
}

if (isEntryModule(import.meta.url)) await runAsEntry(() => run(process.argv.slice(2)));

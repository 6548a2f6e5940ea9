/**
 * `npm run local`: the local console, whether or not a token is set.
 *   --payload   read console lines from stdin; write, one line each, the JSON
 *               body the bot would send to Discord (nothing else on stdout)
 */
import type { Env } from '../config.ts';
import { EXIT, isEntryModule, keepRunningOnRejections, consoleArticles, loadArticleLibrary, loadSetup, parseFlags, processIo, runAsEntry, startConsole, warmWhenIdle, type Io } from '../bot/app.ts';
import { CONSOLE_TEXT } from '../bot/messages.ts';

const USAGE = `Usage: npm run local                 the console: type /help, a /command or a question
       npm run -s local -- --payload  one console line a line in, one JSON reply body a line out
Lines: /ask question: who said megaphone diplomacy private: true
       /who-is name: zhirnov          (blank lines and lines starting with # are skipped)`;

export async function runLocal(argv: readonly string[], env?: Env, io: Io = processIo()): Promise<number> {
  const values = parseFlags(argv, { payload: { type: 'boolean' } }, USAGE, io);
  if (typeof values === 'number') return values;
  const setup = loadSetup(env, io, () => 'warn');
  if (typeof setup === 'number') return setup;
  const library = loadArticleLibrary(io, setup.config.knowledgeDir);
  if (!library) return EXIT.failure;
  warmWhenIdle(library, setup.logger);
  const articles = consoleArticles(library, setup.logger);
  const stopKeepingOn = keepRunningOnRejections(io, setup.logger);
  try {
    return await startConsole(io, articles, setup.logger, { mode: values.payload ? 'payload' : 'text', banner: CONSOLE_TEXT.banner('') });
  } finally {
    await articles.close();
    stopKeepingOn();
  }
}

if (isEntryModule(import.meta.url)) await runAsEntry(() => runLocal(process.argv.slice(2)));

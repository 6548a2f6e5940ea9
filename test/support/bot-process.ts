/**
 * Runs one of the bot's entry points as users do — `tsx src/main.ts` is what
 * `npm start` runs — in a child process pointed at a Discord double with
 * `DISCORD_API_URL`, and reads what it says: its logs are pino JSON lines on
 * standard error, parsed as they arrive.
 *
 * Every process started here is tracked; {@link stopAll} (call it in
 * `afterAll`, before closing the double) ends whichever are still running, so a
 * suite never leaves a bot behind. A bot that outlives its double keeps
 * reconnecting forever, hence the order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSX_LOADER } from './run-tsx.ts';

/** The repository root (where `package.json` is). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The tsx command line of `npm start`, `npm run deploy` and the others. */


/** One line of the bot's standard error: a parsed pino line, or `{ raw }` for anything that is not JSON. */
export type LogLine = Record<string, unknown> & { readonly level?: number; readonly msg?: string };

/** pino's numeric levels. */
export const LEVEL = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/** How a process ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** `Date.now()` when it ended. */
  readonly at: number;
}

/** Options for {@link startProcess}. */
export interface StartOptions {
  /** Script below the repository root. Default `src/main.ts` (the entry of `npm start`). */
  readonly script?: string;
  readonly args?: readonly string[];
  /** Options for node itself, e.g. `--trace-gc` (tsx passes them on). */
  readonly nodeArgs?: readonly string[];
  /**
   * The bot's variables. Each of `DISCORD_TOKEN`, `DISCORD_APPLICATION_ID`,
   * `DISCORD_GUILD_ID`, `DISCORD_API_URL`, `LOG_LEVEL`, `DATABASE_URL` and
   * `KNOWLEDGE_DIR` not given here is set to '' (unset, for the bot), so a
   * developer's `.env` cannot leak into a test; `DATA_DIR` is a new temporary folder.
   */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running entry point. */
export interface BotProcess {
  readonly child: ChildProcess;
  /** Pid of the tsx launcher (the process a supervisor would signal). */
  readonly pid: number;
  /** `Date.now()` when it was spawned. */
  readonly startedAt: number;
  /** Standard error as parsed lines, in order, growing. */
  readonly logs: readonly LogLine[];
  /** Everything written so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Settles when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Set once it has exited. */
  readonly exit: Exit | undefined;
  /** The first log line at index `from` or later that matches; rejects on timeout or if the process exits first. */
  waitForLog(match: (line: LogLine) => boolean, options?: { from?: number; timeoutMs?: number; what?: string }): Promise<LogLine>;
  /** Pid of the node process that runs the script (tsx starts it as its child), for reading its memory. */
  scriptPid(): number | undefined;
  /** Resident memory of the script's node process, in bytes (Linux: `/proc/<pid>/status`). */
  rss(): number;
  /** SIGTERM, then after `graceMs` (default 5000) SIGKILL to it and to the script process; resolves with how it ended. */
  stop(graceMs?: number): Promise<Exit>;
}

const running = new Set<BotProcess>();

/** The environment the child gets: ours, with exactly the bot's variables given. */
function childEnv(env: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'DATABASE_URL', 'KNOWLEDGE_DIR']) out[name] = '';
  // Settings a test writes (/article-use) go to a folder of its own, never the project's data/.
  out.DATA_DIR = mkdtempSync(join(tmpdir(), 'citebot-data-'));
  // Colours or a forced TTY would change what is printed.
  delete out.FORCE_COLOR;
  return { ...out, NO_COLOR: '1', ...env };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Starts an entry point of the repository in one Node process with tsx's loader, as `npm start` runs
 * the built one: a signal goes to the bot itself. (Through tsx's command, its parent process relays a
 * signal and kills the bot if the bot has not confirmed it within 60 ms, which a loaded machine can miss.)
 */
export function startProcess({ script = 'src/main.ts', args = [], nodeArgs = [], env }: StartOptions = {}): BotProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, ...nodeArgs, script, ...args], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const pid = child.pid;
  const logs: LogLine[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  let exit: Exit | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };

  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        const parsed: unknown = JSON.parse(line);
        logs.push(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as LogLine) : { raw: line });
      } catch {
        logs.push({ raw: line });
      }
    }
    notify();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal, at: Date.now() };
      running.delete(bot);
      resolve(exit);
      notify();
    });
  });
  let lastScriptPid: number | undefined;

  const bot: BotProcess = {
    child,
    pid,
    startedAt: Date.now(),
    logs,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    get exit() {
      return exit;
    },
    waitForLog(match, { from = 0, timeoutMs = 10_000, what = 'a log line' } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = logs.slice(from).find(match);
          if (found) {
            done();
            resolve(found);
          } else if (exit) {
            done();
            reject(new Error(`${script} exited (${exit.code ?? exit.signal}) before logging ${what}. stderr:\n${stderr.slice(-3000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} from ${script}. stderr:\n${stderr.slice(-3000)}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    scriptPid() {
      if (!exit) lastScriptPid = childrenOf(pid)[0] ?? lastScriptPid;
      return lastScriptPid;
    },
    rss() {
      const target = bot.scriptPid();
      if (target === undefined) throw new Error('the script process is not running');
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${target}/status`, 'utf8'))?.[1];
      if (kb === undefined) throw new Error(`no VmRSS for pid ${target}`);
      return Number(kb) * 1024;
    },
    async stop(graceMs = 5000) {
      if (exit) return exit;
      // tsx relays the signal to the script, as it does for a user's `kill` or a supervisor.
      const inner = bot.scriptPid();
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([exited.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
      clearTimeout(timer);
      if (!inTime) {
        // Only our own processes, by pid: the script first, so it cannot outlive its launcher.
        for (const p of [inner, pid]) {
          try {
            if (p !== undefined) process.kill(p, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      return exited;
    },
  };
  running.add(bot);
  return bot;
}

/** Stops every process started by {@link startProcess} that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((bot) => bot.stop()));
}

/** Starts `npm start`'s entry with a token, against `apiUrl`; `env` adds or overrides variables. */
export function startBot(options: {
  token: string;
  apiUrl: string;
  applicationId?: string;
  env?: Readonly<Record<string, string>>;
  nodeArgs?: readonly string[];
}): BotProcess {
  return startProcess({
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    env: {
      DISCORD_TOKEN: options.token,
      DISCORD_API_URL: options.apiUrl,
      ...(options.applicationId ? { DISCORD_APPLICATION_ID: options.applicationId } : {}),
      LOG_LEVEL: 'info',
      ...options.env,
    },
  });
}

/** Runs an entry point to its end, e.g. `npm run deploy`. */
export async function runToEnd(options: StartOptions & { timeoutMs?: number }): Promise<{ exit: Exit; stdout: string; stderr: string; logs: readonly LogLine[] }> {
  const proc = startProcess(options);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${options.script ?? 'src/main.ts'} did not finish in ${options.timeoutMs ?? 30_000} ms:\n${proc.stderr}`)), options.timeoutMs ?? 30_000);
  });
  try {
    const exit = await Promise.race([proc.exited, timedOut]);
    return { exit, stdout: proc.stdout, stderr: proc.stderr, logs: proc.logs };
  } finally {
    clearTimeout(timer);
    await proc.stop();
  }
}

/** Every place `secret`, or a long piece of it, shows in `text`; empty when none. */
export function secretLeaks(text: string, secret: string): string[] {
  const pieces = [secret, ...secret.split(/[.]/).filter((p) => p.length >= 8)];
  return pieces.filter((p) => text.includes(p));
}

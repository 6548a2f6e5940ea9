/**
 * Runs a TypeScript entry point as a child process, as a user would run the script: one Node process
 * with tsx's loader (tsx's command would start two, a parent relaying to the child that runs it).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** tsx's loader, for `node --import`. */
export const TSX_LOADER = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file` (relative to the project root) with `args`, `input` on standard input. */
export function runTsx(file: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return runNode(['--import', TSX_LOADER, file, ...args], options);
}

export interface RunOptions {
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds before the process is killed (60 s). */
  readonly timeout?: number;
}

/** Runs this Node with `argv` in the project root, `input` on standard input. */
export function runNode(argv: readonly string[], { input = '', env = process.env, timeout = 60_000 }: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The `--help` of a script that takes no other flag. */
import { parseArgs } from 'node:util';

/**
 * Prints `usage` for `--help` (exit 0) or after a wrong flag (exit code 2) and
 * returns true when the script should stop there.
 */
export function helpOnly(usage: string): boolean {
  try {
    if (!parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help) return false;
    console.log(usage);
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    process.exitCode = 2;
  }
  return true;
}

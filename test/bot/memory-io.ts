/** An entry point's I/O in memory: standard input from a string, what it writes kept for the test. */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/bot/app.ts';

export function memoryIo(input = ''): Io & { out: () => string; err: () => string } {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  stdin.end(input);
  return { stdin, stdout, stderr, events: new EventEmitter(), out: () => out, err: () => err };
}

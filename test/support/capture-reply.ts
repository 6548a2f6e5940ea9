/**
 * Draws the picture in the README: the local console answering one command,
 * exactly as `npm start` draws it without a token (the same router, command
 * and renderer as on Discord), set as a terminal in PNG with ImageMagick.
 *
 *   npx tsx test/support/capture-reply.ts [out.png] ["/command line"]
 *
 * Needs ImageMagick with Pango (Debian: apt-get install imagemagick). Not part
 * of the tests: the picture is committed under docs/.
 */
import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { commands } from '../../commands/index.ts';
import { runConsole } from '../../src/bot/console.ts';
import { CONSOLE_TEXT } from '../../src/bot/messages.ts';
import { createEngine, loadKnowledge } from '../../src/engine/index.ts';
import { createLogger } from '../../src/log.ts';

const out = process.argv[2] ?? 'docs/console-reply.png';
const line = process.argv[3] ?? '/ask question: who said megaphone diplomacy';
/** ImageMagick 6 as Debian installs it; a bare `convert` may be something else. */
const CONVERT = ['/usr/bin/convert-im6.q16', '/usr/bin/convert', 'convert'].find((c) => {
  try {
    return execFileSync(c, ['-version'], { encoding: 'utf8' }).includes('ImageMagick');
  } catch {
    return false;
  }
});

const input = new PassThrough();
const output = new PassThrough();
let text = '';
output.on('data', (b: Buffer) => (text += b.toString()));
const done = runConsole({ engine: createEngine(loadKnowledge()), commands, logger: createLogger({ level: 'silent' }), input, output, interactive: false, mode: 'text' });
input.end(`${line}\n`);
await done;

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const [title = '', ...rest] = text.trimEnd().split('\n');
const markup = [
  `<span foreground="#7aa2f7">${esc(CONSOLE_TEXT.prompt)}</span>${esc(line)}`,
  `<b>${esc(title)}</b>`,
  ...rest.map((l) => (/^\s*¶/.test(l) ? `<span foreground="#9aa0a6">${esc(l)}</span>` : /^\s*>/.test(l) ? `<span foreground="#c0caf5">${esc(l)}</span>` : esc(l))),
].join('\n');
if (!CONVERT) throw new Error('ImageMagick is needed: apt-get install imagemagick');
execFileSync(CONVERT, [
  '-background', '#1e1f22',
  '-fill', '#dbdee1',
  '-font', 'DejaVu-Sans-Mono',
  '-pointsize', '14',
  '-size', '980x',
  `pango:<span font_family="DejaVu Sans Mono">${markup}</span>`,
  '-bordercolor', '#1e1f22',
  '-border', '24',
  // No time stamps in the file: the same reply gives the same bytes.
  '-strip',
  '-define', 'png:exclude-chunks=date,time',
  out,
]);
console.log(`wrote ${out}`);

/**
 * The production entry point, compiled to `dist/main.js` by `npm run build`
 * and run as plain `node dist/main.js` (what `npm start`, the Dockerfile and
 * the systemd unit run). It does what `src/main.ts` does; it lives here so
 * that the compiled file sits at the top of `dist/`.
 */
import { runAsEntry } from './src/bot/app.ts';
import { run } from './src/main.ts';

await runAsEntry(() => run(process.argv.slice(2)));

/**
 * `npm run bench:e2e`: the bot under load, end to end. It starts the bot as
 * users do (`tsx src/main.ts`) against the Discord double on 127.0.0.1 and
 * sends interactions through the real gateway, in bursts of 50 dispatched at
 * once, each burst after the previous one is answered:
 *
 * 1. a warm-up (untimed), so that the JIT has compiled the hot paths and V8
 *    has sized its heap for this load;
 * 2. 1,000 interactions, a mix of every command, the context menu, every
 *    autocomplete and button presses: all must be answered; latency is from the gateway dispatch
 *    to the callback request arriving, p50 and p99;
 * 3. the bot's resident memory (VmRSS of its node process) before and after
 *    10,000 more. The V8 heap still in use after the last full collection
 *    (from `--trace-gc`) is shown beside it: RSS also moves with how large V8
 *    lets the heap grow between collections, the live heap only with what is kept.
 *
 * Then, for comparison, 200 interactions one at a time: the latency of one
 * interaction without a queue in front of it.
 *
 * Every interaction comes from a different user, as on a busy server (the bot
 * allows each user 5 commands in 10 s). Exits 1 when a target is missed: all
 * answered, p99 (bursts of 50) under 20 ms, RSS growth under 20 MB.
 *
 *   npm run bench:e2e [-- --json]
 */
import { commands } from '../../commands/index.ts';
import { parseFlags, processIo } from '../../src/bot/app.ts';
import { optionsOf } from '../../src/bot/command.ts';
import { encodeCustomId } from '../../src/bot/custom-id.ts';
import { OPERATOR_TEXT } from '../../src/bot/messages.ts';
import { startBot, stopAll, type BotProcess } from './bot-process.ts';
import { startDiscordDouble, type DiscordDouble, type InteractionSpec, type JsonObject } from './discord-double.ts';

const BURST = 50;
const LATENCY_RUN = 1_000;
const MEMORY_RUN = 10_000;
const WARM_UP = 20_000;
const ALONE_RUN = 200;
const TARGET = { p99Ms: 20, growthMb: 20 } as const;
const TOKEN = 'bench.e2e.fake-token-0123456789';
const MB = 1024 * 1024;

type Maker = (user: JsonObject) => InteractionSpec;

/** The mix: every slash command (`/ask` with several questions), the context menu, every autocomplete, and both kinds of button. */
function mix(double: DiscordDouble): Maker[] {
  const questions = [
    'who said megaphone diplomacy',
    'when did facebook announce it found the accounts?',
    'who is heather nauert',
    'what did the embassy say',
    'who convoked zhirnov',
    'what does the state department want',
  ];
  const makers: Maker[] = [
    ...questions.map((question): Maker => (user) => double.slashCommand('ask', { question }, { user })),
    (user) => double.slashCommand('ask', { question: 'who said megaphone diplomacy', private: true }, { user, dm: true }),
    (user) => double.slashCommand('who-said', { quote: 'megaphone diplomacy' }, { user }),
    (user) => double.slashCommand('quotes', { speaker: 'Heather Nauert' }, { user }),
    (user) => double.slashCommand('when', { event: 'the White House briefing' }, { user }),
    (user) => double.slashCommand('who-is', { name: 'zhirnov' }, { user }),
    (user) => double.slashCommand('timeline', {}, { user }),
    (user) => double.slashCommand('article', {}, { user }),
    (user) => double.slashCommand('help', {}, { user }),
    (user) => double.messageContextMenu('Find in article', { content: 'Russia says the State Department is stooping to megaphone diplomacy' }, { user }),
    // A "did you mean" suggestion pressed, and page 2 of /timeline turned by the one who asked.
    (user) => double.button(encodeCustomId({ kind: 'run', command: 'ask', private: true, article: '', value: 'Who is Heather Nauert?' })!, {}, { user }),
    (user) => double.button(encodeCustomId({ kind: 'page', command: 'timeline', private: false, article: '', owner: String(user.id), page: 1, value: '' })!, {}, { user }),
  ];
  for (const command of commands.filter((c) => c.autocomplete)) {
    const option = optionsOf(command).find((o) => 'autocomplete' in o && o.autocomplete)!.name;
    makers.push((user) => double.autocomplete(command.data.name, { [option]: 'na' }, option, { user }));
    makers.push((user) => double.autocomplete(command.data.name, { [option]: '' }, option, { user }));
  }
  return makers;
}

interface RunResult {
  sent: number;
  answered: number;
  /** Dispatch to callback, ms, one per answered interaction. */
  latencies: number[];
}

/** Sends `count` interactions in bursts of `burst`, each burst once the previous one is answered. */
async function run(double: DiscordDouble, count: number, burst: number, makers: Maker[], nextUser: () => JsonObject): Promise<RunResult> {
  const result: RunResult = { sent: 0, answered: 0, latencies: [] };
  let cursor = double.requests.length;
  for (let done = 0; done < count; done += burst) {
    const size = Math.min(burst, count - done);
    const pending = new Map<string, number>();
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < size; i++) {
      const spec = makers[(done + i) % makers.length]!(nextUser());
      const at = performance.now();
      // The frame is written synchronously; awaiting each one would space the burst out.
      sends.push(double.dispatchInteraction(spec).then((sent) => pending.set(sent.id, at)));
    }
    await Promise.all(sends);
    result.sent += size;
    await double
      .waitFor(
        () => {
          for (; cursor < double.requests.length; cursor++) {
            const r = double.requests[cursor]!;
            const id = /^\/interactions\/([^/]+)\/[^/]+\/callback$/.exec(r.path)?.[1];
            const at = id === undefined ? undefined : pending.get(id);
            if (at === undefined || r.method !== 'POST' || r.status >= 300) continue;
            pending.delete(id!);
            result.latencies.push(r.at - at);
            result.answered += 1;
          }
          return pending.size === 0;
        },
        10_000,
        `the answers to a burst of ${size}`,
      )
      .catch(() => undefined);
    if (pending.size > 0) break;
  }
  return result;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * V8's heap in use after the last full collection of the bot's main thread, in MB, from
 * `--trace-gc` on its standard output ("[pid:isolate] … Mark-Compact a (b) -> N (c) MB").
 * tsx's loader thread traces too; the main thread is the isolate with the most collections.
 */
function liveHeapMb(bot: BotProcess): { mb: number; collections: number } | null {
  const lines = [...bot.stdout.matchAll(/^\[\d+:(0x[0-9a-f]+)\][^\n]*/gm)];
  const counts = new Map<string, number>();
  for (const [, isolate] of lines) counts.set(isolate!, (counts.get(isolate!) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const full = lines.filter((l) => l[1] === main).map((l) => /Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(l[0])?.[1]).filter((mb) => mb !== undefined);
  return full.length > 0 ? { mb: Number(full.at(-1)), collections: full.length } : null;
}

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '—');

const USAGE = `Usage: npm run bench:e2e [-- --json]
  1,000 interactions through the bot and a Discord stand-in on 127.0.0.1: latency (p50, p99 in bursts of 50),
  memory growth over 10,000 more, and one interaction at a time. Exits 1 when a target is missed.
  --json   print the results as one JSON object`;

async function main(): Promise<number> {
  const values = parseFlags(process.argv.slice(2), { json: { type: 'boolean' } }, USAGE, processIo());
  if (typeof values === 'number') return values;
  // Discord's body checks are for the correctness tests (test/e2e); here they would only load the machine the bot runs on.
  const double = await startDiscordDouble({ validate: false });
  try {
    const bot = startBot({ token: TOKEN, apiUrl: double.apiUrl, applicationId: double.applicationId, nodeArgs: ['--trace-gc'] });
    await bot.waitForLog((l) => l.msg === OPERATOR_TEXT.ready, { timeoutMs: 60_000, what: 'ready' });
    const makers = mix(double);
    let users = 0;
    const nextUser = (): JsonObject => ({ id: String(1_500_000_000_000_000_000n + BigInt(++users)), username: `load${users}` });

    const warm = await run(double, WARM_UP, BURST, makers, nextUser);
    const timed = await run(double, LATENCY_RUN, BURST, makers, nextUser);
    const rssBefore = bot.rss();
    const heapBefore = liveHeapMb(bot);
    const load = await run(double, MEMORY_RUN, BURST, makers, nextUser);
    const rssAfter = bot.rss();
    const heapAfter = liveHeapMb(bot);
    const alone = await run(double, ALONE_RUN, 1, makers, nextUser);
    const errors = bot.logs.filter((l) => (l.level ?? 0) >= 50);

    const sorted = [...timed.latencies].sort((a, b) => a - b);
    const aloneSorted = [...alone.latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    const growthMb = (rssAfter - rssBefore) / MB;
    const heapGrowth = heapBefore && heapAfter && heapAfter.collections > heapBefore.collections ? heapAfter.mb - heapBefore.mb : Number.NaN;
    const ok = {
      answered: warm.answered === WARM_UP && timed.answered === LATENCY_RUN && load.answered === MEMORY_RUN && alone.answered === ALONE_RUN,
      p99: p99 < TARGET.p99Ms,
      memory: growthMb < TARGET.growthMb,
      errors: errors.length === 0,
    };
    const pass = Object.values(ok).every(Boolean);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({
          burst: BURST,
          answered: timed.answered,
          sent: timed.sent,
          latencyMs: { p50, p99, max: sorted.at(-1) },
          aloneLatencyMs: { p50: percentile(aloneSorted, 50), p99: percentile(aloneSorted, 99) },
          rssMb: { before: rssBefore / MB, after: rssAfter / MB, growth: growthMb },
          liveHeapMb: { before: heapBefore?.mb, after: heapAfter?.mb, growth: heapGrowth },
          errorsLogged: errors.length,
          ok,
          pass,
        })}\n`,
      );
      return pass ? 0 : 1;
    }
    const mark = (good: boolean, target = ''): string => `${good ? 'ok' : 'MISSED'}${target ? ` (${target})` : ''}`;
    const rows: [string, string, string][] = [
      ['answered', `${timed.answered.toLocaleString('en')} / ${timed.sent.toLocaleString('en')}`, mark(ok.answered)],
      ['latency p50', `${fixed(p50)} ms`, ''],
      ['latency p99', `${fixed(p99)} ms`, mark(ok.p99, `< ${TARGET.p99Ms} ms`)],
      ['latency max', `${fixed(sorted.at(-1) ?? Number.NaN)} ms`, ''],
      [`RSS before ${MEMORY_RUN.toLocaleString('en')} more`, `${fixed(rssBefore / MB)} MB`, ''],
      [`RSS after (${load.answered.toLocaleString('en')} answered)`, `${fixed(rssAfter / MB)} MB`, ''],
      ['RSS growth', `${fixed(growthMb)} MB`, mark(ok.memory, `< ${TARGET.growthMb} MB`)],
      ['live heap after full GC', `${fixed(heapBefore?.mb ?? Number.NaN)} → ${fixed(heapAfter?.mb ?? Number.NaN)} MB`, Number.isFinite(heapGrowth) ? `${heapGrowth >= 0 ? '+' : ''}${fixed(heapGrowth)} MB` : 'no full GC during the run'],
      [`one at a time (${ALONE_RUN}): p50 / p99`, `${fixed(percentile(aloneSorted, 50))} / ${fixed(percentile(aloneSorted, 99))} ms`, ''],
      ['errors logged by the bot', String(errors.length), mark(ok.errors)],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    const lines = [
      `bench:e2e: the bot (tsx src/main.ts) against the Discord double on 127.0.0.1; bursts of ${BURST} dispatched at once, every interaction from a different user`,
      `after a warm-up of ${WARM_UP.toLocaleString('en')}; latency = gateway dispatch → interaction callback request`,
      '',
      ...rows.map(([name, value, verdict]) => `  ${name.padEnd(width)}  ${value.padStart(16)}  ${verdict}`),
      '',
      pass ? 'all targets met' : 'TARGET MISSED',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return pass ? 0 : 1;
  } finally {
    // The bot first: one that outlives its double keeps reconnecting.
    await stopAll();
    await double.close();
  }
}

process.exitCode = await main();

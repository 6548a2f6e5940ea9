/** Shared by the bot tests: one engine, a silent or recording logger, the console adapter in-process, and limit checks. */
import { expect } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { ReplyPayload } from '../../src/bot/command.ts';
import { parseLine } from '../../src/bot/console.ts';
import { createRouter, type Responder, type Router } from '../../src/bot/router.ts';
import { createEngine, loadKnowledge, type Engine } from '../../src/engine/index.ts';
import { createLogger, type Logger } from '../../src/log.ts';

export const engine: Engine = createEngine(loadKnowledge());
export const silent: Logger = createLogger({ level: 'silent' });

/** A logger that keeps each line as parsed JSON. */
export function recordingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) } });
  return { logger, lines };
}

/**
 * A responder that records what was sent and behaves like Discord about
 * replying twice. With `update`, it can also redraw the message a button is on.
 */
export function recordingResponder({ canUpdate = false }: { canUpdate?: boolean } = {}): Responder & {
  sent: { kind: 'reply' | 'followUp' | 'update'; payload: ReplyPayload }[];
} {
  const sent: { kind: 'reply' | 'followUp' | 'update'; payload: ReplyPayload }[] = [];
  let replied = false;
  return {
    sent,
    get replied() {
      return replied;
    },
    async reply(payload) {
      if (replied) throw new Error('already replied');
      replied = true;
      sent.push({ kind: 'reply', payload });
    },
    async followUp(payload) {
      sent.push({ kind: 'followUp', payload });
    },
    ...(canUpdate
      ? {
          async update(payload: ReplyPayload) {
            if (replied) throw new Error('already replied');
            replied = true;
            sent.push({ kind: 'update', payload });
          },
        }
      : {}),
  };
}

/** What pressing a button with `customId` as user `userId` sends, through the same router. */
export async function press(customId: string, userId = '0', on: Router = router): Promise<{ kind: 'reply' | 'followUp' | 'update'; payload: ReplyPayload }[]> {
  const responder = recordingResponder({ canUpdate: true });
  await on.click({ customId, user: { id: userId } }, responder);
  return responder.sent;
}

export const router: Router = createRouter({ commands, engine, logger: silent, limiter: null, timestamps: 'plain' });

/** The payloads the console would send for one line, through the very same parser, router and handlers. */
export async function runLine(line: string, on: Router = router): Promise<ReplyPayload[]> {
  const parsed = parseLine(line, on.commands);
  if (parsed.kind === 'nothing') return [];
  if (parsed.kind === 'usage') return [parsed.payload];
  if (parsed.kind !== 'invocation') throw new Error(`${line}: a ${parsed.kind} line needs the console's state`);
  const responder = recordingResponder();
  await on.run(parsed.invocation, responder);
  return responder.sent.map((s) => s.payload);
}

/** The one payload a line gets. */
export async function replyTo(line: string): Promise<ReplyPayload> {
  const payloads = await runLine(line);
  expect(payloads).toHaveLength(1);
  return payloads[0]!;
}

export { expectWithinLimits, limitProblems, visibleText } from './limit-checks.ts';

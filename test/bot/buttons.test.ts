/** Buttons through the shared router: suggestions ask, pages turn for their owner only, anything else gets a clear private note. */
import { describe, expect, it } from 'vitest';
import type { ReplyPayload } from '../../src/bot/command.ts';
import { encodeCustomId, parseCustomId } from '../../src/bot/custom-id.ts';
import { EPHEMERAL_FLAG } from '../../src/bot/limits.ts';
import { toPlainText } from '../../src/bot/markdown.ts';
import { TEXT } from '../../src/bot/messages.ts';
import { expectWithinLimits, press, replyTo, visibleText } from './helpers.ts';

const shown = (p: ReplyPayload): string => toPlainText(visibleText(p));
const customIds = (p: ReplyPayload): string[] => p.components.flatMap((r) => r.components.flatMap((b) => ('custom_id' in b ? [b.custom_id] : [])));

describe('"did you mean" buttons', () => {
  it('each asks its question, and the answer is the one /ask gives', async () => {
    const noAnswer = await replyTo('/ask question: what is the capital of France');
    const ids = customIds(noAnswer);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const sent = await press(id);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.kind).toBe('reply');
      const action = parseCustomId(id);
      if (!action.ok || action.action.kind !== 'run') throw new Error(id);
      const direct = await replyTo(`/ask question: ${action.action.value}`);
      expect(sent[0]!.payload).toEqual(direct);
      expect(sent[0]!.payload.embeds[0]!.color).not.toBe(noAnswer.embeds[0]!.color);
    }
  });

  it('keeps the question private when it was asked privately', async () => {
    const noAnswer = await replyTo('/ask question: what is the capital of France private: true');
    const sent = await press(customIds(noAnswer)[0]!);
    expect(sent[0]!.payload.flags).toBe(EPHEMERAL_FLAG);
    const inPublic = await replyTo('/ask question: what is the capital of France');
    expect((await press(customIds(inPublic)[0]!))[0]!.payload.flags).toBeUndefined();
  });

  it('/quotes for an unknown speaker suggests speakers, and pressing one lists their quotes', async () => {
    const noAnswer = await replyTo('/quotes speaker: Putin');
    const sent = await press(customIds(noAnswer)[0]!);
    expect(shown(sent[0]!.payload)).toMatch(/^What .+ is quoted as saying/);
  });
});

describe('page buttons', () => {
  it('turn /quotes and /timeline pages for the one who asked, redrawing the message', async () => {
    for (const line of ['/quotes speaker: nauert', '/timeline']) {
      const first = await replyTo(line);
      expect(first.embeds[0]!.footer!.text).toMatch(/Page 1 of 2$/);
      const next = customIds(first)[1]!;
      const sent = await press(next, '0');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.kind).toBe('update');
      expect(sent[0]!.payload.embeds[0]!.footer!.text).toMatch(/Page 2 of 2$/);
      expect(sent[0]!.payload.flags).toBeUndefined();
      expectWithinLimits(sent[0]!.payload);
      // And back.
      const back = await press(customIds(sent[0]!.payload)[0]!, '0');
      expect(back[0]!.payload.embeds).toEqual(first.embeds);
    }
  });

  it('give anyone else a private note, and change nothing', async () => {
    const first = await replyTo('/timeline');
    const sent = await press(customIds(first)[1]!, '999');
    expect(sent).toEqual([{ kind: 'reply', payload: expect.objectContaining({ flags: EPHEMERAL_FLAG }) }]);
    expect(shown(sent[0]!.payload)).toBe(TEXT.notYourPages('/timeline'));
  });

  it('keep a private reply private on every page', async () => {
    const first = await replyTo('/quotes speaker: nauert private: true');
    expect(first.flags).toBe(EPHEMERAL_FLAG);
    const action = parseCustomId(customIds(first)[1]!);
    expect(action).toMatchObject({ ok: true, action: { private: true, page: 1 } });
  });
});

describe('custom_ids the bot did not make', () => {
  it.each([
    ['forged', 'hello', TEXT.buttonUnknown],
    ['garbled', 'cb1|x|ask|0||||hi', TEXT.buttonUnknown],
    ['from an older version', 'cb0|r|ask|0||||hi', TEXT.buttonStale],
    ['for a command the bot no longer has', 'cb1|r|frobnicate|0||||hi', TEXT.buttonStale],
    ['for an article it does not serve', encodeCustomId({ kind: 'run', command: 'ask', private: false, article: 'other', value: 'who' })!, TEXT.buttonStale],
  ])('%s: a clear private reply', async (_what, id, text) => {
    const sent = await press(id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.kind).toBe('reply');
    expect(sent[0]!.payload.flags).toBe(EPHEMERAL_FLAG);
    expect(shown(sent[0]!.payload)).toBe(text);
  });
});

// Warming up: an engine builds ahead what answering builds on first need, and answers exactly as
// before; the bot has every engine do so once, soon after start, and a failure there is only logged.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine, createGeneralEngine, createLibrary, loadKnowledge, type Engine } from '../../src/engine/index.ts';
import { warmWhenIdle, WARM_AFTER_MS } from '../../src/bot/app.ts';
import { recordingLogger } from '../bot/helpers.ts';

const QUESTIONS = (JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/chat-blind-questions.json', import.meta.url)), 'utf8')) as { q: string }[]).map((c) => c.q);

describe('Engine.warm', () => {
  it.each([
    ['curated', (): Engine => createEngine(loadKnowledge(), { cache: false })],
    ['general', (): Engine => createGeneralEngine(loadKnowledge(), { cache: false })],
  ])('the %s engine answers every question the same warmed or not, pick lists and timeline too', (_, make) => {
    const cold = make();
    const warm = make();
    warm.warm();
    for (const q of QUESTIONS) expect(warm.answer(q), q).toEqual(cold.answer(q));
    expect(warm.timeline()).toEqual(cold.timeline());
    expect(warm.speakerChoices('na')).toEqual(cold.speakerChoices('na'));
  });
});

describe('warmWhenIdle', () => {
  afterEach(() => vi.useRealTimers());
  const libraryWith = (warm: () => void) => {
    const kb = loadKnowledge();
    return createLibrary([{ slug: 'seed', kb, engine: { ...createEngine(kb), warm } }]);
  };

  it('warms every engine once, after the first questions have had their turn', () => {
    vi.useFakeTimers();
    const warm = vi.fn();
    warmWhenIdle(libraryWith(warm), recordingLogger().logger);
    vi.advanceTimersByTime(WARM_AFTER_MS - 1);
    expect(warm).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('logs a failure as a warning and throws nothing', () => {
    vi.useFakeTimers();
    const { logger, lines } = recordingLogger();
    warmWhenIdle(
      libraryWith(() => {
        throw new Error('disk gone');
      }),
      logger,
    );
    expect(() => vi.advanceTimersByTime(WARM_AFTER_MS)).not.toThrow();
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: expect.stringContaining('first need') })]);
  });
});

// Properties of anything that takes free text: whatever a user types, the engine
// answers with well-formed, cited data and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVerbatimIn } from '../../src/knowledge/article.ts';
import { createEngine, loadKnowledge, MAX_ANSWER_CHARS, MAX_ANSWERS, MAX_QUESTION_CHARS, type Answer, type AnswerResult, type Choice } from '../../src/engine/index.ts';

const kb = loadKnowledge();
const engine = createEngine(kb);
const PARAGRAPHS = kb.article.paragraphs.length;
const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const REASONS = ['empty', 'not-mentioned', 'no-match'];
const KNOWN_IDS = new Set([...kb.entities, ...kb.quotes, ...kb.events, ...kb.facts].map((x) => x.id));

// ----- what well-formed means ---------------------------------------------------

function expectAnswer(a: Answer): void {
  expect(typeof a.answer).toBe('string');
  expect(a.answer.trim()).not.toBe('');
  expect(a.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  expect(Number.isInteger(a.paragraph)).toBe(true);
  expect(a.paragraph).toBeGreaterThanOrEqual(1);
  expect(a.paragraph).toBeLessThanOrEqual(PARAGRAPHS);
  expect(a.excerpt.trim()).not.toBe('');
  expect(isVerbatimIn(a.excerpt, kb.article.paragraphs[a.paragraph - 1]!.text), a.excerpt).toBe(true);
  if (a.speaker !== undefined) expect(a.speaker.trim()).not.toBe('');
  if (a.date !== undefined) expect(a.date).toMatch(ISO_DATE);
  expect(Number.isFinite(a.score)).toBe(true);
}

/** Best first: scores never rise. */
function expectBestFirst(answers: readonly Answer[]): void {
  for (let i = 1; i < answers.length; i++) expect(answers[i]!.score).toBeLessThanOrEqual(answers[i - 1]!.score);
}

function expectResult(r: AnswerResult): void {
  expect(typeof r.question).toBe('string');
  expect(r.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 20);
  expect(r.answers.length).toBeLessThanOrEqual(MAX_ANSWERS);
  r.answers.forEach(expectAnswer);
  expectBestFirst(r.answers);
  // noAnswer is there exactly when answers is empty.
  expect(r.noAnswer === undefined).toBe(r.answers.length > 0);
  if (r.noAnswer) {
    expect(REASONS).toContain(r.noAnswer.reason);
    expect(r.noAnswer.message.trim()).not.toBe('');
  }
}

function expectChoices(choices: readonly Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const c of choices) {
    expect(c.label.trim()).not.toBe('');
    expect(KNOWN_IDS.has(c.value), c.value).toBe(true);
  }
}

// ----- what users type ----------------------------------------------------------

const articleWords = [...new Set(kb.article.paragraphs.flatMap((p) => p.text.split(/\s+/)))];
const questionWords = ['who', 'Who', 'said', 'say', 'when', 'When', 'what', 'did', 'is', 'the', 'who is', 'what did', 'happened on', 'August 5', '2018', 'why', 'how many', '?'];
const noise = [
  '@everyone', '@here', '<@123456789012345678>', '<#1>', '**bold**', '_it_', '`code`', '```js', '> quote', '||spoiler||', '[link](https://example.com)',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u202e', '\u200b', '\ufeff', '\r', '\n', '\r\n', '\t', '\u2028',
  '🇷🇺', '👩‍👩‍👧', 'e\u0301', 'Ω', '中文', 'ß', '"', "'", '“', '’', '\\', '$&', '.*', '(', ')', '[', '%s',
];
const token = fc.oneof(
  { arbitrary: fc.constantFrom(...articleWords), weight: 4 },
  { arbitrary: fc.constantFrom(...questionWords), weight: 2 },
  { arbitrary: fc.constantFrom(...noise), weight: 2 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);
/** Article words, question words, Markdown, mentions and control characters, mixed. */
const mixed = fc.array(fc.tuple(token, fc.constantFrom(' ', ' ', '', '  ', '\n')), { maxLength: 30 }).map((parts) => parts.map(([t, sep]) => t + sep).join(''));
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 10 });

/** Any text a user might send. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  loneSurrogates,
  { arbitrary: mixed, weight: 4 },
  fc.tuple(fc.constantFrom('Who said "', 'When did ', 'Who is ', 'What did ', 'what did '), mixed).map(([a, b]) => a + b),
);

/** About 6000 characters: a Discord message's worth and more. */
const longText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 6000, maxLength: 6000 }),
  fc.string({ unit: 'binary-ascii', minLength: 6000, maxLength: 6500 }),
  mixed.filter((s) => s.length > 0).map((s) => s.repeat(Math.ceil(6000 / s.length))),
);

const RUNS = { numRuns: 300 };
const LONG_RUNS = { numRuns: 8 };
const LOOKUP_RUNS = { numRuns: 100 };

// ----- properties -----------------------------------------------------------------

describe('answer(question)', () => {
  it('never throws and is always well-formed', () => {
    let answered = 0;
    fc.assert(
      fc.property(anyText, (q) => {
        const result = engine.answer(q);
        expectResult(result);
        if (result.answers.length > 0) answered++;
      }),
      RUNS,
    );
    // Not vacuous: the mixes of article words do get answers to check.
    // Random word salad is mostly refused now, rightly; a few dozen answers still prove the checks ran.
    expect(answered).toBeGreaterThan(RUNS.numRuns / 30);
  });

  it('copes with 6000-character questions', () => {
    fc.assert(fc.property(longText, (q) => expectResult(engine.answer(q))), LONG_RUNS);
  });

  it('echoes no control characters', () => {
    fc.assert(fc.property(anyText, (q) => {
      expect(engine.answer(q).question).not.toMatch(/\p{Cc}/u);
    }), RUNS);
  });

  it('gives the same result for the same question', () => {
    fc.assert(fc.property(anyText, (q) => {
      expect(engine.answer(q)).toEqual(engine.answer(q));
    }), { numRuns: 100 });
  });

  it('ignores white space and control characters around the question', () => {
    const pad = fc.constantFrom(' ', '\t', '\n', '\u0000', '\u200b', '\r\n', '  ');
    fc.assert(
      fc.property(mixed, pad, pad, (q, before, after) => {
        expect(engine.answer(before + q + after).answers).toEqual(engine.answer(q).answers);
      }),
      // (A counterexample fast-check once found, kept: a NUL before a question the conversation reader splits at an emoji.)
      { numRuns: 100, examples: [['who 👩‍👩‍👧 August 5 ', '\u0000', ' ']] },
    );
  });
});

describe('command lookups take any text', () => {
  const text = fc.oneof(anyText, fc.constantFrom(...kb.quotes.map((q) => q.id), ...kb.entities.map((e) => e.id), ...kb.events.map((e) => e.id)));

  it.each(['whoSaid', 'when', 'whoIs'] as const)('%s never throws and is well-formed', (lookup) => {
    fc.assert(fc.property(text, (s) => expectResult(engine[lookup](s))), LOOKUP_RUNS);
  });

  it('quotesBy gives null or the speaker’s quotes in article order', () => {
    fc.assert(
      fc.property(text, (s) => {
        const found = engine.quotesBy(s);
        if (found === null) return;
        expect(kb.entityById.get(found.speaker.id)).toBe(found.speaker);
        found.quotes.forEach(expectAnswer);
        const paragraphs = found.quotes.map((q) => q.paragraph);
        expect(paragraphs).toEqual([...paragraphs].sort((x, y) => x - y));
      }),
      LOOKUP_RUNS,
    );
  });

  it('findPassages gives at most `limit` cited passages, best first', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -1, max: 6 }), (s, limit) => {
        const found = engine.findPassages(s, limit);
        expect(found.length).toBeLessThanOrEqual(Math.max(0, limit));
        found.forEach(expectAnswer);
        expectBestFirst(found);
      }),
      LOOKUP_RUNS,
    );
  });

  it('suggestions gives at most `limit` questions', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 5 }), (s, limit) => {
        const suggested = engine.suggestions(s, limit);
        expect(suggested.length).toBeLessThanOrEqual(limit);
        for (const q of suggested) expect(q.trim()).not.toBe('');
      }),
      LOOKUP_RUNS,
    );
  });

  it.each(['quoteChoices', 'speakerChoices', 'eventChoices', 'entityChoices'] as const)('%s gives at most 25 known choices', (picker) => {
    fc.assert(fc.property(text, (s) => expectChoices(engine[picker](s))), LOOKUP_RUNS);
  });

  it('all cope with 6000-character text', () => {
    fc.assert(
      fc.property(longText, (s) => {
        for (const lookup of ['whoSaid', 'when', 'whoIs'] as const) expectResult(engine[lookup](s));
        expect(engine.quotesBy(s)?.quotes.length ?? 0).toBeGreaterThanOrEqual(0);
        engine.findPassages(s).forEach(expectAnswer);
        expect(engine.suggestions(s).length).toBeLessThanOrEqual(3);
        for (const picker of ['quoteChoices', 'speakerChoices', 'eventChoices', 'entityChoices'] as const) expectChoices(engine[picker](s));
      }),
      { numRuns: 4 },
    );
  });
});

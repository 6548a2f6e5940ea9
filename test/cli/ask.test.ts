// `npm run ask` as a user and a script run it: real processes, real stdin/stdout.
// Spawning costs about half a second, so each spawn checks several things and they run concurrently.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTsx, type Run } from '../support/run-tsx.ts';

const ASK = join('src', 'cli', 'ask.ts');

/** Runs `ask` with `args`, feeding `input` to its standard input. */
function ask(args: readonly string[], input = ''): Promise<Run> {
  return runTsx(ASK, args, { input });
}

interface JsonAnswer {
  answer: string;
  excerpt: string;
  paragraph: number;
  speaker?: string;
  date?: string;
  score: number;
}
interface JsonResult {
  question: string;
  answers: JsonAnswer[];
  message?: string;
}

/** Parses one JSON result and checks it has the promised fields and no others. */
function parseResult(line: string): JsonResult {
  const result = JSON.parse(line) as JsonResult;
  expect(Object.keys(result).every((k) => ['question', 'answers', 'message', 'rule', 'related'].includes(k)), line).toBe(true);
  // A refusal names the rule it follows (issue #9): a word like "unknown-name", only beside no answers.
  const { rule } = result as { rule?: unknown };
  if (rule !== undefined) {
    expect(result.answers, line).toEqual([]);
    expect(rule, line).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  }
  // A refusal may show the closest passages apart from the answers: an excerpt and its paragraph each.
  for (const r of (result as { related?: { excerpt: unknown; paragraph: unknown }[] }).related ?? []) {
    expect(result.answers, line).toEqual([]);
    expect(typeof r.excerpt).toBe('string');
    expect(Number.isInteger(r.paragraph)).toBe(true);
  }
  expect(typeof result.question).toBe('string');
  expect(Array.isArray(result.answers)).toBe(true);
  expect(result.answers.length).toBeLessThanOrEqual(3);
  for (const a of result.answers) {
    expect(Object.keys(a).every((k) => ['answer', 'excerpt', 'paragraph', 'speaker', 'date', 'score'].includes(k)), line).toBe(true);
    expect(typeof a.answer).toBe('string');
    expect(typeof a.excerpt).toBe('string');
    expect(Number.isInteger(a.paragraph)).toBe(true);
    expect(typeof a.score).toBe('number');
  }
  // A reason is given exactly when there is no answer.
  expect(result.message === undefined).toBe(result.answers.length > 0);
  return result;
}

describe.concurrent('npm run ask', { timeout: 90_000 }, () => {
  it('prints the answer and its excerpt for a person', async () => {
    const run = await ask(['who said megaphone diplomacy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Russia criticized the summons, calling it "megaphone diplomacy."');
    expect(run.stdout).toContain('paragraph 1');
    expect(run.stderr).toBe('');
  });

  it('--json prints the result as JSON', async () => {
    const run = await ask(['--json', 'Who is Zhirnov?']);
    expect(run.code).toBe(0);
    const result = parseResult(run.stdout);
    expect(result.question).toBe('Who is Zhirnov?');
    expect(result.answers[0]).toMatchObject({ paragraph: 2, speaker: 'Dmitry Zhirnov' });
    expect(result.answers[0]!.excerpt).toContain('Zhirnov');
  });

  it('--stdin answers one question a line, one JSON object a line, nothing else', async () => {
    const run = await ask(['--stdin'], 'Who is the spokeswoman?\nWhat is the capital of France?\nwhen did nauert tweet\n');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const [who, france, when] = lines.map(parseResult);
    expect(who!.answers[0]).toMatchObject({ paragraph: 2, speaker: 'Heather Nauert' });
    expect(france!.answers).toEqual([]);
    expect(france!.message).toBeTruthy();
    expect(when!.answers[0]).toMatchObject({ paragraph: 2, date: '2018-08-05' });
  });

  it('--stdin survives control characters: still one JSON line each, exit 0', async () => {
    const questions = ['who is nauert\u0000\u0007', '\u001b[31mwhen did facebook announce\u001b[0m', '\u0000\u0001\u0002', '', 'who\tsaid\u000b"megaphone\u000cdiplomacy"\u007f', 'who is \u202ecoats\u200b'];
    const run = await ask(['--stdin'], `${questions.join('\n')}\n`);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(questions.length);
    const results = lines.map(parseResult);
    for (const r of results) expect(r.question).not.toMatch(/\p{Cc}/u);
    expect(results[0]!.answers[0]?.speaker).toBe('Heather Nauert');
    expect(results[2]!.answers).toEqual([]);
    expect(results[3]!.answers).toEqual([]);
    expect(results[5]!.answers[0]?.speaker).toBe('Dan Coats');
  });

  it('refuses an empty question with a usage message', async () => {
    const run = await ask(['   ']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/give a question/i);
    expect(run.stderr).toContain('Usage');
    expect(run.stdout).toBe('');
  });

  it('refuses a 100000-character question with a clear message', async () => {
    const run = await ask(['--json', `who is ${'nauert '.repeat(14_285)}`]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/characters long; please keep it under \d+/);
    expect(run.stdout).toBe('');
  });
});

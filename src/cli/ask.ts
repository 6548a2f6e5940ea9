/**
 * `npm run ask -- "question"`: the engine from the command line.
 *   --json   print the answer as JSON
 *   --stdin  read one question a line, write one JSON object a line (nothing else on stdout)
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createEngine, KnowledgeError, loadKnowledge, loadLibrary, MAX_QUESTION_CHARS, type AnswerResult, type Engine } from '../engine/index.ts';

const USAGE = `Usage: npm run ask -- [--json] [--article <slug> | --knowledge <pack dir>] "question"
       npm run ask -- --stdin [...]    (one question a line in, one JSON object a line out)
  --article <slug>    answer from that article of knowledge/ (default: the only one, else all of them)
  --knowledge <dir>   answer from that one knowledge pack alone (as written by npm run ingest)`;

/** The JSON form of an answer: the fields promised to scripts, nothing internal. */
export function toJson(result: AnswerResult): object {
  return {
    question: result.question,
    answers: result.answers.map((a) => ({
      answer: a.answer,
      excerpt: a.excerpt,
      paragraph: a.paragraph,
      ...(a.speaker !== undefined ? { speaker: a.speaker } : {}),
      ...(a.date !== undefined ? { date: a.date } : {}),
      ...(a.article !== undefined ? { article: a.article } : {}),
      score: a.score,
    })),
    ...(result.noAnswer ? { message: result.noAnswer.message, ...(result.noAnswer.rule ? { rule: result.noAnswer.rule } : {}) } : {}),
    // A refusal still shows the closest passages, apart from `answers`, so scripts see no answer.
    ...(result.related && result.related.length > 0 ? { related: result.related.map((a) => ({ excerpt: a.excerpt, paragraph: a.paragraph, ...(a.article ? { article: a.article } : {}) })) } : {}),
  };
}

/** Text for a person reading a terminal. */
export function toText(result: AnswerResult): string {
  if (result.answers.length === 0) return result.noAnswer?.message ?? 'The article does not answer that.';
  return result.answers
    .map((a, i) => {
      const meta = [a.speaker, a.date, `paragraph ${a.paragraph}`].filter(Boolean).join(', ');
      return `${i === 0 ? '' : `\nAlso (${i + 1}): `}${a.answer}\n  > ${a.excerpt}\n  (${meta})`;
    })
    .join('\n');
}

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: { json: { type: 'boolean' }, stdin: { type: 'boolean' }, knowledge: { type: 'string' }, article: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let engine: Pick<Engine, 'answer'>;
  try {
    if (values.knowledge) {
      engine = createEngine(loadKnowledge(values.knowledge));
    } else {
      const library = loadLibrary();
      if (library.articles.length === 0) fail('No knowledge pack found under knowledge/; add one with npm run ingest.', 1);
      const chosen = values.article ? library.find(values.article) : library.articles.length === 1 ? library.articles[0]! : null;
      if (values.article && !chosen) fail(`No article matches "${values.article}". Articles: ${library.articles.map((a) => a.slug).join(', ')}`);
      engine = chosen ? chosen.engine : { answer: (q: string) => library.answerAll(q) };
    }
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    fail(`The knowledge pack is invalid: ${err.message}`, 1);
  }
  if (values.stdin) {
    if (positionals.length > 0) fail(`--stdin reads questions from standard input; do not also give one.\n${USAGE}`);
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(`${JSON.stringify(toJson(engine.answer(line)))}\n`);
    return;
  }
  const question = positionals.join(' ');
  if (!question.trim()) fail(`Please give a question.\n${USAGE}`);
  if (question.length > MAX_QUESTION_CHARS * 4) fail(`That question is ${question.length} characters long; please keep it under ${MAX_QUESTION_CHARS}.`);
  const result = engine.answer(question);
  process.stdout.write(values.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : `${toText(result)}\n`);
}

await main();

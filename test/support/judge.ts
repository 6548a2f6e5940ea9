/**
 * The judge of ../shared/eval/score.py, in TypeScript, so the question sets
 * can be scored in-process by the test suite (no Python, no shared/ folder
 * needed). Keep it in step with score.py's judge().
 */

/** One case of a question set, as in dev-questions.json. */
export interface EvalCase {
  readonly id: string;
  readonly kind: string;
  readonly q: string;
  readonly excerpt?: readonly string[];
  readonly speaker?: readonly string[];
  readonly date?: readonly string[];
  readonly answerHas?: readonly string[];
  readonly none?: boolean;
}

interface JudgedAnswer {
  readonly answer?: string;
  readonly excerpt?: string;
  readonly speaker?: string;
  readonly date?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function norm(s: string | undefined): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00a0/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** Whether the top answer is right, and why not. */
export function judge(c: EvalCase, answers: readonly JudgedAnswer[]): { ok: boolean; why: string } {
  if (c.none) return answers.length === 0 ? { ok: true, why: '' } : { ok: false, why: 'expected no answer' };
  const top = answers[0];
  if (!top) return { ok: false, why: 'no answer' };
  const excerpt = norm(top.excerpt);
  if (!(c.excerpt ?? []).some((k) => excerpt.includes(norm(k)))) return { ok: false, why: `excerpt: ${excerpt.slice(0, 90)}` };
  if (c.speaker && !c.speaker.some((k) => norm(top.speaker).includes(norm(k)))) return { ok: false, why: `speaker: ${top.speaker}` };
  if (c.date) {
    const d = norm(top.date);
    const keys = c.date.filter((k) => !MONTHS.some((m) => k.startsWith(m)));
    if (!d || !keys.some((k) => d.includes(k))) return { ok: false, why: `date: ${top.date}` };
  }
  const answer = norm(top.answer);
  if (answer.length > 200) return { ok: false, why: 'answer longer than 200 characters' };
  if (c.answerHas && !c.answerHas.some((k) => answer.includes(norm(k)))) return { ok: false, why: `answer: ${answer.slice(0, 90)}` };
  return { ok: true, why: '' };
}

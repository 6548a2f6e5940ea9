/**
 * "What technique did they use?", "how exactly did they do it?": a question that asks the way
 * something was done, and a passage that only names that way ("the methodology used by the
 * perpetrators pointed to …") without saying what it was. Such a passage does not answer: the
 * article never describes the way. A way the passage qualifies ("pervasive methods") answers.
 * The nouns for ways are WordNet's (src/english/way-nouns.json), not a list of this article's.
 */
import wayNouns from '../english/way-nouns.json' with { type: 'json' };
import { isNounOf } from '../english/nouns.ts';
import type { Answer } from './types.ts';

const WAY_NOUNS: ReadonlySet<string> = new Set(wayNouns.nouns);

/** "what technique", "like wat methods", "what kind of tactics": the noun after a question word. */
const WHAT_NOUN = /\b(?:what|which|wat|wut|wht)\s+(?:kind of |kinda |sort of |type of |exact |exactly )?(\p{L}+)/giu;
/** "what was the methodology (tho)?": the noun a question names as its whole object. */
const WHAT_WAS_THE = /\b(?:what|wat|wut)(?:'s|’s| was| is| were| are) (?:the|their|its|his|her) (\p{L}+)\b(?=\s*(?:tho|though|exactly|then|actually|like)?\s*(?:[,?!.]|$))/giu;
/** A how-question of manner: "how did they …", "how exactly were the accounts run" (not "how many", "how long"). */
const HOW_DONE = /^(?:(?:so|but|and|ok|okay|wait|hmm|then)[,\s]+)?how\s+(?:exactly\s+|actually\s+|precisely\s+)?(?:did|do|does|were|was|are|is|had|have|could|would|can)\b/i;
/** A word before a way noun that leaves it bare: a determiner or an owner ("the methodology", "the perpetrators' methods"). */
const BARE_BEFORE = /^(?:the|their|its|his|her|this|that|these|those|our|your|a|an|\p{L}+['’]s?|\p{L}+s['’])$/iu;
/** Words after a way noun that go on to say what it is: "methods of hacking", "tactics such as …", "tools like VPNs", "technique: …". */
const SAYS_WHAT = /^\s*(?:of|such as|like|including|involving|that involved|which involved|[:—–(])/i;

/** Is the question asking the way something was done ("what technique …", "how did they do it")? */
export function wayAsked(question: string): boolean {
  const nouns = [...question.matchAll(WHAT_NOUN), ...question.matchAll(WHAT_WAS_THE)].map((m) => m[1]!.toLowerCase());
  return nouns.some((n) => isNounOf(WAY_NOUNS, n)) || HOW_DONE.test(question.trim());
}

/**
 * How the excerpt names a way: `{ bare: "the methodology" }` when only bare, never saying what it was; `{ described }`
 * when it qualifies one ("pervasive methods", "tools such as VPNs"); null when it names none.
 */
export function wayIn(excerpt: string): { readonly bare: string } | { readonly described: string } | null {
  let bare: string | null = null;
  for (const m of excerpt.matchAll(/[\p{L}'’]+/gu)) {
    const word = m[0].toLowerCase();
    if (!isNounOf(WAY_NOUNS, word)) continue;
    const before = /([\p{L}'’]+)\s*$/u.exec(excerpt.slice(0, m.index))?.[1] ?? '';
    // (A quote mark or an adjective before it qualifies it: "pervasive methods"; so does what follows: "methods of …".)
    if (!BARE_BEFORE.test(before) || /(?:^|\s)["“'‘]$/.test(excerpt.slice(0, m.index)) || SAYS_WHAT.test(excerpt.slice(m.index + m[0].length))) return { described: `${before} ${m[0]}` };
    bare ??= `${before} ${m[0]}`;
  }
  return bare === null ? null : { bare };
}

/**
 * The answers to a question that asks the way something was done: another that describes the way first, when the top
 * one only names it; `{ bare }` when none says what it was (a refusal); null when the question or the top answer is
 * of no such way.
 */
export function wayAnswers(question: string, answers: readonly Answer[]): { readonly answers: readonly Answer[] } | { readonly bare: string } | null {
  const top = answers[0];
  const way = top && wayAsked(question) ? wayIn(top.excerpt) : null;
  if (way === null || !('bare' in way)) return null;
  // (Another passage the question finds may say what the way was: "pervasive methods".)
  const described = answers.find((x) => {
    const w = wayIn(x.excerpt);
    return w !== null && 'described' in w;
  });
  return described ? { answers: [described, ...answers.filter((x) => x !== described)] } : { bare: way.bare };
}

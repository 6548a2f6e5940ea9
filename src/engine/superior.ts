/**
 * "Who is Nauert's boss?", "who does Mitchell answer to?": who someone works
 * under. An article says so only with words like "reported to", "his boss",
 * "under the supervision of"; where it has none, either engine says it does not
 * say, rather than answer with whatever names the person (#9: "someone's boss
 * when the article names none").
 */

/** A question for someone's superior: "X's boss" (in chat "mitchells boss"), "the boss of X", "who does X report to". ("Who does X work for" asks their employer, which articles do say; "the spy boss" is someone.) */
const ASKED = /(?:['’]s?|\b\p{L}{3,}s|\bhis|\bher|\btheir) (?:boss|supervisor|superior|manager|higher-up)s?\b|\b(?:boss|supervisor|superior|manager)s? of\b|\bwho (?:does|did|do) (?:\S+ ){1,3}(?:report|answer|work) (?:to|under)\b|\bwho (?:is|was) (?:\S+ ){1,3}(?:reporting|answering|working) (?:to|under)\b|\bwho (?:is|was) (?:above|over)\b/iu;

/** Words by which an article says who someone works under. */
const SAID = /\b(?:report(?:s|ed|ing)?|answer(?:s|ed|ing)?) (?:directly )?to\b|\b(?:boss|bosses|supervisor|superior|manager)\b|\bunder the (?:direction|command|supervision|authority) of\b|\bworks? under\b/i;

/** Does the question ask who someone works under? */
export function superiorAsked(question: string): boolean {
  return ASKED.test(question);
}

/** Does any of the article's sentences say who someone works under? */
export function superiorSaid(sentences: readonly string[]): boolean {
  return sentences.some((s) => SAID.test(s));
}

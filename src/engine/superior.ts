/**
 * "Who is Nauert's boss?", "who does Mitchell answer to?": who someone works
 * under. An article says so only with words like "reported to", "his boss",
 * "under the supervision of"; where it has none, either engine says it does not
 * say, rather than answer with whatever names the person (#9: "someone's boss
 * when the article names none"). So with who leads something ("Who commands the troops at
 * al-Tanf?"): only a sentence of it with words of leading says.
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

/** A question for who leads something: "Who commands the U.S. troops at al-Tanf?", "who heads the agency". */
const LEADER_ASKED = /^who (?:commands|leads|heads|runs|directs|oversees|controls|is (?:in charge|in command) of)\b/i;

/** Words by which an article says who leads something: "the commander of", "led by", "the head of", "in charge". */
const LEADER_SAID = /\b(?:command(?:s|ed|er|ers|ing)?|lead(?:s|er|ers|ing)?|led by|head(?:s|ed)? (?:of|by)|heads?\b(?= \p{Lu})|chiefs?|in charge|direct(?:s|ed|or|ors)|oversees?|overseen|runs?|ran)\b/iu;

/** Does the question ask who leads something? */
export function leaderAsked(question: string): boolean {
  return LEADER_ASKED.test(question);
}

/** Does this sentence say who leads something? */
export function leaderSaid(sentence: string): boolean {
  return LEADER_SAID.test(sentence);
}

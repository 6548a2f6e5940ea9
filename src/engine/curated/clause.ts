/**
 * The clause of a chat message that asks: greetings, asides and chat words
 * dropped, and the clause with the question in it kept ("hey quick question -
 * who said X lol" asks "who said X"). Pure; the curated question reader
 * (analyze.ts) reads only this clause.
 */
import { sentencesOf as messageSentences } from '../conversation.ts';

/** Chat words at the end of a question: "lol", "or nah", "rn", "tho". */
const CHAT_TAIL = /(?:[\s,]+(?:lol|lmao|lmfao|rofl|haha|pls|plz|please|thx|thanks|tho|though|rn|tbh|idk|ngl|fr|bro|bruh|dude|or nah|or not|or what)|,\s*right)+\s*([?!.]*)\s*$/i;
/** A third-person pronoun, the first of which a topic clause can stand for. */
const PRONOUN = /\b(?:his|her|its|their|he|she|him|they|them)\b/i;
/** Greetings and hedges before the question itself. */
const INTERJECTION = /^(?:(?:hey|hi|hello|yo|ok|okay|so|well|um|uh|hmm|wait|quick question|question|bot|citebot|please|pls|btw|can you tell me|could you tell me|can you|could you|do you know|i wonder|i want to know|tell me(?! about))\b[\s,:!.-]*)+(?=\S)/i;
/** The words a clause that asks starts with. */
const QUESTION_START = /^(?:who|whom|whose|what|whats|when|where|which|why|how|did|does|do|is|was|were|are|has|have|had|can|could|will|would|should|tell|name|list|give|show|according)\b/i;

/**
 * The clause that asks: "So I'm trying to figure out the timeline - when did
 * ...?" is asked as "when did ...?", and "hey, what ...? just want the gist"
 * as "what ...?". A question of one clause is returned as it is.
 */
export function mainClause(input: string): string {
  // Chat asides carry no meaning: "what did russia call the summons lol", "... or nah?"
  let text = input.replace(CHAT_TAIL, '$1').trim() || input;
  // "Who summoned the diplomat, per the tweet?": the message is where the answer is, not what is asked.
  // (A what-question keeps it: "what won't Washington tolerate, according to the tweet?" asks the tweet's words.)
  if (/^(?:who|whom)\b/i.test(text)) text = text.replace(/,?\s+(?:per|according to|based on|going by) (?:the|this|that|her|his|its) (?:tweet|post|posting|statement|twitter post)\s*([?!.]*)$/i, '$1');
  // "According to whom is Russia ...?" asks who says that Russia ...
  const byWhom = /^(?:according to|in the (?:view|words) of) (?:whom|who)\b,?\s*(?:(?:is|are|was|were|did|does|do|has|have|had) )?(.+)$/i.exec(text);
  if (byWhom) return `who said ${byWhom[1] ?? ''}`;
  // "According to the embassy, why ...?" asks "why ...?"; the source still counts, at the end.
  const according = /^(according to [^,?]+),\s*(.+)$/i.exec(text);
  if (according) return mainClause(`${(according[2] ?? '').replace(/[?.!\s]+$/, '')} ${according[1]}?`);
  // Sentences as a message's are split ("U.S." and "Dept." end no sentence); then semicolons,
  // dashes and "Question: who ..." also divide.
  const clauses = sentencesOf(text)
    .flatMap((sentence) => sentence.split(/(?<=;)\s+(?=\S)|\s+[-–—]+\s+|:\s+(?=(?:who|whom|what|when|where|which|why|how)\b)/iu))
    .map((c) => c.replace(INTERJECTION, '').trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
  if (clauses.length <= 1) return clauses[0] || text;
  const asking = clauses.find((c) => QUESTION_START.test(c));
  if (!asking) return text;
  // "russian diplomat summoned - who?": the question word alone asks about the other clause.
  const bare = /^(who|whom|what|when|where|which|why|how)\W*$/i.exec(asking);
  const rest = clauses.filter((c) => c !== asking).join(' ');
  if (bare && rest) {
    const what = rest.replace(/[?.!:,\s]+$/, '');
    const word = (bare[1] ?? '').toLowerCase();
    // "... - who?" asks who the thing named is; "... - when?" when it was.
    return word === 'who' ? `who is the ${what}?` : word === 'when' ? `when was the ${what}?` : `${word} ${what}?`;
  }
  // "Dmitry Zhirnov - what's his position?": a short topic before the question is whom its pronoun means.
  const topic = clauses.find((c) => c !== asking && !QUESTION_START.test(c) && c.split(/\s+/).length <= (asking.split(/\s+/).length <= 5 ? 12 : 5));
  if (topic && PRONOUN.test(asking)) {
    const name = topic.replace(/[?.!:,\s]+$/, '');
    return asking.replace(PRONOUN, (p) => (/^(?:his|her|its|their)$/i.test(p) ? `${name}'s` : name));
  }
  return asking;
}

/**
 * The sentences of a question, as a message's are split, but never after an abbreviation: not at
 * "the U.S." when a quote follows ("Who wrote that the U.S. 'will not tolerate ...'?").
 */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const sentence of messageSentences(text)) {
    const last = out.at(-1);
    if (last !== undefined && ABBREVIATION_END.test(last)) out[out.length - 1] = `${last} ${sentence}`;
    else out.push(sentence);
  }
  return out;
}

/** A sentence that ends in an abbreviation ("U.S.", "Dept.") has not ended. */
const ABBREVIATION_END = /(?:\b\p{L}\.){2,}$|\b(?:dept|gov|govt|sen|rep|mr|mrs|ms|dr|st|gen|corp|inc|jr|sr|vs)\.$/iu;

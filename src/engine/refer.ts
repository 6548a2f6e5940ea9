/**
 * What a word of the article refers to: "in the 'it added' line, what's 'it'?",
 * "who are 'those forces'?", "what does 'those denials' mean here?". Pure
 * functions over the article's paragraphs, for either engine; nothing of any
 * one article.
 *
 * A pronoun that opens a sentence or says who spoke ("…," it added) refers to
 * whoever spoke or acted in the sentence before; a demonstrative ("those
 * denials") to the words its noun was last written with, or to the words that
 * follow it when they say which ("those forces in the American establishment").
 */
import { foldForComparison } from '../knowledge/article.ts';
import { isSpeechVerb } from '../english/speech.ts';
import { escapeRegExp } from './text.ts';

/** What the question asks to resolve. */
export interface ReferenceAsked {
  /** Article words that locate the sentence ("it added"). */
  readonly phrase: string;
  /** The word or words to resolve ("it", "those forces"). */
  readonly word: string;
}

/** "Which other countries …?", "what other actors …": others besides those named. */
const OTHERS_ASKED = /\b(?:which|what) other\b/i;
/** Words for others left unnamed, quoted to ask what they mean: "what does 'all other malign actors' refer to". */
const UNNAMED_OTHERS = /^(?:all |any |some |the |many |several )?others?\b/i;
const MEANING_ASKED = /\b(?:refers?|referring|mean|means|meant)\b|^(?:which|who|what)\b[^?]*\b(?:talking|on) (?:about|abt)\b/i;
/** The same words unquoted: "what does all other malign actors refer to". */
const OTHERS_MEANT = /\b(?:does|do|is|are)\s+(?:(?:the )?(?:phrase|words?|term) )?((?:all |any |some |the |many |several )?others?\b[^?]*?)\s+(?:refer|mean)/i;

/**
 * Does the question ask which others a passage means ("which other countries …", "what does 'all other X' refer to",
 * "which 'other malign actors' are they talking about")?
 */
export function othersAsked(question: string, quoted: string | null): boolean {
  return OTHERS_ASKED.test(question) || (quoted !== null && UNNAMED_OTHERS.test(quoted) && MEANING_ASKED.test(question)) || OTHERS_MEANT.test(question);
}

/** What a word refers to, and the sentence to cite for it. */
export interface Referent {
  /** 1-based paragraph of `sentence`. */
  readonly paragraph: number;
  /** The sentence to cite, verbatim: for a pronoun, the one that uses it ("…," it added); for a phrase, the one that writes what it means. */
  readonly sentence: string;
  /** The referent, as the article writes it ("Nauert's August 1 statement"). */
  readonly referent: string;
}

/** How far back a pronoun's antecedent is looked for, in sentences. */
const LOOK_BACK = 3;
/** Longest subject taken before a verb of saying, in words. */
const SUBJECT_WORDS = 6;
/** Longest referent phrase, in words. */
const REFERENT_WORDS = 10;

const PERSONAL = /^(?:it|they|he|she)$/i;
const DEMONSTRATIVE = /^(?:this|that|these|those)$/i;
/** Words that may be resolved: a pronoun, or a demonstrative with or without its noun. */
const REFERRING = /^(?:it|they|he|she|(?:this|that|these|those)(?:\s+[\p{L}-]+){0,2})$/iu;
const QUOTED = /(?:^|[\s(—–-])["“‘']([^"“”‘’]{1,100}?)["”’'](?=$|[\s?,.!:;—–-])/gu;

/** The reference a question asks about, or null when it asks none. */
export function referenceAsked(question: string): ReferenceAsked | null {
  // ("… who's 'it' there", "… what's 'it' in that line": where it stands, said again.)
  const q = question
    // (A guess after the question asks the same: "… whats it? the tweet?"; where the word stands said first, the same: "in the embassy quote who r 'those forces'".)
    .replace(/\?\s+(?:the |a |an )?[\p{L}'’\s-]{1,30}\??$/u, '')
    .replace(/^in (?:the|that|this) [^"“‘']{0,40}?\b(?:quote|line|bit|part|sentence|statement|tweet|paragraph)\s*,?\s*(?=who|what|whom)/i, '')
    // (Or the words quoted first, with or without the line they stand in: 'in "over what it says …", what does "it" refer to'.)
    .replace(/^in\s+(?:(?:the|that|this)\s+)?(?:(?:quote|line|bit|part|sentence|statement|tweet|paragraph)\s+)?(["“‘'][^"“”‘’]{2,120}["”’'])(?:\s+(?:line|quote|bit|part|sentence))?,?\s*((?:who|what|whom)\b.*)$/i, '$2 in $1')
    .replace(/[?!.\s]+$/, '')
    .replace(/\s+(?:here|there|in (?:this|that|the) (?:line|sentence|quote|bit|part))$/i, '');
  const quoted = [...q.matchAll(QUOTED)].map((m) => m[1]!.trim());
  if (quoted.length === 0) return null;
  // "what does 'those denials' mean (here)?", "what is 'it' in …", "who are 'those forces' …"
  // (Or the word first, as chat puts it: "'those denials' means what", "'it' refers to who", "'those denials' = denials of what".)
  const asked =
    // (Or "which <noun>": "which denials does 'those denials' mean".)
    /^(?:what|who|whom|which(?:\s+[\p{L}-]+)?)(?:'s|’s|s|\s+(?:is|are|was|were|does|do|did))?\s+(?:(?:the\s+)?["“‘'])([^"“”‘’]{1,40}?)["”’']/iu.exec(q) ??
    // ("'those denials' = denials of what": what the word is, asked with the noun again.)
    // (Or a dash for "means": "'those denials' — which denials".)
    // (And chat's "wat", and "whose": "'those denials' = whose denials?", "'those denials' - wat denials".)
    /^["“‘']([^"“”‘’]{1,40}?)["”’']\s*(?:=|[—–-]|(?:means?|refers?\s+to|stands?\s+for|is)\s)\s*(?:[\p{L}'’-]+\s+){0,3}?(?:what|wat|wut|who|whose|whom|which)\b/iu.exec(q);
  if (asked && REFERRING.test(asked[1]!.trim())) {
    const word = asked[1]!.trim();
    const context = quoted.find((x) => x !== word) ?? word;
    // (A line quoted that does not hold the word is no place of it: "in the 'Lind said' line, who's 'it'".)
    if (context !== word && !new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(word)}(?:[^\\p{L}]|$)`, 'iu').test(context)) return null;
    return { phrase: context, word };
  }
  // "'it added' - what's 'it'", "in the 'it added' line whats it", "'it accused …' — it = ?"
  const tail = /(?:\b(?:what|who)(?:'s|’s|s|\s+(?:is|are|was|were))\s+(?:the\s+)?["“‘']?|\s)(it|they|he|she)["”’']?\s*(?:=\s*\??)?$/iu.exec(q);
  const pointed = /\b(?:what|who)(?:'s|’s|s|\s+(?:is|are|was|were))\s+(?:the\s+)?["“‘']?(?:it|they|he|she)\b|\b(?:it|they|he|she)\s*=\s*\??$/iu.test(q);
  if (tail && pointed) {
    const word = tail[1]!.toLowerCase();
    const context = quoted.find((x) => new RegExp(`(?:^|\\s)${word}(?:\\s|$)`, 'i').test(x) && x.toLowerCase() !== word);
    if (context) return { phrase: context, word };
  }
  return null;
}

/** Resolves `word` in the sentence (of each paragraph's `sentences`) that holds `phrase`; null when the article does not settle it. */
export function referentOf(sentences: readonly (readonly string[])[], { phrase, word }: ReferenceAsked): Referent | null {
  const all = sentences.flatMap((list, p) => list.map((sentence) => ({ paragraph: p + 1, sentence })));
  // (Quoted loosely, as readers do: without the article's own quotation marks, cut short with "…".)
  const line = loose(phrase);
  const at = all.findIndex((s) => loose(s.sentence).includes(line));
  if (at < 0) return null;
  const [first, ...rest] = word.split(/\s+/);
  if (PERSONAL.test(first!) && rest.length === 0) {
    // Only a pronoun that opens the sentence or says who spoke ("…," it added): one inside a clause has its own antecedent.
    // (So one that opens the line quoted, too: "calling it megaphone diplomacy" is about what "it" is called.)
    if (!line.startsWith(`${first!.toLowerCase()} `) && line !== first!.toLowerCase()) return null;
    const sentence = loose(all[at]!.sentence);
    const before = sentence.slice(0, Math.max(0, sentence.indexOf(line))).trim();
    if (before !== '' && !/[,.!?]$/u.test(before)) return null;
    // (Cited where the pronoun is, the line asked about: a name needs no more evidence than the line before shows.)
    for (let k = at - 1; k >= Math.max(0, at - LOOK_BACK); k--) {
      const subject = speakerOf(all[k]!.sentence);
      if (subject) return { ...all[at]!, referent: subject };
    }
    return null;
  }
  if (!DEMONSTRATIVE.test(first!) || rest.length === 0) return null;
  const s = all[at]!;
  // Words after it that say which: "those forces in the American establishment".
  const after = new RegExp(`${escapeRegExp(word)}((?:\\s+(?:in|of|from|at|on|inside|outside|within)\\s+[^,;:.!?"“”]+))`, 'iu').exec(s.sentence);
  if (after) return { ...s, referent: words(`${s.sentence.slice(after.index, after.index + word.length)}${after[1]!.split(/\s+(?:who|that|which|whose|where)\b/i)[0]!}`, REFERENT_WORDS) };
  // Else the noun as last written before: "reiterating Moscow's denials of interference in U.S. affairs".
  const noun = rest.at(-1)!.toLowerCase();
  for (let k = at; k >= Math.max(0, at - LOOK_BACK); k--) {
    const text = k === at ? s.sentence.slice(0, Math.max(0, fold(s.sentence).indexOf(fold(phrase)))) : all[k]!.sentence;
    const found = nounPhrase(text, noun);
    if (found) return { ...all[k]!, referent: found };
  }
  return null;
}

/** The direct answer: '"it" refers to Nauert's August 1 statement.' */
export function referenceAnswer(reference: ReferenceAsked, found: Referent): string {
  return `"${reference.word}" refers to ${found.referent}.`;
}

/** Who speaks in a sentence: the words before its verb of saying ("Nauert's August 1 statement said"). */
function speakerOf(sentence: string): string | null {
  const w = sentence.split(/\s+/);
  // Words outside quotation marks: the attribution, not the quoted words ("We can only express regret …").
  let quoted = false;
  const outside = w.map((word) => {
    const marks = (word.match(/["“”]/gu) ?? []).length;
    const was = quoted;
    if (marks % 2 === 1) quoted = !quoted;
    return !was && (marks === 0 || marks % 2 === 0);
  });
  // The last verb of saying: "the mayor's written statement said" is said, not written.
  for (let k = w.length - 1; k >= 1; k--) {
    if (!outside[k] || !isSpeechVerb(w[k]!.replace(/[^\p{L}]/gu, ''))) continue;
    const subject: string[] = [];
    for (let j = k - 1; j >= 0 && subject.length < SUBJECT_WORDS; j--) {
      const word = w[j]!;
      if (/[,"“”:;]$/u.test(word) || /[’']$/u.test(word)) break;
      subject.unshift(word.replace(/^["“‘']+/u, ''));
      if (/^["“‘']/u.test(word)) break;
    }
    const text = subject.join(' ').trim();
    if (text && !PERSONAL.test(text) && /\p{L}{2,}/u.test(text)) return text;
  }
  return openingSubject(w);
}

/** The words a sentence opens with before its verb ("The council rejected …" → "The council"), when it opens with a noun phrase. */
function openingSubject(w: readonly string[]): string | null {
  if (!/^(?:The|A|An|\p{Lu}\p{L}*)$/u.test(w[0] ?? '') || PERSONAL.test(w[0]!) || /^(?:In|On|At|After|Before|When|While|If|But|And)$/.test(w[0]!)) return null;
  const subject: string[] = [w[0]!];
  for (let k = 1; k < w.length && subject.length < SUBJECT_WORDS; k++) {
    const word = w[k]!;
    if (VERB_LIKE.test(word) || isSpeechVerb(word.replace(/[^\p{L}]/gu, ''))) break;
    subject.push(word.replace(/[,;:]$/, ''));
    if (/[,;:]$/.test(word)) break;
  }
  return subject.length > 1 ? subject.join(' ') : null;
}

/** A word that is most likely a verb after a subject: a tense or a past form. */
const VERB_LIKE = /^(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|\p{Ll}+ed)$/u;

/** The phrase around the last `noun` (or its plural) in `text`: its possessor or qualifiers before, its "of …" after. */
function nounPhrase(text: string, noun: string): string | null {
  const w = text.split(/\s+/);
  const bare = noun.replace(/s$/, '');
  const at = w.map((x) => x.toLowerCase().replace(/[^\p{L}]/gu, '')).findLastIndex((x) => x === noun || x === bare || x === `${bare}s`);
  if (at < 0) return null;
  let from = at;
  // Qualifiers before it: a possessor ("Moscow's") or capitalized words, not a verb ("reiterating").
  while (from > 0 && at - from < 2 && /^(?:[\p{Lu}]|\S+['’]s$)/u.test(w[from - 1]!) && !/[,;:"“”]$/u.test(w[from - 1]!)) from--;
  let to = at + 1;
  if (/^(?:of|in|from|about)$/i.test(w[to] ?? '') && !/[,;:.]$/u.test(w[at]!)) {
    while (to < w.length && to - from < REFERENT_WORDS) {
      to++;
      const end = w[to - 1]!;
      if (/[,;:!?"”]$/u.test(end) || (/\.$/.test(end) && !/^(?:\p{L}\.){2,}$/u.test(end))) break;
    }
  }
  return w.slice(from, to).join(' ').replace(/[,;:.!?"“”]+$/u, '');
}

function words(text: string, limit: number): string {
  return text.split(/\s+/).slice(0, limit).join(' ').replace(/[,;:]+$/, '');
}

function fold(text: string): string {
  return foldForComparison(text).toLowerCase().replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
}

/** Text folded and without quotation marks or an ellipsis, for finding a line a reader quotes loosely. */
function loose(text: string): string {
  return fold(text).replace(/(?:^|(?<=\s))['"]|['"](?=\s|[,.;:!?]|$)|"/g, '').replace(/\s*(?:\.{2,}|…)\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

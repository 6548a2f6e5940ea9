/**
 * Stage 1 of extraction: paragraphs → sentences → tagged tokens, all with
 * character offsets into their paragraph, so every later stage can cut
 * verbatim spans. Sentences come from sbd, part-of-speech tags and person spans from
 * one compromise parse of each paragraph.
 */
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { sentences as sbdSentences } from '../knowledge/article.ts';
export { isSpeechVerb, isThinkingVerb, verbLemma } from '../english/speech.ts';
import { DEMONYMS } from '../english/nouns.ts';

/** A word of a paragraph with its tags. */
export interface Tok {
  readonly text: string;
  /** Lower case, without a possessive or trailing punctuation. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
  /** Punctuation right after the word ("," "." ":" "—"), as compromise reads it. */
  readonly post: string;
  readonly pre: string;
}

export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 0-based index of the sentence within its paragraph. */
  readonly index: number;
}

/** A span compromise takes for a person, with offsets into its paragraph. */
export interface PersonSpan {
  readonly offset: { readonly start: number; readonly length: number };
  readonly person?: { readonly presumed_gender?: string | null };
}

export interface Para {
  /** 1-based over the body. */
  readonly n: number;
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Tok[];
  /** compromise's people, from the same parse as the tokens. */
  readonly people: readonly PersonSpan[];
}

let wink: ReturnType<typeof winkNLP> | null = null;

/**
 * A paragraph's sentences, verbatim, by wink-nlp (which keeps "U.S. Rep. Ilhan
 * Omar" and "James P. Kennedy Jr., the U.S. Attorney" whole); sbd's where
 * wink's text does not stand verbatim in the paragraph.
 */
export function splitSentences(paragraph: string): string[] {
  wink ??= winkNLP(model, ['sbd']);
  const out: string[] = [];
  let from = 0;
  for (const s of wink.readDoc(paragraph).sentences().out()) {
    const text = s.trim();
    const at = paragraph.indexOf(text, from);
    if (!text || at < 0) return sbdSentences(paragraph);
    // A period with no space after it ends no sentence ("Polygraph.info", "e.g.this", "R-W.Va.", "a .45-caliber handgun"): one sentence with the next.
    const prev = out.at(-1);
    if (prev !== undefined && /\.$/.test(prev) && paragraph.slice(from, at) === '' && /^[\p{L}\p{N}]/u.test(text)) out[out.length - 1] = prev + text;
    // A title written short ends no sentence either: "Cmdr. Sean Robertson, a spokesperson …".
    else if (prev !== undefined && endsWithTitle(prev) && /^\p{Lu}/u.test(text)) out[out.length - 1] = prev + paragraph.slice(from, at) + text;
    // A quote's closing mark ends no sentence before the words that say who spoke ("“Open the door!” an officer shouts."): no sentence begins in lower case.
    else if (prev !== undefined && /^\p{Ll}/u.test(text) && /[.!?]["'”’]?$/u.test(prev)) out[out.length - 1] = prev + paragraph.slice(from, at) + text;
    // Nor does one begin on a comma: "… Rep. Ilhan Omar (D-Minn.) | , the U.S. Attorney’s Office … announced Monday."
    else if (prev !== undefined && /^[,;:]/.test(text)) out[out.length - 1] = prev + paragraph.slice(from, at) + text;
    else {
      // A closing mark the splitter put at the start of the next piece belongs to the sentence it closes ("… ‘So he’s
      // going to do the investigation?’ | ” Holmes testified."), as does punctuation alone ("Happy Thanksgiving!!! | !\"").
      const marks = prev === undefined || paragraph.slice(from, at) !== '' ? '' : (/^(?:[”’»]+|["']+(?=\s|$)|\p{P}+$)/u.exec(text)?.[0] ?? '');
      const rest = text.slice(marks.length).trim();
      // (The words after it that say who spoke stay with it, as above: "…?” he asked.")
      if (marks) out[out.length - 1] = prev + (/^\p{Ll}/u.test(rest) ? text : marks);
      if (rest && !(marks && /^\p{Ll}/u.test(rest))) out.push(rest);
    }
    from = at + text.length;
  }
  return out.length > 0 ? out : sbdSentences(paragraph);
}

/** Name suffixes compromise also tags as honorifics: they follow a name, and may end a sentence. */
const NAME_SUFFIX = /^(?:jr|sr|esq)\.$/i;

/** Does the text end with a title written short ("Cmdr.", "Gov."), by compromise's honorifics? */
function endsWithTitle(text: string): boolean {
  const last = /(\S+)$/.exec(text)?.[1] ?? '';
  return /^\p{Lu}\p{L}*\.$/u.test(last) && !NAME_SUFFIX.test(last) && nlp(last).has('#Honorific');
}

/** Splits each paragraph into verbatim sentences and tagged tokens. */
export function segment(paragraphs: readonly string[]): Para[] {
  return paragraphs.map((text, i) => {
    const found: Sentence[] = [];
    let from = 0;
    for (const s of splitSentences(text)) {
      const start = text.indexOf(s, from);
      if (start < 0) continue;
      found.push({ text: s, start, end: start + s.length, index: found.length });
      from = start + s.length;
    }
    const doc = nlp(text);
    const tokens: Tok[] = [];
    for (const sentence of doc.json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; pre: string; post: string; offset: { start: number; length: number } }[] }[]) {
      for (const t of sentence.terms) {
        if (!t.text) continue;
        tokens.push({
          text: t.text,
          norm: t.text.toLowerCase().replace(/['’]s$/, '').replace(/[.,;:]+$/, ''),
          start: t.offset.start,
          end: t.offset.start + t.offset.length,
          // (A place's adjective WordNet knows is a demonym, where compromise took it for a name: "Syrian opposition forces".)
          tags: new Set(/^\p{Lu}/u.test(t.text) && DEMONYMS.has(t.text.toLowerCase().replace(/['’]s$|s$/, '')) ? [...t.tags, 'Demonym'] : t.tags),
          pre: t.pre,
          post: t.post,
        });
      }
    }
    return { n: i + 1, text, sentences: found, tokens, people: doc.people().json({ offset: true }) as PersonSpan[] };
  });
}

/** The sentence of `para` that holds offset `at`. */
export function sentenceAt(para: Para, at: number): Sentence | undefined {
  return para.sentences.find((s) => at >= s.start && at < s.end) ?? para.sentences.at(-1);
}

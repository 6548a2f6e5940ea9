/**
 * Stage 2 of extraction: who and what the article names. People come from
 * compromise's person spans, cleaned of titles and merged by surname; their
 * roles from appositives ("Dan Coats, the director of national intelligence"),
 * from an appositive before the name ("Carlineo's attorney, Sonya Zoghlin") and
 * from titles before it ("department spokeswoman Heather Nauert"). A role's
 * head must be a WordNet noun for a person. Organizations and places are runs
 * of capitalized words that are not people.
 */
import nlp from 'compromise';
import { distance } from 'fastest-levenshtein';
import lemmatize from 'wink-lemmatizer';
import { GROUP_NOUNS, LONGEST_PERSON_PHRASE, PERSON_NOUNS, PERSON_PHRASES, isNounOf, isPlaceName, isPluralOf, opensOnRoleOf } from '../english/nouns.ts';
import { isSpeechVerb, isThinkingVerb, verbLemma } from '../english/speech.ts';
import { commonRank } from '../engine/common-words.ts';
import { escapeRegExp } from '../engine/text.ts';
import type { Para, PersonSpan, Tok } from './segment.ts';

export type ExtractedKind = 'person' | 'organization' | 'place';

/** Where an entity is named. */
export interface Mention {
  readonly entity: string;
  readonly para: number;
  readonly start: number;
  readonly end: number;
}

export interface ExtractedEntity {
  readonly id: string;
  readonly kind: ExtractedKind;
  name: string;
  readonly aliases: Set<string>;
  role: string | null;
  /** Every role the article gives (titles and appositives), in article order; `role` is the fullest. */
  readonly roles: string[];
  /** Where the role (or, without one, the first mention) stands. */
  where: { para: number; start: number; end: number };
  gender: 'male' | 'female' | null;
}

export interface EntityFindings {
  readonly entities: ExtractedEntity[];
  /** Every mention, in article order. */
  readonly mentions: Mention[];
  /** What a curator should check. */
  readonly unsure: string[];
}

/** A noun for an organization or body: the head of a short form a reader uses ("the embassy"). */
const isGroupNoun = (word: string): boolean => isNounOf(GROUP_NOUNS, word.toLowerCase());
/** Name suffixes that are not surnames. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?,?$/i;
/** Words between capitalized words that keep an organization's name whole ("Department of State", "Pacific Gas & Electric"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', '&', 'the', 'de', 'on']);
/** A first name written as its initials: "J.J." of "J.J. Abrams", "J.C." of "J.C. Chandor". */
const INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
/** How many words into an apposition a body's noun may stand ("the Spokane advertising, public relations and branding firm"). */
const ORG_ROLE_WORDS = 10;
/** A surname this long or longer spelt one letter otherwise is the same ("Zelensky", "Zelenskiy"). */
const SPELLING_MIN = 6;
/** Forms of address that are not roles. */
const ADDRESS = /^(?:mr|mrs|ms|miss|dr|sir|dame)\.?$/i;

/**
 * Abbreviated titles before a name, as news style writes them (AP: "Gov. Eric
 * Holcomb", "Sen.", "Lt. Col."), and the noun each stands for, so that a reader's
 * "the governor" finds the person.
 */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = Object.freeze({
  gov: 'governor',
  sen: 'senator',
  rep: 'representative',
  lt: 'lieutenant',
  col: 'colonel',
  gen: 'general',
  maj: 'major',
  capt: 'captain',
  cmdr: 'commander',
  adm: 'admiral',
  sgt: 'sergeant',
  supt: 'superintendent',
  atty: 'attorney',
  amb: 'ambassador',
  sec: 'secretary',
  pres: 'president',
  prof: 'professor',
});

/** A lone capitalized word among this many commonest English words is a word, not a name ("Several", "High"). */
const EVERYDAY_RANK = 3_000;
/** A one-word alias among this many commonest words ("he", "will", "may") is no name a reader could use alone. */
const FUNCTION_WORD_RANK = 300;

/** Is the word a title written short ("Gov.", "Lt", "Sen.") that a role spells out? */
const isTitleAbbreviation = (word: string): boolean => TITLE_ABBREVIATIONS[word.toLowerCase().replace(/\.$/, '')] !== undefined;

export const isPersonNoun = (word: string): boolean => {
  const w = word.toLowerCase().replace(/[.,;:]+$/, '');
  if (isNounOf(PERSON_NOUNS, w) || PERSON_NOUNS.has(w.normalize('NFD').replace(/\p{M}/gu, ''))) return true;
  // A compound WordNet lacks names a person by its last part ("co-founder", "ex-husband"), or as a lower-case
  // word in "-man" or "-woman" does ("defenseman", "anchorwoman"; not "German").
  const last = w.split('-').at(-1)!;
  return (last !== w && last.length > 2 && isNounOf(PERSON_NOUNS, last)) || /^\p{Ll}{4,}(?:wo)?m[ae]n$/u.test(word);
};

const isCapitalized = (t: Tok): boolean => /^[\p{Lu}[]/u.test(t.text) || /^\p{Lu}\.?(?:\p{Lu}\.?)+/u.test(t.text);
const clean = (s: string): string =>
  s
    .replace(/^\[|\]$/gu, '')
    .replace(/[\u2019']s$/u, '')
    .replace(/[.,;:!?"“”]+$/u, (m) => (/^\p{Lu}\.$/u.test(s.slice(-2)) ? m.replace(/[,;:!?"“”]/gu, '') : ''))
    .replace(/^[\s"“(]+/u, '');

/** Lower-case kebab-case id from a name. */
export function slugify(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

function surnameOf(words: readonly string[]): string {
  const real = words.filter((w) => !SUFFIX.test(w));
  return (real.at(-1) ?? words.at(-1) ?? '').replace(/[[\]]/g, '');
}

interface NameSpan {
  readonly para: Para;
  readonly start: number;
  readonly end: number;
  readonly words: string[];
  /** Title words stripped from the front ("Rep.", "Ambassador"). */
  readonly title: string[];
  readonly gender: 'male' | 'female' | null;
}

/** A lawmaker's party and state in brackets after the name: "(D-Minn.)", "(R-Texas)". */
const isPartyTag = (t: Tok): boolean => t.pre.includes('(') && /^[DRI]-\p{Lu}[\p{L}.]*$/u.test(t.text);

/**
 * A first name the tagger took alone, with the rest of the name it left out: a middle initial and a surname ("Sonya A.
 * Zoghlin"), or a surname of hyphen-joined parts ("Alexandria Ocasio-Cortez").
 */
function runOnName(para: Para, toks: readonly Tok[]): readonly Tok[] {
  // (After a title the tagger counts in: "Rep. Alexandria".)
  const only = toks.at(-1);
  if (!(only?.tags.has('FirstName') || only?.tags.has('Person')) || only.post !== ' ' || !toks.slice(0, -1).every((t) => t.tags.has('Honorific') || isTitleAbbreviation(t.text))) return toks;
  const at = para.tokens.indexOf(only);
  const [next, after] = [para.tokens[at + 1], para.tokens[at + 2]];
  const capital = (t: Tok | undefined): t is Tok => t !== undefined && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !t.pre.trim() && !t.tags.has('Honorific') && !t.tags.has('Month') && !t.tags.has('WeekDay');
  if (next && /^\p{Lu}$/u.test(next.text) && next.post === '. ' && capital(after)) return [...toks, next, after];
  if (capital(next) && /^[-‐]$/.test(next.post) && capital(after)) return [...toks, next, after];
  return toks;
}

/** The person spans compromise finds, cleaned to the name itself. */
function personSpans(para: Para, people: readonly PersonSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const p of people) {
    const toks = runOnName(para, para.tokens.filter((t) => t.start >= p.offset.start && t.end <= p.offset.start + p.offset.length));
    // A name ends at the first lower-case word after it ("Gordon problem"), or at a lawmaker's party and state in brackets
    // ("Ilhan Omar (D-Minn.)"; not "Walt (Anderson)", a surname bracketed in a quote).
    // (But not at a particle the tagger counts in the name before its capitalized rest: "Erik van Sebille".)
    let last = toks.findIndex((t, i) => i > 0 && ((!isCapitalized(t) && !SUFFIX.test(t.text) && !(t.tags.has('Person') && toks[i + 1] !== undefined && isCapitalized(toks[i + 1]!))) || isPartyTag(t)));
    if (last < 0) last = toks.length;
    let name = toks.slice(0, last);
    const title: string[] = [];
    // "Chargé [Dmitry] Zhirnov": what stands before a bracketed insertion is a title (the tagger leaves the bracket out of the word).
    const bracket = name.findIndex((t) => t.text.startsWith('[') || para.text[t.start - 1] === '[');
    if (bracket > 0) {
      title.push(...name.slice(0, bracket).map((t) => t.text));
      name = name.slice(bracket);
    }
    // Titles before the name: honorifics, role nouns ("Secretary", "Adviser") when a full name follows.
    while (name.length > 1) {
      const t = name[0]!;
      const rest = name.length - 1;
      // (An abbreviated title, with or without its full stop: "Lt Col Alexander Vindman"; a noun for a person before a
      // middle initial is a first name: "Victor N. Burton".)
      const abbreviated = rest >= 2 && isTitleAbbreviation(t.text);
      const titled = t.tags.has('Honorific') || abbreviated || (t.tags.has('Actor') && !t.tags.has('FirstName')) || ADDRESS.test(t.text) || (rest >= 2 && isPersonNoun(t.text) && !t.tags.has('FirstName') && !/^\p{Lu}\.?$/u.test(name[1]!.text));
      if (!titled) break;
      title.push(t.text);
      name = name.slice(1);
    }
    if (name.length === 0) continue;
    const first = name[0]!;
    const lastTok = name.at(-1)!;
    let end = lastTok.start + lastTok.text.replace(/[\u2019']s$/u, '').replace(/[,;:.]+$/, '').length;
    // "Jr." and an initial keep their full stop.
    if (para.text[end] === '.' && (SUFFIX.test(lastTok.text) || /^\p{Lu}$/u.test(para.text.slice(lastTok.start, end)))) end++;
    const words = para.text.slice(first.start, end).split(/\s+/).map(clean).filter((w) => w.length > 0);
    if (words.length === 0 || !words.some((w) => /\p{Lu}/u.test(w))) continue;
    // A name starts with a capital ("disgrace Over" is not one); a first name alone is too vague.
    if (!/^[\p{Lu}[]/u.test(first.text) || (name.length === 1 && first.tags.has('FirstName') && !first.tags.has('LastName'))) continue;
    // A title alone ("President") names no one.
    if (name.length === 1 && (first.tags.has('Honorific') || first.tags.has('Actor') || isPersonNoun(first.text))) continue;
    // (Not the tagger's guess of gender from a surname that is also a first name: "Ilhan Omar" is no man for "Omar"
    // being a man's name too; "Mother Superior Marie Clare Millea" keeps the title's.)
    const g = p.person?.presumed_gender;
    // ("Pope Francis", whose first word is a title, keeps it.)
    const bySurname = (g === 'male' || g === 'female') && !first.tags.has('MaleName') && !first.tags.has('FemaleName') && !first.tags.has('Honorific') && !isPersonNoun(first.text) && name.slice(1).some((t) => t.tags.has(g === 'male' ? 'MaleName' : 'FemaleName'));
    out.push({ para, start: first.start, end, words, title, gender: (g === 'male' || g === 'female') && !bySurname ? g : null });
  }
  return out;
}

/**
 * A full name's surname where the tagger found no person ("Sondland, a wealthy hotelier …" opening a
 * paragraph): a mention too, so that the role apposed to it is theirs.
 */
function surnamesMissed(paras: readonly Para[], spans: readonly NameSpan[], bySurname: ReadonlyMap<string, readonly ExtractedEntity[]>): NameSpan[] {
  const out: NameSpan[] = [];
  for (const para of paras) {
    const taken = spans.filter((s) => s.para === para);
    for (const t of para.tokens) {
      const word = t.text.replace(/[\u2019']s$/u, '').replace(/[,;:.!?]+$/, '');
      const people = bySurname.get(word.toLowerCase());
      if (!people || people.length !== 1 || !/^\p{Lu}\p{Ll}/u.test(word) || taken.some((s) => s.start < t.start + word.length && s.end > t.start)) continue;
      out.push({ para, start: t.start, end: t.start + word.length, words: [word], title: [], gender: null });
    }
  }
  return out;
}

/** Runs of capitalized words that are not people: organizations and places. */
function properRuns(para: Para, taken: (at: number) => boolean, knownName: (word: string) => boolean = () => false, everyday: (t: Tok) => boolean = () => true, capitalizedInside: (norm: string) => boolean = () => true): { start: number; end: number; toks: Tok[] }[] {
  const runs: { start: number; end: number; toks: Tok[] }[] = [];
  const sentenceStarts = new Set(para.sentences.map((s) => s.start));
  let cur: Tok[] = [];
  const flush = (): void => {
    while (cur.length > 0 && NAME_JOINERS.has(cur.at(-1)!.norm)) cur.pop();
    while (cur.length > 0 && NAME_JOINERS.has(cur[0]!.norm) && cur[0]!.norm !== 'the') cur.shift();
    // "according to The Wrap": inside a sentence, a capitalized "The" makes an everyday word a name, and stays in it.
    const theName = cur.length === 2 && cur[0]!.text === 'The' && !sentenceStarts.has(cur[0]!.start) && everyday(cur[1]!);
    if (cur.length > 0 && cur[0]!.norm === 'the' && !theName) cur.shift();
    // A sentence's first word is capitalized anyway ("Yet Sondland", "Questioning Vindman").
    // A word no everyday English has ("Gwynne Shotwell") is a name there too.
    // (Not a title opening the sentence: "Secretary of State Mike Pompeo said …", "President Trump scuttled …".)
    if (cur.length > 1 && sentenceStarts.has(cur[0]!.start) && !cur[0]!.tags.has('ProperNoun') && !cur[0]!.tags.has('Acronym') && !isPersonNoun(cur[0]!.norm) && everyday(cur[0]!)) cur.shift();
    while (cur.length > 0 && NAME_JOINERS.has(cur[0]!.norm) && !theName) cur.shift();
    // (A demonym before a first name says where they are from: "Australian Timothy Weeks".)
    if (cur.length > 2 && cur[0]!.tags.has('Demonym') && cur[1]!.tags.has('FirstName')) cur.shift();
    if (cur.length > 0) {
      const only = cur.length === 1 ? cur[0]! : null;
      // A lone capitalized word opening a sentence is ordinary unless compromise knows it as a name.
      // (Nor an adverb the tagger took for a name there, which the article never capitalizes inside a sentence: "Importantly, the …".)
      // (But one the article capitalizes inside a sentence is a name at its start too: "Amazon released a statement …".)
      const ordinary = only && sentenceStarts.has(only.start) && !capitalizedInside(only.norm) && (!only.tags.has('ProperNoun') || nlp(only.norm).has('#Adverb')) && !only.tags.has('Acronym') && !knownName(only.norm);
      // (Nor are place adjectives joined by a hyphen: "the Cuban-Guatemalan actor".)
      const demonym = (only && (only.tags.has('Adjective') || only.tags.has('Demonym'))) || cur.every((t) => t.tags.has('Demonym'));
      const dated = cur.every((t) => t.tags.has('Date') || t.tags.has('Month') || t.tags.has('WeekDay') || /^\d/.test(t.text));
      // (Nor a lawmaker's party and state in brackets after the name: "Ilhan Omar (D-Minn.)", "(R-Texas)".)
      const party = only !== null && isPartyTag(only);
      if (!ordinary && !demonym && !dated && !party && !cur.every((t) => t.tags.has('Pronoun'))) {
        const lastTok = cur.at(-1)!;
        runs.push({ start: cur[0]!.start, end: lastTok.start + clean(lastTok.text).length, toks: cur });
      }
    }
    cur = [];
  };
  for (const t of para.tokens) {
    // (A capitalized word after a first name is a surname, whatever else it means: "Timothy Weeks".)
    const surname = cur.at(-1)?.tags.has('FirstName') === true && /^\p{Lu}\p{Ll}/u.test(t.text) && !t.tags.has('Month') && !t.tags.has('WeekDay');
    const dated = (t.tags.has('Date') || t.tags.has('Month') || t.tags.has('WeekDay') || t.tags.has('Determiner')) && !surname;
    const cap = isCapitalized(t) && !taken(t.start) && !/^["“]/.test(t.text) && !dated;
    const joiner = cur.length > 0 && NAME_JOINERS.has(t.norm) && !t.pre.trim() && !cur.at(-1)!.post.trim();
    // "Sierra Nevada Corporation (SNC)": the bracketed acronym is a name of its own.
    // ("Agence France-Presse": a hyphen joins a name's words too.)
    // (A name's possessive ends it: "Kazakhstan's Air Astana", "Jeff Bezos's Blue Origin" are two; a title's or a
    // word's does not: "the California Governor's Office of Emergency Services", "Children's Hospital".)
    const ownerWord = cur.at(-1)?.text.replace(/['’]s$/u, '') ?? '';
    const owner = cur.length > 0 && /['’]s$/u.test(cur.at(-1)!.text) && !isPersonNoun(ownerWord) && !everyday({ ...cur.at(-1)!, norm: ownerWord.toLowerCase() });
    // (A hyphen joins only unspaced: "NEW ORLEANS - Both …" is a dateline's dash.)
    const post = cur.at(-1)?.post ?? '';
    if ((cap || joiner) && !owner && (cur.length === 0 || ((!post.trim() || /^['’]s?$/.test(post.trim()) || /^[-‐]$/.test(post)) && !t.pre.includes('(')))) {
      cur.push(t);
      if (/[,.;:!?)"”—]$/.test(t.post.trim()) && !/^\p{Lu}\.$/u.test(t.text)) flush();
    } else {
      flush();
      if (cap) cur.push(t);
    }
  }
  flush();
  return runs;
}

type Run = { start: number; end: number; toks: Tok[] };

/**
 * "Blue Origin and SpaceX", "Russia and Syria": two names, when the article
 * names either one alone elsewhere (or both are places), or when they end a list;
 * "Health and Human Services" stays one. A lone demonym left over ("Russian and Syrian") is no name.
 */
function splitPair(para: Para, run: Run, alone: ReadonlySet<string>): Run[] {
  const at = run.toks.findIndex((t, i) => i > 0 && i < run.toks.length - 1 && t.norm === 'and');
  if (at < 0) return [run];
  const left = run.toks.slice(0, at);
  const right = run.toks.slice(at + 1);
  const text = (toks: Tok[]): string => clean(para.text.slice(toks[0]!.start, toks.at(-1)!.end)).toLowerCase().replace(/^the\s+/, '');
  const placeLike = (toks: Tok[]): boolean => toks.every((t) => t.tags.has('Place') || t.tags.has('Country') || t.tags.has('Demonym') || t.tags.has('Adjective'));
  // (Nor one name when it ends a list: "Marvel Entertainment, Lucasfilm and BamTech". Either half is compared without
  // its "the": "Washington and the Taliban" where "the Taliban" stands alone.)
  const listEnd = /\p{Lu}[\p{L}\p{N}.&'’-]*,\s*$/u.test(para.text.slice(Math.max(0, run.start - 40), run.start));
  const pair = listEnd || alone.has(text(left)) || alone.has(text(right)) || (placeLike(left) && placeLike(right));
  if (!pair) return [run];
  return [left, right]
    .filter((toks) => !(toks.length === 1 && (toks[0]!.tags.has('Demonym') || toks[0]!.tags.has('Adjective'))))
    .map((toks) => ({ start: toks[0]!.start, end: toks.at(-1)!.start + clean(toks.at(-1)!.text).length, toks }));
}

/** Is the word a title for a person: a noun for one, a tagger's title or office ("Mayor", "Dr."), or a title written short ("Gov.")? */
const namesTitle = (t: Tok): boolean => isPersonNoun(t.text) || t.tags.has('Actor') || t.tags.has('Honorific') || isTitleAbbreviation(t.text);

/** Words before a mention that form a title ("department spokeswoman", "Foreign Secretary"). */
function titleBefore(para: Para, start: number): { text: string; start: number } | null {
  const before = para.tokens.filter((t) => t.end <= start);
  const words: Tok[] = [];
  let quoteOpen = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i]!;
    // A title in quotation marks qualifies the role after it: "'Mob Wives' star Natalie Guercio".
    if (words.length > 0 && /^["”’']$/u.test(t.post.trim())) {
      const open = before.findLastIndex((x, j) => j <= i && j > i - QUOTED_TITLE_WORDS && /["“‘']$/u.test(x.pre.trim()));
      if (open >= 0) {
        words.unshift(...before.slice(open, i + 1));
        quoteOpen = 1;
      }
      break;
    }
    // (A title written short keeps its full stop: "Kentucky Gov. Ann Cole".)
    if (t.post.trim() && !/^[-‐]$/.test(t.post.trim()) && !(t.post.trim() === '.' && isTitleAbbreviation(t.text))) break;
    const titleWord = namesTitle(t);
    // (A noun for a person the tagger took for a verb is a title where no verb or "to" could govern it: "but coach Jim
    // Caldwell vouched", not "will judge Anna Lee's case" or "to host Jim Smith".)
    const prev = before[i - 1];
    const verbTitle = titleWord && t.tags.has('Verb') && !(prev && (prev.tags.has('Verb') || prev.norm === 'to'));
    if (t.tags.has('Determiner') || t.tags.has('Preposition') || (t.tags.has('Verb') && !verbTitle) || t.tags.has('Pronoun') || t.tags.has('Conjunction') || (t.tags.has('Person') && !titleWord)) break;
    if (!(t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Acronym') || verbTitle)) break;
    if (t.tags.has('Possessive') || t.tags.has('Date') || t.tags.has('Value')) break;
    words.unshift(t);
    if (words.length >= 5) break;
  }
  const isHead = (t: Tok): boolean => namesTitle(t) && !t.tags.has('Demonym');
  while (words.length > 0 && !isHead(words.at(-1)!)) words.pop();
  if (words.length === 0) return null;
  const from = words[0]!.start - quoteOpen;
  return { text: para.text.slice(from, words.at(-1)!.end).replace(/[,;:[]+$/, '').replace(/^#/, ''), start: from };
}
/** The most words a quoted title before a role may have ("“Real Housewives of Atlanta” star"). */
const QUOTED_TITLE_WORDS = 6;

const ROLE_AFTER = /^\.?,\s+(?:who (?:is|was|serves as|served as) )?((?:(?:the|a|an|his|her|its|their|former|then|acting|now)\s|[\p{Lu}][\p{L}\p{N}.&\u2019'-]*[\u2019']s\s)(?:[^,.;:()\u2014\u2013"“”]|\.(?=\S)|,(?=\d{3}\b)|(?<=(?:^|[\s.])\p{Lu})\.){2,140}?)(?=,(?!\d{3}\b)|(?<!(?:^|[\s.])\p{Lu})\.(?:\s|$)|;|\u2014|\u2013|\)|\s\(|$)/u;
/** Corporate designators that end a company's name. */
const CORPORATE = /^(?:Inc|Corp|Co|Ltd|LLC|PLC|AG|SA|GmbH)\.?$/;
/** A role right after a name, between commas, with or without an article: ", president and chief operating officer of SpaceX,". */
/** ", vice president of business development at SNC." : a role with no article, to the end of its clause. */
// (Its abbreviations keep their dots, and an age may stand first: ", 51, co-owner …", ", director of U.S. rate strategy at … Inc.,".)
const BARE_ROLE_AFTER = /^,\s+(?:\d{1,3},\s+)?(\p{Ll}(?:[^,.;:()\u2014\u2013"“”]|\.(?=[^\s,])|(?<=(?:^|[\s.])\p{Lu})\.|(?<=\s(?:Inc|Corp|Co|Ltd))\.(?=,)){2,140}?)(?=[,;]|(?<!(?:^|[\s.])\p{Lu})\.(?:\s|$)|$)/u;
// (It may end its sentence: "The thaw worried Tasos Georgelis, deputy commissioner for water and sewer operations.")
const APPOSED_ROLE = /^,\s+(?:(?:the|a|an|former|then|acting)\s+)?([^,.;:()\u2014\u2013"“”]{2,100}?)(,|;|\.(?:\s|$))/u;
/** "Carlineo is a convicted felon": what the article says someone is. */
const ROLE_COPULA = /^\s+(?:is|was)\s+((?:a|an|the|one of the)\s(?:[^,.;:()\u2014\u2013"“”]|\.(?=\S)){2,100}?)(?=\s(?:and|who|that|which)\s|,|\.(?:\s|$)|;|$)/u;
/** "The co-pilot was Rémi Emmanuel Plesel": the role a sentence opens on, said to be the name. */
const ROLE_COPULA_BEFORE = /(?:^|[.;:!?]\s+)((?:[Tt]he|[Aa]n?)\s[^,.;:"“”\u2014]{1,60}?)\s+(?:is|was)\s+$/u;
const ROLE_BEFORE = /(?:^|[,;:(\u2014]\s*|\b(?:and|but|by|of)\s+)((?:(?:the|a|an|his|her|its|their)\s|[\p{Lu}][\p{L}.\u2019'-]*[\u2019']s\s)[^,.;:\u2014"“”]{1,100}?),\s*$/u;

/** An auxiliary or modal verb: what follows a name and a comma from it is the sentence's predicate. */
const PREDICATE_OPENING = /^(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|does|did)\s/i;
/** A role phrase is about a person when one of its words is a noun for a person ("director", "attorney"). */
/** A clause of saying or thinking in what looked like a role: ", the FBI agents working the case believe that Hal …" is no appositive. */
const reportsSomething = (phrase: string): boolean => [...phrase.matchAll(/(\p{L}+) that\b/gu)].some((m) => isSpeechVerb(m[1]!) || isThinkingVerb(m[1]!));
/** A role run on into its sentence's verb of saying, with no comma between: "a physical oceanographer … in Sydney told Reuters" ends before "told". */
function beforeSaying(role: string): string {
  const words = role.split(' ');
  // (Not a participle or gerund that qualifies the noun: "a man convicted of threatening my life", "an agent named by the board".)
  const at = words.findIndex((w, i) => i >= 2 && /^\p{Ll}+$/u.test(w) && isSpeechVerb(w) && verbLemma(w) !== w && !/ing$/.test(w) && !/^(?:of|by|for|in|as)$/.test(words[i + 1] ?? ''));
  return at < 0 ? role : words.slice(0, at).join(' ');
}
/**
 * Does an apposed phrase open on a role, a lower-case noun for a person among its first words ("vice president of …")
 * or a rarer one before "of" ("head of …"), and report nothing ("the agents believe that …")?
 */
const leadsWithRole = (phrase: string): boolean => {
  const words = phrase.split(/\s+/);
  // (A verb after the comma opens the sentence's predicate, not an appositive: "The priest, Fidelis Mukonori, is acting as a middle-man …".)
  // (A role written as its initials counts: "Strauss Zelnick, CEO of Take-Two,".)
  // (Nor one that opens on a preposition: ", 51, of kidnapping the girl" says what he was convicted of, ", of Perris," where someone is from.)
  return !PREDICATE_OPENING.test(phrase) && !/^(?:of|from|in|at|on|with|for|to|by)\s/i.test(phrase) && !reportsSomething(phrase) && (words.slice(0, 4).some((w) => (/^\p{Ll}/u.test(w) && isPersonNoun(w)) || (/^\p{Lu}{2,4}$/u.test(w) && isPersonNoun(w.toLowerCase()))) || opensOnRoleOf(words));
};
const namesARole = (phrase: string): boolean => !reportsSomething(phrase) && (phrase.split(/\s+/).some((w) => isPersonNoun(w)) || personPhraseIn(phrase.split(/\s+/)) !== null || opensOnRoleOf(phrase.split(/\s+/))) && !/^(?:the|a|an)\s+(?:first|second|third|last|next)?\s*(?:time|day|week|year)\b/i.test(phrase);

/** ", Michigan", ", Calif.", ", Palo Alto": one or two capitalized words after a comma, ending a clause or the line. */
const NAME_AFTER_COMMA = /^, +(\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)?\.?)(?=[,;:]|[ \t]*(?:\n|$)|(?<=\.)\s)/u;

/**
 * Is the name at [start, end) a town the text places, as news writes a hometown: followed by its state or country
 * ("Ann Arbor, Michigan", "Morro Bay, Calif.") or set after a name with ", of" ("Judy Avalos, of Perris, was …")?
 */
function placedBy(text: string, start: number, end: number): boolean {
  const isPlace = (name: string): boolean => isPlaceName(name) || isPlaceName(name.replace(/\.$/, ''));
  const after = NAME_AFTER_COMMA.exec(text.slice(end));
  // (Not a name followed by a town and its state: "Ceres Robotics, Palo Alto, California" is a company there.)
  const further = after ? NAME_AFTER_COMMA.exec(text.slice(end + after[0].length)) : null;
  if (after && isPlace(after[1]!) && !(further && isPlace(further[1]!))) return true;
  return /\p{L},\s+(?:\d{1,3},\s+)?of\s+$/u.test(text.slice(Math.max(0, start - 40), start)) && /^,/.test(text.slice(end));
}

/** Finds the article's people, organizations and places, their roles and every mention. */
export function findEntities(paras: readonly Para[]): EntityFindings {
  const unsure: string[] = [];
  // A "person" whose last word names a body ("Sierra Nevada Corporation") is an organization.
  const spans = paras.flatMap((p) => personSpans(p, p.people)).filter((s) => !isGroupNoun(s.words.at(-1) ?? '') && !CORPORATE.test(s.words.at(-1) ?? '') && !(s.words.length >= 2 && isPlaceName(s.words.join(' '))) && !placedBy(s.para.text, s.start, s.end));
  // (Nor a place WordNet names, that a first name opens: "Santa Barbara".)
  // Full names first, so surnames find them.
  const bySurname = new Map<string, ExtractedEntity[]>();
  const entities: ExtractedEntity[] = [];
  const ids = new Set<string>();
  const newId = (name: string): string => {
    let id = slugify(name);
    for (let i = 2; ids.has(id); i++) id = `${slugify(name)}-${i}`;
    ids.add(id);
    return id;
  };
  const fullSpans = spans.filter((s) => s.words.length >= 2);
  for (const s of fullSpans) {
    const surname = surnameOf(s.words).toLowerCase();
    const name = s.words.join(' ');
    const same = bySurname.get(surname)?.find((e) => e.name === name || e.name.split(' ')[0] === name.split(' ')[0]);
    if (same) {
      if (name.length > same.name.length) same.name = name;
      continue;
    }
    const e: ExtractedEntity = { id: newId(name), kind: 'person', name, aliases: new Set([name, surnameOf(s.words)]), role: null, roles: [], where: { para: s.para.n, start: s.start, end: s.end }, gender: s.gender };
    const from = s.para.text[s.start - 1] === '[' ? s.start - 1 : s.start;
    const bracketed = s.para.text.slice(from, s.end);
    if (bracketed.includes('[')) e.aliases.add(bracketed);
    entities.push(e);
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), e]);
  }
  // A first name that only one of them has, and no one's surname, is theirs: "his wife Fran", when "Fran Finney" shares a surname with "Hal Finney".
  const firstNames = new Map<string, ExtractedEntity | null>();
  for (const e of entities) {
    const first = e.name.split(' ')[0]!.toLowerCase();
    if (e.name.includes(' ') && !bySurname.has(first) && first.length > 2) firstNames.set(first, firstNames.has(first) ? null : e);
  }
  for (const [surname, list] of bySurname) {
    if (list.length > 1) unsure.push(`alias "${surname}" matches ${list.length} people: ${list.map((e) => e.name).join(', ')}`);
  }
  // A lone surname is a person only if a full name has it, or compromise is sure of it as a surname and it speaks or is titled.
  const mentions: Mention[] = [];
  const lastSeen = new Map<string, ExtractedEntity>();
  const missed = surnamesMissed(paras, spans, bySurname);
  /** Those mentions, by "paragraph start": only a role apposed to them is taken ("Carlineo is a convicted felon" says less than who he is). */
  const missedAt = new Set(missed.map((s) => `${s.para.n} ${s.start}`));
  for (const s of [...spans, ...missed].sort((a, b) => a.para.n - b.para.n || a.start - b.start)) {
    const surname = surnameOf(s.words).toLowerCase();
    const candidates = bySurname.get(surname) ?? [];
    let e: ExtractedEntity | undefined;
    if (s.words.length >= 2) e = candidates.find((c) => c.name === s.words.join(' ') || c.name.split(' ')[0] === s.words[0]) ?? candidates[0];
    else e = lastSeen.get(surname) ?? candidates[0];
    if (!e && s.words.length === 1) {
      // A single name with no full form: a person when it stands for one by title or, else, appears more than once.
      const again = spans.filter((o) => surnameOf(o.words).toLowerCase() === surname).length;
      if (s.title.length === 0 && again < 2) continue;
      e = { id: newId(s.words[0]!), kind: 'person', name: s.words[0]!, aliases: new Set([s.words[0]!]), role: null, roles: [], where: { para: s.para.n, start: s.start, end: s.end }, gender: s.gender };
      entities.push(e);
      bySurname.set(surname, [e]);
    }
    if (!e) continue;
    lastSeen.set(surname, e);
    if (!e.gender && s.gender) e.gender = s.gender;
    mentions.push({ entity: e.id, para: s.para.n, start: s.start, end: s.end });
    if (s.title.length > 0 && !s.title.every((t) => ADDRESS.test(t))) {
      // "Rep." after "U.S.": the whole title as the text writes it.
      const more = titleBefore(s.para, s.start);
      const titleText = (more && s.title.length > 0 ? s.para.text.slice(more.start, s.start).trim() : s.title.join(' ')).replace(/[\s[#]+$/u, '').replace(/^#/, '');
      if (!e.role) setRole(e, titleText, s.para.n, s.start, s.end);
    }
  }
  // Roles from appositives and titles, the first the article gives.
  const roleAt = new Map<string, { para: number; start: number; end: number }>();
  /** What a surname the tagger missed is said to be ("Hege is the CEO of DH"): their role only if nothing else gives one. */
  const saidToBe = new Map<ExtractedEntity, { role: string; para: number; start: number; end: number }>();
  for (const m of mentions) {
    const e = entities.find((x) => x.id === m.entity)!;
    const para = paras[m.para - 1]!;
    const after = ROLE_AFTER.exec(para.text.slice(m.end));
    const before = ROLE_BEFORE.exec(para.text.slice(Math.max(0, m.start - 120), m.start));
    const apposedOnly = missedAt.has(`${m.para} ${m.start}`);
    // (A form of address is no role: "Mr Mugabe".)
    const titled = apposedOnly ? null : titleBefore(para, m.start);
    const title = titled && !ADDRESS.test(titled.text) ? titled : null;
    const copula = apposedOnly ? null : ROLE_COPULA.exec(para.text.slice(m.end));
    const copulaBefore = apposedOnly ? null : ROLE_COPULA_BEFORE.exec(para.text.slice(Math.max(0, m.start - 80), m.start));
    const namedBefore = copulaBefore && namesARole(copulaBefore[1]!) ? copulaBefore[1]!.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : null;
    const fallback = apposedOnly && e.kind === 'person' ? ROLE_COPULA.exec(para.text.slice(m.end)) : null;
    // (The one holder of a post, "the CEO of DH"; "a convicted felon" says less than who he is.)
    if (fallback && /^the\s/i.test(fallback[1]!) && namesARole(fallback[1]!) && !saidToBe.has(e)) saidToBe.set(e, { role: fallback[1]!, para: m.para, start: m.start, end: m.end });
    // A person's role apposed with no article ("John Roth, vice president of business development at SNC."), led by a noun for a person.
    const bare = e.kind === 'person' ? BARE_ROLE_AFTER.exec(para.text.slice(m.end)) : null;
    const bareRole = bare && leadsWithRole(bare[1]!) ? bare[1]! : null;
    let role =
      after && namesARole(after[1]!) && !/^(?:who|which|that)\b/i.test(after[1]!)
        ? after[1]!
        : bareRole
          ? bareRole
        : before && !apposedOnly && namesARole(before[1]!)
          ? before[1]!
          : (title?.text ?? namedBefore ?? (copula && namesARole(copula[1]!) ? copula[1]! : null));
    // (A fuller role replaces a one-word one, and any replaces a title of abbreviations alone: "Lt Col".)
    const abbreviationsOnly = (r: string): boolean => r.split(/\s+/).every((w) => isTitleAbbreviation(w));
    if (role) role = beforeSaying(role);
    if (role && (!e.role || (e.role.split(/\s+/).length === 1 && role.split(/\s+/).length > 1) || (abbreviationsOnly(e.role) && !abbreviationsOnly(role)))) setRole(e, role, m.para, m.start, m.end);
    // The other roles given here too: "Council member Peter Lind, the only member to vote against".
    for (const other of [role, title?.text ?? null, namedBefore]) {
      const text = other?.replace(/\s+/g, ' ').trim();
      if (text && e.kind === 'person' && !ADDRESS.test(text) && !e.roles.some((r) => r.toLowerCase() === text.toLowerCase())) {
        e.roles.push(text);
        roleAt.set(`${e.id} ${text}`, { para: m.para, start: m.start, end: m.end });
      }
    }
  }
  for (const [e, said] of saidToBe) if (!e.role) setRole(e, said.role, said.para, said.start, said.end);
  // A title before the name that another of their roles spells out ("Ambassador Gordon Sondland, the
  // most anticipated witness …" and "Sondland, a wealthy hotelier Trump tapped as his ambassador to the
  // European Union"): that role says who they are, and its sentence answers.
  for (const e of entities) {
    const wordsOf = (r: string): string[] => r.toLowerCase().split(/\s+/);
    const titles = e.roles.filter((r) => !/\s/.test(r) && /^\p{Lu}/u.test(r)).map((r) => r.toLowerCase().replace(/\.$/, ''));
    const fuller = e.roles.find((r) => r !== e.role && /\s/.test(r) && titles.some((t) => wordsOf(r).includes(t) && !wordsOf(e.role ?? '').includes(t)));
    const where = fuller && roleAt.get(`${e.id} ${fuller}`);
    if (fuller && where) setRole(e, fuller, where.para, where.start, where.end);
  }

  // A one-word title the article also writes out in full ("Chargé" and "Russia's chargé d'affaires";
  // "Secretary" and "the secretary of state"): the full role.
  const body = paras.map((p) => p.text).join('\n');
  for (const e of entities) {
    if (e.kind !== 'person' || !e.role || /\s/.test(e.role) || !/^\p{Lu}/u.test(e.role)) continue;
    const word = escapeRegExp(e.role.toLowerCase());
    const full = new RegExp(`(?<!\\p{L})(${word} (?:d['’]\\p{L}+|of (?:the )?\\p{Ll}+))`, 'u').exec(body)?.[1];
    if (full && !e.roles.includes(full)) {
      e.roles.unshift(full);
      e.role = full;
    }
  }

  // Organizations and places: capitalized runs outside people's names.
  const inPerson = (para: number, at: number): boolean => mentions.some((m) => m.para === para && at >= m.start && at < m.end);
  const orgs = new Map<string, ExtractedEntity>();
  /** People found among the capitalized runs, not by the tagger. */
  const runPeople = new Set<ExtractedEntity>();
  const lowerWords = new Set(paras.flatMap((p) => p.tokens.filter((t) => /^\p{Ll}/u.test(t.text)).map((t) => t.norm)));
  const everyday = (t: Tok): boolean => lowerWords.has(t.norm) || (commonRank(t.norm) ?? Infinity) < EVERYDAY_RANK;
  const anyWord = (t: Tok): boolean => lowerWords.has(t.norm) || commonRank(t.norm) !== null;
  const inside = new Set(paras.flatMap((p) => {
    const starts = new Set(p.sentences.map((x) => x.start));
    return p.tokens.filter((t) => isCapitalized(t) && !starts.has(t.start)).map((t) => t.norm);
  }));
  const runsOf = new Map(paras.map((para) => [para, properRuns(para, (at) => inPerson(para.n, at), (w) => bySurname.has(w), anyWord, (w) => inside.has(w))]));
  const alone = new Set([...runsOf.entries()].flatMap(([para, runs]) => runs.filter((r) => !r.toks.some((t) => t.norm === 'and')).map((r) => clean(para.text.slice(r.start, r.end)).toLowerCase())));
  for (const para of paras) {
    for (const whole of runsOf.get(para)!.flatMap((r) => splitPair(para, r, alone))) {
      // "the CEO of DH": a title of someone at a body names the body after "of" (a title alone, "Secretary of State", stays).
      const of = whole.toks.findIndex((t) => t.norm === 'of');
      const titled = of === 1 && isPersonNoun(whole.toks[0]!.norm) && !isGroupNoun(whole.toks[0]!.norm) && whole.toks.length === 3 && /^\p{Lu}{2,}/u.test(whole.toks[2]!.text);
      const run = titled ? { start: whole.toks[2]!.start, end: whole.end, toks: whole.toks.slice(2) } : whole;
      const text = clean(para.text.slice(run.start, run.end));
      if (text.length < 2) continue;
      const key = text.toLowerCase();
      // Capitalized words right before a name are its title ("Assistant Secretary [Wess] Mitchell").
      if (mentions.some((m) => m.para === para.n && m.start > run.end && /^\.?[\s#]*$/.test(para.text.slice(run.end, m.start)))) continue;
      const caps = run.toks.filter((t) => !NAME_JOINERS.has(t.norm));
      // (Or one WordNet names: "the U.S." the tagger took for an organization.)
      const place = caps.every((t) => t.tags.has('Country') || t.tags.has('City') || t.tags.has('Region')) || (caps.length === 1 && caps[0]!.tags.has('Place')) || isPlaceName(text) || placedBy(para.text, run.start, run.start + text.length);
      // "State Department" after "U.S. State Department": the same organization.
      let e = orgs.get(key) ?? [...orgs.values()].find((o) => o.name.toLowerCase().endsWith(` ${key}`) && key.includes(' '));
      if (!e) {
        // A surname alone that compromise missed ("Volker said"): the person.
        const person = bySurname.get(key)?.[0] ?? bySurname.get(key.split(/\s+/).at(-1)!)?.[0] ?? firstNames.get(key) ?? undefined;
        if (person) {
          if (firstNames.get(key) === person) person.aliases.add(text);
          mentions.push({ entity: person.id, para: para.n, start: run.start, end: run.start + text.length });
          continue;
        }
        // A first name and a surname that compromise did not take for a person ("Fiona Hill"): a person.
        const caps = run.toks.filter((t) => !NAME_JOINERS.has(t.norm));
        // Or any two or three capitalized words a role follows ("Gwynne Shotwell, president and chief operating officer of SpaceX,").
        const apposed = APPOSED_ROLE.exec(para.text.slice(run.end));
        // (Or ends with one, its head: "Julie Graham, Washington State Department of Health public information officer,".)
        const appositionWords = apposed ? apposed[1]!.split(/\s+/) : [];
        // (One that ends the sentence only when it opens on the role: not "South Sudan, cease the bombing … and cooperate with … agents.")
        const closed = apposed?.[2] === ',';
        const roleAfter = apposed && (leadsWithRole(apposed[1]!) || (closed && !PREDICATE_OPENING.test(apposed[1]!) && !reportsSomething(apposed[1]!) && /^\p{Ll}/u.test(appositionWords.at(-1)!) && isPersonNoun(appositionWords.at(-1)!))) ? apposed[1]! : null;
        // (Or a name the tagger knows for a company: "construction goods giant Home Depot" is no person, "giant" though a noun for one.)
        const bodyName = isGroupNoun(caps.at(-1)!.norm) || CORPORATE.test(caps.at(-1)!.text) || caps.some((t) => t.tags.has('Organization'));
        // "CPUC President Marybel Batjer": a title inside the run, then two or three words of a name.
        let titleAt = -1;
        caps.forEach((t, i) => {
          if (isPersonNoun(t.norm) || t.tags.has('Honorific')) titleAt = i;
        });
        // ("Secretary of State Mike Pompeo": the title runs on with "of" and a body; the name is the last two words.)
        const ofBody = titleAt >= 0 && run.toks.some((t) => t.norm === 'of' && t.start > caps[titleAt]!.start) && caps.length - titleAt - 1 >= 3;
        const nameAfter = ofBody ? caps.slice(-2) : caps.slice(titleAt + 1);
        // ("CEO of Take-Two": a title and "of" before one or two words is the title's body, not a name.)
        const ofOnly = titleAt >= 0 && !ofBody && run.toks.some((t) => t.norm === 'of' && t.start > caps[titleAt]!.start);
        const wordOfName = (t: Tok): boolean => /^\p{Lu}\p{Ll}/u.test(t.text) && !isPersonNoun(t.norm) && !isGroupNoun(t.norm);
        // ("President Trump", "Gov. Holcomb": a title and a surname no everyday word spells.)
        // (After a title the tagger knows as one: "President Trump", not "Star Trek".)
        const surnameAfter = titleAt >= 0 && nameAfter.length === 1 && (caps[titleAt]!.tags.has('Honorific') || isTitleAbbreviation(caps[titleAt]!.norm)) && !bodyName && wordOfName(nameAfter[0]!) && !everyday(nameAfter[0]!);
        // (Not a place, nor after a title that owns something: "the U.S. Attorney's Office for the Western District of New York".)
        const titleOwns = titleAt >= 0 && /['’]s?$/u.test(caps[titleAt]!.text);
        // ("the Argus Leader of Sioux Falls": a place by the tagger or by WordNet, "Sioux Falls", is nobody.)
        const placed =
          nameAfter.some((t) => t.tags.has('City') || t.tags.has('Country') || t.tags.has('Region')) ||
          (nameAfter.length > 0 && (nameAfter.every((t) => t.tags.has('Place') && !t.tags.has('Person')) || isPlaceName(clean(para.text.slice(nameAfter[0]!.start, run.end))))) ||
          placedBy(para.text, run.start, run.end);
        // (And after a word the tagger knows for a title or an office-holder: "Star" of "Star Trek Beyond" is neither.)
        const title = titleAt >= 0 ? caps[titleAt]! : undefined;
        const personal = title !== undefined && (title.tags.has('Honorific') || title.tags.has('Actor') || isTitleAbbreviation(title.norm));
        if (titleAt >= 0 && ((nameAfter.length >= 2 && nameAfter.length <= 3) || surnameAfter) && !ofOnly && !bodyName && !titleOwns && !placed && personal && nameAfter.every(wordOfName)) {
          const start = nameAfter[0]!.start;
          // A surname spelt another way in a quote ("President Zelensky" of "Volodymyr Zelenskiy"): that person.
          const alike = surnameAfter ? [...bySurname.entries()].find(([known]) => known.length >= SPELLING_MIN && distance(known, nameAfter[0]!.norm) <= 1)?.[1][0] : undefined;
          if (alike) {
            mentions.push({ entity: alike.id, para: para.n, start, end: run.end });
            continue;
          }
          const name = clean(para.text.slice(start, run.end));
          const surname = nameAfter.at(-1)!.text.replace(/[\u2019']s$/u, '');
          const p: ExtractedEntity = { id: newId(name), kind: 'person', name, aliases: new Set([name, surname]), role: null, roles: [], where: { para: para.n, start, end: run.end }, gender: nameAfter[0]!.tags.has('FemaleName') ? 'female' : nameAfter[0]!.tags.has('MaleName') ? 'male' : null };
          entities.push(p);
          runPeople.add(p);
          bySurname.set(surname.toLowerCase(), [p]);
          orgs.set(name.toLowerCase(), p);
          mentions.push({ entity: p.id, para: para.n, start, end: run.end });
          setRole(p, clean(para.text.slice(run.start, ofBody ? caps.at(-3)!.end : caps[titleAt]!.end)), para.n, start, run.end);
          continue;
        }
        // Or after a title that ends in a noun for a person ("former White House Russia adviser Fiona Hill").
        const titled = titleBefore(para, run.start);
        const titleNoun = titled ? titled.text.split(/[\s-]+/).at(-1)! : '';
        const afterTitle = /^\p{Ll}/u.test(titleNoun) && isPersonNoun(titleNoun);
        // Or one "who" refers to ("Montell Figgins, who represents Thomas,"): people are who, bodies which.
        // (Or an age between commas: "Sayiba John, 33, a Malawian who …" — bodies have none.)
        const whoAfter = /^,\s+who\s/u.test(para.text.slice(run.end)) || /^,\s+\d{1,3},\s/u.test(para.text.slice(run.end));
        // Or one name no everyday word spells, set between commas after a noun for a person, or before a role or "who":
        // "The captain, Iriyanto, an Indonesian who …", "Soelistyo, head of Indonesia's search and rescue agency, told …".
        const nounBefore = /(?:^|\s)(?:the|a|an|its|his|her|their)\s+([\p{L}-]+),\s*$/iu.exec(para.text.slice(Math.max(0, run.start - 40), run.start))?.[1];
        const apposedBefore = nounBefore !== undefined && isPersonNoun(nounBefore.toLowerCase()) && /^,/.test(para.text.slice(run.end));
        const mononym = caps.length === 1 && !bodyName && !placed && /^\p{Lu}\p{Ll}{2,}$/u.test(caps[0]!.text) && !anyWord(caps[0]!) && (apposedBefore || roleAfter !== null || whoAfter);
        if (mononym || (caps.length >= 2 && caps.length <= 3 && !bodyName && !placedBy(para.text, run.start, run.end) && (caps[0]!.tags.has('FirstName') || roleAfter || afterTitle || whoAfter || apposedBefore || INITIALS.test(caps[0]!.text)) && caps.every((t, i) => /^\p{Lu}\p{Ll}/u.test(t.text) || (i === 0 && INITIALS.test(t.text))))) {
          const surname = caps.at(-1)!.text.replace(/[\u2019']s$/u, '');
          const p: ExtractedEntity = { id: newId(text), kind: 'person', name: text, aliases: new Set([text, surname]), role: null, roles: [], where: { para: para.n, start: run.start, end: run.start + text.length }, gender: caps[0]!.tags.has('FemaleName') ? 'female' : caps[0]!.tags.has('MaleName') ? 'male' : null };
          entities.push(p);
          runPeople.add(p);
          bySurname.set(surname.toLowerCase(), [p]);
          orgs.set(key, p);
          mentions.push({ entity: p.id, para: para.n, start: run.start, end: run.start + text.length });
          const more = titleBefore(para, run.start);
          if (more) setRole(p, more.text, para.n, run.start, run.start + text.length);
          if (roleAfter) setRole(p, roleAfter.trim(), para.n, run.start, run.start + text.length);
          else if (apposedBefore) setRole(p, `the ${nounBefore.toLowerCase()}`, para.n, run.start, run.start + text.length);
          continue;
        }
        // A lone word the article also writes in lower case is a word, capitalized only where a sentence,
        // dateline or quotation opens ("Several thousand", "“Fund our schools”"); a title-case run opening a
        // quotation is a slogan or a title, not an organization.
        if ((caps.length === 1 && everyday(caps[0]!) && !caps[0]!.tags.has('Acronym') && run.toks[0]!.text !== 'The') || /[“"‘]/u.test(run.toks[0]!.pre)) continue;
        // Abbreviated titles alone ("Lt" of "Lt Col Alexander Vindman") name no one.
        if (caps.every((t) => isTitleAbbreviation(t.norm))) continue;
        // A person's title before their name ("Chargé" of "Chargé [Dmitry] Zhirnov") names no body.
        if (entities.some((p) => p.kind === 'person' && p.roles.some((r) => r.toLowerCase() === text.toLowerCase()))) continue;
        // A person's title set apart by commas ("Kennedy Jr., the U.S. Attorney for the Western District") is their role, not an organization.
        // (Only when the run opens the role: "a Ukraine specialist on the National Security Council" names the council.)
        if (caps.length > 1 && caps.some((t) => isPersonNoun(t.norm)) && entities.some((p) => p.kind === 'person' && p.roles.some((r) => r.replace(/^(?:the|a|an|former|then|acting)\s+/i, '').startsWith(text)))) continue;
        e = { id: newId(text), kind: place ? 'place' : 'organization', name: text, aliases: new Set([text]), role: null, roles: [], where: { para: para.n, start: run.start, end: run.start + text.length }, gender: null };
        const words = text.split(/\s+/);
        const head = words.at(-1)!;
        if (!place && words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(head) && isGroupNoun(head)) e.aliases.add(`the ${head.toLowerCase()}`);
        // ("The Wrap" is "Wrap" where a sentence opens with it.)
        if (words.length === 2 && words[0] === 'The') orgs.set(head.toLowerCase(), e);
        orgs.set(key, e);
        entities.push(e);
      } else e.aliases.add(text);
      mentions.push({ entity: e.id, para: para.n, start: run.start, end: run.start + text.length });
    }
  }
  // People found only among the capitalized runs ("Michelle Hege", whom the tagger missed) have roles said of their
  // surname later too: "Hege is the CEO of DH, …" (the holder of a post, with "the"), "Hege, the CEO of DH, …".
  for (const e of entities) {
    if (e.kind !== 'person' || e.role || !runPeople.has(e)) continue;
    const surname = escapeRegExp(e.name.split(/\s+/).at(-1)!);
    for (const para of paras) {
      for (const m of para.text.matchAll(new RegExp(`(?<!\\p{L})${surname}(?!\\p{L})`, 'gu'))) {
        const rest = para.text.slice(m.index + m[0].length);
        const said = ROLE_AFTER.exec(rest)?.[1] ?? ROLE_COPULA.exec(rest)?.[1];
        if (said && /^the\s/i.test(said) && namesARole(said)) {
          setRole(e, said, para.n, m.index, m.index + m[0].length);
          break;
        }
      }
      if (e.role) break;
    }
  }
  // What a body is, apposed to it: "DH, the Spokane advertising, public relations and branding firm behind …" (up to its
  // first noun for a body, commas of a list allowed).
  for (const e of entities) {
    if (e.kind !== 'organization' || e.role) continue;
    for (const m of mentions.filter((x) => x.entity === e.id)) {
      const after = /^,\s+((?:the|a|an)\s[^.;:()"“”]{2,160})/u.exec(paras[m.para - 1]!.text.slice(m.end))?.[1];
      const words = after?.split(/\s+/) ?? [];
      // (The noun ends the phrase: "firm" before "behind …", not "public" of "public relations".)
      const ends = (i: number): boolean => /[,;]$/.test(words[i]!) || i === words.length - 1 || /^(?:behind|that|which|who|whose|based|in|for|with|at|on|to|from|founded|known|said|says|and)$/.test(words[i + 1]!);
      const head = words.findIndex((w, i) => i > 0 && i <= ORG_ROLE_WORDS && isGroupNoun(w.replace(/[,;]$/, '')) && ends(i));
      if (head > 0 && !words.slice(0, head).some((w) => /,$/.test(w) && /^\p{Lu}/u.test(w))) {
        setRole(e, words.slice(0, head + 1).join(' ').replace(/[,;]$/, ''), m.para, m.start, m.end);
        break;
      }
    }
  }
  // An acronym is the organization whose words' initials it spells ("PG&E": "Pacific Gas & Electric Co.").
  const initials = (name: string): string =>
    name
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Co|Corp|Inc|Ltd|LLC)\.?$/.test(w))
      .map((w) => w[0])
      .join('');
  for (const short of entities.filter((e) => e.kind !== 'person' && /^[\p{Lu}&.]{2,8}$/u.test(e.name))) {
    const letters = short.name.replace(/[^\p{Lu}]/gu, '');
    const full = entities.find((e) => e !== short && e.kind !== 'person' && e.name.split(/\s+/).length > 1 && initials(e.name) === letters);
    if (!full) continue;
    full.aliases.add(short.name);
    for (const m of mentions) if (m.entity === short.id) (m as { entity: string }).entity = full.id;
    entities.splice(entities.indexOf(short), 1);
  }
  // A one-word alias that is among the commonest English words ("He" of "Liu He") would name someone in every question.
  for (const e of entities) for (const a of [...e.aliases]) if (!a.includes(' ') && (commonRank(a.toLowerCase()) ?? Infinity) < FUNCTION_WORD_RANK) e.aliases.delete(a);
  // Every person's role noun, once all are found: "the director", "the governor".
  for (const e of entities) {
    // Each of a person's roles ("Cmdr." before the name, "a spokesperson for …" after it).
    for (const role of e.kind === 'person' ? new Set([...e.roles, e.role ?? '']) : []) {
      if (!role) continue;
      // The head noun stands before any preposition: "the director of national intelligence" → director.
      const words = role.split(/\s+/);
      const cut = words.findIndex((w, i) => i > 0 && /^(?:of|for|to|in|at|on|with|from)$/i.test(w));
      // A role's head may be capitalized as a title ("House Speaker") or abbreviated ("Gov."), never the person's own name.
      const own = new Set(e.name.toLowerCase().split(/\s+/));
      const nouns = words.slice(0, cut < 0 ? words.length : cut).map((w) => {
        // "vice-premier" is a premier; "Chinese" before it is no role.
        const bare = w.toLowerCase().replace(/\.$/, '').split('-').at(-1)!;
        return TITLE_ABBREVIATIONS[bare] ?? (own.has(bare) || /^\p{Lu}/u.test(w) && !isPersonNoun(w.split('-').at(-1)!) ? '' : bare);
      });
      const head = nouns.reverse().find((w) => w && isPersonNoun(w));
      // (Not a noun for many, which names the group they are of: "cabinet ministers", "a meeting of the leaders".)
      if (head && !isPluralOf(PERSON_NOUNS, head)) e.aliases.add(`the ${head}`);
      // A title of capitalized words is how readers name them too: "the White House press secretary", "the press
      // secretary", "the secretary of state" (lower-cased: a name's words are matched in any case).
      const title = words.filter((w) => !/^(?:of|for)$/i.test(w));
      // (Of three words or more: "the Ukraine president" would take the country's name for theirs.)
      if (head && words.length >= 3 && title.every((w) => /^\p{Lu}/u.test(w)) && !title.some((w) => isTitleAbbreviation(w))) {
        e.aliases.add(`the ${role.toLowerCase()}`);
        if (cut < 0 && words.length >= 3) e.aliases.add(`the ${words.slice(-2).join(' ').toLowerCase()}`);
      }
    }
  }
  mentions.sort((a, b) => a.para - b.para || a.start - b.start);
  // "Kevin King and Timothy Weeks, both professors at …": the role is each one's.
  for (const e of entities) {
    const both = e.kind === 'person' ? /^both\s+(.+)$/i.exec(e.role ?? '') : null;
    if (!both) continue;
    // (Each one is "a professor at …", where the article writes "professors".)
    const [head, ...rest] = both[1]!.split(/\s+/);
    const role = isPluralOf(PERSON_NOUNS, head!.toLowerCase()) ? [`a ${lemmatize.noun(head!.toLowerCase())}`, ...rest].join(' ') : both[1]!;
    const at = e.roles.indexOf(both[0]!);
    if (at >= 0) e.roles.splice(at, 1);
    setRole(e, role, e.where.para, e.where.start, e.where.end);
    const mention = mentions.find((m) => m.entity === e.id && m.para === e.where.para && m.start === e.where.start);
    const text = paras[e.where.para - 1]!.text;
    const other = mention && mentions.find((m) => m.para === mention.para && m.entity !== e.id && /^\s+and\s+(?:\p{Lu}\p{Ll}+\s+)?$/u.test(text.slice(m.end, mention.start)));
    const partner = other && entities.find((x) => x.id === other.entity && x.kind === 'person' && !x.role);
    if (partner) setRole(partner, role, other.para, other.start, other.end);
  }
  // An organization's short form that two of them share ("the department") belongs to neither.
  const shortForms = new Map<string, ExtractedEntity[]>();
  for (const e of entities) for (const a of e.aliases) if (a.startsWith('the ')) shortForms.set(a, [...(shortForms.get(a) ?? []), e]);
  for (const [alias, list] of shortForms) {
    // "the pentagon" of "VOA Pentagon" is the Pentagon itself, when the article names it alone.
    const itself = entities.find((e) => e.name.toLowerCase() === alias.slice(4) && !list.includes(e));
    if (itself) {
      for (const e of list) e.aliases.delete(alias);
      continue;
    }
    if (list.length > 1) {
      unsure.push(`alias "${alias}" matches ${list.length} entities: ${list.map((e) => e.name).join(', ')}; left out`);
      for (const e of list) e.aliases.delete(alias);
    }
  }
  // A reader names someone by first name and surname alone: "James Kennedy" for "James Kennedy Jr.", "Sonya Zoghlin" for
  // "Sonya A. Zoghlin".
  for (const e of entities) {
    const words = e.kind === 'person' ? e.name.split(/\s+/) : [];
    const plain = words.filter((w, i) => i === 0 || !(SUFFIX.test(w) || /^\p{Lu}\.?$/u.test(w)));
    if (plain.length === 2 && plain.length < words.length) e.aliases.add(plain.join(' '));
  }
  return { entities, mentions, unsure };
}

/** The longest run of `words` that is a WordNet noun for a person in several words, as the text writes it, or null. */
function personPhraseIn(words: readonly string[]): string | null {
  const fold = (w: string): string => w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
  for (let n = Math.min(LONGEST_PERSON_PHRASE, words.length); n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      if (PERSON_PHRASES.has(run.map(fold).join(' '))) return run.join(' ').toLowerCase();
    }
  }
  return null;
}

function setRole(e: ExtractedEntity, role: string, para: number, start: number, end: number): void {
  const text = role.replace(/\s+/g, ' ').trim();
  if (!e.roles.some((r) => r.toLowerCase() === text.toLowerCase())) e.roles.push(text);
  e.role = text;
  e.where = { para, start, end };
}

/**
 * Stage 3 of extraction: direct quotes and reported speech, with speakers.
 *
 * A quote is a span between quotation marks (curly or straight); one left open
 * at the end of a paragraph runs on into the next. Its speaker is read off the
 * attribution around it, in this order:
 *  1. a verb of saying right before the quote ("Nauert wrote: “…", "he said, “…");
 *  2. after it ("“…,” the embassy said", "“…,” said Dan Coats, the director");
 *  3. "according to X";
 *  4. for a partial quote in a claim, the claim's owner ("Facebook's
 *     announcement that it had found “sophisticated” efforts");
 *  5. a verb of saying further back in the sentence, for partial quotes
 *     ("Russia criticized the summons, calling it “megaphone diplomacy.”");
 *  6. none: the previous quote's speaker when the quote stands alone in its
 *     sentence or paragraph ("“…,” it added." is 2; a bare paragraph is 6).
 * Speaker phrases resolve to entities by the names in them, by an entity's
 * alias ("the embassy"), or by pronoun to the last fitting speaker or person.
 */
import { isSpeechVerb, isThinkingVerb, sentenceAt, type Para, type Tok } from './segment.ts';
import { slugify, type EntityFindings, type ExtractedEntity, type Mention } from './entities.ts';
import { GROUP_NOUNS, isNounOf, PERSON_NOUNS } from '../english/nouns.ts';
import { verbsOf } from '../english/verbs.ts';

export interface ExtractedQuote {
  /** The quoted words, verbatim, without the marks. */
  readonly text: string;
  readonly para: number;
  /** Offsets of `text` in its paragraph. */
  readonly start: number;
  readonly end: number;
  /** The sentence(s) that carry the quote and its attribution: start and end offsets. */
  readonly sentence: { readonly start: number; readonly end: number };
  readonly speaker: string | null;
  readonly attribution: 'explicit' | 'context';
  /** The attribution's words ("department spokeswoman Heather Nauert"), for the report. */
  readonly phrase: string | null;
  /** For a post embedded in the page, the paragraph of its signature line, which dates it. */
  readonly signedIn?: number;
}

export interface ReportedSpeech {
  readonly para: number;
  readonly sentence: { readonly start: number; readonly end: number };
  readonly speaker: string;
  readonly verb: string;
  /** What they said: offsets of the reported clause in the paragraph. */
  readonly said: { readonly start: number; readonly end: number };
}

/** A passive verb of saying ("briefed by Facebook") is followed this closely by the one that reports. */
const PASSIVE_WORDS = 4;
/** "according to X" outside a quote, X to the next comma or the sentence's end. */
const ACCORDING_TO = /(?:^|,\s*)according to ([^,.;]+)[,.;]?/i;

/** Where a sentence joins a second statement to the first: "…, but legislators said …". */
const NEXT_CLAUSE = /,\s+(?:but|while|whereas|and)\s|;\s/g;

export interface QuoteFindings {
  readonly quotes: ExtractedQuote[];
  readonly reported: ReportedSpeech[];
  readonly unsure: string[];
}

/** A document that speaks for whoever issued it: "the statement said", "the report says". */
const DOCUMENT = /^the (statement|report|letter|release|memo|filing|complaint|announcement|post|tweet|email|notice|order|ruling|indictment)$/;

/** A verb of saying this close before a quote (in words) introduces it: "said, “", "told reporters: “". */
const ADJACENT_WORDS = 3;
/** A partial quote's verb of saying may stand this many words before it. */
const PARTIAL_WORDS = 14;
/** Scare quotes: a quote this short with no one saying it is not a quote. */
const SCARE_QUOTE_WORDS = 3;
/** The owner of a claim stands this close before its noun: "Facebook's July 31 announcement that …". */
const POSSESSOR_WORDS = 5;
/** A singular description ("the social-media giant") means an organization named at most this many paragraphs before … */
const DEFINITE_PARAGRAPHS = 2;
/** … when it is at most this long. */
const DEFINITE_WORDS = 4;
/** A speaker named only by a description is at most this long ("prosecutors", "the prosecutor's office"). */
const DESCRIPTION_WORDS = 6;
/** … or this long when it opens with a noun for people ("leaders of the U.S. intelligence and security community"). */
const PEOPLE_DESCRIPTION_WORDS = 10;
/** An attribution after a quote starts within this many words of it. */
const AFTER_WORDS = 24;
/** Most words of an attribution that closes a sentence after a comma: "…, Azzouz said.", "…, the Rutgers economist said." */
const CLOSING_WORDS = 6;
/** The most words of a day that may follow a verb of saying at a sentence's end ("announced on Monday"). */
const DAY_WORDS = 3;

const OPEN = new Set(['“', '"', '„']);
const CLOSE = new Set(['”', '"']);
const PRONOUNS = /^(?:he|she|it|they|we|i)$/i;
/** More characters than any paragraph has: a paragraph's number times this, plus an offset, orders points in the text. */
const PARA_SPAN = 1_000_000;
const BOUNDARY = /[,;:\u2014\u2013()]/;
/** Tags of the words a speaker's noun phrase is made of. */
/** A gerund after a determiner or possessive is a noun: "a briefing", "his testimony". */
const nounUse = (list: readonly Tok[], i: number): boolean => list[i]!.tags.has('Gerund') && i > 0 && (list[i - 1]!.tags.has('Determiner') || list[i - 1]!.tags.has('Possessive'));
/** A verb of saying with an infinitive after it says nothing here: "continuing to use", "promised to cut". */
const beforeInfinitive = (list: readonly Tok[], i: number): boolean => list[i + 1]?.norm === 'to' && (list[i + 2]?.tags.has('Verb') ?? false);
/** Is token `i` of `list` a verb of saying that may introduce speech? */
/** A verb of saying as the article writes it: in lower case ("State" of "the Islamic State" is a name). */
/** Does the sentence end after this word? Not after a title written short (", said Mr. Reeves", "…," Mr. Trump said), an initial or "Jr.". */
function endsSentence(t: Tok): boolean {
  return /[.!?]/.test(t.post) && !/^\p{Lu}\.?$/u.test(t.text) && !/^(?:jr|sr|u\.s)\.?$/i.test(t.text) && !t.tags.has('Honorific') && !t.tags.has('Abbreviation');
}

/** The verbs that report speech itself, before which another "verb of saying" is what was said ("said farmers faced …"). */
const REPORTING = verbsOf(['say', 'tell', 'write', 'add', 'state', 'tweet']);
// (A participle before a comma or colon is a verb though tagged a noun: "a statement saying, “…”".)
const saying = (t: Tok): boolean => isSpeechVerb(t.text) && (t.tags.has('Verb') || (/ing$/.test(t.norm) && /^[,:]/.test(t.post.trim()))) && !/^\p{Lu}/u.test(t.text);
const saysAt = (list: readonly Tok[], i: number): boolean => saying(list[i]!) && !nounUse(list, i) && !beforeInfinitive(list, i);
const NP_TAGS = ['Noun', 'ProperNoun', 'Adjective', 'Determiner', 'Possessive', 'Value', 'Acronym', 'Pronoun', 'Honorific', 'Abbreviation'];

interface Span {
  start: number;
  end: number;
  /** Still open at the end of the paragraph. */
  open: boolean;
}

/** Quote spans of a paragraph: offsets of the words inside the marks. */
export function quoteSpans(text: string): Span[] {
  const spans: Span[] = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = i + 1 < text.length ? text[i + 1]! : ' ';
    if (openAt < 0 && OPEN.has(c) && (c !== '"' || /[\s(\u2014\u2013[:-]/.test(prev) || i === 0) && /\S/.test(next)) {
      openAt = i + 1;
    } else if (openAt >= 0 && CLOSE.has(c) && (c !== '"' || /[\s.,;:!?)\u2014-]/.test(next) || i + 1 === text.length)) {
      if (i > openAt) spans.push({ start: openAt, end: i, open: false });
      openAt = -1;
    }
  }
  if (openAt >= 0 && openAt < text.length) spans.push({ start: openAt, end: text.length, open: true });
  return spans;
}

const words = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function findQuotes(paras: readonly Para[], found: EntityFindings): QuoteFindings {
  const byId = new Map(found.entities.map((e) => [e.id, e]));
  const quotes: ExtractedQuote[] = [];
  const reported: ReportedSpeech[] = [];
  const unsure: string[] = [];
  let lastSpeaker: string | null = null;
  /** The person the text is about: the last sentence's person subject, whom "he" or "she" most likely means. */
  let focus: string | null = null;
  /** Where {@link focus} and {@link lastSpeaker} were last set (paragraph, then offset), so "he" takes the nearer. */
  let focusAt = -1;
  let spokeAt = -1;
  const at = (para: number, offset: number): number => para * PARA_SPAN + offset;
  let carryOpen = false;

  const mentionsIn = (para: number, start: number, end: number): Mention[] => found.mentions.filter((m) => m.para === para && m.start >= start && m.end <= end + 1);
  /** The last person named before a point: of the pronoun's gender where known, else of unknown gender. */
  const lastPersonBefore = (para: number, at: number, gender: 'male' | 'female' | null): string | null => {
    const before = found.mentions.filter((m) => m.para < para || (m.para === para && m.end <= at));
    for (const strict of [true, false]) {
      for (let i = before.length - 1; i >= 0; i--) {
        const e = byId.get(before[i]!.entity)!;
        if (e.kind === 'person' && (!gender || e.gender === gender || (!strict && !e.gender))) return e.id;
      }
    }
    return null;
  };
  const groups = new Map<string, ExtractedEntity>();
  /**
   * The organization a description most likely means: the last speaker if it
   * is one, else the organization named last, within
   * {@link DEFINITE_PARAGRAPHS} paragraphs before `at`.
   */
  const recentOrganization = (para: number, at: number): string | null => {
    const isOrg = (id: string | null): id is string => id !== null && byId.get(id)?.kind === 'organization';
    const before = found.mentions.filter((m) => m.para >= para - DEFINITE_PARAGRAPHS && (m.para < para || m.end <= at));
    if (isOrg(lastSpeaker) && before.some((m) => m.entity === lastSpeaker)) return lastSpeaker;
    const last = before.filter((m) => isOrg(m.entity) && !groups.has(byId.get(m.entity)!.name.toLowerCase())).sort((a, b) => a.para - b.para || a.start - b.start).at(-1);
    return last?.entity ?? null;
  };
  /**
   * The person a singular description means ("the widow", "the Malawian"): the one last named, in this paragraph or
   * the one before, when the description's noun is in their role or is where they come from (a demonym).
   */
  const recentPerson = (para: number, upTo: number, head: Tok): string | null => {
    const last = found.mentions
      .filter((m) => (m.para === para - 1 || (m.para === para && m.end <= upTo)) && byId.get(m.entity)?.kind === 'person')
      .sort((a, b) => a.para - b.para || a.start - b.start)
      .at(-1);
    const who = last && byId.get(last.entity);
    if (!who) return null;
    const inRole = [who.role ?? '', ...who.roles].some((r) => r.toLowerCase().split(/[^\p{L}]+/u).includes(head.norm));
    return inRole || head.tags.has('Demonym') ? who.id : null;
  };
  /**
   * The person this paragraph last reports speaking before `upTo` ("says McLaughlin", "Zhang said"), when that report is
   * nearer than the last quote's speaker and their gender fits or is unknown; or null.
   */
  const saidSince = (para: Para, upTo: number, gender: 'male' | 'female'): string | null => {
    const reports = found.mentions.filter((m) => {
      const e = byId.get(m.entity);
      if (m.para !== para.n || m.end > upTo || at(para.n, m.start) <= spokeAt || e?.kind !== 'person' || (e.gender !== null && e.gender !== gender)) return false;
      const preceding = para.text.slice(Math.max(0, m.start - 20), m.start);
      const before = /(\p{L}+)\s+$/u.exec(preceding)?.[1];
      const after = /^,?\s+(\p{L}+)/u.exec(para.text.slice(m.end, m.end + 20))?.[1];
      return /\baccording to\s+$/i.test(preceding) || [before, after].some((w) => w !== undefined && isSpeechVerb(w.toLowerCase()));
    });
    return reports.at(-1)?.entity ?? null;
  };
  /** The entity a speaker phrase means, or null. */
  const resolve = (para: Para, start: number, end: number, phrase: string, sentenceStart: number): string | null => {
    const p = phrase.trim().replace(/^(?:and|but|as|while)\s+/i, '');
    if (!p) return null;
    const inside = mentionsIn(para.n, start, end);
    const person = inside.find((m) => byId.get(m.entity)?.kind === 'person');
    if (person) return person.entity;
    const lower = p.toLowerCase().replace(/[\u2019]/g, "'");
    if (PRONOUNS.test(lower)) {
      if (lower === 'he' || lower === 'she') {
        const gender = lower === 'he' ? 'male' : 'female';
        const f = focus ? byId.get(focus) : undefined;
        const last = lastSpeaker ? byId.get(lastSpeaker) : undefined;
        // (Or of no known gender, quoted in this paragraph or the one before: "… director Bong Joon Ho said …" then
        // "he added; “…”", not a man named paragraphs back.)
        const lastFits = last?.kind === 'person' && (last.gender === gender || (last.gender === null && spokeAt >= at(para.n - 1, 0)));
        // (One said to speak since, in this paragraph, is nearer still: "…, says McLaughlin. “That's where …,” she says.")
        const since = saidSince(para, start, gender);
        if (since) return since;
        // (The one named nearer: "…, Burtless said. “Wages are …” …, he said." is Burtless, not a subject paragraphs back.)
        if (f && (!f.gender || f.gender === gender) && !(lastFits && spokeAt > focusAt)) return f.id;
        if (lastFits) return last.id;
        return lastPersonBefore(para.n, start, gender);
      }
      if (lower === 'it' || lower === 'they') {
        // "what it says are …": the organization this sentence began with.
        const first = mentionsIn(para.n, sentenceStart, start).find((m) => byId.get(m.entity)?.kind === 'organization');
        if (first && lower === 'it' && !lastSpeaker) return first.entity;
        if (lastSpeaker && byId.get(lastSpeaker)?.kind !== 'person') return lastSpeaker;
        return first?.entity ?? lastSpeaker;
      }
      return lastSpeaker;
    }
    const alias = found.entities.find((e) => [...e.aliases].some((a) => a.toLowerCase() === lower || `the ${a.toLowerCase()}` === lower));
    if (alias) return alias.id;
    // "… ,” the statement said": whoever the article last said issued one ("the US military said in a statement on Wednesday").
    const document = DOCUMENT.exec(lower)?.[1];
    if (document) {
      const mentioning = new RegExp(`\\b${document}\\b`, 'i');
      const issued = [...reported, ...quotes]
        .filter((x): x is typeof x & { speaker: string } => x.speaker !== null && (x.para < para.n || (x.para === para.n && x.sentence.end <= start)))
        .sort((a, b) => b.para - a.para || b.sentence.start - a.sentence.start)
        .find((x) => mentioning.test(paras[x.para - 1]!.text.slice(x.sentence.start, x.sentence.end)));
      if (issued) return issued.speaker;
    }
    // An organization named as a modifier ("the U.S. intelligence community") is not the speaker: the whole phrase is.
    const org = inside.find((m) => byId.get(m.entity)?.kind !== 'place');
    const modifier = org && /^\s+\p{Ll}/u.test(para.text.slice(org.end, end));
    if (org && !modifier) return org.entity;
    const role = found.entities.find((e) => e.role && e.role.toLowerCase().replace(/^(?:the|a|an) /, '') === lower.replace(/^(?:the|a|an) /, ''));
    if (role) return role.id;
    // A speaker the article names only by a description ("prosecutors", "the prosecutor's office").
    const nouns = para.tokens.filter((t) => t.start >= start && t.end <= end + 1 && t.tags.has('Noun') && !t.tags.has('Pronoun') && !t.tags.has('Date'));
    if (/^(?:in|on|at|during|after|before|since|by)\b/i.test(p)) return null;
    const people = nouns.length > 0 && (isNounOf(PERSON_NOUNS, nouns[0]!.norm) || isNounOf(GROUP_NOUNS, nouns[0]!.norm));
    if (nouns.length === 0 || nouns.every((t) => t.tags.has('QuestionWord') || /^(?:what|who|which|that|this|it|there)$/i.test(t.norm)) || words(p) > (people ? PEOPLE_DESCRIPTION_WORDS : DESCRIPTION_WORDS) || !/\p{L}/u.test(p) || /^(?:who|which|that|this|there)\b/i.test(p)) return null;
    // (A count of one is no part of the name: "One Washington-based trade expert said …" is a Washington-based trade expert.)
    const name = p.replace(/^(?:the|a|an|one|another)\s+/i, '');
    // "The social-media giant said": a singular description, naming no one, of the organization just spoken of.
    const phraseToks = para.tokens.filter((t) => t.start >= start && t.end <= end + 1);
    const head = phraseToks.at(-1)!;
    // Only with a noun before the head that says what kind of body it is ("the tech giant"; not "the governor", "the source", "the region").
    const kindBefore = phraseToks.length > 2 && (phraseToks.at(-2)!.tags.has('Noun') || phraseToks.at(-2)!.tags.has('Hyphenated'));
    if (/^the\s/i.test(p) && inside.length === 0 && !head.tags.has('Plural') && /^\p{Ll}/u.test(head.text) && words(p) <= DEFINITE_WORDS && kindBefore) {
      const recent = recentOrganization(para.n, start);
      if (recent) {
        byId.get(recent)!.aliases.add(p.toLowerCase().startsWith('the ') ? p.replace(/^The\b/, 'the') : p);
        found.mentions.push({ entity: recent, para: para.n, start, end });
        return recent;
      }
    }
    // "“…,” the Malawian told Al Jazeera", "the widow said": the person just named, so described.
    if (/^the\s/i.test(p) && inside.length === 0 && !head.tags.has('Plural') && words(p) <= DEFINITE_WORDS && (isNounOf(PERSON_NOUNS, head.norm) || head.tags.has('Demonym'))) {
      const described = recentPerson(para.n, start, head);
      if (described) {
        byId.get(described)!.aliases.add(p.replace(/^The\b/, 'the'));
        found.mentions.push({ entity: described, para: para.n, start, end });
        return described;
      }
    }
    // The description's last word must say who: a noun for people or a body ("officials", "the ministry"),
    // or a name ("Commercial Lunar Payload Services"); not "holds", "talks", "a deal that fails to", "Islamic", "the visiting Ukrainians".
    const whoWord = isNounOf(PERSON_NOUNS, head.norm) || isNounOf(GROUP_NOUNS, head.norm) || (/^\p{Lu}/u.test(head.text) && head.tags.has('Noun') && !head.tags.has('Demonym'));
    if (!whoWord) return null;
    let g = groups.get(name.toLowerCase());
    if (!g) {
      g = { id: uniqueId(found, slugify(name)), kind: 'organization', name, aliases: new Set([name, p.toLowerCase().startsWith('the ') ? p : `the ${name}`]), role: null, roles: [], where: { para: para.n, start, end }, gender: null };
      // A reader names one person so described by the description's last two words: "the trade expert".
      const last = name.split(/\s+/);
      if (last.length >= 3 && !head.tags.has('Plural') && isNounOf(PERSON_NOUNS, head.norm) && /^\p{Ll}+$/u.test(last.at(-2)!) && !/^(?:of|for|in|on|at|to|with|by|from)$/.test(last.at(-2)!)) g.aliases.add(`the ${last.slice(-2).join(' ')}`);
      groups.set(name.toLowerCase(), g);
      found.entities.push(g);
      byId.set(g.id, g);
    }
    found.mentions.push({ entity: g.id, para: para.n, start, end });
    return g.id;
  };

  /**
   * The noun phrase right before token `i`: the subject of a verb of saying
   * ("department spokeswoman Heather Nauert wrote"). It may cross the comma
   * that ends an appositive person ("Carlineo's attorney, Sonya Zoghlin, said"
   * gives "Sonya Zoghlin"), and never a clause boundary otherwise.
   */
  const phraseBefore = (para: Para, i: number, floor: number): { start: number; end: number } | null => {
    const toks = para.tokens;
    let j = i - 1;
    // (And an auxiliary the tagger took for a verb: "many have voiced concerns that …" is "many".)
    while (j >= 0 && (toks[j]!.tags.has('Adverb') || toks[j]!.tags.has('Auxiliary') || toks[j]!.tags.has('Modal') || toks[j]!.tags.has('Negative') || /^(?:have|has|had|is|are|was|were|been|be|will|would|did|does|do)$/i.test(toks[j]!.norm))) j--;
    if (j < 0 || toks[j]!.start < floor) return null;
    const end = toks[j]!.start + toks[j]!.text.replace(/[,;:]+$/, '').length;
    if (BOUNDARY.test(toks[j]!.post)) {
      // Only a person's name may stand right before the comma: else "…, called Omar" continues a clause.
      const personAt = (k: number): Mention | undefined => found.mentions.find((x) => x.para === para.n && toks[k]!.start >= x.start && toks[k]!.start < x.end && byId.get(x.entity)?.kind === 'person');
      const m = personAt(j);
      if (!m) {
        // ... or a person's appositive role: "James P. Kennedy Jr., the U.S. Attorney for …, said".
        let k = j - 1;
        while (k >= 0 && toks[k]!.start >= floor && !BOUNDARY.test(toks[k]!.post) && j - k < 16) k--;
        const owner = k >= 0 && toks[k]!.start >= floor && BOUNDARY.test(toks[k]!.post) ? personAt(k) : undefined;
        return owner ? { start: owner.start, end: owner.end } : null;
      }
    }
    let k = j;
    while (k >= 0 && toks[k]!.start >= floor) {
      const t = toks[k]!;
      if (k !== j && (BOUNDARY.test(t.post) || /["“”]/.test(t.post))) break;
      if (/^["“”]/.test(t.text)) break;
      // (A name the article gives is a noun though the tagger took it for a verb: "Parise said: “…”".)
      const named = /^\p{Lu}/u.test(t.text) && found.entities.some((e) => e.name.toLowerCase() === t.norm || [...e.aliases].some((a) => a.toLowerCase() === t.norm));
      const nominal = named || (NP_TAGS.some((tag) => t.tags.has(tag)) && !t.tags.has('Verb') && !t.tags.has('Conjunction') && !t.tags.has('Preposition') && !/^(?:that|which|who|what|whom)$/i.test(t.norm));
      // "of" and "for" join a noun phrase; so does "and" between two nouns after one of them ("leaders of the U.S. intelligence and security community").
      const ofBefore = (): boolean => toks.slice(Math.max(0, k - 4), k).some((x) => /^(?:of|for)$/i.test(x.norm));
      const joiner = (/^(?:of|for)$/i.test(t.norm) && k < j) || (t.norm === 'and' && k < j && k > 0 && toks[k - 1]!.tags.has('Noun') && toks[k + 1]!.tags.has('Noun') && ofBefore());
      if (!nominal && !joiner) break;
      k--;
    }
    while (k + 1 <= j && /^(?:of|for)$/i.test(toks[k + 1]!.norm)) k++;
    // "Erik van Sebille, a physical oceanographer at the University … in Sydney told Reuters": the place ends the
    // appositive role of the person before its comma, who is the subject.
    if (k >= 0 && toks[k]!.tags.has('Preposition')) {
      let c = k - 1;
      while (c >= 0 && toks[c]!.start >= floor && !BOUNDARY.test(toks[c]!.post) && !/["“”]/.test(toks[c]!.post) && k - c < 16) c--;
      const owner = c >= 0 && toks[c]!.start >= floor && BOUNDARY.test(toks[c]!.post) ? found.mentions.find((x) => x.para === para.n && toks[c]!.start >= x.start && toks[c]!.start < x.end && byId.get(x.entity)?.kind === 'person') : undefined;
      if (owner) return { start: owner.start, end: owner.end };
    }
    // "linked to a statement issued on …": a verb after an indefinite object of a preposition describes the object; it has no subject.
    if (k >= 0 && toks[k]!.tags.has('Preposition') && /^(?:a|an)$/i.test(toks[k + 1]?.norm ?? '')) return null;
    const start = toks[k + 1]?.start;
    if (start === undefined || start >= end) return null;
    return { start, end };
  };
  /** The phrase after token `i` up to punctuation: "said Dan Coats, the director". */
  const phraseAfter = (toks: readonly Tok[], i: number, ceiling: number): { start: number; end: number } | null => {
    let j = i + 1;
    const start = toks[j]?.start;
    if (start === undefined || start >= ceiling) return null;
    let end = start;
    while (j < toks.length && toks[j]!.start < ceiling) {
      end = toks[j]!.end;
      if (BOUNDARY.test(toks[j]!.post) || endsSentence(toks[j]!)) break;
      j++;
    }
    return { start, end };
  };

  /** The first person or organization named, or pronoun, in a clause: who does its verbs ("he asked …, called … and said"). */
  const subjectOf = (para: Para, clause: readonly Tok[], sentenceStart: number): string | null => {
    for (const t of clause) {
      const m = found.mentions.find((x) => x.para === para.n && t.start >= x.start && t.start < x.end);
      // (Not a place or body before a lower-case noun, which only says whose the subject is: "Green Bay coach Mike McCarthy".)
      const next = m ? para.tokens.find((x) => x.start >= m.end) : undefined;
      if (m && next && byId.get(m.entity)?.kind !== 'person' && /^\s+\p{Ll}/u.test(para.text.slice(m.end)) && (isNounOf(PERSON_NOUNS, next.norm) || isNounOf(GROUP_NOUNS, next.norm) || (next.tags.has('Noun') && !next.tags.has('Verb')))) continue;
      if (m) return m.entity;
      if (PRONOUNS.test(t.norm)) return resolve(para, t.start, t.end, t.norm, sentenceStart);
    }
    return null;
  };

  /** Sets {@link focus} from a sentence whose subject, among its first words, is a person or a pronoun for one. */
  const updateFocus = (para: Para, from: number, to: number): void => {
    // (A sentence that opens on quoted words has its subject in the attribution: "“[Eloise] never knew …,” she said.")
    if (/^["“‘]/u.test(para.text.slice(from, to).trimStart())) return;
    const head = para.tokens.filter((t) => t.start >= from && t.end <= to).slice(0, 8);
    for (const t of head) {
      if (t.tags.has('Verb') && !t.tags.has('Participle')) break;
      const m = found.mentions.find((x) => x.para === para.n && t.start >= x.start && t.start < x.end);
      if (m && byId.get(m.entity)?.kind === 'person') {
        focus = m.entity;
        focusAt = at(para.n, t.start);
        return;
      }
      if (/^(?:he|she)$/i.test(t.norm)) return;
    }
  };

  for (const para of paras) {
    const spans = quoteSpans(para.text);
    const toks = para.tokens;
    let prevEnd = 0;
    const paraQuotes: ExtractedQuote[] = [];
    let focusedTo = 0;
    const focusUpTo = (at: number): void => {
      for (const sentence of para.sentences) {
        if (sentence.start >= focusedTo && sentence.start < at) updateFocus(para, sentence.start, sentence.end);
      }
      focusedTo = Math.max(focusedTo, at);
    };
    spans.forEach((span, k) => {
      focusUpTo(span.start);
      const first = sentenceAt(para, span.start)!;
      const last = sentenceAt(para, Math.max(span.start, span.end - 1))!;
      const next = spans[k + 1];
      // The attribution after the quote runs to the end of the quote's last sentence or to the next quote.
      const lastEnd = sentenceAt(para, Math.min(para.text.length - 1, span.end + 2))!.end;
      const afterEnd = Math.min(next ? next.start - 1 : para.text.length, Math.max(last.end, lastEnd));
      const beforeStart = Math.max(first.start, prevEnd);
      const sentence = { start: first.start, end: Math.max(last.end, span.open ? para.text.length : lastEnd) };
      let speaker: string | null = null;
      let phrase: string | null = null;
      let attribution: 'explicit' | 'context' = 'explicit';
      const quoteWords = words(para.text.slice(span.start, span.end));
      const before = toks.filter((t) => t.end <= span.start - 1 && t.start >= beforeStart);
      const after = toks.filter((t) => t.start >= span.end + 1 && t.end <= afterEnd);
      const sayAt = (list: readonly Tok[], from: number, to: number): number => {
        for (let i = from; i >= 0 && i >= to; i--) if (saysAt(list, i)) return i;
        return -1;
      };
      const tryPhrase = (r: { start: number; end: number } | null): string | null => {
        if (!r) return null;
        phrase = para.text.slice(r.start, r.end).replace(/[,;:.]+$/, '');
        return resolve(para, r.start, r.end, phrase, first.start);
      };
      // 1. A verb of saying right before the quote; the reporting one when another stands just before it
      // ("Duvall … said farmers faced “…”": the farmers faced it, Duvall said it).
      const nearest = sayAt(before, before.length - 1, before.length - ADJACENT_WORDS);
      // (Not across a pronoun, which is the reporter again: "saying he recalled it “vividly.”")
      const reporting = nearest > 1 && !/^(?:he|she|they|it|we|i|you)$/i.test(before[nearest - 1]!.text) ? [nearest - 2, nearest - 3].find((i) => i >= 0 && saysAt(before, i) && REPORTING(before[i]!.norm)) : undefined;
      const adjacent = reporting ?? nearest;
      if (adjacent >= 0) {
        const idx = toks.indexOf(before[adjacent]!);
        speaker = tryPhrase(phraseBefore(para, idx, beforeStart)) ?? subjectOf(para, toks.filter((t) => t.start >= first.start && t.end <= before[adjacent]!.start), first.start);
      }
      // 2. After it: "…," X said / said X.
      // Not when a new clause follows ("… as “patently false,” and sources in the camp told …"): that is someone else;
      // unless the sentence ends on who said it ("“…” while they were in power, Azzouz said.").
      const closing = after.filter((t) => t.end <= last.end);
      const endsOnSaying = closing.length > 1 && saying(closing.at(-1)!) && closing.slice(-CLOSING_WORDS - 1, -1).some((t) => /,\s*$/.test(t.post));
      if (!speaker && after.length > 0 && (!/^(?:and|but|while|whereas)$/i.test(after[0]!.text) || endsOnSaying)) {
        const head = after.slice(0, AFTER_WORDS);
        const v = head.findIndex((t) => saying(t));
        const stop = head.findIndex(endsSentence);
        if (v === 0) speaker = tryPhrase(phraseAfter(toks, toks.indexOf(head[0]!), afterEnd));
        else if (v > 0 && (stop < 0 || stop >= v)) speaker = tryPhrase(phraseBefore(para, toks.indexOf(head[v]!), span.end + 1) ?? { start: head[0]!.start, end: head[v - 1]!.end });
        // "…the little deal" announced in October, said Derek Scissors: the first verb of saying belonged to the quote's own clause.
        // (Or the first is the attribution, after a comma: "“very little private sector investment” in new manufacturing, said Joseph Seneca".)
        const next = v >= 0 && !speaker ? head.findIndex((t, i) => (i > v || (i === v && i > 0 && REPORTING(t.norm))) && saying(t) && /,\s*$/.test(head[i - 1]!.post)) : -1;
        if (next > 0 && (stop < 0 || stop >= next)) speaker = tryPhrase(phraseAfter(toks, toks.indexOf(head[next]!), afterEnd));
      }
      // 3. "according to X".
      if (!speaker) {
        const around = para.text.slice(sentence.start, sentence.end);
        const acc = /according to ([^,.;]+)/i.exec(around);
        if (acc) {
          const s = sentence.start + acc.index + 'according to '.length;
          speaker = tryPhrase({ start: s, end: s + acc[1]!.length });
        }
      }
      // 4. A partial quote in what someone's claim says: "Facebook's July 31 announcement that it had discovered “sophisticated” efforts".
      if (!speaker && before.length > 0) {
        const that = before.findLastIndex((t, i) => t.norm === 'that' && i >= before.length - PARTIAL_WORDS && before[i - 1]?.tags.has('Noun') && !before[i - 1]!.tags.has('ProperNoun'));
        const owner = that > 0 ? before.slice(Math.max(0, that - POSSESSOR_WORDS), that - 1).findLast((t) => t.tags.has('Possessive')) : undefined;
        const m = owner && found.mentions.find((x) => x.para === para.n && owner.start >= x.start && owner.start < x.end && byId.get(x.entity)?.kind !== 'place');
        if (m) speaker = m.entity;
      }
      // 5. A partial quote: a verb of saying earlier in the sentence.
      if (!speaker && before.length > 0) {
        const v = sayAt(before, before.length - 1, before.length - PARTIAL_WORDS);
        if (v >= 0) {
          const idx = toks.indexOf(before[v]!);
          speaker = tryPhrase(phraseBefore(para, idx, first.start)) ?? subjectOf(para, toks.filter((t) => t.start >= first.start && t.end <= before[v]!.start), first.start);
        }
      }
      // 6. Another quote of the same sentence or paragraph, with no verb of saying or other name between:
      // "Mr Obama said it was “distressing” not to have made progress “even in the face of …”", "“…,” he said.
      // “Our flexibility …”", "“…,” said Yearout. … With his business hobbled by cutbacks, “I never see …”".
      // (A word or two in quotes in a later sentence is a word used, not said: "The reference to “irony” …".)
      const previous = paraQuotes.at(-1);
      if (!speaker && previous?.speaker && (previous.end > first.start || quoteWords > SCARE_QUOTE_WORDS)) {
        // Its own sentence's words outside quotes, or, in the previous quote's sentence, the words since that quote.
        // (The sentence runs on past the quote only when lower case follows it: "“Are you OK?” the voice asked.")
        const clauseEnd = /^\s*[,\p{Ll}]/u.test(para.text.slice(span.end)) ? afterEnd : last.end;
        const from = previous.end > first.start ? previous.end : first.start;
        const outside = (at: number): boolean => !spans.some((sp) => at >= sp.start && at < sp.end);
        const clause = toks.filter((t) => t.start >= from && t.end <= clauseEnd && outside(t.start));
        const other = mentionsIn(para.n, from, clauseEnd).some((m) => m.entity !== previous.speaker && outside(m.start) && byId.get(m.entity)?.kind !== 'place');
        // (Not a verb after "to", which reports nothing: "… getting back” to justify the prior level of jobs".)
        if (!other && !clause.some((_, i) => saysAt(clause, i) && clause[i - 1]?.norm !== 'to')) {
          speaker = previous.speaker;
          attribution = 'context';
        }
      }
      // 7. No attribution: the previous speaker, when the quote stands alone.
      const alone = /^\s*$/.test(para.text.slice(beforeStart, span.start - 1)) && after.length === 0;
      if (!speaker && (alone || (carryOpen && k === 0)) && lastSpeaker) {
        speaker = lastSpeaker;
        attribution = 'context';
      }
      if (!speaker && quoteWords <= SCARE_QUOTE_WORDS) {
        prevEnd = span.end + 1;
        return;
      }
      if (!speaker) unsure.push(`¶${para.n}: no speaker found for the quote "${para.text.slice(span.start, Math.min(span.end, span.start + 60))}…"`);
      if (phrase && speaker && PRONOUNS.test(phrase)) attribution = 'context';
      const text = para.text.slice(span.start, span.end).replace(/[,\s]+$/, '');
      const q: ExtractedQuote = { text, para: para.n, start: span.start, end: span.start + text.length, sentence, speaker, attribution, phrase };
      paraQuotes.push(q);
      quotes.push(q);
      if (speaker) {
        lastSpeaker = speaker;
        spokeAt = at(para.n, span.start);
      }
      prevEnd = span.end + 1;
    });
    carryOpen = spans.at(-1)?.open ?? false;
    focusUpTo(para.text.length);

    // Reported speech in sentences with no quote: "Zoghlin said … that", ", prosecutors said."
    for (const s of para.sentences) {
      const reportedBefore = reported.length;
      // (A sentence with a quote reports speech only at its end, after the quote: "X was known for telling
      // others "he was in charge", said another witness, Fiona Hill." is Hill's, whoever the quote is of.)
      const quoted = spans.filter((sp) => sp.start < s.end && sp.end > s.start);
      const after = quoted.length > 0 ? Math.max(...quoted.map((sp) => sp.end)) : s.start;
      const inS = toks.filter((t) => t.start >= s.start && t.end <= s.end);
      let clauseFrom = s.start;
      for (let i = 0; i < inS.length; i++) {
        const t = inS[i]!;
        // compromise tags a present plural ("advisers say") as an infinitive too: only "to say", "will say" are not said.
        const infinitive = t.tags.has('Infinitive') && (i === 0 || /^(?:to|will|would|can|could|may|might|must|should|shall|did|do|does|not|n't)$/i.test(inS[i - 1]!.norm));
        const rest = para.text.slice(t.end, s.end);
        // (A verb of thinking reports a claim too, when "that" follows: "the intelligence community has concluded that …".)
        const claims = isSpeechVerb(t.text) || (isThinkingVerb(t.text) && /^\s+that\b/.test(rest));
        if (!claims || !t.tags.has('Verb') || t.tags.has('Gerund') || infinitive || t.tags.has('Auxiliary') || t.tags.has('Modal') || t.start < after) continue;
        const idx = toks.indexOf(t);
        // Reported speech is "X said (that) <a clause>", "X denies …", or ends the sentence: "…, prosecutors said."
        const next = inS.slice(i + 1, i + 9);
        const clause = next.findIndex((x, k) => k > 0 && x.tags.has('Verb') && !x.tags.has('Gerund') && !x.tags.has('Infinitive') && next.slice(0, k).some((y) => y.tags.has('Noun') || y.tags.has('Pronoun')));
        // (Not where the words after the verb are a clause's subject, an insertion between commas and its verb after:
        // "…, told the AFP news agency her daughter, a Grade 2 pupil, was forced to …".)
        const subjectAfter = /^[^,.;]+,[^,.;]+,\s*(?:was|were|is|are|has|have|had|will|would)\b/.test(rest);
        // (Nor a preposition or a particle after the verb, which continues its clause: "…, filed for bankruptcy protection in September", "…, pointed out that …".)
        const inverted = /,\s*$/.test(para.text.slice(s.start, t.start)) && /^\s+[^,.;]+(?:,[^.;]*)?[.]?\s*$/.test(rest) && !/^\s+(?:that|in|to|on|for|at|by|with|from|of|about|into|over|against|after|before|out|up|off|back|down|away)\b/i.test(rest) && clause < 0 && !subjectAfter;
        if (inverted) {
          const r = phraseAfter(toks, idx, s.end);
          // (Not what the verb names something as: "…, citing witnesses, identified the surfer as Kevin Swanson" is no speaker after it.)
          if (r && /\sas\s/.test(para.text.slice(r.start, r.end))) continue;
          // (Or the person its appositive names: "…, said another witness in the probe, former adviser Fiona Hill.")
          const who = (r ? resolve(para, r.start, r.end, para.text.slice(r.start, r.end).replace(/[,;:.]+$/, ''), s.start) : null) ?? mentionsIn(para.n, t.end, s.end).find((m) => byId.get(m.entity)?.kind === 'person')?.entity ?? null;
          if (who && !quotes.some((q) => q.para === para.n && q.start >= s.start && q.start < s.end && q.speaker === who)) {
            reported.push({ para: para.n, sentence: { start: s.start, end: s.end }, speaker: who, verb: t.text, said: { start: clauseFrom, end: t.start } });
            lastSpeaker = who;
            spokeAt = at(para.n, s.start);
            break;
          }
        }
        if (quoted.length > 0) continue;
        // (Nor a passive one, whose subject is what was said or done, not who said it: "… since the law was upheld last week, said Bill Caton".)
        if (/^(?:was|were|is|are|be|been|being)$/i.test(inS[i - 1]?.norm ?? '')) continue;
        // (A verb of saying that an adjective completes reports nothing: "A New York man pleaded guilty to charges he …".)
        // (Not one that opens a noun phrase: "Analysts said good relations with Sudan could …".)
        if (inS[i + 1]?.tags.has('Adjective') && !inS[i + 1]!.tags.has('Noun') && (inS[i + 2] === undefined || /^(?:to|of|in|on|at|for|with|about)$/.test(inS[i + 2]!.norm))) continue;
        // (Only a day after it, the verb still ends the sentence: "…, the U.S. Attorney’s Office announced Monday.")
        const dayAfter = inS.length - i - 1 >= 1 && inS.length - i - 1 <= DAY_WORDS && inS.slice(i + 1).every((x) => x.tags.has('Date') || x.tags.has('WeekDay') || x.tags.has('Month') || x.tags.has('Value') || /^(?:on|last|this|earlier|later|today|yesterday|tonight)$/.test(x.norm));
        if (!/^\s*(?:[^.,;]{0,60}?\bthat\b|[.!?]|\s+in an? (?:statement|email|interview|tweet|letter)\b)/.test(rest) && clause < 0 && !dayAfter) continue;
        const r = phraseBefore(para, idx, clauseFrom);
        if (!r) continue;
        const who = resolve(para, r.start, r.end, para.text.slice(r.start, r.end).replace(/[,;:.]+$/, ''), s.start);
        if (who) {
          // What they said runs to where a second statement joins ("…, but legislators briefed by Facebook said …"), which is read next.
          const join = [...rest.matchAll(NEXT_CLAUSE)][0];
          const saidEnd = join ? t.end + join.index : s.end;
          // "legislators briefed by Facebook said …": the words follow the verb of saying after the passive one.
          const passive = inS[i + 1]?.norm === 'by' ? inS.slice(i + 2, i + 2 + PASSIVE_WORDS).find((x) => saysAt([x], 0) && x.end <= saidEnd) : undefined;
          reported.push({ para: para.n, sentence: { start: s.start, end: s.end }, speaker: who, verb: t.text, said: { start: (passive ?? t).end, end: saidEnd } });
          lastSpeaker = who;
          spokeAt = at(para.n, s.start);
          if (!join) break;
          clauseFrom = saidEnd + join[0].length;
          while (i + 1 < inS.length && inS[i + 1]!.start < clauseFrom) i++;
        }
      }
      // Or no verb of saying but "according to X": "There are three scripts still in contention, according to The Wrap, so …".
      const sentence = para.text.slice(s.start, s.end);
      const acc = reported.length === reportedBefore && !spans.some((sp) => sp.start < s.end && sp.end > s.start) ? ACCORDING_TO.exec(sentence) : null;
      if (acc) {
        const from = s.start + acc.index + acc[0].length - acc[1]!.length;
        const who = resolve(para, from, from + acc[1]!.length, acc[1]!, s.start);
        // What they said: the sentence before the attribution, or after it when it opens the sentence.
        const said = acc.index === 0 ? { start: s.start + acc[0].length, end: s.end } : { start: s.start, end: s.start + acc.index };
        if (who && byId.get(who)?.kind !== 'place') {
          reported.push({ para: para.n, sentence: { start: s.start, end: s.end }, speaker: who, verb: 'according to', said });
          lastSpeaker = who;
          spokeAt = at(para.n, s.start);
        }
      }
    }
  }
  quotes.push(...embeddedPosts(paras, found, quotes));
  return { quotes, reported, unsure };
}

/**
 * The signature line a social-media post embedded in a page leaves in its text:
 * "— Governor Kristi Noem (@govkristinoem) November 18, 2019", after the post's own paragraph.
 */
const POST_SIGNATURE = /^[—–-]\s*(.+?)\s*\(@\w{1,30}\)\s+(?:\p{L}+\.? \d{1,2}, \d{4})\s*$/u;

/**
 * Posts embedded in the page: each sentence of the paragraph before a signature line, when no quote
 * of it has a speaker, is the words of the one the signature names (a bare link is no words).
 */
function embeddedPosts(paras: readonly Para[], found: EntityFindings, quotes: readonly ExtractedQuote[]): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  for (const sig of paras) {
    const body = paras[sig.n - 2];
    if (!body || !POST_SIGNATURE.test(sig.text) || POST_SIGNATURE.test(body.text) || quotes.some((q) => q.para === body.n && q.speaker)) continue;
    const author = found.mentions.find((m) => m.para === sig.n);
    if (!author) continue;
    for (const s of body.sentences) {
      const text = body.text.slice(s.start, s.end).trim();
      if (!/\p{L}{2,}/u.test(text.replace(/https?:\/\/\S+/g, ''))) continue;
      out.push({ text, para: body.n, start: s.start, end: s.start + text.length, sentence: { start: s.start, end: s.end }, speaker: author.entity, attribution: 'explicit', phrase: POST_SIGNATURE.exec(sig.text)![1]!, signedIn: sig.n });
    }
  }
  return out;
}

function uniqueId(found: EntityFindings, base: string): string {
  let id = base;
  for (let i = 2; found.entities.some((e) => e.id === id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * The last stages of extraction: what the earlier stages found, as a knowledge
 * pack in the project's schema (every item marked `extracted`), and writing a
 * pack so that no half-written one is ever seen: it is written beside the
 * target and renamed into place.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Entity, Fact, KbEvent, Meta, Quote } from '../knowledge/schema.ts';
import { ARTICLE_FILE, KNOWLEDGE_FILES } from '../knowledge/schema.ts';
import { MAX_ANSWER_CHARS } from '../engine/types.ts';
import type { FoundDate } from './dates.ts';
import { TITLE_ABBREVIATIONS, type EntityFindings, type ExtractedEntity } from './entities.ts';
import type { QuoteFindings } from './quotes.ts';
import type { Para } from './segment.ts';

/** The files of a pack, as data. */
export interface PackFiles {
  readonly article: string;
  readonly meta: Meta;
  readonly entities: Entity[];
  readonly quotes: Quote[];
  readonly events: KbEvent[];
  readonly facts: Fact[];
  readonly lexicon: { synonyms: string[][]; questionWords: string[]; places: string[] };
  readonly thesaurus: { source: string; words: Record<string, string[]> };
  readonly sentences: { source: string; paragraphs: string[][] };
}

/** A pack directory is one that holds these two files. */
export function isPack(dir: string): boolean {
  return existsSync(join(dir, KNOWLEDGE_FILES.meta.file)) && existsSync(join(dir, ARTICLE_FILE));
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis when cut. */
export function cut(text: string, max = MAX_ANSWER_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max - 1);
  const at = head.lastIndexOf(' ');
  return `${(at > max / 2 ? head.slice(0, at) : head).replace(/[,;:\s]+$/, '')}…`;
}

/** "the director of national intelligence" stays; "department spokeswoman" becomes "the department spokeswoman". */
function withArticle(role: string): string {
  // ("Former National Security Council official" opening its sentence: "a former …".)
  if (/^former\b/i.test(role)) return `a ${role.replace(/^Former\b/, 'former')}`;
  // (A name's possessive keeps its case: "PG&E's principal meteorologist", but "the country's President".)
  if (/^(?:the|a|an|his|her|its|their|one of|another)\b/i.test(role) || /^\p{Lu}[\p{L}.&'’-]*['’]s\s/u.test(role)) return role;
  return `the ${role}`;
}

/** A role with its titles written out: "Gov" → "governor", "Lt Col" → "lieutenant colonel" (what a reader asks and reads). */
function spelledOut(role: string): string {
  return role.replace(/\b\p{Lu}\p{Ll}*\.?(?=\s|$)/gu, (w) => TITLE_ABBREVIATIONS[w.toLowerCase().replace(/\.$/, '')] ?? w);
}

/** How many words of the body's first paragraph `bodyStartsWith` holds, at least: enough to find it. */
const BODY_START_WORDS = 6;

/** An undated quote looks this many paragraphs back for the sentence that dates it. */
const DATING_PARAGRAPHS = 2;

export interface Findings {
  readonly title: string;
  readonly paras: readonly Para[];
  readonly entities: EntityFindings;
  readonly quotes: QuoteFindings;
  /** Dates by paragraph number, then sentence index. */
  readonly dates: ReadonlyMap<string, readonly FoundDate[]>;
  readonly meta: Omit<Meta, 'title' | 'bodyStartsWith'>;
}

/** Builds the pack's files from what extraction found. */
export function buildPack(f: Findings): PackFiles {
  const { paras } = f;
  const sentenceText = (para: number, start: number, end: number): string => paras[para - 1]!.text.slice(start, end).trim();
  const sentenceOf = (para: number, at: number) => paras[para - 1]!.sentences.find((s) => at >= s.start && at < s.end) ?? paras[para - 1]!.sentences[0]!;
  const datesOf = (para: number, start: number, end: number): FoundDate[] =>
    paras[para - 1]!.sentences.filter((s) => s.start < end && s.end > start).flatMap((s) => f.dates.get(`${para}.${s.index}`) ?? []);
  /**
   * Of the dates where someone speaks, the one nearest their name: "a statement issued on August 1
   * regarding Facebook's July 31 announcement that …" dates what Facebook said July 31.
   */
  const dateOfSpeaker = (para: number, start: number, end: number, speaker: string, quoted?: { readonly start: number; readonly end: number }): FoundDate | null => {
    // Words said before the article was published: not the date of "…, said Hill, who will testify Thursday."
    const published = f.meta.published;
    const found = paras[para - 1]!.sentences
      .filter((s) => s.start < end && s.end > start)
      .flatMap((s) => (f.dates.get(`${para}.${s.index}`) ?? []).map((d) => ({ d, at: s.start + d.index })))
      .filter(({ d }) => !published || d.iso.slice(0, published.length) <= published.slice(0, d.iso.length))
      // Nor a date inside the quoted words: "… referred to investigations into the Bidens and Burisma in 2016".
      .filter(({ at }) => !quoted || at < quoted.start || at >= quoted.end);
    const named = f.entities.mentions.find((m) => m.para === para && m.entity === speaker && m.start >= start && m.end <= end);
    if (!named || found.length < 2) return found[0]?.d ?? null;
    return found.reduce((a, b) => (Math.abs(b.at - named.start) < Math.abs(a.at - named.start) ? b : a)).d;
  };
  const mentioned = new Set(f.entities.mentions.map((m) => m.entity));
  const used = (e: ExtractedEntity): boolean => mentioned.has(e.id) || e.kind === 'person';
  const entityList = f.entities.entities.filter(used);
  const known = new Set(entityList.map((e) => e.id));

  const entities: Entity[] = entityList.map((e) => {
    const s = sentenceOf(e.where.para, e.where.start);
    const excerpt = sentenceText(e.where.para, s.start, s.end);
    // Every role the article gives, the fullest first: "Peter Lind is the only member to vote against the plan and the council member."
    // (A role another one holds in its words, "Chargé" of "chargé d'affaires", is said once.)
    // (Each once, spelled out: "Gov." and "Gov" are one role.)
    const spelled = e.role ? [e.role, ...e.roles.filter((r) => r !== e.role)].map(spelledOut) : [];
    const all = spelled.filter((r, i) => spelled.findIndex((o) => o.toLowerCase() === r.toLowerCase()) === i);
    const words = (r: string): string => ` ${r.toLowerCase().split(/\s+/).join(' ')} `;
    const roles = all.filter((r) => !all.some((o) => o.length > r.length && words(o).includes(words(r))));
    const answer = roles.length > 0 ? cut(`${e.name} is ${roles.map(withArticle).join(' and ')}.`) : cut(`${e.name}: ${excerpt}`);
    return {
      id: e.id,
      name: e.name,
      kind: e.kind === 'person' ? 'person' : e.kind === 'place' ? 'place' : 'organization',
      aliases: [...e.aliases].filter((a) => a !== e.name),
      role: e.role && spelledOut(e.role),
      partOf: [],
      answer,
      paragraph: e.where.para,
      excerpt,
      origin: 'extracted',
    };
  });

  const whoIn = (para: number, start: number, end: number): string[] => [
    ...new Set(f.entities.mentions.filter((m) => m.para === para && m.start >= start && m.end <= end && known.has(m.entity)).map((m) => m.entity)),
  ];
  const events: KbEvent[] = [];
  /** The event of a sentence that gives one date, by "paragraph.sentence". */
  const eventOf = new Map<string, KbEvent>();
  for (const p of paras) {
    for (const s of p.sentences) {
      // One event per date the sentence gives: "arrested in April for the March 21 call" has two.
      const ds = f.dates.get(`${p.n}.${s.index}`) ?? [];
      for (const d of ds) {
        events.push({
          id: `e-${events.length + 1}`,
          date: d.iso,
          dateText: d.text,
          answer: cut(s.text),
          who: whoIn(p.n, s.start, s.end),
          paragraph: p.n,
          excerpt: s.text,
          keywords: [],
          origin: 'extracted',
        });
        if (ds.length === 1) eventOf.set(`${p.n}.${s.index}`, events.at(-1)!);
      }
    }
  }

  const quotes: Quote[] = [];
  /** Each quote's sentence ("paragraph.sentence") and date, for the quotes after it. */
  const quoted = new Map<string, { speaker: string; date: string | null; dateText: string | null; datedBy: string | null }>();
  /**
   * An undated quote takes its date from the sentence shortly before it that
   * last named its speaker, when that sentence gives one date and has the
   * speaker as its subject or quotes them: "The Russian Embassy … fired back in
   * a statement later on August 5." dates "“…,” the embassy said." after it.
   */
  const datingOf = (speaker: string, para: number, at: number): { date: string | null; dateText: string | null; datedBy: string | null } | null => {
    for (let n = para; n >= Math.max(1, para - DATING_PARAGRAPHS); n--) {
      const earlier = paras[n - 1]!.sentences.filter((s) => n < para || s.end <= at).reverse();
      for (const s of earlier) {
        const key = `${n}.${s.index}`;
        const q = quoted.get(key);
        if (q?.speaker === speaker) return q.datedBy ? q : null;
        const mentions = f.entities.mentions.filter((m) => m.para === n && m.start >= s.start && m.end <= s.end);
        if (!mentions.some((m) => m.entity === speaker)) continue;
        const event = eventOf.get(key);
        const firstVerb = paras[n - 1]!.tokens.find((t) => t.start >= s.start && t.end <= s.end && t.tags.has('Verb') && !t.tags.has('Participle'));
        const subject = mentions.find((m) => m.entity === speaker && (!firstVerb || m.end <= firstVerb.start));
        return event && subject ? { date: event.date, dateText: event.dateText, datedBy: event.id } : null;
      }
    }
    return null;
  };
  for (const q of f.quotes.quotes) {
    if (!q.speaker || !known.has(q.speaker)) continue;
    const excerpt = sentenceText(q.para, q.sentence.start, q.sentence.end);
    if (!excerpt.includes(q.text)) continue;
    const date = dateOfSpeaker(q.para, q.sentence.start, q.sentence.end, q.speaker, q);
    // A post embedded in the page is dated by its signature line.
    const signature = q.signedIn === undefined ? undefined : eventOf.get(`${q.signedIn}.0`);
    // (Before a date its words give: "… the state’s failed “Don’t Jerk and Drive” campaign from 2014" was posted in 2019.)
    const dating = signature ? { date: signature.date, dateText: signature.dateText, datedBy: signature.id } : date ? { date: date.iso, dateText: date.text, datedBy: null } : datingOf(q.speaker, q.para, q.sentence.start);
    const key = `${q.para}.${sentenceOf(q.para, q.sentence.start).index}`;
    // A later quote dated by this one is dated by this one's sentence.
    quoted.set(key, { speaker: q.speaker, date: dating?.date ?? null, dateText: dating?.dateText ?? null, datedBy: date ? (eventOf.get(key)?.id ?? null) : (dating?.datedBy ?? null) });
    quotes.push({
      id: `q-${quotes.length + 1}`,
      speaker: q.speaker,
      text: q.text,
      paragraph: q.para,
      excerpt,
      // Dated by another sentence, the date is that one's (as curated knowledge writes it).
      date: dating && !dating.datedBy ? dating.date : null,
      dateText: dating && !dating.datedBy ? dating.dateText : null,
      via: /\btwitter|\btweet/i.test(excerpt) ? 'tweet' : /\bstatement\b/i.test(excerpt) ? 'statement' : /\bbriefing\b/i.test(excerpt) ? 'briefing' : 'remark',
      datedBy: dating?.datedBy ?? null,
      attribution: q.attribution,
      keywords: [],
      origin: 'extracted',
    });
  }

  const nameOf = new Map(entities.map((e) => [e.id, e.name]));
  const facts: Fact[] = f.quotes.reported
    .filter((r) => known.has(r.speaker))
    .map((r, i) => {
      const excerpt = sentenceText(r.para, r.sentence.start, r.sentence.end);
      const date = datesOf(r.para, r.sentence.start, r.sentence.end)[0] ?? null;
      return {
        id: `f-${i + 1}`,
        // What they said, which tells two speakers of one sentence apart.
        topic: paras[r.para - 1]!.text.slice(r.said.start, r.said.end).replace(/^[\s,]*(?:that\s+)?|[\s,.;]+$/g, '') || excerpt,
        question: cut(`What did ${nameOf.get(r.speaker)} say?`, 100).replace(/…$/, '?'),
        answer: cut(excerpt),
        about: whoIn(r.para, r.sentence.start, r.sentence.end),
        speaker: r.speaker,
        date: date?.iso ?? null,
        askedWith: [],
        datedBy: null,
        paragraph: r.para,
        excerpt,
        keywords: [],
        origin: 'extracted',
      };
    });

  // The body's first words, as many as the headline above it does not also begin with.
  const first = paras[0]!.text.split(/\s+/);
  let opening = Math.min(BODY_START_WORDS, first.length);
  while (opening < first.length && f.title.startsWith(first.slice(0, opening).join(' '))) opening++;
  const bodyStartsWith = first.slice(0, opening).join(' ');
  const meta: Meta = { title: f.title, ...f.meta, bodyStartsWith };
  const places = [...new Set(entities.filter((e) => e.kind === 'place').map((e) => e.name))];
  return {
    article: `${f.title}\n\n${paras.map((p) => p.text).join('\n\n')}\n`,
    meta,
    entities,
    quotes,
    events,
    facts,
    lexicon: { synonyms: [], questionWords: [], places },
    thesaurus: { source: 'none', words: {} },
    sentences: { source: 'wink-nlp (wink-eng-lite-web-model), verbatim', paragraphs: paras.map((p) => p.sentences.map((s) => s.text)) },
  };
}

/** Why a pack cannot be written. */
export class PackWriteError extends Error {
  override readonly name = 'PackWriteError';
}

/**
 * Writes the pack to `dir`: into a new directory beside it, then renamed into
 * place, so a reader sees the old pack or the new one, never half of one.
 * `check` (which may throw) sees the written pack before it replaces anything.
 * Refuses a `dir` that exists and is not a pack.
 */
export function writePack(dir: string, files: PackFiles, check: (tmp: string) => void = () => {}): void {
  if (existsSync(dir) && (!statSync(dir).isDirectory() || !isPack(dir))) {
    throw new PackWriteError(`${dir} exists and is not a knowledge pack; choose another --out`);
  }
  const parent = dirname(dir);
  // (A new --out may be nested in folders that do not exist yet: they are made, as `mkdir -p` would.)
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new PackWriteError(`cannot create ${parent}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const tmp = mkdtempSync(join(parent, `.${basename(dir)}.tmp-`));
  try {
    const json = (data: unknown): string => `${JSON.stringify(data, null, 1)}\n`;
    writeFileSync(join(tmp, ARTICLE_FILE), files.article);
    writeFileSync(join(tmp, KNOWLEDGE_FILES.meta.file), json(files.meta));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.entities.file), json(files.entities));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.quotes.file), json(files.quotes));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.events.file), json(files.events));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.facts.file), json(files.facts));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.lexicon.file), json(files.lexicon));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.thesaurus.file), json(files.thesaurus));
    writeFileSync(join(tmp, KNOWLEDGE_FILES.sentences.file), json(files.sentences));
    check(tmp);
    if (existsSync(dir)) {
      const old = `${tmp}-old`;
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

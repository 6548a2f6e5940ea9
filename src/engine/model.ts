/**
 * The article as the engine reads it: every body sentence, the citable unit,
 * with what the knowledge says of it: who is named in it, who speaks in it,
 * when it happened, whose role it gives. Built once per pack from any
 * knowledge base, extracted or curated; knows nothing of any one article.
 */
import { foldForComparison, sentences as splitSentences } from '../knowledge/article.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity, Quote } from '../knowledge/schema.ts';
import { isSpeechVerb } from '../english/speech.ts';
import { isWordChar, wordIndex } from './text.ts';
import { namedForPlace } from '../english/nouns.ts';

/** One sentence of the article body. */
export interface ArticleSentence {
  /** `p.s`, 1-based paragraph and 0-based sentence. */
  readonly key: string;
  readonly paragraph: number;
  readonly text: string;
  /** Entities named in it (by name or alias), in order of first mention. */
  readonly entities: readonly string[];
  /** Who speaks in it: speakers of its quotes and reported statements. */
  readonly speakers: readonly string[];
  /** Quotes standing in it. */
  readonly quotes: readonly Quote[];
  /** Its date (ISO) and how the article writes it, from its events, quotes or facts. */
  readonly date: string | null;
  readonly dateText: string | null;
  /** Every date the sentence gives, in the order it gives them (`date` is the first). */
  readonly dates: readonly { readonly date: string; readonly text: string | null }[];
  /** The sentence that states the date when this one does not ("it added": the August 1 statement). */
  readonly datedBy: string | null;
  /** Entities whose role or identity this sentence gives. */
  readonly roleOf: readonly string[];
  /** Curated words readers may use for it (topics, keywords) beyond its own. */
  readonly extra: string;
  /** Curated direct answer sentences about exactly this sentence (events' and facts'). */
  readonly curatedAnswers: readonly string[];
  /** Who says what in it: each speaker with their words (a quote, or a curated account of reported speech). */
  readonly speech: readonly { readonly speaker: string; readonly words: string }[];
}

export interface ArticleModel {
  readonly kb: KnowledgeBase;
  readonly sentences: readonly ArticleSentence[];
  readonly byKey: ReadonlyMap<string, ArticleSentence>;
  readonly entityById: ReadonlyMap<string, Entity>;
  /** Every name and alias, lower case, → entity ids. */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
  /** Entities that speak somewhere. */
  readonly speakerIds: ReadonlySet<string>;
  /** Those, and entities the article writes as the subject of a verb of saying ("Trump said he had watched …"). */
  readonly sayerIds: ReadonlySet<string>;
  /** The sentence key where an excerpt of paragraph `n` stands. */
  sentenceOf(paragraph: number, excerpt: string): string | null;
}


/** Forms a reader or the article may use for an entity: name, aliases, surname, "the X" without "the". */
/** A body named for a country ("the Russian Embassy") and the country ("Russia"): each speaks for the other. */
export function sameSide(a: Entity, b: Entity): boolean {
  return namesOf(b).some((n) => namedForPlace(a.name, n)) || namesOf(a).some((n) => namedForPlace(b.name, n));
}

export function namesOf(e: Entity): string[] {
  const out = new Set<string>([e.name, ...e.aliases, ...(e.shortName ? [e.shortName] : [])]);
  for (const a of [...out]) {
    const bare = a.replace(/^the\s+/i, '');
    if (bare !== a && bare.length > 2) out.add(bare);
    // "U.S. State Department" is also "State Department".
    if (/^U\.?S\.?\s+/i.test(a)) out.add(a.replace(/^U\.?S\.?\s+/i, ''));
  }
  return [...out].filter((a) => a.trim().length > 1);
}

/** The one or two words after a name, read where the name ends: "Trump said", "Trump has said". */
const FOLLOWING = /\s+(\p{L}+)(?:\s+(\p{L}+))?/uy;

export function buildModel(kb: KnowledgeBase): ArticleModel {
  const entityById = kb.entityById;
  const raw: { paragraph: number; index: number; text: string; folded: string }[] = [];
  for (const p of kb.article.paragraphs) {
    (kb.article.sentences[p.n - 1] ?? splitSentences(p.text)).forEach((text, index) => raw.push({ paragraph: p.n, index, text, folded: foldForComparison(text) }));
  }
  const keyOf = (r: { paragraph: number; index: number }): string => `${r.paragraph}.${r.index}`;
  /** Keys of the sentences of paragraph `n` that an excerpt overlaps (it may span several). */
  const sentencesOf = (n: number, excerpt: string): string[] => {
    const want = foldForComparison(excerpt);
    const inPara = raw.filter((r) => r.paragraph === n);
    const one = inPara.find((r) => r.folded.includes(want));
    if (one) return [keyOf(one)];
    const joined = inPara.map((r) => r.folded).join(' ');
    const at = joined.indexOf(want);
    if (at < 0) {
      // A sentence split inside the excerpt: the sentences that hold its first and last words.
      const head = want.slice(0, 40);
      const first = inPara.find((r) => r.folded.includes(head));
      return first ? [keyOf(first)] : inPara.slice(0, 1).map(keyOf);
    }
    const out: string[] = [];
    let pos = 0;
    for (const r of inPara) {
      const end = pos + r.folded.length;
      if (end > at && pos < at + want.length) out.push(keyOf(r));
      pos = end + 1;
    }
    return out;
  };

  // Entity mentions by name or alias: capitalized forms match case and all, others in any case.
  const patterns = kb.entities.map((e) => {
    const forms = namesOf(e);
    return {
      id: e.id,
      // (The forms in lower case: a sentence holding none of them is not searched for whole words.)
      lower: [...new Set(forms.flatMap((f) => [f.toLowerCase(), foldForComparison(f).toLowerCase()]))],
      cased: forms.filter((f) => /\p{Lu}/u.test(f)),
      uncased: forms.filter((f) => !/\p{Lu}/u.test(f)),
    };
  });
  const speakersOf = new Map<string, string[]>();
  const quotesOf = new Map<string, Quote[]>();
  const dateOf = new Map<string, { date: string; text: string | null; by: string | null }>();
  const datesOf = new Map<string, { date: string; text: string | null }[]>();
  const roleOf = new Map<string, string[]>();
  const extraOf = new Map<string, string[]>();
  const answerOf = new Map<string, string[]>();
  const speechOf = new Map<string, { speaker: string; words: string }[]>();
  const add = <V>(m: Map<string, V[]> | Map<string, Set<V>>, k: string, v: V): void => {
    const cur = m.get(k);
    if (cur === undefined) (m as Map<string, V[]>).set(k, [v]);
    else if (cur instanceof Set) cur.add(v);
    else if (!cur.includes(v)) cur.push(v);
  };
  const itemKeys = new Map<string, string[]>();
  for (const ev of kb.events) {
    const keys = sentencesOf(ev.paragraph, ev.excerpt);
    itemKeys.set(ev.id, keys);
    for (const k of keys) {
      if (!dateOf.has(k)) dateOf.set(k, { date: ev.date, text: ev.dateText, by: null });
      add(datesOf, k, { date: ev.date, text: ev.dateText });
      add(extraOf, k, ev.keywords.join(' '));
      if (ev.origin === 'curated' && keys.length === 1) add(answerOf, k, ev.answer);
    }
  }
  for (const q of kb.quotes) {
    const keys = sentencesOf(q.paragraph, q.excerpt);
    itemKeys.set(q.id, keys);
    for (const k of keys) {
      add(speakersOf, k, q.speaker);
      add(quotesOf, k, q);
      add(speechOf, k, { speaker: q.speaker, words: q.text });
      if (q.date && !dateOf.has(k)) dateOf.set(k, { date: q.date, text: q.dateText, by: null });
      add(extraOf, k, q.keywords.join(' '));
    }
  }
  for (const f of kb.facts) {
    const keys = sentencesOf(f.paragraph, f.excerpt);
    itemKeys.set(f.id, keys);
    for (const k of keys) {
      if (f.speaker) {
        add(speakersOf, k, f.speaker);
        add(speechOf, k, { speaker: f.speaker, words: f.origin === 'curated' ? `${f.topic} ${f.answer}` : f.topic });
      }
      if (f.date && !dateOf.has(k)) dateOf.set(k, { date: f.date, text: null, by: null });
      if (f.origin === 'curated') {
        add(extraOf, k, [f.topic, ...f.keywords].join(' '));
        if (keys.length === 1) add(answerOf, k, f.answer);
      }
    }
  }
  for (const e of kb.entities) {
    for (const k of sentencesOf(e.paragraph, e.excerpt)) add(roleOf, k, e.id);
  }
  // Words dated by another item's sentence ("it added": Nauert's August 1 statement).
  for (const item of [...kb.quotes, ...kb.facts]) {
    if (!item.datedBy) continue;
    const by = itemKeys.get(item.datedBy)?.[0];
    const byDate = by ? dateOf.get(by) : undefined;
    if (!by || !byDate) continue;
    for (const k of itemKeys.get(item.id) ?? []) if (!dateOf.has(k)) dateOf.set(k, { date: byDate.date, text: byDate.text, by });
  }

  const sentences: ArticleSentence[] = raw.map((r) => {
    const key = keyOf(r);
    const found: { id: string; at: number }[] = [];
    const lower = r.folded.toLowerCase();
    for (const p of patterns) {
      if (!p.lower.some((f) => lower.includes(f))) continue;
      const at = [wordIndex(r.folded, p.cased), wordIndex(r.folded, p.uncased, true)].filter((i) => i >= 0);
      if (at.length > 0) found.push({ id: p.id, at: Math.min(...at) });
    }
    const speakers = [...(speakersOf.get(key) ?? [])] as string[];
    const d = dateOf.get(key);
    return {
      key,
      paragraph: r.paragraph,
      text: r.text,
      entities: [...new Set([...found.sort((a, b) => a.at - b.at).map((f) => f.id), ...speakers])],
      speakers,
      quotes: quotesOf.get(key) ?? [],
      date: d?.date ?? null,
      dateText: d?.text ?? null,
      dates: datesOf.get(key) ?? (d ? [{ date: d.date, text: d.text }] : []),
      datedBy: d?.by ?? null,
      roleOf: [...(roleOf.get(key) ?? [])] as string[],
      extra: (extraOf.get(key) ?? []).join(' '),
      curatedAnswers: answerOf.get(key) ?? [],
      speech: speechOf.get(key) ?? [],
    };
  });
  const aliases = new Map<string, string[]>();
  for (const e of kb.entities) {
    for (const form of namesOf(e)) {
      const k = foldForComparison(form).toLowerCase();
      aliases.set(k, [...new Set([...(aliases.get(k) ?? []), e.id])]);
    }
  }
  const speakerIds = new Set([...kb.quotes.map((q) => q.speaker), ...kb.facts.flatMap((f) => (f.speaker ? [f.speaker] : []))]);
  // … and those the article has saying something in its own words: "Trump said he had watched part of the testimony".
  const saysSomething = (e: Entity): boolean => {
    const names = namesOf(e).filter((f) => f.length > 2);
    // (A word between may be an auxiliary or an adverb, "Trump has said", "Trump also said"; not "Zhirnov to answer".)
    const between = (w: string): boolean => /^(?:has|had|have|also|then|later|again|once|first|never|repeatedly|\p{L}+ly)$/iu.test(w);
    return sentences.some((s) =>
      names.some((name) => {
        for (let at = s.text.indexOf(name); at >= 0; at = s.text.indexOf(name, at + 1)) {
          if (isWordChar(s.text[at - 1])) continue;
          FOLLOWING.lastIndex = at + name.length;
          const m = FOLLOWING.exec(s.text);
          if (m && (isSpeechVerb(m[1]!) || (m[2] !== undefined && between(m[1]!) && isSpeechVerb(m[2])))) return true;
        }
        return false;
      }),
    );
  };
  return {
    kb,
    sentences,
    byKey: new Map(sentences.map((s) => [s.key, s])),
    entityById,
    aliases,
    speakerIds,
    sayerIds: new Set([...speakerIds, ...kb.entities.filter((e) => !speakerIds.has(e.id) && saysSomething(e)).map((e) => e.id)]),
    sentenceOf: (n, excerpt) => sentencesOf(n, excerpt)[0] ?? null,
  };
}

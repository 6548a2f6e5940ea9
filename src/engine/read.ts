/**
 * Reading a question, once, into a typed {@link Query}: what kind of answer
 * it wants, whom it names, which words carry its topic, and which words the
 * article never uses. Pure: it needs only the pack's {@link Vocabulary}.
 * Handlers (answer.ts) act on the query; nothing parses English again.
 */
import { questionOf } from './conversation.ts';
import { doubleMetaphone } from 'double-metaphone';
import { isCommonWord } from './common-words.ts';
import { isSpeechVerb, isThinkingVerb } from '../english/speech.ts';
import type { Entity } from '../knowledge/schema.ts';
import { foldForComparison } from '../knowledge/article.ts';
import { SAID_NOUNS, SOMEONE_NOUNS, type Token } from './text.ts';
import { DEMONYMS, GROUP_NOUNS, PERSON_NOUNS, isNounOf } from '../english/nouns.ts';
import type { NameMatch, Vocabulary } from './vocab.ts';
import { namesOf } from './model.ts';
import { referenceAsked, type ReferenceAsked } from './refer.ts';
import { leaderAsked, leaderSaid, superiorAsked, superiorSaid } from './superior.ts';
import { MAX_QUESTION_CHARS } from './types.ts';
import { DETAIL_KIND, detailAsked } from './detail.ts';
import { inCharge } from './role-check.ts';
import { CALENDAR_WORD } from './tense.ts';
import { isVerb, verbLemmaOf, verbsOf } from '../english/verbs.ts';

/** The kind of thing an answer must give. */
export type Asked =
  /** a person or an organization */
  | 'who'
  /** a date */
  | 'date'
  /** a count or an amount */
  | 'number'
  /** an amount of money */
  | 'money'
  /** a proper name for something the question describes ("the name of his lawyer") */
  | 'name'
  /** someone's age */
  | 'age'
  /** how long something lasted */
  | 'duration'
  | 'place'
  | 'reason'
  /** any passage that answers */
  | 'thing';

/** The question's topic: the words that must be found in the answer's sentence. */
export interface Topic {
  /** Content tokens (not question words), corrected and mapped to terms. */
  readonly tokens: readonly Token[];
  /** Those the article never uses (nor a synonym of its words). */
  readonly unknown: readonly Token[];
  /** Words in quotation marks, as typed ("megaphone diplomacy"). */
  readonly phrase: string | null;
}

/** Refusals the reader can make before any search, each a named rule. */
export type ReadRefusal =
  /** A kind of thing the article never speaks of ("What restaurant …?"). */
  | 'unknown-topic'
  /** Nothing to answer. */
  | 'empty'
  /** A name the article never mentions ("Vladimir Putin"). */
  | 'unknown-name'
  /** What someone said, when the article never quotes them. */
  | 'not-quoted'
  /** An act the article never reports ("Who won …?", "When did Facebook apologize?"). */
  | 'unknown-action'
  /** Whom someone works under, which the article never says ("Who is Mitchell's boss?"). */
  | 'no-superior'
  /** Who leads something, which no sentence of it says ("Who commands the troops at al-Tanf?"). */
  | 'no-leader'
  /** A thing of someone's the article has no word for ("What is Nauert's Twitter handle?"). */
  | 'no-attribute';

/** A question, read. */
export type Query =
  | { readonly kind: 'refuse'; readonly rule: ReadRefusal; readonly detail: string }
  /** "Who said 'megaphone diplomacy'?", "who called it …", "according to whom …" */
  | { readonly kind: 'who-said'; readonly topic: Topic; readonly names: readonly string[] }
  /** "Who is Zhirnov?", "what's Nauert's job?" */
  /** `job`: the question asks for their job or office ("what's Nauert's job?"), which an entity with no role cannot answer. */
  | { readonly kind: 'who-is'; readonly entity: string; readonly claim: Topic | null; readonly job?: boolean }
  /** "Who is the prosecutor?", "who's the dni guy": someone by role. */
  | { readonly kind: 'who-is-role'; readonly topic: Topic }
  /** "What did Coats say (about X)?", "what was the embassy's response?" */
  /**
   * `unaddressed`: the topic without whom they told ("the crowd") or where ("at the rally"), asked when the topic finds
   * none of their words; `about`: what they told someone about ("told senators about …"), asked first.
   */
  | { readonly kind: 'what-said'; readonly speaker: string; readonly topic: Topic; readonly unaddressed?: Topic; readonly about?: Topic }
  /** "What is this article about?": its lead. */
  | { readonly kind: 'lead' }
  /** "Was it Nauert herself who convoked Zhirnov?": who did it (`asked`, read as "who convoked Zhirnov"), checked against whom the question guesses. */
  | { readonly kind: 'who-check'; readonly guess: readonly string[]; readonly asked: Query }
  /** "Did X happen before or after Y?", "which came first, X or Y?", "how long after X did Y?": two dated things compared. */
  | { readonly kind: 'compare-dates'; readonly asks: DateComparison; readonly first: Topic; readonly second: Topic }
  /** "In the 'it added' line, what's 'it'?": what a word of the article refers to; `otherwise` when the article does not settle it. */
  | { readonly kind: 'refers'; readonly reference: ReferenceAsked; readonly otherwise: Query }
  /** Any other question: what it asks for, whom it names, its topic; yes/no questions are `yesNo`. */
  | {
      readonly kind: 'ask';
      readonly asked: Asked;
      readonly names: readonly string[];
      readonly topic: Topic;
      readonly yesNo: boolean;
      /**
       * The act asked about, when the article never uses its word ("Who won …?"): a
       * near miss unless the rest of the question finds a sentence (a paraphrase, "compared" for "reminds us of").
       */
      readonly unknownAct: string | null;
      /** Whom the question makes the subject of its act ("what concerns did Hill have …", "… did Volker and Sondland get"): the answer must be about one of them. */
      readonly subjects?: readonly string[];
      /** A passive who-question ("who was summoned?", "who got called in by the State Department?"): the one the act was done to. */
      readonly patient?: boolean;
    };

export type QueryKind = Query['kind'];

// ----- cleaning --------------------------------------------------------------

/** Chat asides with no meaning: "lol", "pls", "or nah", "?!", and chat's intensifiers ("def", "srsly", "tho"). */
const CHAT = /\b(?:lol|lmao|lmfao|rofl|pls|plz|please|thx|thanks|ty|tbh|imo|imho|idk|btw|fr|ngl|bro|dude|guys|yall|y'all|hey|hi|hello|ok|okay|um+|uh+|hmm+|def|defo|deffo|obv|obvs|rly|srsly|lowkey|tho)\b|\bor nah\b|\banyone know\b|\bquick q(?:uestion)?\b|\bstraight up\b/gi;

/**
 * The question as words: Discord markup (mentions, spoilers, bold, code),
 * full-width letters and chat asides removed; cut to {@link MAX_QUESTION_CHARS}.
 */
export function cleanQuestion(text: string): string {
  let t = text.normalize('NFKC');
  t = t.replace(/<a?:\w+:\d+>/g, ' ').replace(/<[@#][!&]?\d+>/g, ' ').replace(/@(?:everyone|here)\b/g, ' ');
  t = t.replace(/\|\|/g, ' ').replace(/```[\s\S]*?```/g, (m) => m.slice(3, -3)).replace(/[`*_~]{1,3}/g, (m) => (m === '_' ? '_' : ' '));
  t = t.replace(/^>\s*/gm, '').replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
  t = t.replace(/\s+/g, ' ').trim();
  return t.length <= MAX_QUESTION_CHARS ? t : Array.from(t).slice(0, MAX_QUESTION_CHARS).join('').slice(0, MAX_QUESTION_CHARS);
}

/** Words after "X - who/what …" that make a question of their own, not one about X. */
const WHOLE_QUESTION_WORDS = 5;
/** The most words of a name before a dash that a pronoun after it stands for ("heather nauert - what does she do"). */
const NAMED_BEFORE_DASH_WORDS = 4;
/** Words that open a phrase framing a question, not naming whom it asks about: "apart from …", "besides …", "in the end …". */
const FRAMING_OPENER = /^(?:apart|aside|besides|except|other than|beyond|in|on|at|for|from|with|without|after|before|during|since|until|about|regarding|as|like|unlike|according|so|and|but|also|then|now|still)\b/i;

/** A request around a question: "can you tell me", "do you know", "I want to know" (an aside after it too: "…, in plain terms, what …"). */
const EMBEDDED = /^(?:(?:does|did) (?:the )?(?:article|story|piece|report) (?:say|mention|tell (?:us|me)|explain|specify|reveal)|(?:can|could|would|will) (?:you|u) (?:please )?(?:tell|show) me|(?:please )?(?:tell|show) me|do (?:you|u) know|(?:does|do)? ?(?:any(?:one|body)|some(?:one|body)|(?:any of )?(?:you|u) (?:guys|all|folks)) know|i (?:want|wanna|would like|'d like|need) to know|i wonder|i'?m wondering)(?:,[^,]{0,60},)?[\s,]+((?:(?:on|in|at|for|from|to|by|with) )?(?:who|whom|what|when|where|why|how|which)\b.*)$/i;

/** An embedded question in question order: "who Zhirnov is" → "who is Zhirnov", "what Coats said" → "what did Coats say". */
function directQuestion(q: string): string {
  const copula = /^(who|whom|what|where|which \S+)\s+(.+?)\s+(is|was|are|were)$/i.exec(q);
  if (copula) return `${copula[1]} ${copula[3]} ${copula[2]}`;
  const said = /^(what)\s+(.+?)\s+(?:said|says|wrote|writes|tweeted)\b(.*)$/i.exec(q);
  if (said && !/^(?:is|was|did|does|do|has|have|had)\b/i.test(said[2]!)) return `${said[1]} did ${said[2]} say${said[3]}`;
  // "what Twitter handle Heather Nauert posted from", "how the embassy responded": the act's own question order,
  // its subject a name or a determined noun before its past verb.
  const wh = /^(what|which|when|where|why|how)\s+(.+)$/i.exec(q);
  if (wh) {
    const words = wh[2]!.split(/\s+/);
    const v = words.findIndex((w, i) => i > 0 && /ed$/i.test(w) && verbLemmaOf(w.toLowerCase()) !== undefined);
    // (The subject is the run of capitalized words right before the verb, or else back to its determiner.)
    let subject = v - 1;
    if (v > 0 && /^\p{Lu}/u.test(words[v - 1]!)) while (subject > 0 && /^\p{Lu}/u.test(words[subject - 1]!)) subject--;
    else subject = v > 0 ? words.slice(0, v).findLastIndex((w) => /^(?:the|a|an|his|her|its|their|this|that)$/i.test(w)) : -1;
    if (subject >= 0) return [wh[1], ...words.slice(0, subject), 'did', ...words.slice(subject, v), verbLemmaOf(words[v]!.toLowerCase())!, ...words.slice(v + 1)].join(' ');
  }
  return q;
}

/** What follows a question as the asker's guess: "…, right? like press sec", "…? maybe the embassy". */
const AFTER_GUESS = /^(.+?)\?\s*(?:like|maybe|i think|probably|or|prob)\b[^?]*$/i;

/** A question word anywhere. */
const QUESTION_WORD = /\b(?:who|whom|whose|what|whats|when|where|which|why|how)\b/i;

/** At most this many words after "tell" name whom someone told ("the cheering crowd"). */
const ADDRESSEE_WORDS = 4;
/** At most this many words after "at" or "during" ending a what-said question name where it was said ("at the rally"). */
const SETTING_WORDS = 4;
/** Words that open what someone's words were about: "say about …", "tell them on …". */
const TOPIC_PREPOSITION = /^(?:about|on|regarding|concerning|over)$/;

/** Words chat opens a question with that ask nothing: "so …", "wait, …". */
// (And a hedge before the question word, and a clause setting the time as the article's own: "roughly how long …",
// "At the time this was written, how long …".)
const OPENER = /^(?:(?:so|and|but|wait|also|oh|ok so|okay so)\b,?\s+|(?:roughly|approximately|about|around|more or less)\s+(?=(?:how|when|what)\b)|at the time (?:this|it|the (?:article|story|piece|report)) was (?:written|published),?\s+)+(?=\S+\s+\S+)/i;
/** "like" as a hedge after a copula ("is he like the ambassador", "are they like 100 days away"), not at the end ("what is it like"). */
const HEDGE = /\b(is|are|was|were|isn'?t|wasn'?t|aren'?t|weren'?t)\s+like\s+(?=\S)/gi;
/** … or after the subject of a question that opens with the copula: "is nauert like the secretary of state". */
const HEDGE_AFTER_SUBJECT = /^((?:is|are|was|were) \S+(?: \S+)?) like (?=\S)/i;
/** "did nauert herself summon him", "what did Garrett himself say": the subject's own self adds nothing to whether they did it, or to what they said. */
const SELF_AFTER_SUBJECT = /^((?:(?:what|when|where|why|how|who|whom)\s+)?(?:did|does|do|was|were|is|are|has|have|had) \S+(?: \S+)?) (?:himself|herself|themselves|itself) (?=\S)/i;

/** One to four words, then what is wanted of them: "zhirnov summons reason", "zhirnov role". */
const KEYWORDS = /^((?:\S+ ){0,3}\S+) (reason|why|role|job)$/i;
/** "Who was it that flagged …", "what is it that …": the question without its frame. */
const CLEFT = /^(who|what|when|where|why|which \S+)\s+(?:was|is)\s+it\s+that\s+/i;
/** "What did X say back": a verb of saying with "back" is the saying itself. */
const SAID_BACK = { verb: verbsOf(['say', 'tell']), pattern: /\b(\p{L}+)\s+back\b/giu };
/** A hedge that ends a question and asks nothing: "… or smth", "… or something", a bare "or". */
const HEDGE_TAIL = /(?:\s+or\s+(?:smth|sth|something|somethin|whatever|w\/e))?\s+or$|\s+or\s+(?:smth|sth|something|somethin|whatever|w\/e)$/i;
/**
 * A short wh-question with its verb ("whos zhirnov", "what did coats say"), then a second one about
 * its subject by a pronoun ("… is he …", "… did he …"); not "what day did he …", one question.
 */
const RUN_ON = /^((?:(?:whos|who's|whats|what's|whens|wheres)(?:\s+\S+){1,3}?)|(?:who|what|when|where)\s+(?:is|was|are|were|did|does|do|has|had)(?:\s+\S+){1,3}?)\s+(?:is|was|are|were|did|does|do|has|had)\s+(?:he|she|it|they)\b.+$/i;

/** A verb form that can carry a clause's tense: known to the lemma data, not an "-ing" form ("said", "says", "concluded"). */
const finiteForm = (word: string): boolean => verbLemmaOf(word.toLowerCase()) !== undefined && !/ing$/i.test(word);

/**
 * A statement as the yes/no question it asks: "zhirnov is the ambassador" → "is zhirnov the ambassador"; with
 * `actsToo`, "nauert tweeted on aug 1" → "did nauert tweeted on aug 1" (a past act asked about as "did …") and
 * "nauert works at the white house" → "does nauert work at the white house". Null when it states no such claim.
 */
function asYesNo(statement: string, actsToo: boolean): string | null {
  const claim = /^(.+?)\s+(is|was|are|were)\s+(.+)$/i.exec(statement);
  // A claim someone made or reached ("fb said the stuff was aimed at …", "fb confirmed it was russia") asks whether
  // they did: its own "was" belongs to what they said.
  // (Not a participle that only describes the subject: "the guy quoted was coats", "the man quoted at the end was …".)
  const subjectWords = claim && actsToo ? claim[1]!.split(/\s+/) : [];
  const reported = subjectWords.find(
    (w, i) => i > 0 && i < subjectWords.length - 1 && (isSpeechVerb(w) || isThinkingVerb(w)) && finiteForm(w) && !/^(?:at|in|on|by|for|of|to|from|with|about|during|after|before)$/i.test(subjectWords[i + 1]!),
  );
  if (reported) return `${/s$/i.test(reported) && !/ed$/i.test(reported) ? 'does' : 'did'} ${statement}`;
  if (claim) return `${claim[2]} ${claim[1]} ${claim[3]}`;
  if (!actsToo) return null;
  // (Irregular too, after a subject of up to three words: "the intel community said …".)
  const words = statement.split(/\s+/);
  if (/^\S+(?: \S+)? \p{L}+ed\b/u.test(statement) || words.slice(1, 4).some((w) => (isSpeechVerb(w) || isThinkingVerb(w) || /ed$/i.test(w)) && finiteForm(w) && !/s$/i.test(w))) return `did ${statement}`;
  const present = /^(\S+(?: \S+)?) (\p{L}{3,}?)s\b(.*)$/u.exec(statement);
  return present && !/^(?:i|ha|doe|wa|thi|it)$/i.test(present[2]!) ? `does ${present[1]} ${present[2]}${present[3]}` : null;
}

/** A claim, then who said it: "Someone in the article says there is a … campaign. Who said that?" */
const CLAIM_THEN_WHO = /^(.+?)[.!]\s+who\s+(?:said|says|wrote|writes|claimed|claims|tweeted|posted)\s+(?:that|this|it)$/i;
/** A claim with "something" in it, then what: "The statement says the U.S. will not tolerate attempts to subvert something. What exactly?" */
const CLAIM_THEN_WHAT = /^(.+?\bsomething\b[^.!?]*)[.!]\s+what(?:,?\s+(?:exactly|is it|was it|is that|was that))?$/i;
/** How a claim is put as someone's, the someone unnamed: "Someone in the article says (that) …", "The article mentions …". */
const UNNAMED_SAYER = /^(?:someone|somebody|one person|a person|an official|the article|the story|the piece|it)(?:\s+in\s+the\s+(?:article|story|piece))?\s+(?:says|said|mentions|mentioned|claims|claimed|writes|wrote)\s+(?:that\s+)?/i;

/** "megaphone diplomacy - who said it?" → "who said megaphone diplomacy?"; "X - who?" → "who is X?". */
function reorder(raw: string, questionMark = false): string {
  const other = someoneElse(raw.trim());
  if (other) return other;
  // "the intel chief said russia is trying to do wat to the us": what they said it is, asked in question order.
  const saidWhat = SAID_WHAT_INSIDE.exec(raw.trim());
  if (saidWhat && !QUESTION_WORD.test(saidWhat[1]!) && !/[.!?]\s/.test(`${saidWhat[1]!} ${saidWhat[2]!}`)) return `what did ${saidWhat[1]!} say ${saidWhat[2]!}${saidWhat[3]!}`.replace(/\s+/g, ' ').trim();
  const claimed = CLAIM_THEN_WHO.exec(raw.trim());
  if (claimed) return `who said ${claimed[1]!.replace(UNNAMED_SAYER, '')}`;
  const something = CLAIM_THEN_WHAT.exec(raw.trim());
  if (something) return something[1]!.replace(/\bsomething\b/i, 'what');
  // A question about what a quoted word refers to keeps its order: "in the 'it added' line, what's 'it'".
  if (referenceAsked(raw)) return raw;
  const someone = someoneWho(raw.trim());
  if (someone) return reorder(someone, questionMark);
  // A guess or an aside after the question ("midterms r when? nov?", "… what? need the adjective"): the question asks it.
  // (Not a phrase that narrows it: "what did lind say? about the budget?".)
  const guessed = /^(.*?\b(?:who|what|when|where|which|why|how)\b[^?]*)\?\s+(?!(?:about|of|on|in|at|for|from|to|with|by|regarding|re)\b)(?:\S+\s*){1,3}\?*$/iu.exec(raw.trim());
  if (guessed) return reorder(guessed[1]!, true);
  // … or after a comma, as "ones": "which elections r coming up, presidential ones?"
  const ones = /^(.*?\b(?:which|what)\b[^,?]*),\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){1,2}ones?$/iu.exec(raw.trim());
  if (ones) return reorder(ones[1]!, true);
  // The question word last, as chat puts it: "midterms r when" asks when they are; "heather called the interference what"
  // what she called it.
  const beLast = /^((?:the\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}?)\s+(is|are|was|were|r)\s+(who|what|when|where)$/iu.exec(raw.trim());
  if (beLast && !QUESTION_WORD.test(beLast[1]!)) return `${beLast[3]!.toLowerCase()} ${beLast[2]!.toLowerCase() === 'r' ? 'are' : beLast[2]!.toLowerCase()} ${beLast[1]}`;
  const verbLast = questionWordLast(raw.trim());
  if (verbLast) return verbLast;
  // Chat's "=" for "is": "nauert = white house press sec?" asks whether she is; "zhirnov = who" who he is.
  const equals = /^([^=?]{2,60}?)\s*=\s*([^=?]{2,60}?)$/u.exec(raw.trim());
  if (equals && /\p{L}{2}/u.test(equals[1]!) && /\p{L}{2}/u.test(equals[2]!)) {
    const [, left, right] = equals as unknown as [string, string, string];
    if (/^(?:who|what)$/i.test(right)) return `${right.toLowerCase()} is ${left}`;
    if (!QUESTION_WORD.test(right) && !QUESTION_WORD.test(left)) return reorder(`is ${left} ${/^(?:the|a|an|his|her|their|its)\s/i.test(right) ? '' : 'the '}${right}`, questionMark);
  }
  const input = AFTER_GUESS.exec(raw)?.[1] ?? raw;
  // A question put inside a request ("can you tell me who Zhirnov is", "do you know when …") is that question.
  const embedded = EMBEDDED.exec(input);
  // Chat's openers ("so", "wait") and hedges ("is he like the ambassador") carry nothing of the question.
  let text = (embedded ? directQuestion(embedded[1]!) : input).replace(CLEFT, '$1 ').replace(SAID_BACK.pattern, (m, verb: string) => (SAID_BACK.verb(verb.toLowerCase()) ? verb : m)).replace(OPENER, '').replace(HEDGE, '$1 ').replace(HEDGE_AFTER_SUBJECT, '$1 ').replace(SELF_AFTER_SUBJECT, '$1 ').replace(HEDGE_TAIL, '');
  text = (embedded ? someoneWho(text) : null) ?? text;
  // Two questions run together, the second about the first's subject ("whos zhirnov is he like the
  // ambassador"): the first asks it, and its answer settles the second.
  text = RUN_ON.exec(text)?.[1] ?? text;
  // A name and a noun phrase, asked ("zhirnov an ambassador or smth?", "nauert the spokeswoman?"): whether that is what they are.
  const isA = questionMark ? /^((?:\p{L}[\p{L}.'’-]*)(?:\s+\p{L}[\p{L}.'’-]*)?)\s+((?:an?|the)\s+\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3})$/u.exec(text) : null;
  if (isA && !QUESTION_WORD.test(isA[1]!) && !/^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|so|and|but|ok|okay|what|who|when|where|why|how|which)$/i.test(isA[1]!.split(/\s+/)[0]!) && !isA[1]!.split(/\s+/).some((w) => verbLemmaOf(w.toLowerCase()) !== undefined || /^(?:of|in|on|at|to|for|from|with|by|about)$/i.test(w))) text = `is ${isA[1]} ${isA[2]}`;
  // A possessive's phrase alone ("nauert's twitter handle?", "zhirnov's rank"): what it is.
  const possessed = /^[\p{L}.-]+['’]s(?:\s+[\p{L}'’-]+){1,3}$/u.exec(text);
  if (possessed && !QUESTION_WORD.test(text) && !text.split(/\s+/).slice(1).some((w) => /ed$/.test(w) || /^(?:is|are|was|were|be|been|has|have|had|do|does|did)$/.test(w))) text = `what is ${text}`;
  // A statement with a tag ("zhirnov is russia's ambassador, right?"), or with only a question mark
  // ("midterms are like 100 days away?"), asks whether it is so.
  const tag = /^(.+?)[\s,]+(?:right|yeah|yes|no|correct|true|isn'?t (?:it|he|she|that)|wasn'?t (?:it|he|she|that)|didn'?t (?:it|he|she|they)|or not|innit|eh)$/i.exec(text);
  // (With only the mark: three words or more, no question word anywhere ("according to whom were …?"), and only
  // a claim of what something is; "the white house summoned him?" stays as typed.)
  const statement = tag?.[1] ?? (questionMark && text.split(' ').length >= 3 && !QUESTION_WORD.test(text) ? text : null);
  if (statement !== null && !/^(?:who|whom|whose|what|whats|when|where|why|how|which|is|are|was|were|did|do|does|has|have|had|can|could|will|would|should)\b/i.test(statement)) {
    // (A claim someone is said to have made asks whether they did, with the mark alone too: "intel says russia meddled in 2012?")
    // (Of a past act: "jeffries says its a buying opp??" is a search in chat's shape.)
    const words = statement.split(/\s+/);
    const at = words.findIndex((w, i) => i >= 1 && i <= 3 && REPORTING(w.toLowerCase()) && finiteForm(w));
    const reported = at > 0 && words.slice(at + 1).some((w) => /ed$/i.test(w) && verbLemmaOf(w.toLowerCase()) !== undefined);
    text = asYesNo(statement, tag !== null || reported) ?? tag?.[1] ?? text;
  } else if (questionMark && /^\p{L}+ \p{L}{3,}ed$/u.test(text) && !QUESTION_WORD.test(text)) {
    // "zhirnov expelled?": a headline's passive, asked whether it happened.
    text = `was ${text}`;
  }
  // A question with the asker's guess after it ("which platform did she post on, fb?", "is he a senator or something"):
  // the question asks the same without it. (Not a phrase that narrows it: "…, about the accounts".)
  const guess = /^((?:who|whom|what|whats|what's|when|where|which|why|how|is|was|are|were|did|does|do)\b(?:\s+\S+){2,}?)(?:,\s+(\S+(?:\s+\S+){0,2})|\s+or\s+(\S+))$/i.exec(text);
  // (", names?", ", when?" ask more; they are no guess.)
  // (Nor the end of a list: "… given to Volker, Sondland and Perry".)
  // (Nor words inside a quotation: "who yelled 'open the door, we're coming in'".)
  if (guess && !quotedAt(text, guess[1]!.length) && !/\b(?:names?|who|what|when|where|why|how|which|and)\b/i.test(guess[2] ?? guess[3]!) && !/^(?:about|of|on|in|at|for|from|to|with|by|per|according|acc|and|but|because|since|after|before|when|while|if|that|who|which|what|where|why|how|or)\b/i.test(guess[2] ?? guess[3]!) && (/,/.test(text.slice(guess[1]!.length, guess[1]!.length + 2)) || /^(?:is|was|are|were|did|does|do)\b/i.test(guess[1]!))) {
    text = guess[1]!;
  }
  // "'the social-media giant' - which company is that?": which such thing the words before the dash mean.
  // (What the article is said to write them as is those words: "The article keeps saying 'the social-media giant' - …".)
  const which = /^(.+?)\s*[-–—:]\s*which\s+(\p{L}+)\s+(?:is|was|are|were)\s+(?:that|it|this|they|those)\W*$/iu.exec(text);
  if (which) return `which ${which[2]!} is ${which[1]!.trim().replace(/^(?:the (?:article|story|piece|report)|it)\s+(?:keeps\s+)?(?:saying|says|mentions|calls (?:it|them)|refers to|talks about|uses)\s+/i, '')}?`;
  const m = /^(.+?)\s*(?:[-–—:,]|\.\.\.)\s*(who|when|where|why|what|how|whats|what's|whos|who's)(?![\p{L}'’])([^?]*)\??$/iu.exec(text);
  if (m && !/^(?:who|what|when|where|why|how|which|is|are|was|were|did|do|does)\b/i.test(m[1]!)) {
    // "whos", "what's": the word and its "is" ("X - whats his name", "X - whos he", "X - what's it about").
    const contracted = /^(?:who|what)['’]?s$/i.test(m[2]!);
    const word = contracted ? (/^who/i.test(m[2]!) ? 'who' : 'what') : m[2]!.toLowerCase();
    const rest = m[3]!.trim().replace(/\b(?:it|that|this|he|she|they)\b/i, '').trim();
    const topic = m[1]!.trim();
    if (contracted) {
      if (!rest) return `${word} is ${topic}?`;
      if (/^(?:his|her|its|their)\b/i.test(rest)) return `${word} is ${rest.replace(/^\S+/, `${topic}'s`)}?`;
      if (/^(?:about|for|from|with)$/i.test(rest)) return `${word} is ${topic} ${rest}?`;
      return text;
    }
    // A person asked about by a pronoun after the dash is the one named before it: "nauert - what does she do" asks
    // what Nauert does. (Not "it": "megaphone diplomacy - who said it".)
    const person = /\b(?:he|she|they)\b/i.exec(m[3]!);
    // (Not a phrase that frames the question: "Apart from Russia's methods, what did the leaders say they …".)
    if (person && !/\b(?:he|she|they)\b/i.test(topic) && !FRAMING_OPENER.test(topic) && topic.split(/\s+/).length <= NAMED_BEFORE_DASH_WORDS) return `${word} ${m[3]!.trim().replace(person[0], topic)}?`.replace(/\s+/g, ' ');
    // A whole question after the dash stands as typed: what comes before it only frames it ("besides Russia, who else …").
    if (rest.split(' ').length >= WHOLE_QUESTION_WORDS) return text;
    if (word === 'who' && !rest) return `who is ${topic}?`;
    if (word === 'who' && /^(?:said|say|says|wrote|tweeted)$/i.test(rest)) return `who said ${topic}?`;
    if (word === 'when' && !rest) return `when was ${topic}?`;
    if (/\b(?:his|her|its|their)\b/i.test(rest)) return `${word} ${rest.replace(/\b(?:his|her|its|their)\b/i, `${topic}'s`)}?`;
    return `${word} ${rest} ${topic}?`.replace(/\s+/g, ' ');
  }
  // Keywords with what is wanted last, as typed into a search box ("zhirnov summons reason", "nauert role").
  const keywords = KEYWORDS.exec(text);
  if (keywords && !QUESTION_WORD.test(keywords[1]!) && !/^(?:is|are|was|were|did|do|does|has|have|had|can|could|will|would|should)\b/i.test(keywords[1]!)) {
    const [, what, wanted] = keywords as unknown as [string, string, string];
    const asked = wanted.toLowerCase();
    if (/^(?:reason|why)$/.test(asked)) return `why ${what}`;
    return `what is ${what}'s job`;
  }
  const according = /^according to (?:whom|who)\b,?\s*(?:(?:is|are|was|were|did|does|do|has|have|had)\s+)?(.+)$/i.exec(text);
  if (according) return `who said ${according[1]}`;
  return text;
}

// ----- reading -----------------------------------------------------------------

/** Verbs that report a claim as someone's ("intel says …", "fb concluded …"), not an act done ("called it", "summoned him"). */
const REPORTING = verbsOf(['say', 'claim', 'state', 'report', 'conclude', 'believe', 'think', 'find', 'tell', 'write']);
/** "get" of the passive that is done to someone: "did Eichel get suspended". */
const GET = verbsOf(['get']);
/** Verbs of working somewhere ("does she work at …", "did he serve with …"). */
const WORK_AT = verbsOf(['work', 'serve']);
/** Verbs of saying a who-said or what-said question asks with, in any form ("who says …", "who wrote …"), by lemma. */
const SAYING = verbsOf(['say', 'write', 'tweet', 'state', 'claim', 'call', 'add', 'tell']);
/**
 * Verbs that ask who said it only as a past report ("who accused Russia …", "who denied it"); in the
 * present they ask who holds the view or does the act ("who denies meddling", "what is X accusing Y of").
 */
const SAID_AS = verbsOf(['warn', 'post', 'declare', 'describe', 'remark', 'note', 'argue', 'insist', 'accuse', 'deny', 'quote', 'use', 'mention', 'comment', 'criticize', 'slam', 'respond', 'reply', 'testify', 'announce']);
/** A verb of saying, as a question asks who said or what someone said. */
const SAY = (word: string): boolean => SAYING(word) || (SAID_AS(word) && verbLemmaOf(word) !== undefined && !/(?:s|ing)$/.test(word));

/** Kinds of organization or medium a name may be of without the article saying so ("which platform", "what outlet"). */
const ORGANIZATION_KINDS = /^(?:platform|platforms|site|website|app|network|outlet|service|channel|company|firm|organization|organisation)$/;

/** Words that make "how much" a question of money. */
const MONEY_VERB = verbsOf(['pay', 'cost', 'spend', 'price', 'fund', 'donate', 'fine', 'earn']);
const MONEY_WORDS = { test: (text: string): boolean => text.split(/\s+/).some((w) => MONEY_VERB(w) || isNounOf(MONEY_NOUNS, w)) };

/** Nouns that name a sum of money ("salary", "price"). */
const MONEY_NOUN_WORDS: ReadonlySet<string> = new Set(['salary', 'wage', 'price', 'cost', 'income', 'fee', 'fine', 'budget', 'paycheck', 'earnings']);
/** The noun a "what is …" question asks for stands in its first this-many words. */
const ASKED_NOUN_WITHIN = 6;
/** Does a noun asked for pass `test`: "what is the average teacher salary", not "what's the governor waiting on before … salaries"? */
const nounAskedFor = (text: string, test: (word: string) => boolean): boolean => text.split(/\s+/).slice(0, ASKED_NOUN_WITHIN).some(test);
/** Nouns that name a number ("phone number", "the total", "the tally"). */
const NUMBER_NOUN = /^(?:numbers?|totals?|tally|count|percentage)$/;
/** Nouns of money, any of which makes "how much" a question of money. */
const MONEY_NOUNS: ReadonlySet<string> = new Set([...MONEY_NOUN_WORDS, 'money', 'worth', 'donation', 'dollar', 'funding']);

/** What a question asks for, from its first words. */
function askedOf(words: readonly string[], text: string, typed = text): Asked {
  const lead = words.slice(0, 4).join(' ');
  if (/^(?:when|since when|how far back|what (?:(?:exact|precise|specific) )?(?:date|day|month|year|time)|on what (?:(?:exact|precise|specific) )?(?:date|day)|in what (?:month|year)|(?:by|since|until|till|before|after|from) (?:what|which) (?:date|day|month|year|time)|which (?:day|date|month|year)|what time|(?:what|whats|what's) (?:is |was |s )?the (?:date|day|month|year) (?:of|when|that)\b)/.test(words.slice(0, 5).join(' '))) return 'date';
  // ("Who declined to say how much it cost?" asks who, whatever its clause asks.)
  if (/^(?:who|whom|whose)$/.test(words[0] ?? '')) return 'who';
  if (/^how (?:old|young)\b|\bwhat age\b|\bhow old\b/.test(text)) return 'age';
  if (/^how long\b|\bfor how long\b/.test(lead)) return 'duration';
  if (/\bhow much\b/.test(text) && MONEY_WORDS.test(text)) return 'money';
  // "What is the average teacher salary?": a sum of money, by the noun asked for.
  if (/^(?:what|whats|what's) (?:is|was|are|were|s)\b/.test(text) && nounAskedFor(text, (w) => isNounOf(MONEY_NOUN_WORDS, w))) return 'money';
  if (/^how (?:many|much|heavy|big|large|tall|high|far|fast|wide|deep)\b|\bwhat (?:number|percentage|share|amount)\b|\bhow many\b|\bhow much\b/.test(text)) return 'number';
  // "What is Batjer's phone number?", "what was the final tally": a number, by the noun asked for in the first words.
  if (/^(?:what|whats|what's) (?:is|was|are|were|s)\b/.test(text) && nounAskedFor(text, (w) => NUMBER_NOUN.test(w))) return 'number';
  // "Name the official who convoked him": someone, asked as who did it.
  const named = /\bname the (\S+)(?: (\S+))?(?: (\S+))? (?:who|that)\b/.exec(text);
  if (named && named.slice(1).some((w) => kindOfWho(w))) return 'who';
  if (/\b(?:what|what's|whats) (?:is|was|were|are)? ?(?:the )?names? of\b|\bname the\b/.test(text)) return 'name';
  // ("which Florida city": a name may stand before the kind of place.)
  if (/^where\b|^(?:in|from|to) (?:what|which) (?:city|country|place|town|state)\b|^(?:(?:in|from|to) )?which (?:\S+ )?(?:city|country|place|town|state)\b|^what (?:city|country|place|town|state)\b/.test(lead)) return 'place';
  // ("What caused the crashes?", "what led to the shutdown": a cause, asked as why.)
  if (/^why\b|^(?:for )?what reason\b|^how come\b|\bwhat (?:was|is) the reason\b|^what (?:caused|causes|led to|leads to|prompted|prompts|triggered|triggers|sparked|sparks)\b/.test(text)) return 'reason';
  // (Or three words on, after a name: "which South Dakota governor …".)
  if (/^(?:which|what)$/.test(words[0] ?? '') && (kindOfWho(words[1]) || (kindOfWho(words[2]) && !AUXILIARY.test(words[1] ?? '')) || (words[0] === 'which' && kindOfWho(words[3]) && /^\p{Lu}/u.test(typed.split(/\s+/)[1] ?? '') && !AUXILIARY.test(words[1] ?? '') && !AUXILIARY.test(words[2] ?? '')))) return 'who';
  return 'thing';
}

/**
 * Does "which X" / "which <word> X" ask for a who: X a noun for people or for a body, by WordNet
 * ("which teacher", "which former adviser", "which countries")? (Not "what type of": a kind of
 * detail; nor "what rank", a role; nor "what date", a person too in WordNet.)
 */
export function kindOfWho(word: string | undefined): boolean {
  return word !== undefined && word !== 'date' && !DETAIL_KIND.test(word) && !ROLE_NOUN.test(word) && (isNounOf(PERSON_NOUNS, word) || isNounOf(GROUP_NOUNS, word));
}

/**
 * A question in its plain shape, for either engine to read: markup and chat
 * asides gone, and chat shapes put in question order ("X - who?", "X, right?").
 * Empty when nothing is left.
 */
/** Emoji ending a message, with their modifiers and joiners and the spaces between them. */
const TRAILING_EMOJI = /(?:\s*\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)*)+\s*$/u;

export function plainQuestion(raw: string): string {
  // (Control and format characters are no part of the message the conversation reader splits, a NUL before
  // "who" included; line breaks and the joiner inside an emoji stay.)
  const visible = raw.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/[\n\r\t\u200d]/.test(c) ? c : ' ')).trim();
  const cleaned = spelledQuestionWord(
    cleanQuestion(questionOf(visible))
      .replace(CHAT, ' ')
      .replace(DROPPED_G, (w) => (!isCommonWord(w.toLowerCase()) && isCommonWord(`${w.toLowerCase()}g`) ? `${w}g` : w))
      .replace(CHAT_ARE, 'are')
      .replace(CHAT_TO_PATTERN, (m) => CHAT_TO[m.replace('.', '').toLowerCase()] ?? m)
      .replace(CHAT_AND, ' and ')
      .replace(ENDED_UP.pattern, (m, end: string, verb: string) => (ENDED_UP.verb(end.toLowerCase()) && verbLemmaOf(verb.toLowerCase()) ? `eventually ${verbLemmaOf(verb.toLowerCase())}` : m))
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return '';
  // (Emoji after the question mark end nothing: "… right?? 🤔" asks as "… right??" does.)
  const ended = cleaned.replace(TRAILING_EMOJI, '');
  return reorder(ended.replace(/[?!.\s]+$/, ''), /\?\s*$/.test(ended)).replace(/\?$/, '');
}

/** Someone said something with "what" inside it, in statement order: "X said russia is trying to do wat to the us". */
// (Not with "what" last, which asks the thing itself: "embassy says those forces do it for wat".)
const SAID_WHAT_INSIDE = /^(.{3,60}?)\s+(?:said|says|claimed|claims)\s+(?:that\s+)?((?:[\p{L}'’.-]+\s+){1,8}?)(?:what|wat|wut)\b(\s+\S.*)$/iu;

/** "did pompeo do the summoning or someone else?": a guess at who did it, and the question who did. */
const OR_SOMEONE_ELSE = /^(?:(?:so|wait|and|but|ok)\s+)?(did|does|do)\s+(.+?)\s+or\s+(?:some(?:one|body)|smb|smbd|sb|any(?:one|body)|who)(?:\s+else)?$/i;

/** Who did it, for a guess at who did with "or someone else" after it; null for any other question. */
function someoneElse(text: string): string | null {
  const m = OR_SOMEONE_ELSE.exec(text);
  if (!m) return null;
  const words = m[2]!.split(/\s+/);
  // (The act is the first verb after a subject of one to three words: "pompeo | do the summoning", "the state dept | summon him".)
  // (After "the", the subject runs on to its noun at least: "the state dept | summon him".)
  const from = /^(?:the|a|an|this|that|his|her|their|its)$/i.test(words[0] ?? '') ? 2 : 1;
  for (let k = from; k <= Math.min(from + 2, words.length - 1); k++) {
    const word = words[k]!.toLowerCase();
    const lemma = verbLemmaOf(word) ?? (isVerb(word) ? word : undefined);
    if (!lemma || lemma === 'be') continue;
    const rest = words.slice(k + 1).join(' ');
    return lemma === 'do' ? `who did ${rest}` : `who did ${word}${rest ? ` ${rest}` : ''}`;
  }
  return null;
}

/**
 * "lind voted when", "nauert tweeted when", "heather called the interference what": a subject of one to
 * three words, a past verb, maybe its object, and the question word last, put in question order; or null.
 */
function questionWordLast(text: string): string | null {
  // (Chat's opener carries nothing: "so the embassy expresses what".)
  const m = /^(.+?)\s+(what|when|where)(?:\s+(?:exactly|again|then|now))?$/iu.exec(text.replace(OPENER, ''));
  if (!m || QUESTION_WORD.test(m[1]!)) return null;
  const words = m[1]!.split(/\s+/);
  for (let k = 1; k <= Math.min(3, words.length - 1); k++) {
    // (A verb the question quotes is still its verb: "the embassy 'expresses' what".)
    const verb = words[k]!.toLowerCase().replace(/^['‘"“]|['’"”]$/gu, '');
    const lemma = verbLemmaOf(verb);
    // (A past form or a present one of the third person, not a form of "be" nor "-ing": "he is going where" stays.)
    if (!lemma || lemma === 'be' || lemma === 'have' || verb.endsWith('ing')) continue;
    const object = words.slice(k + 1).join(' ');
    // (What someone told someone is read as typed: "bolton told vindman what".)
    if (object && isSpeechVerb(verb) && m[2]!.toLowerCase() === 'what') return null;
    return `${m[2]!.toLowerCase()} ${verb.endsWith('s') ? 'does' : 'did'} ${words.slice(0, k).join(' ')} ${lemma}${object ? ` ${object}` : ''}`;
  }
  return null;
}

/** Participles that raise the act after "to" to be what is asked ("who is supposed to supply …", "who was expected to lead …"). */
const RAISING = /^(?:supposed|expected|set|slated|scheduled|due|poised|said|thought|believed|known|reported|rumou?red|meant|going|able|about|bound|required|allowed|asked|likely)$/;

/** Might the question ask who an act was done to ("who was summoned?", "who got called in")? A quick test before reading it. */
export function mayAskPatient(question: string): boolean {
  return participleAt(question.toLowerCase().match(/[\p{L}'’]+/gu) ?? []) > 0;
}

/**
 * Where the participle of a passive who-question stands in its words ("who was summoned", "who got called in",
 * "who has been charged"), or -1. With "has" only as "has been …" ("who has dismissed …" asks who did it), and
 * not one that raises an act after "to" ("who is supposed to supply …").
 */
function participleAt(words: readonly string[]): number {
  if (words[0] !== 'who') return -1;
  const at = /^(?:was|were|got|gets|is|are)$/.test(words[1] ?? '') ? (/^(?:been|being)$/.test(words[2] ?? '') ? 3 : 2) : /^(?:has|have|had)$/.test(words[1] ?? '') && words[2] === 'been' ? 3 : -1;
  if (at < 0 || (RAISING.test(words[at] ?? '') && words[at + 1] === 'to')) return -1;
  return isParticiple(words[at] ?? '') ? at : -1;
}

/** A verb's past participle ("summoned", "called", "taken"), not its lemma nor an "-ing" form, by the verb lemma table. */
function isParticiple(word: string): boolean {
  const lemma = verbLemmaOf(word);
  return lemma !== undefined && lemma !== word && lemma !== 'be' && /(?:ed|en|wn|t|d)$/.test(word);
}

const SOMEONE_WHO = new RegExp(String.raw`^who(?:'s|’s| is| was)\s+(?:the|that|this)\s+(?:${SOMEONE_NOUNS}|one)\b(?:\s+(?:from|at|of|in)\s+[^,?]+?)?\s+(?:who|that)\s+(.+?)(?:\s+(?:actually|exactly|again))?$`, 'iu');

/** "who is the guy who got called in": who underwent it, as a passive who-question; or null. */
function someoneWho(text: string): string | null {
  const m = SOMEONE_WHO.exec(text);
  // (Only when it says what was done to them, which no role answers: "who is the lady who posted …" asks who she is.)
  return m && mayAskPatient(`who ${m[1]}`) ? `who ${m[1]}` : null;
}

/** Chat's "r" for "are" after a question word: "when r the midterms", "who r they". */
/** One of {@link SAID_NOUNS}. */
const SAID_NOUN = new RegExp(`^(?:${SAID_NOUNS})$`);
/** Chat's "r" for "are", lower case between two words: "who r they", "which elections r coming up". */
const CHAT_ARE = /(?<=[\p{L}'’]\s+)r(?=\s+[\p{L}'’])/gu;
/** Chat's contractions of a verb and "to", and "acc to": "tryna" is "trying to", "acc to nauert" is "according to Nauert". */
const CHAT_TO: Readonly<Record<string, string>> = { tryna: 'trying to', gonna: 'going to', wanna: 'want to', gotta: 'got to', hafta: 'have to', acc: 'according' };
const CHAT_TO_PATTERN = /\b(tryna|gonna|wanna|gotta|hafta)\b|\b(acc)\.?(?= to\b)/gi;

/** Chat's "n" for "and" between two words: "the fb announcement n the state dept statement". */
const CHAT_AND = /(?<=\p{L})\s+n\s+(?=\p{L})/gu;

/** "What did X end up saying": what X eventually said (an outcome, which the article may not have yet). */
const ENDED_UP = { verb: verbsOf(['end']), pattern: /\b(\p{L}+) up (\p{L}+ing)\b/giu };

/** A word whose "-ing" chat writes "-in" ("workin", "sayin"): the "-ing" word, when that is an everyday word and this is none. */
const DROPPED_G = /\b\p{L}{3,}in\b/gu;

/** The words that open a wh-question, with how each sounds (Double Metaphone), worked out once. */
const QUESTION_WORDS = ['what', 'when', 'where', 'which', 'who', 'why', 'how'].map((word) => ({ word, sound: doubleMetaphone(word)[0] }));

/**
 * A question word as chat spells it, first in a question (or after a quotation) and before an auxiliary ("wut did coats say",
 * "wen was the briefing"): the question word that sounds the same (Double Metaphone), unless the
 * word is a common one ("out did …" is no question).
 */
function spelledQuestionWord(text: string): string {
  // (First, or after a quotation or a comma: "in 'it added' wut is 'it'".)
  // (Or last, as chat asks: "so the embassy expresses wut exactly", "fb described the efforts as wut".)
  // (Or first before the noun it asks of: "wut adjective did fb use".)
  return text.replace(/(?<=^|[,:'’"”—–-]\s*)(\p{L}{2,5})(?=\s+(?:\p{L}+\s+)?(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should)\b)|(?<=\s)(\p{L}{2,5})(?=(?:\s+(?:exactly|again|then|now))?(?:[\s!.]*$|\s*\?))/giu, (typed) => {
    const lower = typed.toLowerCase();
    if (isCommonWord(lower)) return typed;
    const sound = doubleMetaphone(lower)[0];
    return QUESTION_WORDS.find((w) => w.word !== lower && w.sound === sound && w.word[0] === lower[0])?.word ?? typed;
  }).replace(/^(\p{L}{2,4})s(?=\s)/iu, (typed, word: string) => {
    // (Or with the "is" run on, first: "wats nauert's twitter handle", "wuts the embassy saying".)
    const lower = word.toLowerCase();
    if (isCommonWord(typed.toLowerCase()) || QUESTION_WORDS.some((w) => w.word === lower)) return typed;
    const sound = doubleMetaphone(lower)[0];
    const found = QUESTION_WORDS.find((w) => w.word !== lower && w.sound === sound && w.word[0] === lower[0]);
    return found ? `${found.word} is` : typed;
  });
}

/** Does `body` speak for `whole`: part of it, or named as its own ("Russia's foreign ministry")? */
function speaksFor(body: Entity | undefined, whole: Entity): boolean {
  if (!body || body.id === whole.id) return false;
  const name = foldForComparison(body.name).toLowerCase();
  return body.partOf.includes(whole.id) || namesOf(whole).some((n) => name.startsWith(`${foldForComparison(n).toLowerCase()}'s `));
}

/** Reads one question. */
export function readQuestion(raw: string, vocab: Vocabulary): Query {
  const text = plainQuestion(raw);
  if (!text) return { kind: 'refuse', rule: 'empty', detail: '' };
  const reference = referenceAsked(text);
  const query = readPlain(text, vocab);
  return reference ? { kind: 'refers', reference, otherwise: query } : query;
}

/** What a comparison of two dated things asks: which is first, which came first of two, or how many days apart. */
export type DateComparison = 'order' | 'earliest' | 'days';

/** The shapes of a question that compares two things in time, what each asks, and its two things (`first`, `second`). */
const COMPARE_DATES: readonly { readonly shape: RegExp; readonly asks: DateComparison }[] = [
  { shape: /^(?:did|was|were|is|does|do|has|had) (?<first>.+?) (?:come |happen |take place |occur |issued |made |sent )?(?:before or after|after or before) (?<second>.+)$/i, asks: 'order' },
  { shape: /^(?:which|what) (?:came|happened|was|come|happens) (?:first|earlier)\b[,:]? (?:the )?(?<first>.+?),? or (?<second>.+?)(?:[.?!].*)?$/i, asks: 'earliest' },
  { shape: /^how (?:many days|long|soon) (?:after|passed after|later than) (?<first>.+?) (?:did|was|were|had|came|does|do) (?<second>.+)$/i, asks: 'days' },
  { shape: /^how (?:many days|long|much time) (?:passed |elapsed |were there |was there |went by |was it |is there )?between (?<first>.+?) and (?<second>.+)$/i, asks: 'days' },
  // "How long did it take the embassy to respond to the tweet?": the tweet, then the embassy's response.
  { shape: /^how (?:long|many days|much time) did it take (?<who>.+?) to (?<act>.+?) (?:to|after) (?<first>.+)$/i, asks: 'days' },
  // … "how long did the embassy take to respond to the tweet?", "did the embassy wait until the next day to respond to it?"
  { shape: /^how (?:long|many days|much time) did (?<who>.+?) take to (?<act>.+?) (?:to|after) (?<first>.+)$/i, asks: 'days' },
  { shape: /^did (?<who>.+?) wait (?:until the (?:next|following) day|(?:several|a few|many|some|a couple of|two|three|\d+) days|(?:a )?(?:long|while|day|week)) (?:to|before|until (?:it|they|he|she)) (?<act>.+?) (?:to|after|on) (?<first>.+)$/i, asks: 'days' },
];

/**
 * Which of two dated passages to cite first for the days between them: the first-named one's when its sentence
 * also writes the head noun of the other ("The tweet linked to a statement issued on August 1" for "between the
 * statement and the tweet") and the other's does not write its head; else the second-named one's.
 */
export function citeFirstNamed(firstSentence: string, secondSentence: string, firstHead: string, secondHead: string): boolean {
  const writes = (sentence: string, head: string): boolean => head.length > 2 && new RegExp(`\\b${head.replace(/[^\p{L}\p{N}]/gu, '')}`, 'iu').test(sentence);
  return writes(firstSentence, secondHead) && !writes(secondSentence, firstHead);
}

/** The head noun of a phrase that names a thing: its last word, without a possessive ("the spokeswoman's tweet" → "tweet"). */
export function headOf(phrase: string): string {
  return (phrase.trim().split(/\s+/).at(-1) ?? '').replace(/['’]s?$/, '').toLowerCase();
}

/** The two things a question compares in time, in the order it names them, and what it asks; null for any other question. */
export function comparedInTime(text: string): { readonly asks: DateComparison; readonly first: string; readonly second: string } | null {
  for (const { shape, asks } of COMPARE_DATES) {
    const g = shape.exec(text)?.groups;
    if (g) return { asks, first: g.first!, second: g.who !== undefined ? `${g.who} ${g.act!}` : g.second! };
  }
  return null;
}

/** "Was it Nauert herself who convoked Zhirnov?", "is it really the embassy that said so": a guess at who did it. */
export const WHO_CHECK = /^(?:was|is) it (?:really |actually )?(.+?) (?:herself |himself |themselves |itself )?(?:who|that) (.+?)\??$/i;

function readPlain(text: string, vocab: Vocabulary): Query {
  const check = WHO_CHECK.exec(text);
  if (check) return { kind: 'who-check', guess: readWords(check[1]!, vocab).names, asked: readPlain(`who ${check[2]!}`, vocab) };
  const compared = comparedInTime(text);
  if (compared) {
    const part = (words: string): Topic => readWords(words, vocab).topic;
    return { kind: 'compare-dates', asks: compared.asks, first: part(compared.first), second: part(compared.second) };
  }
  // "According to Schlabach, how do politicians rate …?": the rest asked of what that speaker says, whom the
  // question names first, without the source's words as its topic.
  const source = SOURCE_FIRST.exec(text) ?? SOURCE_LAST.exec(text);
  if (source) {
    const [said, from] = SOURCE_FIRST.test(text) ? [source[2]!, source[1]!] : [source[1]!, source[2]!];
    const speaker = speakerNamed(from, vocab);
    const inner = readPlain(said, vocab);
    if (speaker && inner.kind === 'ask' && !inner.names.includes(speaker)) return { ...inner, names: [speaker, ...inner.names] };
  }
  const phrase = quotedPhrase(text);
  const tokens = correctTokens(vocab.terms.tokens(text), vocab);
  const words = tokens.map((t) => t.norm);
  const lower = words.join(' ');
  const names = vocab.namesIn(tokens);
  const named = new Set<number>();
  for (const n of names) for (let i = n.start; i < n.end; i++) named.add(i);

  // A capitalized word the article never uses, not first in the question: a name it does not mention.
  // (Not the adjective of a place the article names: "Jordanian" where it writes "Jordan".)
  const ofNamedPlace = (t: Token): boolean => vocab.words.has(DEMONYMS.get(t.norm.replace(/s$/, '')) ?? '');
  const unknownNames = tokens.filter((t, i) => i > 0 && t.capitalized && !named.has(i) && !vocab.isKnown(t) && !vocab.isQuestionTerm(t.term) && !isCommonWord(t.norm) && !/^\d/.test(t.norm) && !CALENDAR_WORD.test(t.norm) && !ofNamedPlace(t));
  if (unknownNames.length > 0) {
    // The whole name as typed around it: "Heather Nauert", not "Nauert".
    const at = tokens.indexOf(unknownNames[0]!);
    let from = at;
    let to = at + 1;
    const part = (t: Token, i: number): boolean => !named.has(i) && (t.capitalized || (!vocab.isKnown(t) && !isCommonWord(t.norm) && !vocab.isQuestionTerm(t.term)));
    while (from > 1 && part(tokens[from - 1]!, from - 1)) from--;
    while (to < tokens.length && part(tokens[to]!, to)) to++;
    return { kind: 'refuse', rule: 'unknown-name', detail: properName(tokens.slice(from, to)) };
  }

  // ("What state charges …": a kind of place the article writes before a noun is that noun's word, no place asked.)
  const placeWord = /^(?:what|which) (city|country|place|town|state) (\p{L}+)/u.exec(lower);
  const written = placeWord === null ? null : new RegExp(`\\b${placeWord[1]} ${placeWord[2]}\\b`, 'i');
  const compound = written !== null && vocab.model.sentences.some((s) => written.test(s.text));
  const asked = compound ? 'thing' : askedOf(words, lower, text);
  // "What restaurant …?", "which agency …?": the kind of thing asked for must be one the article speaks of.
  // (Not a cause asked for: "what caused …".)
  const kindWord = /^(?:what|which)$/.test(words[0] ?? '') && asked !== 'reason' ? tokens[1] : undefined;
  // (A kind of organization or medium is a kind of name the article may give without the word: "which platform" → Twitter.)
  const organizationKind = kindWord !== undefined && ORGANIZATION_KINDS.test(kindWord.norm) && vocab.model.kb.entities.some((e) => e.kind === 'organization');
  // (Nor is a kind of detail, "what adjective …": a word of the article is the answer.)
  // (Nor a kind of place asked as where: "which city did Gates speak in?" — the place is the answer, not a word to find.)
  if (kindWord && asked !== 'place' && !organizationKind && !DETAIL_KIND.test(kindWord.norm) && !ROLE_NOUN.test(kindWord.norm) && !HELD_OFFICE.test(lower) && !AUXILIARY.test(kindWord.norm) && !vocab.isQuestionTerm(kindWord.term) && !STOP.has(kindWord.norm) && !named.has(1) && !vocab.isKnown(kindWord) && !vocab.synonymOf(kindWord.term) && /^\p{L}{3,}$/u.test(kindWord.norm)) {
    return { kind: 'refuse', rule: 'unknown-topic', detail: kindWord.surface };
  }
  // The words that say what is asked ("how old", "what month") are no topic.
  const askWords = ASK_WORDS[asked];
  // (Words the question quotes are the article's, though a question might use them: "we're coming in".)
  const quoted = new Set(phrase ? vocab.terms.tokens(phrase).map((t) => t.norm) : []);
  const detail = detailAsked(text) !== null;
  // A word of asking or saying in a verb's inflected form, used as an adjective or a noun after a determiner or a
  // possessive, is the topic's: "the threatening call", "the alleged attacker", "the mayor's promised grant" (not "what
  // did he call it", nor a word for what was said: "her comments", "the quote").
  const determiner = (i: number): boolean => i >= 0 && (/^(?:the|a|an|this|that|these|those|his|her|their|its|my|your|our|s)$/.test(tokens[i]!.norm) || /['’]s$/.test(tokens[i]!.surface));
  const nounUse = (i: number): boolean =>
    (determiner(i - 1) || (determiner(i - 2) && i + 1 < tokens.length && !vocab.isQuestionTerm(tokens[i + 1]!.term) && !STOP.has(tokens[i + 1]!.norm))) && verbLemmaOf(tokens[i]!.norm) !== undefined && !SAID_WORD.test(tokens[i]!.norm);
  const topicOf = (skip: (i: number) => boolean = () => false): Topic => {
    // Single letters carry nothing ("r" for "are", "u" for "you") unless they are part of a name.
    const content = tokens.filter((t, i) => !skip(i) && !(detail && DETAIL_KIND.test(t.norm)) && (!vocab.isQuestionTerm(t.term) || quoted.has(t.norm) || nounUse(i)) && /[\p{L}\p{N}]/u.test(t.norm) && !STOP.has(t.norm) && !(askWords?.test(t.norm) && i < 4) && (t.norm.length > 1 || named.has(i) || /\d/.test(t.norm)));
    return {
      tokens: content,
      unknown: content.filter((t) => !vocab.isKnown(t) && !vocab.synonymOf(t.term)),
      phrase,
    };
  };
  const ids = [...new Set(names.map((n) => n.entity))];
  const firstName = names[0];
  const coversRest = (n: NameMatch, from: number): boolean => tokens.slice(from).every((t, k) => named.has(from + k) ? k + from >= n.start && k + from < n.end : /^(?:the|a|an|exactly|really|again|in|this|article|story|here|mentioned|s)$/.test(t.norm));

  // "what is this article about", "tldr": the lead.
  if (/^(?:what(?:'s| is)? (?:this|the) (?:article|story|piece|news|report) about|summar(?:y|ize|ise)(?: (?:this|the) (?:article|story))?|tl;?dr|what happened(?: here)?|give me the gist|whats the story)$/.test(lower.replace(/\s+/g, ' '))) {
    return { kind: 'lead' };
  }
  // A year the article never gives ("the 2020 election"): another time than it reports.
  const year = tokens.find((t) => /^(?:1[89]|20)\d{2}$/.test(t.norm) && !vocab.words.has(t.norm));
  if (year) return { kind: 'refuse', rule: 'unknown-name', detail: year.norm };
  // So is one of a series the article never reports: "the first public hearing" where it writes only of the third.
  const other = otherInSeries(words, vocab);
  if (other) return { kind: 'refuse', rule: 'unknown-name', detail: other };
  // "Who commands the U.S. troops at al-Tanf?" where no sentence naming what they lead says who leads it.
  if (leaderAsked(text) && ids.length > 0 && !vocab.model.sentences.some((s) => ids.every((id) => s.entities.includes(id)) && leaderSaid(s.text))) {
    return { kind: 'refuse', rule: 'no-leader', detail: vocab.model.entityById.get(ids.at(-1)!)?.name ?? 'it' };
  }
  // "Who is Mitchell's boss?" where the article never says who anyone works under.
  if (superiorAsked(text) && !superiorSaid(vocab.model.sentences.map((s) => s.text))) {
    const who = firstName ? vocab.model.entityById.get(firstName.entity)?.name : undefined;
    return { kind: 'refuse', rule: 'no-superior', detail: who ?? 'they' };
  }

  // who said / who wrote / who called it …
  if (/^(?:who|whom)$/.test(words[0] ?? '') && (SAY(words[1] ?? '') || (/^(?:was|is|has|had|did)$/.test(words[1] ?? '') && SAY(words[2] ?? '')))) {
    const sayAt = SAY(words[1] ?? '') ? 1 : 2;
    return { kind: 'who-said', topic: topicOf((i) => i <= sayAt), names: ids };
  }
  if (/^whose (?:words|quote|statement|tweet)\b/.test(lower) || /\bwho (?:is|was) quoted\b/.test(lower)) return { kind: 'who-said', topic: topicOf(), names: ids };
  // "Which teacher said …", "what official called it …": who said it, the kind of person left to the sentence.
  const kindSays = /^(?:which|what)$/.test(words[0] ?? '') ? [2, 3].find((k) => SAY(words[k] ?? '') && words.slice(1, k).every((w, j) => !AUXILIARY.test(w) && !named.has(j + 1))) : undefined;
  if (kindSays !== undefined) return { kind: 'who-said', topic: topicOf((i) => i <= kindSays), names: ids };

  // "What kind of company is DH?": what it is.
  const kindOf = /^what (?:kind|kinds|type|types|sort) of (?:\S+ ){1,2}(?:is|was|are|were)(?: the| a| an)?$/.test(words.slice(0, firstName?.start ?? 0).join(' '));
  if (firstName && kindOf && firstName.end >= words.length - 1) return { kind: 'who-is', entity: firstName.entity, claim: null };
  // who is X / what is X's role / what does X do
  const isAt = /^(?:who|what)$/.test(words[0] ?? '') && /^(?:is|was|are|were)$/.test(words[1] ?? '') ? 2 : -1;
  if (firstName && isAt === 2 && firstName.start <= 3 && coversRest(firstName, 2)) return { kind: 'who-is', entity: firstName.entity, claim: null };
  // (Not a name in a clause about someone else: "the job of the man who said Russia …", "the diplomat whom Washington summoned".)
  const inRelativeClause = firstName !== undefined && words.slice(1, firstName.start).some((w) => /^(?:who|whom|whose|that)$/.test(w));
  if (firstName && !inRelativeClause && (ROLE_NOUN.test(lower) || HELD_OFFICE.test(lower)) && /^(?:what|whats|who)\b/.test(lower)) return { kind: 'who-is', entity: firstName.entity, claim: null, job: !/\bposition (?:on|about|regarding)\b/.test(lower) };
  // ("What does Nauert do (for a living / at the department)?" asks her job; "what did Facebook do with the accounts?", an act.)
  if (firstName && /^what (?:does|did) \S+(?: \S+)? do(?: (?:exactly|here|now))?(?: for (?:a )?(?:living|work|job)| (?:at|for|in) (?:\S+ ){0,3}\S+)?$/.test(lower) && firstName.start <= 3) return { kind: 'who-is', entity: firstName.entity, claim: null, job: true };
  if (firstName && /^who (?:does|did) .+ (?:work|speak) for\b/.test(lower)) return { kind: 'who-is', entity: firstName.entity, claim: null };
  // "is Zhirnov the ambassador?": who he is, and the reader compares.
  if (firstName && /^(?:is|was)$/.test(words[0] ?? '') && firstName.start === 1 && /^(?:a|an|the|one)$/.test(words[firstName.end] ?? '')) {
    return { kind: 'who-is', entity: firstName.entity, claim: topicOf((i) => i < firstName.end) };
  }
  // "does Coats run the FBI?": the same, of the body he would be in charge of.
  const leads = firstName && tokens[firstName.end];
  if (firstName && leads && /^(?:does|did|do)$/.test(words[0] ?? '') && firstName.start === 1 && inCharge(leads) && vocab.model.entityById.get(firstName.entity)?.kind === 'person') {
    return { kind: 'who-is', entity: firstName.entity, claim: topicOf((i) => i <= firstName.end) };
  }
  // "does Nauert work at the White House?": whether that is where they work, by their role.
  if (firstName && /^(?:does|did|do)$/.test(words[0] ?? '') && firstName.start === 1 && WORK_AT(words[firstName.end] ?? '') && /^(?:at|for|in|with)$/.test(words[firstName.end + 1] ?? '') && vocab.model.entityById.get(firstName.entity)?.kind === 'person') {
    return { kind: 'who-is', entity: firstName.entity, claim: topicOf((i) => i <= firstName.end + 1) };
  }
  // "who serves as director of …": a role.
  if (/^who (?:serves?|served|works?|worked|acts?|acted) as\b/.test(lower)) return { kind: 'who-is-role', topic: topicOf((i) => i < 3) };
  // "who was summoned", "who got called in by the State Department": the one the act was done to, not who did it.
  // (A phrase of the lexicon is one token, "called in": its first word as typed.)
  const passiveAt = participleAt(tokens.map((t) => t.surface.toLowerCase().split(/\s+/)[0]!));
  if (passiveAt > 0) return { kind: 'ask', asked: 'who', names: ids, topic: topicOf((i) => i < passiveAt), yesNo: false, unknownAct: null, patient: true };
  // "who is the prosecutor", "who is Russia's chargé d'affaires": someone by role.
  // (Not "who's fixing the keyboards": who is doing something is who does it.)
  const doing = /ing$/.test(words[2] ?? '') && verbLemmaOf(words[2]!) !== undefined;
  if (isAt === 2 && !doing && words[0] === 'who' && (!firstName || !coversRest(firstName, 2))) return { kind: 'who-is-role', topic: topicOf((i) => i < 2) };

  // what did X say (about Y) / what was X's response
  if (firstName) {
    const whole = vocab.model.entityById.get(firstName.entity);
    // "What did Russia say …?" when only "Russia's foreign ministry" speaks: the one body that speaks for it.
    const voices = whole && !vocab.model.sayerIds.has(whole.id) ? [...vocab.model.sayerIds].filter((id) => speaksFor(vocab.model.entityById.get(id), whole)) : [];
    const voice = voices.length === 1 ? voices[0]! : firstName.entity;
    const e = vocab.model.entityById.get(voice);
    const speaks = vocab.model.sayerIds.has(voice);
    // "What did the Jordanian government say": a name and the body it qualifies, one word, before the verb.
    const possessive = /['’]s$/.test(tokens[firstName.end - 1]?.surface ?? '');
    // Or people of it ("the AT&T executives") when no one quoted holds that role ("the U.S. attorney")
    // or works for it ("the SNC executive": its vice president).
    const roleOfSpeaker = (w: string): boolean =>
      [...vocab.model.speakerIds].some((id) => {
        const speaker = vocab.model.entityById.get(id);
        const terms = vocab.terms.termsOf(roleText(speaker));
        const ofIt = e !== undefined && (speaker?.partOf.includes(e.id) || namesOf(e).some((n) => vocab.terms.termsOf(n).every((t) => terms.includes(t))));
        return ofIt || terms.includes(vocab.terms.term(w.replace(/s$/, '')));
      });
    const bodyWord = (i: number): boolean => {
      const w = words[i] ?? '';
      if (possessive || named.has(i) || !tokens[i] || tokens[i]!.capitalized) return false;
      return isNounOf(GROUP_NOUNS, w) || (isNounOf(PERSON_NOUNS, w) && !roleOfSpeaker(w));
    };
    // "What did Sondland actually say": an adverb may stand before the verb.
    const sayAfter = (i: number): boolean => SAY(words[i] ?? '') || (ADVERB.test(words[i] ?? '') && SAY(words[i + 1] ?? ''));
    // "what was X's tweet", not "what was the statement X's tweet linked to".
    const whatSaid = asked !== 'date' && (/^what (?:did|does|do|has|have|had) /.test(lower) || (/^what (?:is|was) /.test(lower) && firstName.start <= 3)) && (sayAfter(firstName.end) || (bodyWord(firstName.end) && sayAfter(firstName.end + 1)));
    const response = asked !== 'date' && firstName.start <= 3 && /^what (?:was|is) /.test(lower) && /^(?:response|reaction|statement|reply|comment|message|line|position|view|argument|quote|warning|tweet)s?$/.test(words[firstName.end] ?? '');
    const how = /^how (?:did|does) /.test(lower) && RESPOND.test(words[firstName.end] ?? '');
    // Chat's fragment: "coats quote?", "embassy statement on the summons".
    const fragment = firstName.start === 0 && SAID_NOUN.test(words[firstName.end] ?? '') && (words.length === firstName.end + 1 || TOPIC_PREPOSITION.test(words[firstName.end + 1] ?? ''));
    // "Did Omar say anything about …?", "has the company responded …?": what they said, if they said it.
    const didSay = /^(?:did|does|do|has|have|had)$/.test(words[0] ?? '') && firstName.start === 1 && (SAY(words[firstName.end] ?? '') || /^(?:say|respond|react|reply|comment)$/.test(words[firstName.end] ?? ''));
    if (e && didSay && !speaks) return { kind: 'refuse', rule: 'not-quoted', detail: e.name };
    if (e && speaks && didSay) return { kind: 'what-said', speaker: voice, topic: topicOf((i) => i <= firstName.end || /^(?:anything|something)$/.test(words[i] ?? '')) };
    if (e && (whatSaid || response || how || fragment) && firstName.start <= 3 && !speaks) return { kind: 'refuse', rule: 'not-quoted', detail: e.name };
    if (e && speaks && (whatSaid || response || how || fragment)) {
      // "What did McCormick tell the crowd (about …)?": whom they told may be no topic of what they said
      // ("the frustrated teachers" may be).
      const verb = [firstName.end, firstName.end + 1].find((i) => SAY(words[i] ?? '')) ?? firstName.end;
      let told = verb;
      if (/^(?:tell|tells|told|telling)$/.test(words[verb] ?? '') || (SAY(words[verb] ?? '') && words[verb + 1] === 'to')) {
        while (told + 1 < words.length && told - verb < ADDRESSEE_WORDS && !TOPIC_PREPOSITION.test(words[told + 1]!) && !/^(?:that|of|when|why|how|what)$/.test(words[told + 1]!)) told++;
      }
      // "… at the rally", "… during the hearing": where they said it, which their words need not name, when the
      // article writes of it (a setting it never names, "at the press conference", stays asked).
      const at = words.findIndex((w, i) => i > verb && /^(?:at|during)$/.test(w) && words.length - i <= SETTING_WORDS + 1 && !words.slice(i + 1).some((x) => TOPIC_PREPOSITION.test(x)));
      const setting = at > verb ? topicOf((i) => i <= at) : null;
      const settingTerms = (setting?.tokens ?? []).map((t) => t.term);
      const unset = settingTerms.length > 0 && vocab.model.sentences.some((s) => {
        const terms = new Set(vocab.terms.termsOf(s.text));
        return settingTerms.every((t) => terms.has(t));
      });
      const topic = topicOf((i) => i <= firstName.end);
      const about = told > verb ? topicOf((i) => i <= told || (unset && i >= at)) : null;
      return { kind: 'what-said', speaker: voice, topic, ...(told > verb || unset ? { unaddressed: topicOf((i) => i <= told || (unset && i >= at)) } : {}), ...(about && about.tokens.length > 0 ? { about } : {}) };
    }
  }
  // "What did Pence say …?" about someone the article names only in passing: it never quotes them.
  // … or "How did Schiff respond …?"
  const sayAt = /^what (?:did|does|do|has|have|had) /.test(lower) ? words.findIndex((w, i) => i >= 3 && i <= 5 && SAY(w)) : /^how (?:did|does|has|have) /.test(lower) ? words.findIndex((w, i) => i >= 3 && i <= 5 && RESPOND.test(w)) : -1;
  if (sayAt > 0 && sayAt <= 4 && tokens.slice(2, sayAt).every((t, k) => !named.has(k + 2) && vocab.proper.has(t.norm))) {
    return { kind: 'refuse', rule: 'not-quoted', detail: properName(tokens.slice(2, sayAt)) };
  }
  // … or a body described by where it is from, which the article never names as a speaker: "the Jordanian government".
  const speakerWords = sayAt > 0 ? tokens.slice(2, sayAt) : [];
  const body = speakerWords.filter((t) => !/^(?:the|a|an)$/.test(t.norm));
  if (body.length >= 2 && speakerWords.every((_, k) => !named.has(k + 2)) && body[0]!.capitalized && isNounOf(GROUP_NOUNS, body.at(-1)!.norm)) {
    return { kind: 'refuse', rule: 'not-quoted', detail: speakerWords.map((t) => t.surface).join(' ') };
  }
  // "Who won …?", "when did Facebook apologize?": the act asked about is one the article never reports.
  // … or "how many people have died …?"
  const countedAct = /^how many$/.test(words.slice(0, 2).join(' ')) ? [3, 4].find((k) => AUXILIARY.test(words[k - 1] ?? '') && !named.has(k - 2)) : undefined;
  // ("Was Lind arrested?": the act done to someone is asked about as one they did.)
  // (Not a participle before "to", which says what is planned, not done to them: "when's VIPER supposed to fly".)
  const passive = firstName !== undefined && /^(?:(?:when|where|why|how) )?(?:was|were|is|are)$/.test(words.slice(0, firstName.start).join(' ')) && /^\p{L}{3,}ed$/u.test(words[firstName.end] ?? '') && words[firstName.end + 1] !== 'to';
  // ("Has Lopez fled?", "has Lopez been charged?": the perfect asks an act too.)
  const actAt = words[0] === 'who' ? 1 : countedAct !== undefined ? countedAct : firstName && (passive || /^(?:(?:when|where|why|how) )?(?:did|does|do|has|have|had)$/.test(words.slice(0, firstName.start).join(' '))) ? firstName.end : -1;
  // ("Did Eichel get suspended …?", "has Lopez been charged …?": "get" or "been" and a participle is an act done to them.)
  const gotten = actAt >= 0 && firstName !== undefined && actAt === firstName.end && (GET(words[actAt] ?? '') || (words[actAt] === 'been' && /^(?:has|have|had)$/.test(words[firstName.start - 1] ?? ''))) && /^\p{L}{3,}ed$/u.test(words[actAt + 1] ?? '');
  // (An adverb between the doer and the act is no act: "when did hachette finally settle", "did Mayer publicly admit".)
  const adverbAt = actAt >= 0 && !gotten && /^\p{L}{3,}ly$/u.test(words[actAt] ?? '') && !isVerb(words[actAt]!) && isVerb(words[actAt + 1] ?? '') ? actAt + 1 : -1;
  const act = actAt >= 0 ? tokens[gotten ? actAt + 1 : adverbAt > 0 ? adverbAt : actAt] : undefined;
  const plainAct = act && !AUXILIARY.test(act.norm) && !vocab.isQuestionTerm(act.term) && !named.has(actAt) && /^\p{L}{3,}$/u.test(act.norm) ? act : null;
  // "When did Facebook reveal that …?" of someone the article has saying things: a way of saying, not an act it never reports.
  // … or "Who blamed the rollout on a coding bug?" in an article that has people saying things: what they said may be the blame.
  const saying =
    plainAct !== null &&
    isSpeechVerb(plainAct.norm) &&
    ((firstName !== undefined && actAt === firstName.end && vocab.model.sayerIds.has(firstName.entity) && /^(?:that|it|they|he|she|what)$/.test(words[actAt + 1] ?? '')) || (actAt === 1 && words[0] === 'who' && vocab.model.sayerIds.size > 0));
  // (Nor one the article writes in another form, however irregular: "who saw the slashing" where it writes "seen".)
  const unknown = plainAct && !saying && (words[0] !== 'how' || countedAct !== undefined) && !vocab.isKnown(plainAct) && !vocab.synonymOf(plainAct.term) && !vocab.writesVerb(plainAct.norm) && isCommonWord(plainAct.norm);
  // (Done to someone, it is said of them: "Peter Lind was arrested".)
  const sufferer = (passive || gotten) && firstName ? vocab.model.entityById.get(firstName.entity)?.name : undefined;
  const unknownAct = unknown ? (sufferer ? `${sufferer} ${gotten ? 'was' : words[firstName!.start - 1]} ${plainAct.surface}` : plainAct.surface) : null;
  const yesNo = /^(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should)$/.test(words[0] ?? '');
  // "What concerns did Hill have about Vindman?": Hill, named right after the auxiliary, does what is asked
  // (or each of "Volker, Sondland and Perry"; not an owner, "PG&E's estimate").
  const subjects: string[] = [];
  if (firstName && firstName.start >= 2 && firstName.start <= 4 && /^(?:what|which|how|why|where|when)$/.test(words[0] ?? '') && AUXILIARY.test(words[firstName.start - 1] ?? '') && words.slice(1, firstName.start - 1).every((w, k) => !named.has(k + 1) && !AUXILIARY.test(w))) {
    for (let k = 0, end = firstName.start; k < names.length; k++) {
      const n = names[k]!;
      if (n.start !== end && !(n.start === end + 1 && words[end] === 'and')) break;
      if (/['’]s$/.test(tokens[n.end - 1]?.surface ?? '')) break;
      // (A place that acts stands for whoever governs it, "what is Moscow denying": the article may name them otherwise.)
      if (vocab.model.entityById.get(n.entity)?.kind === 'place') {
        subjects.length = 0;
        break;
      }
      subjects.push(n.entity);
      end = n.end;
    }
  }
  // "What's Nauert's Twitter handle?", "what is Cole's email address?": a thing of someone named, by a word the
  // article never uses nor a synonym of one. It does not say what that is.
  const owned = firstName && firstName.start === 2 && /^(?:what|who)$/.test(words[0] ?? '') && /^(?:is|was)$/.test(words[1] ?? '') && /['’]s$/.test(tokens[firstName.end - 1]?.surface ?? '') ? tokens.slice(firstName.end) : [];
  const head = owned.at(-1);
  if (head && owned.length <= OWNED_WORDS && !named.has(tokens.length - 1) && /^\p{L}+$/u.test(head.norm) && !vocab.isKnown(head) && !vocab.synonymOf(head.term) && !vocab.isQuestionTerm(head.term)) {
    return { kind: 'refuse', rule: 'no-attribute', detail: `${vocab.model.entityById.get(firstName!.entity)?.name ?? tokens[firstName!.start]!.surface}'s ${owned.map((t) => t.surface).join(' ')}` };
  }
  return { kind: 'ask', asked, names: ids, topic: topicOf(), yesNo, unknownAct, ...(subjects.length > 0 ? { subjects } : {}) };
}

/** At most this many words after "X's" make one thing of theirs ("Twitter handle", "home phone number"). */
const OWNED_WORDS = 3;

/** Words that only say what kind of answer is wanted, by kind. */
const ASK_WORDS: Readonly<Partial<Record<Asked, RegExp>>> = {
  date: /^(?:date|day|month|year|time|week|since|far|back)$/,
  age: /^(?:old|young|age)$/,
  duration: /^(?:long)$/,
  number: /^(?:many|much|heavy|big|large|tall|high|far|fast|wide|deep|number|amount|exactly|precisely)$/,
  money: /^(?:much|money|amount)$/,
  name: /^(?:name|names|called)$/,
  place: /^(?:city|country|place|town|state|location)$/,
  reason: /^(?:reason|come|caused|causes|led|leads|prompted|prompts|triggered|triggers|sparked|sparks)$/,
};


/** Nouns that ask what someone is: "what is Zhirnov's rank?". */
export const ROLE_NOUN = /\b(?:role|job|position|title|rank|occupation|profession)\b/;
/** "What office does X hold?", "which post does she have": an office, by the verb of holding one (a "post" is also a message). */
const HELD_OFFICE = /^(?:what|which) (?:office|post|seat) (?:does|did|do) .+ (?:hold|have|occupy)$/;

/** "How did X respond / react …": what X said in answer. */
const RESPOND = /^(?:respond|react|reply|describe|characterize)/;

/** An adverb of manner or degree ("actually", "really", "publicly"). */
const ADVERB = /^\p{L}{3,}ly$/u;

/** An entity's role and other names, as words. */
function roleText(e: Pick<Entity, "role" | "aliases"> | undefined): string {
  return e ? [e.role ?? '', ...e.aliases].join(' ') : '';
}

/** Verbs that only carry tense or mood. */
export const AUXILIARY = /^(?:is|was|are|were|be|been|did|does|do|has|have|had|will|would|can|could|should|may|might|must|s)$/;

/** Words that carry nothing beyond the question words. */
/** A word for what was said: "the quote" asks what was said, it is not the topic. */
const SAID_WORD = new RegExp(`^(?:${SAID_NOUNS}|quoted?)$`);
const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'for', 'at', 'by', 'with', 'from', 'as', 'is', 'was', 'be', 'it', 's']);

/** Words in quotation marks, when the question quotes some. */
function quotedPhrase(text: string): string | null {
  return quotation(text)?.[1]!.trim() ?? null;
}

/** The quotation a question holds, marks and all, with where it stands. */
function quotation(text: string): RegExpExecArray | null {
  // (An apostrophe between letters is no closing mark: 'open the door, we're coming in'.)
  return /["“”]([^"“”]{2,})["“”]/.exec(text) ?? /(?<=^|\s)['‘]((?:[^'‘’]|(?<=\p{L})['’](?=\p{L})){3,})['’](?=\s|$|[?.!,])/u.exec(text);
}

/** Does a quotation in the text run across this position? */
function quotedAt(text: string, at: number): boolean {
  const q = quotation(text);
  return q !== null && q.index < at && at < q.index + q[0].length;
}

/** A question put as someone's account: "according to X, what …", "what …, according to X". */
const SOURCE_FIRST = /^(?:according to|per) ([^,]{2,60}),\s*((?:what|how|why|which|who|whom|when|where)\b.+)$/i;
const SOURCE_LAST = /^((?:what|how|why|which|who|whom|when|where)\b.+?),?\s+(?:according to|per) ([^,]{2,60})$/i;

/**
 * The speaker a source phrase names: by name ("Schlabach"), or by the role a speaker of the article
 * holds, its head noun or a WordNet synonym of it in their role ("his lawyer" → "Carlineo's attorney",
 * "the NASA official"). Null for none, or for two that fit alike.
 */
function speakerNamed(phrase: string, vocab: Vocabulary): string | null {
  const tokens = correctTokens(vocab.terms.tokens(phrase), vocab);
  const words = tokens.filter((t) => !STOP.has(t.norm) && !/^(?:his|her|their|its|this|that)$/.test(t.norm));
  const head = words.at(-1);
  // ("The NASA official" is someone of NASA, not NASA.)
  const person = head !== undefined && !head.capitalized && isNounOf(PERSON_NOUNS, head.norm);
  // (A message of theirs, "per Facebook's announcement", is words to find, not only whose they are.)
  const names = vocab.namesIn(tokens);
  const nameOnly = words.every((w) => names.some((n) => w.index >= n.start && w.index < n.end));
  const named = names.map((n) => n.entity).find((id) => vocab.model.speakerIds.has(id) && (!person || vocab.model.entityById.get(id)?.kind === 'person'));
  if (named && (nameOnly || person)) return named;
  if (!person) return null;
  // Every word of the phrase in their role, as written or by a synonym.
  const fits = [...vocab.model.speakerIds].filter((id) => {
    const e = vocab.model.entityById.get(id);
    const role = new Set(vocab.terms.termsOf(roleText(e)));
    return e?.kind === 'person' && words.every((w) => role.has(w.term) || role.has(vocab.synonymOf(w.term) ?? w.term));
  });
  return fits.length === 1 ? fits[0]! : null;
}

/**
 * A command's field (a quote's words, an event, a description) read as a query's topic and the
 * names it gives: no question is made of it to be parsed again (issue #9).
 */
export function readWords(text: string, vocab: Vocabulary, phrase: string | null = null): { readonly topic: Topic; readonly names: readonly string[] } {
  const tokens = correctTokens(vocab.terms.tokens(text), vocab);
  const content = tokens.filter((t) => !vocab.isQuestionTerm(t.term) && /[\p{L}\p{N}]/u.test(t.norm) && !STOP.has(t.norm));
  return {
    topic: { tokens: content, unknown: content.filter((t) => !vocab.isKnown(t) && !vocab.synonymOf(t.term)), phrase },
    names: [...new Set(vocab.namesIn(tokens).map((n) => n.entity))],
  };
}

/** Ordinals in words, first to tenth. */
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
/** Ordinals that pick one of a series ("the first hearing", "the 2nd round"). */
const ORDINAL = new RegExp(`^(?:${ORDINAL_WORDS.join('|')}|1st|2nd|3rd|[4-9]th|10th)$`);
/** An ordinal as its number ("third" and "3rd" are 3). */
function ordinalNumber(word: string): number {
  const digits = /^(\d+)/.exec(word);
  return digits ? Number(digits[1]) : ORDINAL_WORDS.indexOf(word) + 1;
}
/** How many words after an ordinal may name its series ("third public impeachment hearing"). */
const SERIES_WORDS = 3;

/**
 * "The first public impeachment hearing" where the article writes of the third and second only: the
 * ordinal and its series as asked, when the article gives that series another ordinal but never this one.
 */
function otherInSeries(words: readonly string[], vocab: Vocabulary): string | null {
  const at = words.findIndex((w) => ORDINAL.test(w));
  if (at < 0) return null;
  const series = words.slice(at + 1, at + 1 + SERIES_WORDS).filter((w) => !STOP.has(w) && /^\p{L}{3,}$/u.test(w));
  if (series.length === 0) return null;
  const stems = new Set(series.map((w) => vocab.terms.term(w)));
  const ordinalsBefore = (text: string): string[] => {
    const ws = vocab.terms.tokens(text);
    return ws.flatMap((t, i) => (ORDINAL.test(t.norm) && ws.slice(i + 1, i + 1 + SERIES_WORDS).some((x) => stems.has(x.term)) ? [t.norm] : []));
  };
  const found = vocab.model.sentences.flatMap((s) => ordinalsBefore(s.text)).map(ordinalNumber);
  return found.length > 0 && !found.includes(ordinalNumber(words[at]!)) ? `the ${[words[at], ...words.slice(at + 1, at + 1 + SERIES_WORDS)].join(' ')}` : null;
}

/** Corrects misspelt words towards the article's vocabulary (names keep their capital). */
function correctTokens(tokens: readonly Token[], vocab: Vocabulary): Token[] {
  return tokens.map((t) => {
    if (vocab.isKnown(t) || vocab.isQuestionTerm(t.term) || /\d/.test(t.norm) || isCommonWord(t.norm)) return t;
    const fixed = vocab.correct(t.norm);
    if (!fixed) return t;
    return { ...t, norm: fixed, term: vocab.terms.term(fixed) };
  });
}

/** "vladimir putin" → "Vladimir Putin": a name as it is written. */
function properName(tokens: readonly Token[]): string {
  return tokens.map((t) => t.surface.replace(/['’]s$/, '')).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}


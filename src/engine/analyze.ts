/**
 * Reading a question: which words it has (typos corrected against the
 * knowledge's own vocabulary), what kind of question it is, whom it is about,
 * and which words the knowledge has never seen.
 */
import Fuse from 'fuse.js';
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Entity, EntityKind } from '../knowledge/schema.ts';
import { commonestWords, commonWordsNear, isCommonWord, isEnglishWord, isSwap } from './common-words.ts';
import { SAID_NOUNS, SOMEONE_NOUNS, Terms, splitWords, type Token } from './text.ts';
import { everydayShortening, expandShortening } from './abbreviation.ts';
import { Spellings } from './spellings.ts';
import { lexiconWithTokens, roleInitialsOf } from './vocab.ts';
import { askedDate, referenceDay, type AskedDate } from './curated/asked-date.ts';
import { mainClause } from './curated/clause.ts';
import { isNounOf, PERSON_NOUNS } from '../english/nouns.ts';
import { inCharge } from './role-check.ts';
import { verbFormsOf, verbsOf } from '../english/verbs.ts';

export { isMonthWord, type AskedDate } from './curated/asked-date.ts';

/** What the question asks for. */
export type Intent =
  /** Who said a phrase. */
  | 'who-said'
  /** Who or what someone is. */
  | 'who-is'
  /** What someone said. */
  | 'what-said'
  /** When something happened, or what happened on a date. */
  | 'when'
  /** Anything else. */
  | 'general';


/** A run of question words that names an entity. */
export interface Mention {
  readonly entityId: string;
  readonly start: number;
  readonly end: number;
}

/** The slot of a who-is or what-said question: whom it asks about. */
export interface Target {
  /** The words as typed, for messages ("Vladimir Putin"). */
  readonly text: string;
  /** The entity it resolves to, if any. */
  readonly entity: Entity | null;
  /** Words in it that the article never uses. */
  readonly unknown: readonly Token[];
  /** True when it also has known topic words beyond the name ("leaders still worried"): not a bare name. */
  readonly otherContent: boolean;
  /** Word positions (Token.index) of the slot in the question. */
  readonly indexes: readonly number[];
  /** Set when the slot names something the article mentions but never quotes. */
  readonly unquoted?: boolean;
  /** Set when a who-is slot asks for the one person of a body ("the woman from the State Department"): its words are the body's, no topic. */
  readonly member?: boolean;
  /** Set when a who-is slot is a title or description that fits no one in the article. */
  readonly untitled?: boolean;
}

export interface Analysis {
  readonly tokens: readonly Token[];
  /** Tokens that carry the topic (not question words). */
  readonly content: readonly Token[];
  /** Content tokens that appear nowhere in the article or the knowledge. */
  readonly unknown: readonly Token[];
  readonly intent: Intent;
  readonly target: Target | null;
  /** For who-said: the words of the phrase asked about. */
  readonly phrase: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly date: AskedDate | null;
  /** "How many ...": the answer must hold a number. */
  readonly quantity: boolean;
  /** The question asks for someone's role or affiliation ("a spokeswoman for which department?"). */
  readonly asksRole: boolean;
  /** The question asks why: items that give a reason come first. */
  readonly asksReason: boolean;
  /** The words the question puts in quotation marks, if any. */
  readonly quoted: string | null;
  /** The question asks who *said* something (a verb of saying, quotation marks): answer with the speaker. */
  readonly asksSpeaker: boolean;
  /** The verb of a who-question when the article never uses it ("who won ..."): nothing can answer. */
  readonly unknownPredicate: Token | null;
  /** Entity id the question is about ("When did *the Russians* respond"), when its first words name one. */
  readonly subject: string | null;
  /**
   * Why the article cannot answer, when the question's shape shows it: it asks the names of people
   * the article leaves unnamed, who a quoted phrase means, or whom else besides those it names.
   */
  readonly outOfReach: string | null;
  /** "Was Nauert at the briefing?": a yes/no question about whom it names first; the answer must involve them. */
  readonly yesNoAbout: string | null;
  /** Index of the verb of a what-said question ("conclude" in "what did the lawmakers conclude"), if any. */
  readonly saidVerb: number | null;
  /** "Where is ...?", "In which city ...?": the question asks for a place. */
  readonly asksPlace: boolean;
  /** "What was Russia accused of?": the subject is acted upon, so it is not who acted. */
  readonly passive: boolean;
  /** The first topic word after the question word ("When was the *tweet* posted"). */
  readonly head: Token | null;
  /** For "which company/official/country ...": the kinds of entity that can answer. */
  readonly answerKinds: readonly EntityKind[] | null;
  /** "What did the statement/tweet say ...": the answer is the words of a message. */
  readonly aboutMessage: boolean;
  /** "What is this article about?": the answer is the article's lead. */
  readonly aboutArticle: boolean;
}

/** A question as the steps of {@link Analyzer.analyze} share it: its main clause, read into tokens once. */
interface Reading {
  /** The question as typed ("give their names" is looked for before the main clause is cut out). */
  readonly raw: string;
  readonly tokens: readonly Token[];
  /** Tokens that carry the topic (not question words, nor the noun of "which country"). */
  readonly content: readonly Token[];
  /** Content tokens that appear nowhere in the article or the knowledge. */
  readonly unknown: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly date: AskedDate | null;
  /** The question's words normalized, filler taken out ("according to the article", "exactly"). */
  readonly body: string;
  /** How many words the filler took from the front: token `offset` is the body's first word. */
  readonly offset: number;
  readonly quoted: string | null;
  /** The words as typed, by position, so that messages quote the reader's own spelling. */
  readonly words: readonly string[];
}

/** What a question asks and of whom, as its patterns show; filled in by the steps of {@link Analyzer.analyze}. */
interface Shape {
  intent: Intent;
  target: Target | null;
  /** Index of the verb of a what-said question, if any. */
  saidVerb: number | null;
  /** "Which embassy official signed the statement?": an act the article never reports of anyone. */
  actUnknown: Token | null;
  /** Asked by the pattern of a role question, whose other words ("workin for") are no topic. */
  byRole: boolean;
  aboutMessage: boolean;
  /** For who-said: the words of the phrase asked about. */
  phrase: readonly Token[];
}

/** Joins the terms of an alias into a key; terms of phrases hold spaces ("=state department"). */
const KEY_SEPARATOR = '\u0000';

/** Most corrections remembered before the memory starts afresh (readers' typos are unbounded). */
const CORRECTIONS_MAX = 5_000;

/** Verbs of saying, by lemma (their forms from src/english/verbs.ts). */
const SAY_LEMMAS = [
  'say', 'write', 'tweet', 'post', 'state', 'use', 'call', 'describe', 'accuse', 'demand', 'warn', 'claim', 'quote', 'criticize', 'applaud',
  'express', 'utter', 'compare', 'label', 'dub', 'refer', 'coin', 'add', 'tell', 'announce', 'urge', 'characterize', 'characterise', 'complain',
  'grumble', 'protest', 'lament', 'insist', 'assert', 'argue', 'contend', 'remark', 'comment', 'note', 'observe', 'declare', 'proclaim', 'allege',
  'suggest', 'admit', 'acknowledge', 'retort', 'reply', 'respond', 'counter', 'quip', 'scoff', 'vow', 'pledge', 'promise', 'threaten', 'caution',
  'stress', 'emphasize', 'emphasise', 'explain', 'speak', 'mention', 'deny', 'reiterate', 'repeat', 'voice', 'conclude',
];
/** Verbs that only report speech. In "what did X claim about Y" only Y is the topic; "accuse" or "demand" carry meaning and stay. */
const NEUTRAL_SAY = verbsOf(['say', 'tell', 'state', 'write', 'claim', 'mention', 'comment', 'remark', 'note', 'express', 'speak', 'add', 'declare', 'report', 'think', 'mean']);

/** Is this (normalized) word a verb that only reports speech? */
export function isSayVerb(norm: string): boolean {
  return NEUTRAL_SAY(norm);
}

/** Question words, auxiliaries and determiners before a question's subject. */
const SUBJECT_SKIP = /^(?:when|what|where|why|how|who|whom|which|whose|did|does|do|was|were|is|are|has|have|had|will|would|can|could|the|a|an|on|in|at|of|s|date|day|time|year|exactly|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/;
/** The kinds of entity a "which X" question asks for. */
const WHO_NOUN_KINDS: readonly (readonly [RegExp, readonly EntityKind[]])[] = [
  [/^(?:company|companies|firm|platform|network|site|giant)$/, ['platform', 'organization']],
  [/^(?:official|officials|person|people|man|woman|spokesperson|spokeswoman|spokesman|diplomat|individual|figure|secretary|director|leader)$/, ['person', 'group']],
  [/^(?:country|countries|nation|side|state)$/, ['country', 'government']],
  [/^(?:agency|body|department|government|authority|authorities|institution|organization|organisation|embassy|group)$/, ['government', 'organization', 'group']],
];

/** Every form of the verbs of saying ("said", "accusing", "claims"), for the patterns below. */
const SAY_VERB_FORMS = verbFormsOf(SAY_LEMMAS).join('|');
/** Nouns outside WordNet's people and groups that make "which X" / "what X" ask for a who. */
const OTHER_WHO_NOUNS = /^(?:country|countries|side|entity|nation|party|figure|platform|group|organization|organisation|body|agency|department|government|institution|authority|authorities|company|firm)$/;
/** Does this word make "which X" / "what X" ask for a who: a noun for people (WordNet), or one of {@link OTHER_WHO_NOUNS}? */
const WHO_NOUN_WORD = { test: (w: string): boolean => OTHER_WHO_NOUNS.test(w) || isNounOf(PERSON_NOUNS, w) };
/** Chat mentions (`<@123>`, `@everyone`) and channel links are not part of a question. */
const CHAT_MENTIONS = /<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g;
/** "who …", "which official …", "what Russian diplomat …". */
/** A question word last, as chat asks it: 'the embassy can "only express" smth... express what?', "'pervasive methods' to do wat exactly". */
const ASKED_LAST = /\b(?:what|why|when|where|how|which)(?:\s+(?:exactly|again|then|now|tho))?[\s?!.]*$/;
const WHO_QUESTION = {
  test: (body: string): boolean => {
    if (/^(?:who|whom|whose)\b/.test(body)) return true;
    const w = body.split(' ');
    return /^(?:which|what)$/.test(w[0] ?? '') && (WHO_NOUN_WORD.test(w[1] ?? '') || WHO_NOUN_WORD.test(w[2] ?? ''));
  },
};
const SAID_BY = /\b(?:said|written|tweeted|stated|quoted|used|uttered|spoken|made) by (?:whom|who)\b|\bwhose (?:words|quote|statement|phrase|tweet)\b|\b(?:source|author|speaker) of (?:the |this |that )?(?:quote|words|phrase|statement|line|remark)\b/;
const VERB_THEN_PHRASE = new RegExp(`\\b(?:${SAY_VERB_FORMS})\\b(.*)$`);
/** A word for some one person, not a title: "the woman from the State Department", "the embassy guy". */
const MEMBER_NOUN = new RegExp(`^(?:${SOMEONE_NOUNS}|someone|somebody)$`);
const FEMALE_ASKED = /^(?:woman|lady|girl)$/;
const MALE_ASKED = /^(?:man|guy|gentleman|dude|fellow)$/;
/** A title that says its holder is a woman: "spokeswoman", "chairwoman", "congresswoman". */
const FEMALE_TITLE = /woman\b/i;
const WHO_IS = /^(?:who|what) (?:is|was|are|were|s)\b(.+)$|^(?:tell me about|what do we know about|what about|who s|whos|describe|identify|info on|information on|who exactly is|who exactly was|who (?:serves|served|acts|acted) as|name(?! the names?\b| all\b))\b(.+)$|^(?:what (?:is|was|s) )?(?:the )?name of (.+)$/;
/** Verbs of working or speaking for someone ("who does Nauert work for"), every form. */
const WORK_FOR = verbFormsOf(['work', 'speak']).join('|');
const ROLE_OF = new RegExp(String.raw`^what (?:is|was|s) (.+?) (?:role|job|title|position|post|function|rank)$|^what (?:does|did) ((?:\S+ ){0,2}\S+) do(?: for (?:a living|work)| (?:at|for|in) (?:\S+ ){0,3}\S+)?$|^(?:what|which) (?:role|job|title|position|post|rank|office) (?:does|did|do|is|was) (.+?)(?: (?:have|hold|play|occupy|fill|in|at)\b.*)?$|^(?:who|what|which \w+) (?:is|was|does|did) ((?:\S+ ){0,2}\S+) (?:${WORK_FOR}) (?:for|on behalf of)$|^((?:\S+ ){0,2}\S+) (?:${WORK_FOR}) (?:for|on behalf of) (?:which|what|whom|who)\b.*$`);
/** Verbs of saying that are also everyday verbs ("what are the methods used for"): not a sign of "what did X say". */
const AMBIGUOUS_SAY = verbsOf(['use', 'call', 'state', 'add', 'put']);
/** Verbs of a view or an act of speech after "what did X …" ("think", "conclude", "deny"). */
const WHAT_SAID_LEMMAS = ['think', 'want', 'argue', 'allege', 'respond', 'react', 'reply', 'conclude', 'find', 'report', 'reveal', 'believe', 'fear', 'mean', 'accuse', 'demand', 'portray', 'deny', 'admit', 'acknowledge', 'reject', 'discover', 'announce', 'decide', 'ask', 'urge', 'insist'];
// (Those in -ing read as the act itself: "what was the statement reacting to".)
const WHAT_SAY_VERBS = [...new Set([...verbFormsOf(SAY_LEMMAS).filter((v) => !AMBIGUOUS_SAY(v)), ...verbFormsOf(WHAT_SAID_LEMMAS).filter((v) => !v.endsWith('ing'))])].join('|');
const WHAT_SAID = new RegExp(`^(?:what|how) (?:did|does|do|has|had|have|was|is|were|are)(?: the)? (.+?) (?:${WHAT_SAY_VERBS})\\b(.*)$`);
/** "Does Russia admit ...?": a yes/no question about someone's position. */
const YES_NO_SAID = new RegExp(
  `^(?:does|did|do|has|have|had) (.+?) (?:${verbFormsOf(['admit', 'deny', 'accept', 'acknowledge', 'say', 'claim', 'agree', 'believe', 'think', 'reject', 'blame', 'respond', 'react', 'reply', 'comment', 'speak']).join('|')})\\b(.*)$`,
);
const POSSESSIVE_SAID = /^(?:what (?:is|was|were|are) )?((?!what\b|which\b|who\b|how\b)\S+(?: \S+){0,3}?)s? (?:statement|tweet|message|warning|quote|quotes|response|reaction|reply|accusation|position|words|claim|comment|comments|remarks|side|view|views|take|version|stance|perspective|account)\b(.*)$/;
/** Chat's fragment for what someone said: "coats quote?", "embassy statement on the summons". */
const SAID_FRAGMENT = new RegExp(`^(?!what\\b|which\\b|who\\b|how\\b|when\\b|where\\b|why\\b)\\S+(?: \\S+){0,3}? (?:${SAID_NOUNS})(?: (?:about|on|regarding|concerning|over) .+)?$`);
const QUOTES_OF = new RegExp(
  String.raw`^(?:(?:which|what) )?(?:quotes?|statements?|tweets?|remarks|comments|everything|all quotes|words) (?:from|by|of) (.+?)(?: (?:appears?|is|are|was|were)\b.*)?$|^(?:what|which) (?:message|messages|statement|statements|words|warning|tweet|tweets) (?:did|does|do|has|had) (.+?) (?:${verbFormsOf(['send', 'post', 'issue', 'give', 'make', 'deliver', 'say', 'write', 'tweet']).join('|')})\b.*$`,
);
const WHEN = /^(?:when|on what|on which|what date|what day|which day|which date|what time|(?:in )?(?:what|which) (?:year|month)|by when|since when|how long ago|date of|the date)\b|\b(?:what|which) (?:date|day)\b|^what (?:is|was|s) the (?:date|day)\b|^(?:in )?(?:which|what) (?:election|elections|vote)\b/;
/** (An event "on" or "in" a date asks what happened then; "what event was the August 1 statement responding to" asks what.) */
const HAPPENED = new RegExp(String.raw`\b(?:${verbFormsOf(['happen', 'occur']).join('|')}|took place|going on|went on|events?\s+(?:on|in|during|of|from))\b`);
const QUANTITY = /^how (?:many|much|old|long|far|big|large|tall|often)\b/;
/** A question about what will or would happen: the article reports, it does not predict. */
const HYPOTHETICAL = /^(?:\w+ )?(?:will|would|shall)\b|\bgoing to\b/;
/** A passive or perfect verb right after its auxiliary ("was founded", "has expelled"). */
const AUX_BEFORE_VERB = /^(?:was|were|is|are|be|been|being|has|have|had|got|get|gets|getting)$/;
/** "list the names of X", "what are the names of X": X must be someone the article names. */
const NAMES_OF = /^(?:list|give me|tell me|what are|what were|what is|what was|show me|name)? ?(?:all )?(?:the )?names? of (?:all )?(.+)$/;
/** "What is this article about?", "summary", "tl;dr": the article's lead answers. */
const ABOUT_ARTICLE = /^(?:what (?:is|s) (?:this|the) (?:article|story|piece|report|news) about|what happened|what is going on|what s going on|what is this about|summary|summarize|summarise|tl ?dr|gist|main point|what is the main point|what is the story)\b/;
/** A slot that names no one in particular ("the officials", "they"): the question is general. */
const GENERIC_PEOPLE = /^(?:the |these |those )?(?:officials?|people|they|them|experts?|authorities|leaders|someone|anyone|he|she|it|we|you|others?)$/;
/** "What is Russia being accused of": Russia is the object of the verb, not the speaker. */
const PASSIVE_TAIL = /\b(?:being|been|getting|got)$/;
/** Words that name a message, whose content "what did X say" can ask about. */
const MESSAGE_WORDS = /^(?:tweet|tweets|post|posting|statement|statements|announcement|briefing|message|quote|quotes|words|report|article|story|text|it|they|he|she)$/;
const SAYING = new RegExp(`\\b(?:${SAY_VERB_FORMS})\\b`);
/** "which Facebook executive", "what Kremlin official": a person from an organization. */
const PERSON_NOUN = /^(?:which|what) ((?:\S+ ){0,2}\S+) (?:official|officials|executive|executives|employee|employees|staffer|staffers|spokesperson|spokesman|representative|representatives|boss|chief|head)\b/;
/** A request for names anywhere in the question: "Give their names", "Name the forces that ...". */
const NAMES_ASKED = /\b(?:give|list|tell me|share|what are|what were) (?:me )?(?:their|the|his|her|its) (?:full )?names?\b|\bname them\b|\bby name\b|,\s*(?:their |the )?names?\??$|^(?:can you )?name (?:the|all|some of the|any of the) ((?:\w+ ){0,2}\w+s)\b/;
/** Verbs of holding a view, which in "what did X conclude?" say only how X said it. */
const STANCE_VERB = verbsOf(['conclude', 'argue', 'allege', 'think', 'believe', 'feel', 'claim', 'suggest']);
/** Words between a subject and its verb that are no verb themselves ("able to", "going to"). */
const MODAL_ADJECTIVE = /^(?:able|unable|going|trying|to)$/;
/** Verbs whose meaning is in the words that follow ("reached the conclusion", "serves as", "came up with"). */
const LIGHT_VERB = verbsOf(['reach', 'make', 'take', 'give', 'serve', 'act', 'come', 'hold', 'put', 'pin', 'get', 'go']);
/** Determiners and particles between a light verb and its object. */
const PARTICLE = /^(?:the|a|an|as|up|with|to|out|on|in|of|this|that|its|their)$/;
/** Words between "who" and its verb ("who has ...", "who first ..."). */
const AUXILIARY = /^(?:was|were|is|are|did|does|do|has|had|have|will|would|could|can|first|also|actually|really|then|later|exactly|officially|publicly)$/;
const TRAILING_FILLER = /\b(?:mentioned|named|quoted|cited|referred to|described|discussed|featured)?\s*(?:in|from|according to) (?:the|this) (?:article|story|report|piece|text|news)\b.*$|\b(?:mentioned|named|quoted|in the news)$/;
/** Adverbs that only colour a question ("what exactly is Moscow denying"). */
const FILLER_ADVERBS = /\b(?:exactly|actually|really|just|basically|precisely|specifically|even|ever|again|still|now|currently|already)\b/g;
/** Nouns for any act, event or view: "what step did Mitchell take" asks which act, "what event was the statement responding to" which happening, which the article may say. */
const ANY_ACT_NOUN = /^(?:step|steps|action|actions|measure|measures|move|moves|thing|things|way|ways|part|stance|view|views|point|points|tool|tools|means|method|methods|role|job|title|position|post|rank|office|function|event|events|incident|incidents|development|developments|occurrence)$/;
const LEADING_FILLER = /^(?:according to (?:the|this) (?:article|story|report)|in (?:the|this) (?:article|story|report)),?\s*/;

/** Builds the question reader for one knowledge base. */
export class Analyzer {
  /** The day the article's present tense refers to, for reading the dates questions name. */
  private readonly reference: Date;
  readonly terms: Terms;
  /** Words (normalized) the knowledge or the article uses, and question words. */
  private readonly vocabulary = new Set<string>();
  /** Words the article or the knowledge writes with a capital inside a sentence: names. */
  private readonly properNouns = new Set<string>();
  /** Search terms the knowledge or the article uses. */
  readonly knownTerms = new Set<string>();
  private readonly questionTerms = new Set<string>();
  /** Vocabulary words with their sound (Double Metaphone codes), for spelling correction: made on the first misspelling. */
  private spellingList: Spellings | null = null;
  private readonly corrections = new Map<string, string | null>();
  /** Alias term sequences ("russian embassy") → entity id, longest first when matching. */
  private readonly aliases = new Map<string, string>();
  /** Aliases exactly as spelled (lower case, unstemmed) → entity id. */
  private readonly exactAliases = new Map<string, string>();
  /** Aliases by their terms and whether their last word is plural: "intel chief" (by a synonym) is the chief, not the chiefs. */
  private readonly numberedAliases = new Map<string, string>();
  private maxAliasLength = 1;
  /** First terms of all aliases: most words start none, and are skipped at once. */
  private readonly aliasStarts = new Set<string>();
  private readonly aliasFuse: Fuse<{ alias: string; id: string }>;
  /** Every term of every alias of each entity, for naming an entity by some of its words ("security chiefs"). */
  private readonly aliasTerms = new Map<string, Set<string>>();
  /** Stem of a WordNet synonym → the term of the article word it stands for. */
  private readonly synonyms = new Map<string, string>();

  /**
   * `tokenized`, when given, holds the tokens of each text the constructor reads, by text, for
   * whoever builds on the same texts next (the curated engine reads the same excerpts again).
   */
  constructor(
    private readonly kb: KnowledgeBase,
    tokenized?: Map<string, Token[]>,
  ) {
    const lexicon = lexiconWithTokens(kb);
    this.terms = new Terms(lexicon);
    this.reference = referenceDay(kb.meta.published, kb.events.map((e) => e.date));
    const tokensOf = (text: string): Token[] => {
      let tokens = tokenized?.get(text);
      if (tokens === undefined) {
        tokens = this.terms.tokens(text);
        tokenized?.set(text, tokens);
      }
      return tokens;
    };
    const texts: string[] = [kb.article.raw, kb.meta.title];
    for (const e of kb.entities) texts.push(e.name, ...e.aliases, e.role ?? '', e.answer);
    for (const q of kb.quotes) texts.push(q.excerpt, q.via, ...q.keywords);
    for (const ev of kb.events) texts.push(ev.excerpt, ev.answer, ev.dateText, ...ev.keywords);
    for (const f of kb.facts) texts.push(f.excerpt, f.answer, f.topic, ...f.keywords);
    // A text met twice adds nothing the first time did not (sets keep their first order).
    for (const text of new Set(texts)) {
      splitWords(text).forEach((w, i) => {
        this.vocabulary.add(w.norm);
        this.knownTerms.add(this.terms.term(w.norm));
        if (w.capitalized && i > 0) this.properNouns.add(w.norm);
      });
      // Phrases of the lexicon that the text holds ("fired back") are known as phrases too.
      for (const t of tokensOf(text)) this.knownTerms.add(t.term);
    }
    // Synonyms are spelled right and so correct typos, but a word is known
    // only if its group meets a word of the article or the knowledge.
    for (const w of lexicon.synonyms.flat().flatMap((x) => splitWords(x))) this.vocabulary.add(w.norm);
    for (const q of kb.lexicon.questionWords) {
      const norm = splitWords(q)[0]?.norm;
      if (!norm) continue;
      this.vocabulary.add(norm);
      this.questionTerms.add(this.terms.term(norm));
    }
    for (const [word, targets] of Object.entries(kb.thesaurus.words)) {
      const key = this.terms.term(word);
      const target = targets[0];
      if (target !== undefined && !this.knownTerms.has(key) && !this.synonyms.has(key)) this.synonyms.set(key, this.terms.term(target));
    }

    const aliasRows: { alias: string; id: string }[] = [];
    for (const e of kb.entities) {
      // (And a person's role by its initials, as readers abbreviate it: "the DNI".)
      const initials = e.kind === 'person' ? roleInitialsOf(e.role ?? '') : '';
      const abbreviated = initials.length >= 3 && !this.vocabulary.has(initials) && !isCommonWord(initials) ? [initials] : [];
      for (const a of abbreviated) {
        this.vocabulary.add(a);
        this.knownTerms.add(this.terms.term(a));
      }
      for (const alias of [e.name, ...e.aliases, ...abbreviated]) {
        // "the State Department" is "State Department": a leading article is no part of a name.
        const terms = tokensOf(alias)
          .map((t) => t.term)
          .filter((t, i) => i > 0 || !/^(?:the|a|an)$/.test(t));
        const [start] = terms;
        if (start === undefined) continue;
        const key = terms.join(KEY_SEPARATOR);
        // The first entity to claim an alias keeps it: entities.json lists the specific before the general.
        if (!this.aliases.has(key)) this.aliases.set(key, e.id);
        const exact = splitWords(alias).map((w) => w.norm).filter((w, i) => i > 0 || !/^(?:the|a|an)$/.test(w)).join(' ');
        if (!this.exactAliases.has(exact)) this.exactAliases.set(exact, e.id);
        const numbered = `${key}${KEY_SEPARATOR}${this.terms.isPlural(exact.split(' ').at(-1) ?? '')}`;
        if (!this.numberedAliases.has(numbered)) this.numberedAliases.set(numbered, e.id);
        this.maxAliasLength = Math.max(this.maxAliasLength, terms.length);
        this.aliasStarts.add(start);
        aliasRows.push({ alias, id: e.id });
        const set = this.aliasTerms.get(e.id) ?? new Set<string>();
        for (const t of terms) if (!this.questionTerms.has(t)) set.add(t);
        this.aliasTerms.set(e.id, set);
      }
    }
    this.aliasFuse = new Fuse(aliasRows, { keys: ['alias'], includeScore: true, threshold: 0.3, ignoreLocation: true });
  }

  private get spellings(): Spellings {
    this.spellingList ??= new Spellings([...this.vocabulary].filter((w) => w.length >= 2 && !/\d/.test(w)));
    return this.spellingList;
  }

  /** Is this search term a question word rather than a topic? */
  isQuestionTerm(term: string): boolean {
    return this.questionTerms.has(term);
  }

  /**
   * The closest word of the vocabulary to a misspelt one, or null. A word that
   * sounds the same (Double Metaphone: "sed"/"said", "zhirnof"/"zhirnov") may
   * be two edits away; one that does not, only one edit, and never its first letter.
   */
  correct(norm: string): string | null {
    const cached = this.corrections.get(norm);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    // A possessive written without its apostrophe ("nauerts tweet", "fbs announcement"): the word itself.
    const bare = norm.endsWith('s') ? norm.slice(0, -1) : '';
    if (bare.length >= 2 && !isEnglishWord(norm) && this.spellings.has(bare)) best = bare;
    // (A word with no vowel is chat's shortening of an everyday word, not a slip: "ppl" is "people", not "poll".)
    if (best === null && !isEnglishWord(norm)) best = everydayShortening(norm, commonestWords());
    if (best === null && norm.length >= 2 && !/\d/.test(norm) && !isEnglishWord(norm)) {
      const sounds = new Set(doubleMetaphone(norm));
      let bestRank = Infinity;
      for (const { word, sounds: other } of this.spellings.candidates(norm, sounds)) {
        if (Math.abs(word.length - norm.length) > 2) continue;
        const alike = other.some((x) => sounds.has(x));
        // (A word neither alike in sound nor with the same first letter can only be a swap: no edit distance needed.)
        if (!alike && word[0] !== norm[0] && !(word.length === norm.length && isSwap(norm, word))) continue;
        const d = distance(norm, word);
        // Two neighbouring letters swapped ("socail") is one slip, though edit distance counts two.
        const swapped = d === 2 && word.length === norm.length && isSwap(norm, word);
        const ok = swapped || (norm.length === 2 ? alike && d === 1 && word.length === 2 : alike ? d <= Math.max(2, Math.floor(norm.length / 3)) : d === 1 && norm.length >= 4 && word[0] === norm[0]);
        const rank = d - (alike ? 0.5 : 0);
        if (ok && rank < bestRank) {
          bestRank = rank;
          best = word;
        }
      }
    }
    // Not near a word of the article, but one slip from an everyday word ("involvd", "stoped"):
    // that word, which stemming and the lexicon may then tie to the article's.
    if (best === null && !isEnglishWord(norm)) {
      // The commonest such word is what the reader most likely meant ("raning": "raining", not
      // "racing"); it corrects only when the article knows it.
      const meant = commonWordsNear(norm)[0];
      if (meant !== undefined && this.knownTerms.has(this.terms.term(meant))) best = meant;
    }
    // Or a word of the article written short, as chat does ("accts", "ppl").
    if (best === null && !isEnglishWord(norm)) best = expandShortening(norm, this.spellings.words, (w) => this.terms.term(w), commonestWords());
    if (this.corrections.size >= CORRECTIONS_MAX) this.corrections.clear();
    this.corrections.set(norm, best);
    return best;
  }

  /** The one entity whose aliases hold most (and at least half) of these words, if there is exactly one. */
  private entityByAliasWords(content: readonly Token[]): Entity | null {
    let best: { id: string; n: number } | null = null;
    let tie = false;
    for (const [id, terms] of this.aliasTerms) {
      const n = content.filter((t) => terms.has(t.term)).length;
      if (!best || n > best.n) {
        best = { id, n };
        tie = false;
      } else if (n === best.n) {
        tie = true;
      }
    }
    if (!best || tie || best.n === 0 || best.n * 2 < content.length) return null;
    return this.kb.entityById.get(best.id) ?? null;
  }

  /** "whitehouse" → ["white", "house"] when both halves are words of the article. */
  private splitCompound(norm: string): [string, string] | null {
    for (let i = 3; i <= norm.length - 3; i++) {
      const a = norm.slice(0, i);
      const b = norm.slice(i);
      if (this.vocabulary.has(a) && this.vocabulary.has(b) && !this.questionTerms.has(this.terms.term(b))) return [a, b];
    }
    return null;
  }

  /** Tokens of the text with misspelt words replaced by the vocabulary's. */
  tokens(text: string): Token[] {
    const tokens = this.terms.tokens(text);
    return tokens.map((t) => {
      if (this.vocabulary.has(t.norm) || this.knownTerms.has(t.term) || this.questionTerms.has(t.term)) return t;
      // An acronym typed in capitals ("FBI") is a name, not a misspelling.
      const acronym = /^\p{Lu}{2,5}$/u.test(t.surface);
      let fixed = acronym ? null : this.correct(t.norm);
      // A capitalised word inside a question is a name: it may only be a misspelt name ("Nauret"), not "Senate" for "sent".
      if (fixed && t.capitalized && t.index > 0 && !this.properNouns.has(fixed)) fixed = null;
      if (fixed) return { ...t, norm: fixed, term: this.terms.term(fixed) };
      const synonym = this.synonyms.get(t.term);
      if (synonym) return { ...t, term: synonym, guessed: true };
      const split = this.splitCompound(t.norm);
      return split ? { ...t, norm: split.join(' '), term: this.terms.term(split[1]) } : t;
    });
  }

  isKnown(t: Token): boolean {
    return this.knownTerms.has(t.term) || this.questionTerms.has(t.term);
  }

  /** True when the article or its knowledge uses the word (question words aside). */
  inArticle(t: Token): boolean {
    return this.knownTerms.has(t.term);
  }

  /** Entity mentions, longest alias first, not overlapping. */
  mentions(tokens: readonly Token[]): Mention[] {
    // Every alias match, then the longest first: "the State Department spokeswoman" is Nauert,
    // not the department followed by a spokeswoman.
    const candidates: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!this.aliasStarts.has(tokens[i]?.term ?? '')) continue;
      for (let len = Math.min(this.maxAliasLength, tokens.length - i); len >= 1; len--) {
        const key = tokens
          .slice(i, i + len)
          .map((t) => t.term)
          .join(KEY_SEPARATOR);
        // Stems join "chief" and "chiefs": the alias spelled exactly as typed decides.
        // (Typed otherwise, by a synonym or a slip, the alias whose last word is as singular or plural as the reader's.)
        const id =
          this.exactAliases.get(tokens.slice(i, i + len).map((t) => t.norm).join(' ')) ??
          this.numberedAliases.get(`${key}${KEY_SEPARATOR}${this.terms.isPlural(tokens[i + len - 1]?.norm ?? '')}`) ??
          this.aliases.get(key);
        // A lone question word ("state", "leaders") names nobody by itself.
        if (id && !(len === 1 && this.questionTerms.has(key))) candidates.push({ entityId: id, start: i, end: i + len });
      }
    }
    candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
    const found: Mention[] = [];
    for (const c of candidates) {
      if (!found.some((f) => c.start < f.end && f.start < c.end)) found.push(c);
    }
    // "the russian guy", "the facebook woman": a body's one member so named is who is meant.
    return found
      .map((m) => {
        const next = tokens[m.end];
        const member = next && MEMBER_NOUN.test(next.norm) ? this.memberAsked([next], m.entityId) : null;
        return member ? { entityId: member.id, start: m.start, end: m.end + 1 } : m;
      })
      .sort((x, y) => x.start - y.start);
  }

  /** Resolves the words of a who-is / what-said slot to an entity. */
  resolveTarget(tokens: readonly Token[], original: string, looseNames = false): Target {
    const text = original.trim().replace(/[?.!,;:]+$/, '');
    const indexes = tokens.map((t) => t.index);
    const content = tokens.filter((t) => !this.questionTerms.has(t.term));
    const unknown = content.filter((t) => !this.isKnown(t));
    const mentions = this.mentions(tokens);
    if (mentions.length > 0) {
      // The longest mention names the target; the rest qualifies it.
      const best = mentions.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
      const inMention = (i: number): boolean => mentions.some((m) => i >= m.start && i < m.end);
      const otherContent = tokens.some((t, i) => !inMention(i) && !this.questionTerms.has(t.term) && this.isKnown(t));
      const member = this.memberAsked(tokens.filter((_, i) => !inMention(i)), best.entityId);
      if (member) return { text, entity: member, unknown: [], otherContent: false, indexes, member: true };
      return { text, entity: this.kb.entityById.get(best.entityId) ?? null, unknown, otherContent, indexes };
    }
    if (content.length > 0 && unknown.length === 0) {
      const typed = content.map((t) => t.norm).join(' ');
      const hit = this.aliasFuse.search(typed, { limit: 1 })[0];
      // A close spelling of a whole alias, not a few words inside a longer title ("secretary of state").
      if (hit && (hit.score ?? 1) <= 0.25 && Math.abs(hit.item.alias.length - typed.length) <= Math.max(3, typed.length * 0.3)) return { text, entity: this.kb.entityById.get(hit.item.id) ?? null, unknown, otherContent: false, indexes };
      // Only for whose words are asked: a partial title ("secretary of state") must not name someone else.
      const byWords = looseNames ? this.entityByAliasWords(content) : null;
      if (byWords) return { text, entity: byWords, unknown, otherContent: false, indexes };
    }
    return { text, entity: null, unknown, otherContent: unknown.length < content.length, indexes };
  }

  /**
   * "The woman from the State Department", "the embassy guy": the one person the article places in that body
   * (`partOf`), of the sex asked where their title says it ("spokeswoman"); null when none or several fit.
   */
  private memberAsked(rest: readonly Token[], bodyId: string): Entity | null {
    const body = this.kb.entityById.get(bodyId);
    const asked = rest.find((t) => MEMBER_NOUN.test(t.norm))?.norm;
    if (!body || body.kind === 'person' || asked === undefined) return null;
    const female = (e: Entity): boolean => [e.role ?? '', ...e.aliases].some((x) => FEMALE_TITLE.test(x));
    const members = this.kb.entities.filter((e) => e.kind === 'person' && e.partOf.includes(bodyId));
    const fit = FEMALE_ASKED.test(asked) ? members.filter(female) : MALE_ASKED.test(asked) ? members.filter((e) => !female(e)) : members;
    return fit.length === 1 ? fit[0]! : null;
  }

  /** Reads a question: its words, what it asks and of whom, and what the article cannot answer of it. */
  analyze(rawQuestion: string): Analysis {
    const r = this.read(rawQuestion);
    const { tokens, content, unknown, mentions, date, body, quoted } = r;
    const shape = this.shapeOf(r);
    const aboutArticle = ABOUT_ARTICLE.test(body);
    const quantity = QUANTITY.test(body);
    const { asksObject, asksIdentity, asksSpeaker } = this.speakerAsked(r, shape.intent);
    let unknownPredicate = this.unknownPredicateOf(r, shape);
    if (this.asIdentityCheck(r, shape)) unknownPredicate = null;
    const { intent, target, byRole } = shape;
    const { subject, head } = this.subjectOf(r, intent, asksObject);
    const noun = this.askedNoun(r, intent);
    unknownPredicate ??= noun.unknown;
    const { asksReason, asksRole, passive, asksPlace } = this.askedFor(r, intent, noun.owner);
    const outOfReach = this.outOfReachOf(r, asksIdentity);
    unknownPredicate ??= this.unknownThing(r);
    const firstMention = mentions[0];
    const yesNoAbout = /^(?:did|does|do|was|were|is|are|has|have|had)\b/.test(body) && intent === 'general' && firstMention && firstMention.start <= 3 && !quoted ? firstMention.entityId : null;
    const slotOnly = (list: readonly Token[]): readonly Token[] => (byRole && target ? list.filter((t) => target.indexes.includes(t.index)) : list);
    return {
      outOfReach,
      yesNoAbout,
      saidVerb: shape.saidVerb,
      tokens,
      content: target?.member ? content.filter((t) => !target.indexes.includes(t.index)) : content,
      unknown: slotOnly(unknown),
      intent,
      target,
      phrase: shape.phrase,
      mentions,
      date,
      quantity,
      quoted,
      asksSpeaker,
      asksReason,
      asksRole,
      unknownPredicate,
      subject,
      passive,
      asksPlace,
      head,
      answerKinds: noun.answerKinds,
      aboutMessage: shape.aboutMessage,
      aboutArticle,
    };
  }

  /** The question's main clause, read once into what every step of {@link analyze} shares. */
  private read(rawQuestion: string): Reading {
    const question = mainClause(rawQuestion.replace(CHAT_MENTIONS, ' ').replace(/\s+/g, ' ').trim());
    const tokens = this.tokens(question);
    // In "which country ...", "what company ...", the noun names the kind of answer, not a topic.
    const answerNoun = /^(?:which|what)$/.test(tokens[0]?.norm ?? '') && WHO_NOUN_WORD.test(tokens[1]?.norm ?? '') ? tokens[1] : undefined;
    const content = tokens.filter((t) => !this.questionTerms.has(t.term) && t !== answerNoun);
    const flat = tokens.map((t) => t.norm).join(' ');
    const body = flat.replace(LEADING_FILLER, '').replace(FILLER_ADVERBS, '').replace(/ +/g, ' ').trim();
    return {
      raw: rawQuestion,
      tokens,
      content,
      unknown: content.filter((t) => !this.isKnown(t)),
      mentions: this.mentions(tokens),
      date: askedDate(question, this.reference),
      body,
      offset: flat.split(' ').length - body.split(' ').length,
      quoted: quotedPhrase(question),
      // The slot text is cut from the token stream, and its original words are
      // recovered by position so messages can quote the reader's own spelling.
      words: splitWords(question).map((w) => w.surface),
    };
  }

  /** The slot of tokens `from`–`to`, resolved, with the reader's own words for messages. */
  private slot(r: Reading, from: number, to: number, looseNames: boolean): Target {
    const toks = r.tokens.slice(from, to);
    const cleaned = stripFiller(toks);
    // Messages quote the reader's words, "the" included ("does not mention the president of France").
    const first = toks.find((t) => t.index <= (cleaned[0]?.index ?? from) && /^(?:the|a|an)$/.test(t.norm) && t.index === (cleaned[0]?.index ?? from) - 1);
    const start = first?.index ?? cleaned[0]?.index ?? from;
    const last = cleaned.at(-1);
    return this.resolveTarget(cleaned, r.words.slice(start, last ? last.index + (last.width ?? 1) : to).join(' '), looseNames);
  }

  /** The slot of the words a pattern matched (`group`, normalized as in the body). */
  private slotFromMatch(r: Reading, group: string, looseNames = false): Target {
    const start = indexOfWords(r.tokens, group);
    const n = group.split(' ').filter(Boolean).length;
    return this.slot(r, start, start + n, looseNames);
  }

  /** Does the slot name someone (known or not) and nothing else? */
  private static isTarget(t: Target | null): boolean {
    return t !== null && (t.entity !== null || t.unknown.length > 0) && !t.otherContent;
  }

  /** Does the slot start by naming a person the article names ("the Russian envoy who got summoned")? */
  private namesPersonFirst(r: Reading, t: Target | null): boolean {
    // ("Who was the spokeswoman behind the August 1 statement?" asks whose the statement was: a who-said.)
    if (t?.entity?.kind !== 'person' || r.date) return false;
    const words = r.tokens.filter((x) => t.indexes.includes(x.index) && !/^(?:the|a|an)$/.test(x.norm));
    if (words.some((w) => MESSAGE_WORDS.test(w.norm))) return false;
    const first = this.mentions(words)[0];
    return first !== undefined && first.start === 0 && first.entityId === t.entity.id;
  }

  /** Builds now what the first questions would otherwise build: the spelling index and each sentence's terms. */
  warm(): void {
    void this.spellings;
    this.sentenceTermSets ??= this.sentenceTerms();
  }

  /** Each article sentence's terms, made the first time they are asked for. */
  private sentenceTermSets: Set<string>[] | null = null;

  private sentenceTerms(): Set<string>[] {
    return this.kb.article.sentences.flat().map((x) => new Set(this.terms.termsOf(x)));
  }

  /** Does one sentence of the article have all these terms? */
  private sentenceHas(terms: readonly string[]): boolean {
    this.sentenceTermSets ??= this.sentenceTerms();
    return this.sentenceTermSets.some((set) => terms.every((t) => set.has(t)));
  }

  /** What the question asks (its intent) and of whom (its slot), by the patterns it fits. */
  private shapeOf(r: Reading): Shape {
    const { date, body, quoted } = r;
    const shape: Shape = { intent: 'general', target: null, saidVerb: null, actUnknown: null, byRole: false, aboutMessage: false, phrase: [] };
    const whoQuestion = WHO_QUESTION.test(body) || SAID_BY.test(body);
    const whoIs = WHO_IS.exec(body);
    // "What's the Russian side of the story?" is what Russia says, not who Russia is.
    const sideOf = whoIs && POSSESSIVE_SAID.test((whoIs.slice(1).find(Boolean) ?? '').trim());
    // "What are the intel leaders concerned about?" asks what concerns them, not what they are.
    const concernOf = /^what\b/.test(body) && /\b(?:about|over|with|for|by|at|of)$/.test(body);
    const roleOf = ROLE_OF.exec(body);
    const roleTarget = roleOf ? this.slotFromMatch(r, (roleOf.slice(1).find(Boolean) ?? '').trim()) : null;
    // "What is Zhirnov's diplomatic rank?" asks his role: read by ROLE_OF, not as who "Zhirnov's rank" is.
    const whoIsTarget = whoIs && !quoted && !sideOf && !concernOf && !roleOf ? this.slotFromMatch(r, (whoIs.slice(1).find(Boolean) ?? '').trim()) : null;
    // (Not in the source it names: "… used for, according to Nauert's tweet" has no "tweet" of the Kremlin.)
    const asked = body.replace(/\s+according to .+$/, '');
    const whatSaid = WHAT_SAID.exec(asked) ?? QUOTES_OF.exec(asked) ?? YES_NO_SAID.exec(asked);
    const possessive = /^(?:what|show|list|give)\b/.test(body) || SAID_FRAGMENT.test(body) ? POSSESSIVE_SAID.exec(body.replace(/^what (?:is|s|was|are|were) /, '')) : null;

    const slotText = (whoIs?.[1] ?? whoIs?.[2] ?? '').trim();
    const namesOf = NAMES_OF.exec(body);
    const namesTarget = namesOf ? this.slotFromMatch(r, (namesOf[1] ?? '').trim()) : null;
    if (namesTarget && this.namesPersonFirst(r, namesTarget)) {
      // "Name of the Russian envoy who got summoned?": a person the article names, described.
      shape.intent = 'who-is';
      shape.target = { ...namesTarget, otherContent: false };
    } else if (namesTarget && !Analyzer.isTarget(namesTarget)) {
      // "List the names of the Facebook pages taken down": the article names no such things.
      shape.intent = 'who-is';
      shape.target = { ...namesTarget, untitled: true };
    } else if (roleTarget && (Analyzer.isTarget(roleTarget) || this.namesPersonFirst(r, roleTarget))) {
      // "What is Zhirnov's job?", "Who does Nauert work for?": who-is, which names the role.
      shape.intent = 'who-is';
      shape.target = { ...roleTarget, otherContent: false };
      shape.byRole = true;
    } else if (whoIsTarget && (Analyzer.isTarget(whoIsTarget) || this.namesPersonFirst(r, whoIsTarget))) {
      // "Who was the Russian diplomat the State Department called in?": a person the article names,
      // described further: who-is that person.
      shape.intent = 'who-is';
      shape.target = { ...whoIsTarget, otherContent: false };
    } else if (
      whoIsTarget &&
      (!whoIsTarget.entity || whoIsTarget.otherContent) &&
      // (Or a title with no article: "who was secretary of state", a WordNet noun for a person first.)
      (/^(?:the|a|an) /.test(slotText) || PERSON_NOUNS.has(slotText.split(' ')[0] ?? '')) &&
      /^who\b/.test(body) &&
      !/\b(?:who|that|which|whom)\b/.test(slotText) &&
      // (Nor people a clause describes: "who were the people facebook briefed" asks who they were, whom the article may call by role.)
      !/^(?:the|those|these) (?:people|ppl|persons|folks|guys|ones)\s+\S/.test(slotText) &&
      // "Who was the Aug 5 tweet from?" asks who sent it: not a title.
      !/\b(?:from|by|to|about|for|of|with|behind)$/.test(slotText) &&
      !slotText.split(' ').some((w) => MESSAGE_WORDS.test(w)) &&
      !date
    ) {
      // "Who is the secretary of state?": a title the article never gives anyone.
      shape.intent = 'who-is';
      shape.target = { ...whoIsTarget, unquoted: false, untitled: true };
    } else if (WHEN.test(body) || (date && HAPPENED.test(body))) {
      shape.intent = 'when';
    } else if (whoQuestion || (quoted && !/^(?:what|why|when|how|where|does|did|do|is|was|were|are|has|have|had|can|could|will|would|should)\b/.test(body) && !ASKED_LAST.test(body))) {
      this.readWho(r, shape);
    } else if (whatSaid && !/^what (?:is|was|are|were) \S+(?: \S+){0,3} (?:\S+ed|told|said|asked|given|shown|sent|meant|thought|made)\b/.test(body) && !GENERIC_PEOPLE.test((whatSaid[1] ?? whatSaid[2] ?? '').trim()) && !PASSIVE_TAIL.test((whatSaid[1] ?? whatSaid[2] ?? '').trim())) {
      this.readWhatSaid(r, shape, (whatSaid[1] ?? whatSaid[2] ?? '').trim());
    } else if (possessive) {
      const t = this.slotFromMatch(r, (possessive[1] ?? '').replace(/^(?:what (?:is|was|were|are) |show me |list |give me )/, '').trim(), true);
      // (A fragment's words before the noun are a name and nothing else: "embasy regret statemnt" asks which statement.)
      if (t.entity && !(t.otherContent && !/^(?:what|show|list|give)\b/.test(body))) {
        // A person's "position" is a job; a country's is a stance.
        shape.intent = t.entity.kind === 'person' && /\b(?:position|post)\b/.test(body) ? 'who-is' : 'what-said';
        shape.target = t;
      }
    }
    this.readFeeling(r, shape);
    this.readSource(r, shape);
    return shape;
  }

  /** A who-question: "which X" naming someone (who-is), or who said or did something (who-said). */
  private readWho(r: Reading, shape: Shape): void {
    const { tokens, content, body, offset, quoted } = r;
    // "Which assistant secretary convoked ...": the words after "which" name the answer.
    const afterWh = tokens.slice(offset + 1);
    const first = /^(?:which|what) /.test(body) ? this.mentions(afterWh).find((m) => m.start === 0) : undefined;
    // "Which US official ...": "US" only qualifies the noun that follows; the answer is someone else.
    const subject = first && !WHO_NOUN_WORD.test(afterWh[first.end]?.norm ?? '') ? first : undefined;
    if (subject) {
      shape.intent = 'who-is';
      const indexes = tokens.slice(offset + 1 + subject.start, offset + 1 + subject.end).map((t) => t.index);
      shape.target = { text: '', entity: this.kb.entityById.get(subject.entityId) ?? null, unknown: [], otherContent: false, indexes };
      // "Which embassy official signed the statement?": an act the article never reports of anyone.
      const verb = afterWh.slice(subject.end).find((t) => !AUXILIARY.test(t.norm));
      if (verb && !this.isKnown(verb)) shape.actUnknown = verb;
      return;
    }
    shape.intent = 'who-said';
    let phrase: Token[];
    if (quoted) {
      phrase = this.tokens(quoted);
    } else {
      const after = VERB_THEN_PHRASE.exec(body)?.[1]?.trim() ?? '';
      phrase = after ? tokens.slice(indexOfWords(tokens, after)) : [...content];
    }
    phrase = phrase.filter((t) => !this.questionTerms.has(t.term));
    shape.phrase = phrase.length === 0 ? [...content] : phrase;
  }

  /** "What did X say ...": X's words (what-said), or the words of a message ("what did the statement say"). */
  private readWhatSaid(r: Reading, shape: Shape, slotWords: string): void {
    const { tokens } = r;
    const t = this.slotFromMatch(r, slotWords, true);
    // The slot's words as read, typos corrected ("the August 1 statment" is a statement).
    const slotTokens = tokens.filter((x) => t.indexes.includes(x.index));
    const words = slotTokens.map((x) => x.norm).filter((w) => !/^(?:the|a|an|this|that|its|their)$/.test(w));
    // "What did Nauert's tweet link to?": the "verb" after a possessive is the message itself.
    // ("What did the spokeswoman's Twitter post link to?": a possessive, then only words of a message.)
    const owner = slotTokens.findIndex((x) => /['’]s$/.test(x.surface));
    // (A name may qualify the message: "her Twitter post".)
    const ofMessage = owner >= 0 && slotTokens.slice(owner + 1).every((x) => MESSAGE_WORDS.test(x.norm) || (x.capitalized && MESSAGE_WORDS.test(tokens.find((y) => y.index === x.index + 1)?.norm ?? '')));
    const lastSlotWord = slotTokens.at(-1);
    // "What does 'megaphone diplomacy' refer to / mean?": what words mean, not what someone said.
    const next = tokens.find((x) => x.index > (lastSlotWord?.index ?? Infinity) && !/^(?:even|really|actually|exactly|just|\p{L}+ly)$/u.test(x.norm));
    if (next && /^(?:refer|refers|referring|mean|means|meaning|stand|stands)$/.test(next.norm)) return;
    if (ofMessage) {
      // ... and it asks what the message said only when a say-verb follows ("What did Nauert's tweet say?").
      const rest = tokens.filter((x) => x.index > (lastSlotWord?.index ?? 0) + 1).map((x) => x.norm);
      shape.aboutMessage = rest.some((w) => isSayVerb(w));
    } else if (words.some((w) => MESSAGE_WORDS.test(w))) {
      // "What was the State Department's August 1 statement responding to?": about a message, whoever sent it.
      shape.aboutMessage = true;
    } else if (t.entity || t.unknown.length > 0) {
      shape.intent = 'what-said';
      shape.target = { ...t, otherContent: false };
      // "What did the lawmakers conclude?": the verb says how they said it, and is no topic.
      const verb = tokens.find((x) => x.index > (lastSlotWord?.index ?? Infinity));
      shape.saidVerb = verb && STANCE_VERB(verb.norm) ? verb.index : null;
    } else if (words.length > 0 && !words.some((w) => MESSAGE_WORDS.test(w))) {
      // (Unless a sentence of the article has their words and the verb asked, reported: "The U.S. intelligence
      // community has concluded that …" answers "what did the intelligence people conclude" as it is.)
      const verb = tokens.find((x) => x.index > (lastSlotWord?.index ?? Infinity) && !GENERIC_HEAD.test(x.norm));
      if (verb && !isSayVerb(verb.norm) && this.sentenceHas([...slotTokens.filter((x) => !/^(?:the|a|an|this|that|its|their)$/.test(x.norm) && !GENERIC_HEAD.test(x.norm)), verb].map((x) => x.term))) return;
      // "What does Twitter think?": someone the article names but never quotes.
      shape.intent = 'what-said';
      shape.target = { ...t, otherContent: false, unquoted: true };
    }
  }

  /** "How did Zhirnov feel about being summoned?": feelings are known only from what someone said. */
  private readFeeling(r: Reading, shape: Shape): void {
    const feel = /^how (?:did|does|do|would) (.+?) (?:feel|felt|take it|react)\b/.exec(r.body);
    if (!feel || shape.intent !== 'general') return;
    const t = this.slotFromMatch(r, (feel[1] ?? '').trim());
    if (t.entity && !t.otherContent) {
      shape.intent = 'what-said';
      shape.target = { ...t, otherContent: false };
      shape.saidVerb = r.tokens.find((x) => /^(?:feel|felt|take|react)$/.test(x.norm))?.index ?? null;
    }
  }

  /** "..., according to the State Department": the answer must be that source's own words. */
  private readSource(r: Reading, shape: Shape): void {
    const source = /\baccording to (.+)$/.exec(r.body)?.[1];
    if (source === undefined || (shape.intent !== 'general' && shape.intent !== 'when') || /^(?:the |this )?(?:article|story|report|piece|text)\b/.test(source)) return;
    // (Whom the words after "according to" name; the clause may have been moved, "According to Nauert's tweet, what …".)
    const at = r.tokens.findLastIndex((t) => t.norm === 'according');
    const named = at >= 0 ? r.mentions.find((m) => m.start > at) : undefined;
    const t = named ? this.slot(r, named.start, named.end, false) : this.slotFromMatch(r, source.trim());
    if (t.entity) {
      shape.intent = 'what-said';
      shape.target = { ...t, otherContent: false };
    }
  }

  /** Whether the question asks who said something, or whom or what words are about. */
  private speakerAsked(r: Reading, intent: Intent): { asksObject: boolean; asksIdentity: boolean; asksSpeaker: boolean } {
    const { body, quoted } = r;
    // "Who did the statement say must cease ...?" asks whom the words are about, not who said them.
    // So does "Who was called in by the State Department?": the passive asks who was acted upon.
    const asksObject =
      /^(?:who|whom) (?:did|does|do) .+\b(?:say|said|claim|want|think|accuse|blame|demand|urge|tell|warn)\b/.test(body) ||
      /^(?:who|whom|which \w+) (?:was|were|is|are|got|has been|had been|have been) .+ by\b/.test(body);
    // "Who are the 'malign actors'?" asks who the words mean, not who said them.
    const asksIdentity = quoted !== null && /^who (?:is|are|was|were) the\b/.test(body);
    const asksSpeaker = !asksObject && !asksIdentity && (quoted !== null || SAID_BY.test(body) || (intent === 'who-said' && SAYING.test(body)));
    return { asksObject, asksIdentity, asksSpeaker };
  }

  /** The act the question asks about when the article never reports it ("who won ...", "when was she born"), or null. */
  private unknownPredicateOf(r: Reading, shape: Shape): Token | null {
    const { tokens, content, mentions, body, offset, quoted } = r;
    const { intent } = shape;
    let unknownPredicate: Token | null = shape.actUnknown;
    // ("Which party won ...?": after "which <noun>", the same.)
    // (The noun may come after words that qualify it: "which Russian intelligence agency ran ...".)
    const whichNoun = /^(?:which|what) /.test(body) ? tokens.slice(offset + 1, offset + 4).findIndex((t) => WHO_NOUN_WORD.test(t.norm)) + 1 : 0;
    if ((intent === 'who-said' || (intent === 'general' && whichNoun > 0)) && !quoted && (/^(?:who|whom)\b/.test(body) || whichNoun)) {
      const after = tokens.slice(offset + 1 + whichNoun);
      const at = after.findIndex((t) => !AUXILIARY.test(t.norm));
      const verb = after[at];
      // A light verb carries no action of its own: "who reached the conclusion", "who serves as the spy chief".
      const object = verb && LIGHT_VERB(verb.norm) ? after.slice(at + 1).find((t) => !PARTICLE.test(t.norm)) : undefined;
      if (verb && !this.isKnown(verb) && !(object && this.isKnown(object))) unknownPredicate = verb;
    }
    // "Where does Nauert live?", "When was she born?": the question ends on an action the article never reports.
    const lastContent = content.at(-1);
    if (lastContent && lastContent === tokens.at(-1) && tokens.length <= 7 && (!this.isKnown(lastContent) || lastContent.guessed === true) && !quoted && /^(?:(?:in|on|at|from|to) )?(?:when|where|why|how|what|who|which)\b.*\b(?:did|does|do|was|were|is|are|will|can|has|have|had)\b/.test(body) && intent !== 'who-is') {
      unknownPredicate = lastContent;
    }
    // "When was Facebook founded?", "Will Russia expel diplomats?": an action the article never reports.
    unknownPredicate ??=
      tokens.find((t, i) => (!this.isKnown(t) || t.guessed === true) && !quoted && ((i > 0 && AUX_BEFORE_VERB.test(tokens[i - 1]?.norm ?? '') && /ed$/.test(t.norm)) || (HYPOTHETICAL.test(body) && i > 0))) ?? null;
    // The article gives dates, never times of day.
    if (/\b(?:what|which) time\b|\btime of day\b|\bwhat hour\b|\bo ?clock\b|\b(?:morning|afternoon|evening) or\b/.test(body)) {
      unknownPredicate ??= tokens.find((t) => t.norm === 'time' || t.norm === 'hour' || t.norm === 'clock') ?? tokens[0] ?? null;
    }
    // "Did Zhirnov apologize?": the verb after the subject is one the article never uses.
    // So does "When did Mitchell become assistant secretary?": the subject's verb is unknown.
    const yesNo = /^(?:(?:when|where|why|how) )?(?:did|does|do|has|have|had|was|were|is|are|can|could|will|would)\b/.test(body);
    const firstMention = mentions[0];
    // (Not after a possessive, "Nauert's office", and past adverbs, "Russia allegedly interfere".)
    const possessiveName = firstMention !== undefined && /['’]s$/i.test(tokens[firstMention.end - 1]?.surface ?? '');
    // (The name must be the subject, near the start: not one inside "when was the statement saying Facebook was right ...".)
    if (!unknownPredicate && yesNo && firstMention && firstMention.start <= 3 && !quoted && !possessiveName) {
      // ("Was Facebook able to link ...": the verb is "link".)
      // (A verb of saying is the verb, though a question's word too: "when did the intel chiefs tell everyone …".)
      const verb = tokens.slice(firstMention.end).find((t) => (!this.questionTerms.has(t.term) || isSayVerb(t.norm)) && !/ly$/.test(t.norm) && !MODAL_ADJECTIVE.test(t.norm));
      if (verb && !this.isKnown(verb)) unknownPredicate = verb;
    }
    return unknownPredicate;
  }

  /**
   * "Is Zhirnov Russia's ambassador?", "is Coats the CIA director?": say who X is, and let the reader compare.
   * Only the shape "is X a/the/Russia's Y": "was Zhirnov expelled" asks about an act, not an identity.
   * Makes the shape who-is X and returns true when the question is one.
   */
  private asIdentityCheck(r: Reading, shape: Shape): boolean {
    const { tokens, body } = r;
    const firstMention = r.mentions[0];
    if (!firstMention) return false;
    const afterName = tokens[firstMention.end];
    // ("Does Coats run the FBI?" checks his role as well: a verb of being in charge, of a person.)
    const leads = /^(?:does|did|do)\b/.test(body) && afterName !== undefined && inCharge(afterName) && this.kb.entityById.get(firstMention.entityId)?.kind === 'person';
    const isCheck =
      leads || (/^(?:is|was)\b/.test(body) && afterName !== undefined && (/^(?:a|an|the)$/.test(afterName.norm) || this.mentions(tokens.slice(firstMention.end)).some((m) => m.start === 0)));
    if (!isCheck || shape.intent !== 'general' || firstMention.start > 2) return false;
    const entity = this.kb.entityById.get(firstMention.entityId) ?? null;
    if (!entity || (entity.kind !== 'person' && entity.kind !== 'organization')) return false;
    shape.intent = 'who-is';
    shape.target = { text: entity.name, entity, unknown: [], otherContent: false, indexes: [] };
    return true;
  }

  /** Whom or what the question is about: the first words after its question word and auxiliaries. */
  private subjectOf(r: Reading, intent: Intent, asksObject: boolean): { subject: string | null; head: Token | null } {
    const { tokens, mentions, body, offset } = r;
    const kindOf = /\b(?:what|which) (?:kind|kinds|type|types|sort|sorts) of (\S+)/.exec(body);
    if (kindOf) return { subject: null, head: tokens.find((t) => t.norm === kindOf[1]) ?? null };
    if (intent !== 'when' && intent !== 'general' && !asksObject) return { subject: null, head: null };
    let i = offset;
    while (i < tokens.length && SUBJECT_SKIP.test(tokens[i]?.norm ?? '')) i++;
    const at = tokens[i];
    return {
      head: at && !this.questionTerms.has(at.term) ? at : null,
      subject: mentions.find((m) => m.start <= i && i < m.end)?.entityId ?? null,
    };
  }

  /**
   * The noun of "which/what X ...": the kinds of entity that answer a who-question, the owner noun
   * of "what country's diplomat", and X itself when the article never uses it ("which political party").
   */
  private askedNoun(r: Reading, intent: Intent): { owner: string | undefined; answerKinds: readonly EntityKind[] | null; unknown: Token | null } {
    const { tokens, body, offset } = r;
    // "What country's diplomat ...": the possessive noun is the kind asked for.
    const second = tokens[offset + 1];
    const owner = /^(?:which|what)$/.test(tokens[offset]?.norm ?? '') && second !== undefined && /['’]s$/.test(second.surface) ? second.norm : undefined;
    const whoNoun = owner ?? /^(?:which|what) (?:\w+ )?(\w+)/.exec(body)?.[1];
    // "Which political party is Coats from?": the article knows no parties, so it cannot say which.
    // So does "What sanctions did the US impose?", "Which senators did Facebook brief?".
    const asked = /^(?:which|what) (?:\w+ )?(\w+) (?:is|was|are|were|does|did|do|has|have|had)\b/.exec(body)?.[1];
    let unknown: Token | null = null;
    // ("What step did Mitchell take?": a word for any act asks which act, which the article may say.)
    if (asked && !WHO_NOUN_KINDS.some(([re]) => re.test(asked)) && !ANY_ACT_NOUN.test(asked)) {
      const noun = tokens.find((t) => t.norm === asked);
      if (noun && !this.isKnown(noun)) unknown = noun;
    }
    const answerKinds = intent === 'who-said' && whoNoun ? (WHO_NOUN_KINDS.find(([re]) => re.test(whoNoun))?.[1] ?? null) : null;
    return { owner, answerKinds, unknown };
  }

  /** What kind of answer the question asks for: a reason, a role, a place; and whether its subject is acted upon. */
  private askedFor(r: Reading, intent: Intent, ownerNoun: string | undefined): { asksReason: boolean; asksRole: boolean; passive: boolean; asksPlace: boolean } {
    const { body } = r;
    return {
      asksReason: /^(?:why|for what reason|what (?:was|is) the (?:reason|purpose|motive))\b|\bwhy\b/.test(body),
      asksRole: /\b(?:which|what) (?:role|job|title|position|department|organization|organisation|agency|office|post|rank|country|city)\b|\bworks? for\b/.test(body),
      passive: intent === 'general' && /^(?:what|why|how) (?:is|was|are|were|has been|have been|had been) (?:\S+ ){1,4}(?:being )?\S+ed (?:of|for|with|about|over|by)$/.test(body),
      asksPlace: (!ownerNoun && /^(?:where|from where|(?:in |to |from )?(?:which|what) (?:city|place|country|capital|town|location)\b)/.test(body)) || /\bwhere\b.*\b(?:based|located|stationed|posted)\b/.test(body),
    };
  }

  /**
   * Why the article cannot answer, when the question's shape shows it: it asks the names of people
   * the article leaves unnamed, who a quoted phrase means, or whom else besides those it names.
   */
  private outOfReachOf(r: Reading, asksIdentity: boolean): string | null {
    const { tokens, content, mentions, body, offset, quoted } = r;
    const groupOrNobody = (words: string): boolean => {
      const named = this.mentions(this.tokens(words));
      return named.length === 0 || named.some((m) => this.kb.entityById.get(m.entityId)?.kind === 'group');
    };
    const askedNames = NAMES_ASKED.exec(r.raw.toLowerCase());
    // ("Who are the 'malign actors'?" is answered: Russia is one. The "other" ones are never named.)
    if (asksIdentity && quoted && /\b(?:other|others)\b/.test(quoted.toLowerCase()) && this.mentions(this.tokens(quoted)).length === 0) {
      return `The article does not say who "${quoted}" are.`;
    }
    if (askedNames && groupOrNobody(askedNames[1] ?? body)) {
      // Named by the group asked about where there is one: "the legislators briefed by Facebook".
      const group = this.mentions(this.tokens(askedNames[1] ?? body))
        .map((m) => this.kb.entityById.get(m.entityId))
        .find((e) => e?.kind === 'group');
      return group ? `The article does not name the ${group.name}.` : 'The article does not name them.';
    }
    if (/^(?:who|which|what|name)\b.*\b(?:else|other|others)\b.*\b(?:besides|apart from|other than|except|aside from)\b|^(?:who|which) else\b|^(?:who|which \w+) (?:\w+ )?(?:besides|apart from|aside from)\b/.test(body)) {
      return 'The article names no one else.';
    }
    if (/^why\b.*\b(?:rather than|instead of)\b/.test(body)) return 'The article does not say why.';
    if (!/^(?:which|what) /.test(body)) return null;
    const first = mentions.find((m) => m.start === offset + 1);
    const group = first ? this.kb.entityById.get(first.entityId) : undefined;
    const ownWords = group ? (this.aliasTerms.get(group.id) ?? new Set<string>()) : new Set<string>();
    const memberOf = PERSON_NOUN.exec(body);
    const from = memberOf ? this.mentions(this.tokens(memberOf[1] ?? ''))[0] : undefined;
    const positionOf = (t: Token): number => tokens.findIndex((x) => x.index === t.index);
    if (group?.kind === 'group' && content.every((t) => ownWords.has(t.term) || mentions.some((m) => m.entityId === group.id && positionOf(t) >= m.start && positionOf(t) < m.end))) {
      // "Which legislators were briefed by Facebook?" asks who "the legislators briefed by Facebook" are: unnamed.
      return `The article does not name the ${group.name}.`;
    }
    if (from && !this.kb.entities.some((e) => e.kind === 'person' && (e.id === from.entityId || e.partOf.includes(from.entityId)))) {
      // "Which Facebook executive briefed the legislators?": the article names no one from Facebook.
      return `The article names no one from ${this.kb.entityById.get(from.entityId)?.name ?? 'there'}.`;
    }
    return null;
  }

  /** "What was the outcome of the elections?": a thing of a known thing, which the article never mentions. */
  private unknownThing(r: Reading): Token | null {
    const thingOf = /^what (?:is|was|are|were|s) the (\w+) of\b/.exec(r.body);
    if (!thingOf) return null;
    const noun = r.tokens.find((t) => t.norm === thingOf[1]);
    return noun && !this.isKnown(noun) ? noun : null;
  }
}

/** Drops leading determiners and trailing "in the article"-style filler from a slot. */
/** Nouns for any group of people, which add nothing to the words before them: "the intel people". */
const GENERIC_HEAD = /^(?:people|folks|guys|ppl|peeps|persons)$/;

function stripFiller(tokens: readonly Token[]): Token[] {
  const flat = tokens.map((t) => t.norm).join(' ');
  const trailing = TRAILING_FILLER.exec(flat);
  let out = [...tokens];
  if (trailing && trailing.index > 0) {
    const keep = flat.slice(0, trailing.index).trim().split(' ').filter(Boolean).length;
    out = out.slice(0, keep);
  }
  while (out.length > 1 && /^(?:the|a|an|this|that|mr|ms|mrs|dr)$/.test(out[0]?.norm ?? '')) out.shift();
  // "the intelligence people", "the facebook guys": the body its words name; the generic head adds nothing.
  if (out.length > 1 && GENERIC_HEAD.test(out.at(-1)!.norm)) out.pop();
  // "zhirnov's full name": who they are, whose answer names them in full.
  if (out.length > 2 && out.at(-1)!.norm === 'name' && /^(?:full|first|last|real|whole|complete)$/.test(out.at(-2)!.norm) && /['’]s$/.test(out.at(-3)!.surface)) out.splice(-2);
  return out;
}

/** Token index where the word sequence `part` starts (0 when absent). */
function indexOfWords(tokens: readonly Token[], part: string): number {
  const words = part.split(' ').filter(Boolean);
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => tokens[i + j]?.norm === w)) return i;
  }
  return 0;
}

/** A phrase the question puts in quotation marks, if any. */
function quotedPhrase(question: string): string | null {
  const double = /["“”]([^"“”]{2,})["“”]/.exec(question)?.[1];
  if (double !== undefined) return double;
  return /(?:^|[\s(:])['‘](.{2,}?)['’](?=[\s?.!,;:)]|$)/.exec(question)?.[1] ?? null;
}


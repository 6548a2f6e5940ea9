/**
 * Every weight and threshold of answering, in one documented table. Change
 * them here, measure with the question sets (docs/evaluation.md), and keep a
 * change only when it helps sets it was not tuned on.
 */
export interface EngineOptions {
  /** Remember recent answers (an LRU of {@link EngineOptions.cacheSize}). Off for benchmarks and property tests. */
  readonly cache: boolean;
  /** How many recent answers the cache keeps. */
  readonly cacheSize: number;
  /** Below this share of the question's topic (weighed by rarity) found in the best sentence, the article does not answer. */
  readonly minCoverage: number;
  /** How much of a what-said question's topic the sentence before a speaker's words must cover for those words to answer it ("The Wild lost Dumba to an injury. / 'I haven't talked to the trainers,' Boudreau said."). */
  readonly reactionCoverage: number;
  /** A lower bar when the question names someone the sentence names too. */
  readonly minCoverageNamed: number;
  /** The bar for words typed as a search, with no question word ("embassy response summons", "disney+ free trial signups"): the passage that has most of them is what was looked for. */
  readonly keywordCoverage: number;
  /** A question's word that is the role of someone the sentence names counts this much of its weight ("the professors" for "King and Weeks"). */
  readonly roleShare: number;
  /** What a word of the sentence before counts for a sentence that opens on a pronoun for what it names ("They are to be grounded …" after "the balloons in Macy's parade"), as a share of the word's own weight. */
  readonly antecedentShare: number;
  /** A question's word the article writes, met in a sentence only by another article word WordNet gives for it ("car" by "Webb's Ford sedan", where the article also writes "car"), counts this much of its weight (not a noun for a person, who is met by their role). */
  readonly kinShare: number;
  /** A yes/no claim refused for a wrong guess is checked against a passage when it has at least this many words the article uses… */
  readonly claimKnownWords: number;
  /** … and the passage covers at least this share of them. */
  readonly claimCoverage: number;
  /** The least share of a who-said question's words its quote must cover: a reader's paraphrase of words quoted shares fewer of them. */
  readonly whoSaidCoverage: number;
  /** Share of the topic's weight in rare words the article never uses above which it is not about the question. */
  readonly maxUnknownShare: number;
  /** Score multiplier per entity the question names that the sentence names (and divisor when it does not). */
  readonly namedBonus: number;
  /** Multiplier for a sentence that gives what the question asks for (a date for "when", a speaker for "who said"). */
  readonly fitBonus: number;
  /** Multiplier for a sentence that does not. */
  readonly misfitPenalty: number;
  /** Extra weight of a sentence's curated words (topics, keywords) against its own. */
  readonly extraBoost: number;
  /** Further answers must score at least this share of the best one. */
  readonly furtherAnswerRatio: number;
  /** Coverage counts this much more than retrieval: score = bm25 × (floor + coverage)^power. */
  readonly coverageFloor: number;
  readonly coveragePower: number;
  /**
   * A question word among the this-many commonest of everyday English weighs less
   * the commoner it is ("because", "too", "next" say little about a topic)...
   */
  readonly informativeFrom: number;
  /** ...by (log rank / log informativeFrom) to this power; 0 turns it off. */
  readonly informativePower: number;
  /** A question about an act the article never names ("Who won …?") is answered only when the best sentence covers this much of it. */
  readonly unknownActCoverage: number;
  /** ... and, for a wh-question, when the rest of it has at least this many plain words besides names, dates and numbers (else the act is what it asks: "Who won the 2016 election?"). */
  readonly unknownActWords: number;
  /** "How many X": only a sentence whose number counts X answers (else, one that does is only preferred). */
  readonly countedNounRequired: boolean;
  /** A why-question's best sentence answers, even without a word of reason in it, when it covers this much of the question. */
  readonly reasonByCoverage: number;
  /** "Who said …": a sentence with no quote answers (its subject) when it scores this many times the best quoted one. */
  readonly unquotedWhoSaidRatio: number;
  /** A sentence names an entity when it writes one of its names, not only where extraction marked a mention. */
  readonly namesByWords: boolean;
}

export const DEFAULT_OPTIONS: EngineOptions = Object.freeze({
  cache: true,
  cacheSize: 2_000,
  minCoverage: 0.5,
  reactionCoverage: 0.75,
  minCoverageNamed: 0.34,
  keywordCoverage: 0.25,
  antecedentShare: 0.5,
  roleShare: 1,
  kinShare: 0.6,
  claimKnownWords: 2,
  claimCoverage: 0.7,
  whoSaidCoverage: 0.34,
  maxUnknownShare: 0.34,
  namedBonus: 1.6,
  fitBonus: 1.8,
  misfitPenalty: 0.35,
  extraBoost: 0.6,
  furtherAnswerRatio: 0.35,
  coverageFloor: 0.2,
  coveragePower: 2,
  informativeFrom: 3_000,
  informativePower: 2,
  unknownActCoverage: 0.7,
  unknownActWords: 3,
  countedNounRequired: true,
  reasonByCoverage: 0.6,
  unquotedWhoSaidRatio: 2,
  namesByWords: true,
});

/**
 * The curated engine's weights and thresholds, in one table. A weight
 * multiplies an item's BM25 score for a question (above 1 favours the item,
 * below 1 holds it back); a threshold decides whether the article answers.
 * They were tuned on the seed article's question sets (docs/evaluation.md):
 * change one, and measure with `npm run eval`.
 */

/** How an item's score is reweighed by what the question asks; see rank.ts. */
export const WEIGHTS = {
  /** BM25 boost of a match in an item's excerpt (the article's words), ... */
  excerptBoost: 1.2,
  /** ... and in its extra words (curated keywords a reader might ask with). */
  extraBoost: 0.8,
  /** An article sentence with no curated meaning: only a fallback. */
  plainSentence: 0.55,
  /** For each entity the question names that the item involves, the item counts `1 + this` more per entity. */
  perNamedEntity: 0.35,
  /** A who-is entry, for a question that does not ask who someone is (nor their role). */
  entityEntry: 0.45,
  /** An item of the asked date. */
  onAskedDate: 3,
  /** An item of another date (or none), when the question asks about a date. */
  offAskedDate: 0.5,
  /** An item that gives a reason, for a why-question. */
  givesReason: 1.5,
  /** A fact asked only with some words ("where"), for a question with one of them. */
  narrowFactAsked: 1.5,
  /** A fact asked only with some words, for a question without them. */
  narrowFactNotAsked: 0.4,
  /** Any other item, for a where-question. */
  notAPlace: 0.8,
  /** How much more an item counts for each of the reader's own words it uses ("Kremlin" over "Russia"). */
  literalWord: 0.15,
  /** An item whose actor is the subject of a passive question ("what was Russia accused of"): not what was done to it. */
  passiveOwnAct: 0.5,
  /** An item where someone else acts on the passive question's subject. */
  passiveActedOn: 1.6,
  /** An item that does not involve the passive question's subject. */
  passiveElse: 0.8,
  /** An item whose actor is the question's subject ("when did the Russians respond"). */
  subjectActs: 1.6,
  /** An item where someone else acts, for a when-question about the subject's act. */
  subjectElseWhen: 0.3,
  /** An item where someone else acts, for other questions about the subject. */
  subjectElse: 0.6,
  /** An item about the thing the question starts with ("when was the tweet posted": the tweet). */
  aboutHead: 2,
  /** An item whose actor is of the kind asked for ("which company"). */
  answerKind: 1.5,
  /** An item whose actor is of another kind. */
  otherKind: 0.8,
  /** Who-said: a quote that holds the quoted words verbatim. */
  quotedVerbatim: 3,
  /** Who-said: a quote's base weight when the question asks who said words, ... */
  quoteAsksSpeaker: 0.8,
  /** ... and when it asks who did something. */
  quoteAsksActor: 0.6,
  /** Who-said: a quote gains this times the square of its overlap with the asked words. */
  quoteOverlap: 2.5,
  /** Who-said: reported speech's base weight when the question asks who said words, ... */
  reportedAsksSpeaker: 0.5,
  /** ... gaining this times the square of its overlap; */
  reportedAsksSpeakerOverlap: 1.2,
  /** and its base weight when the question asks who did something, ... */
  reportedAsksActor: 0.7,
  /** ... gaining this times the square of its overlap. */
  reportedAsksActorOverlap: 1.8,
  /** Who-said: an item with no speaker, when the question asks who said words. */
  unspokenAsksSpeaker: 0.6,
  /** Who-said: an item with no speaker, when it asks who did something (plus its overlap). */
  unspokenAsksActor: 0.9,
  /** Who-said: the speaker counts `1 + this` more for each body it speaks for (the embassy over "Russia"). */
  perSpeakerPart: 0.2,
  /** Who-said: how much more the answer counts when a person, not an institution, did the act. */
  personActor: 1.5,
  /** Who-is: the entry of the entity asked about. */
  askedEntity: 8,
  /** What-said: the target's own quote. */
  targetQuote: 3.2,
  /** What-said: the target's own reported words. */
  targetSays: 3,
  /** What-said: words of someone who speaks for the target (its spokeswoman). */
  speaksForTarget: 2.4,
  /** What-said: an item that involves the target. */
  involvesTarget: 1.4,
  /** What-said: any other item. */
  notTarget: 0.5,
  /** When: an event. */
  event: 1.8,
  /** When: another dated item. */
  dated: 1.2,
  /** When: an undated item. */
  undated: 0.6,
  /** "What did the statement say": a quote, ... */
  messageQuote: 2.5,
  /** ... reported speech, ... */
  messageReported: 1.5,
  /** ... anything else. */
  messageElse: 0.6,
  /** General: a quote counts `1 + this × overlap` more for the question's words inside it. */
  quoteWords: 0.6,
  /** The score of an item that shares no word with the question but is about a named entity or the asked date. */
  candidateScore: 0.5,
  /** An item's final score is its weighed score times `this + coverage`: covering all the question beats matching a part often. */
  coverageBase: 0.3,
} as const;

/** When the article answers, and with how many passages; see answer.ts. */
export const THRESHOLDS = {
  /** The commonness rank (SUBTLEX-US) from which a thing asked for by a word the article never uses is refused ("the handle", 679th; not "the deal", 369th). */
  askedThingRank: 500,
  /** Below this share of the question's weight found in the best item, the article does not answer. */
  minCoverage: 0.4,
  /** Further answers must score at least this share of the best one. */
  furtherAnswerRatio: 0.3,
  /** A runner-up within this share of the best score takes its place when it answers better (dated, or covering the question). */
  runnerUpRatio: 0.5,
  /** Quoted words found in a passage by at least this share of their words (and two or more of them) stand there nearly verbatim. */
  quotedOverlap: 0.6,
  /** A known name qualified by at most this many words in the slot is refused when those words are unknown ("the president of Russia"). */
  qualifiedNameWords: 4,
  /** At least this share of the question's words unknown to the article (everyday words count half): it does not answer. */
  unknownShare: 0.5,
  /** A claim refused for a wrong guess is checked against a passage when it has at least this many words the article uses… */
  claimKnownWords: 2,
  /** … and the passage covers at least this share of them. */
  claimCoverage: 0.7,
  /** Of a who-said question's phrase, at least this share found in a quote makes the answer "X said it". */
  whoSaidOverlap: 0.5,
} as const;

// Golden questions, one a line: what a reader asks and where the answer must come from.
// Written from the article in our own words; typos and lower case on purpose.
import { describe, expect, it } from 'vitest';
import { isVerbatimIn } from '../../src/knowledge/article.ts';
import { createEngine, loadKnowledge, type AnswerResult } from '../../src/engine/index.ts';

const kb = loadKnowledge();
const engine = createEngine(kb);

interface Golden {
  /** The question as a reader types it. */
  readonly q: string;
  /** Paragraph of the top answer. */
  readonly p: number;
  /** A part of the top answer's speaker. */
  readonly speaker?: string;
  /** The top answer's ISO date. */
  readonly date?: string;
  /** A part of the top answer's sentence. */
  readonly says?: string;
}

/** The top answer of a result, with its excerpt checked against the article. */
function top(result: AnswerResult) {
  const best = result.answers[0];
  expect(best, `no answer: ${result.noAnswer?.message}`).toBeDefined();
  expect(isVerbatimIn(best!.excerpt, kb.article.paragraphs[best!.paragraph - 1]!.text)).toBe(true);
  return best!;
}

function expectTop(result: AnswerResult, { p, speaker, date, says }: Omit<Golden, 'q'>): void {
  const best = top(result);
  expect(best.paragraph).toBe(p);
  if (speaker !== undefined) expect(best.speaker).toContain(speaker);
  if (date !== undefined) expect(best.date).toBe(date);
  if (says !== undefined) expect(best.answer).toContain(says);
}

const golden: Golden[] = [
  // who said
  { q: 'Who called the summons megaphone diplomacy?', p: 1, speaker: 'Russia' },
  { q: 'who said they would not tolerate this aggressive interference', p: 2, speaker: 'Nauert', date: '2018-08-05' },
  { q: 'Who demanded that malign actors cease their reckless behavior?', p: 6, speaker: 'Nauert', date: '2018-08-01' },
  { q: 'who accused the State Department of playing up to forces in the American establishment', p: 10, speaker: 'Russian Embassy' },
  { q: 'Who spoke of a pervasive messaging campaign by Russia?', p: 13, speaker: 'Coats', date: '2018-08-02' },
  { q: 'Who applauded Facebook for expunging accounts?', p: 5, speaker: 'Nauert' },
  { q: 'Who said the US will not tolerate attempts to subvert democratic processes?', p: 7, speaker: 'Nauert', says: 'same statement' },
  { q: 'Who warned about pervasive methods at the White House?', p: 12, speaker: 'intelligence and security community' },
  { q: 'Who called the efforts sophisticated?', p: 3, speaker: 'Facebook', date: '2018-07-31' },
  { q: 'Who said Russia was trying to weaken the United States?', p: 13, speaker: 'Dan Coats', says: 'director of national intelligence' },
  // who an act was done to, asked passively: the one named as its object, not who did it or told of it
  { q: 'who got summoned', p: 1, speaker: 'Zhirnov' },
  { q: 'Who was convoked by Wess Mitchell?', speaker: 'Zhirnov', p: 2 },
  { q: 'Who has dismissed Moscow\'s denials of interference?', p: 8, speaker: 'United States' },
  // the source named with "according to" is not what the question asks of ("… foment, according to …")
  { q: 'What, according to the State Department, do the removed accounts foment?', p: 5 },
  // a role checked by a verb of being in charge
  { q: 'does coats run the cia?', p: 13, says: 'No: Dan Coats' },
  // an alias reached by a synonym ("intel" for "intelligence") is the one as singular or plural as the reader's word
  { q: 'who is the intel chief?', p: 13, says: 'Dan Coats' },
  { q: 'who are the intel chiefs?', p: 12 },
  // whoever the passage has besides those the question names
  { q: 'who decided the russians messed with the 2016 election', p: 11, speaker: 'intelligence community' },
  // why: the reason the passage gives
  { q: 'why did they summon zhirnov', p: 2, says: 'To answer for the Kremlin' },
  // when
  { q: 'When did Heather Nauert post on Twitter?', p: 2, date: '2018-08-05', says: 'August 5' },
  { q: 'When did Facebook announce it had found the efforts?', p: 3, date: '2018-07-31', says: 'July 31' },
  { q: 'When did the Russian embassy respond?', p: 8, date: '2018-08-05' },
  // Dated only through the event they are part of: answered by the sentence that states the date.
  { q: 'When did Russia criticize the summons?', p: 8, date: '2018-08-05', says: 'August 5' },
  { q: 'When did Facebook say it could not tie the efforts to Russia?', p: 3, date: '2018-07-31' },
  { q: 'When was the briefing at the White House?', p: 12, date: '2018-08-02', says: 'August 2' },
  { q: 'When was the State Department statement issued?', p: 3, date: '2018-08-01' },
  { q: 'When are the congressional elections?', p: 3, date: '2018-11', says: 'November' },
  { q: 'In what year did Russia interfere in the presidential election?', p: 11, date: '2016' },
  { q: 'What happened on July 31?', p: 3, date: '2018-07-31', says: 'Facebook' },
  { q: 'what happened in 2016', p: 11, date: '2016' },
  // how long it took one thing after another, named in either order
  { q: "How long did it take the Russian Embassy to respond to Nauert's tweet?", p: 8, says: 'later on August 5' },
  // who is (names, aliases, roles)
  { q: 'Who is Wess Mitchell?', p: 2, speaker: 'Wess Mitchell', says: 'Assistant Secretary' },
  { q: 'who is dmitry zhirnov', p: 2, speaker: 'Zhirnov', says: "chargé d'affaires" },
  { q: 'Who is the spokeswoman?', p: 2, speaker: 'Heather Nauert', says: 'spokeswoman' },
  { q: 'Who is the director of national intelligence?', p: 13, speaker: 'Dan Coats' },
  // the one person of a body, of the sex asked where a title says it
  { q: 'Who is the woman from the State Department?', p: 2, speaker: 'Heather Nauert', says: 'spokeswoman' },
  { q: 'who is the man from the state department', p: 2, speaker: 'Wess Mitchell' },
  { q: 'who is the embassy guy', p: 2, speaker: 'Dmitry Zhirnov' },
  // chat's fragment for what someone said: their words, not who they are
  { q: 'coats quote?', p: 13, speaker: 'Dan Coats', says: 'pervasive messaging campaign' },
  { q: 'embassy statement on the summons', p: 8, speaker: 'Russian Embassy' },
  { q: 'What is the embassy?', p: 8, speaker: 'Russian Embassy' },
  { q: 'Who are the legislators briefed by Facebook?', p: 4, says: 'lawmakers' },
  { q: 'What is the social-media giant?', p: 4, speaker: 'Facebook' },
  { q: 'who is the assistant secretary', p: 2, speaker: 'Wess Mitchell' },
  // what did X say
  { q: 'What did Heather Nauert tweet?', p: 2, speaker: 'Nauert', says: 'in a Twitter posting' },
  { q: 'What did the director of national intelligence say?', p: 13, speaker: 'Dan Coats', says: 'pervasive messaging campaign' },
  { q: 'What did the embassy say about the State Department?', p: 9, speaker: 'Russian Embassy', says: 'megaphone diplomacy' },
  { q: 'What did the legislators say?', p: 4, speaker: 'legislators', says: 'Russian involvement' },
  { q: 'What did the intelligence community conclude?', p: 11, speaker: 'intelligence community', says: '2016' },
  // … named by a generic head ("people", "folks") or by words a sentence reports them with
  { q: 'what did the intelligence folks conclude', p: 11, says: '2016' },
  // someone's full name asks who they are, whose answer names them in full
  { q: "what is zhirnov's full name", p: 2, says: 'Dmitry Zhirnov' },
  // general
  { q: "Why was Russia's chargé d'affaires summoned?", p: 1, says: 'promote violence' },
  { q: 'How did Russia react to the summons?', p: 1, speaker: 'Russia', says: 'megaphone diplomacy' },
  { q: 'Could Facebook tie the efforts to Russia?', p: 4, says: 'could not connect' },
  { q: 'How long until the midterm elections?', p: 4, says: '100 days' },
  { q: 'Which accounts did Facebook expunge?', p: 5, says: 'orchestrated from abroad' },
  { q: 'What did the tweet link to?', p: 3, says: 'August 1 statement' },
  { q: 'What are the security leaders concerned about?', p: 12, says: 'election security' },
  { q: "Does the United States accept Russia's denials?", p: 8, says: 'rejected' },
  // descriptions, light verbs, possessives and passives
  { q: 'Who was the Russian diplomat the State Department called in?', p: 2, speaker: 'Zhirnov', says: "chargé d'affaires" },
  { q: "What did Nauert's tweet link to?", p: 3, says: 'August 1 statement' },
  { q: "What did Nauert's tweet say?", p: 2, speaker: 'Nauert' },
  { q: 'What are the intel leaders still worried about?', p: 12, says: 'election security' },
  { q: 'Who reached the conclusion that Russia meddled in 2016?', p: 11, speaker: 'intelligence community' },
  { q: 'What label did the Russians pin on the summons?', p: 1, says: 'megaphone diplomacy' },
  // what words of the article mean, not what someone by that name said
  { q: "what does 'megaphone diplomacy' refer to", p: 1, says: 'megaphone diplomacy' },
  { q: "wait what's 'megaphone diplomacy' even referring to lol", p: 1, says: 'megaphone diplomacy' },
  { q: 'What kind of message did the embassy send back?', p: 8, speaker: 'Russian Embassy' },
  { q: 'What is Zhirnov accused of?', p: 2 },
  { q: 'What is the US accusing Moscow of doing with social media?', p: 1, says: 'promote violence' },
  { q: 'Was Facebook able to link the efforts directly to Russia?', p: 4, says: 'could not connect' },
  { q: 'What does Washington say it will not put up with?', p: 7 },
  { q: 'In which city is the Russian chargé posted?', p: 1, says: 'Washington' },
  { q: 'Where were the accounts Facebook expunged orchestrated from?', p: 5, says: 'abroad' },
  { q: "Dmitry Zhirnov - what's his position?", p: 2, speaker: 'Zhirnov', says: "chargé d'affaires" },
  { q: "Name Russia's chargé d'affaires in Washington.", p: 2, speaker: 'Zhirnov' },
  { q: "Who are the 'malign actors' the State Department mentioned?", p: 6 },
  { q: 'How did Russia feel about the summons?', p: 1, says: 'megaphone diplomacy' },
  { q: 'On which website did Nauert post her message?', p: 2, says: 'Twitter' },
  { q: 'Who was Nauert’s tweet about?', p: 2, speaker: 'Nauert' },
  { q: 'what did russia call the summons lol', p: 1, says: 'megaphone diplomacy' },
  { q: 'so russia owned up to the meddling or nah?', p: 14, says: 'denies' },
  { q: 'russian diplomat summoned - who?', p: 2, speaker: 'Zhirnov' },
  { q: 'white house briefing - when?', p: 12, date: '2018-08-02' },
  { q: 'What did the August 1 statement ask Moscow to do?', p: 6, speaker: 'Nauert' },
  { q: "Which U.S. official summoned Moscow's envoy?", p: 2, speaker: 'Mitchell' },
  { q: 'in which city is the embassy that issued the rebuttal', p: 8 },
  { q: 'What rank does the Russian diplomat whom Washington summoned hold?', p: 2, says: "chargé d'affaires" },
  { q: 'name of the russian envoy who got summonned?', p: 2, speaker: 'Zhirnov' },
  { q: 'Who accused the State Dept. of playing up to forces in the American establishment?', p: 10, speaker: 'Russian Embassy' },
  { q: "Who wrote that the U.S. 'will not tolerate this aggressive interference'?", p: 2, speaker: 'Nauert' },
  { q: 'Which lawmakers said the methodology pointed to Russia?', p: 4, speaker: 'legislators' },
  // people a clause describes, whom the article names by role only; "ppl" as chat writes it
  { q: 'who were the ppl facebook briefed', p: 4 },
  { q: 'Which State Department official convoked Zhirnov?', p: 2, speaker: 'Mitchell' },
  // someone described by what they did
  { q: 'What is the job of the man who said Russia is waging a pervasive messaging campaign?', p: 13, speaker: 'Coats', says: 'director of national intelligence' },
  { q: 'What does the person who tweeted on August 5 do for a living?', p: 2, speaker: 'Nauert', says: 'spokeswoman' },
  { q: 'Was it Nauert herself who convoked Zhirnov?', p: 2, says: 'No: Assistant Secretary Wess Mitchell' },
  // … and whom it was done to, by the passage that says so
  { q: 'was it the russian ambassador who was summoned?', p: 1, says: 'No: Dmitry Zhirnov' },
  { q: 'Was it Mitchell who convoked Zhirnov?', p: 2, says: 'Yes' },
  { q: 'The spokeswoman tweeted on August 5. What did the tweet link to?', p: 3, says: 'August 1 statement' },
  { q: 'What did the lawmakers who were briefed by Facebook conclude?', p: 4, says: 'Russian involvement' },
  { q: 'What did Facebook decide to do about the accounts?', p: 5, says: 'expunge' },
  { q: 'anything notable happen on 31 July?', p: 3, date: '2018-07-31' },
  { q: 'who complained the americans were doing diplomacy by loudhailer', p: 1, speaker: 'Russia' },
  { q: "what country's diplomat got called in", p: 1, says: "Russia's chargé" },
  { q: 'what did mitchell want from the russian charge', p: 2, says: 'convoked' },
  { q: "What did the Russian embassy's statement repeat?", p: 8, says: 'denials' },
  { q: 'Who speaks for the State Department?', p: 2, speaker: 'Nauert', says: 'spokeswoman' },
  { q: "Who serves as the nation's top intelligence official?", p: 13, speaker: 'Coats', says: 'director of national intelligence' },
  { q: 'What tool did the intelligence community conclude Russia used to split American society?', p: 11, says: 'social media' },
  { q: 'whos zhirnov workin for', p: 2, speaker: 'Zhirnov', says: "chargé d'affaires" },
  { q: 'Nauert speaks on behalf of which agency?', p: 2, says: 'State Department' },
  { q: 'According to whom is Russia continuing to use pervasive methods?', p: 12, speaker: 'intelligence and security' },
  { q: 'When did the Russian side accuse Washington of megaphone diplomacy?', p: 8, date: '2018-08-05' },
  { q: "What did the spokeswoman's Twitter post link to?", p: 3, says: 'August 1 statement' },
  { q: 'What was Zhirnov told to answer for?', p: 2 },
  { q: 'What do the agency heads say Russia is doing to American society?', p: 12 },
  // what an article word means, from the lexicon, with the sentence that uses it
  { q: "What does 'convoked' mean here?", p: 2, says: 'summoned' },
  { q: 'define foment', p: 5, says: 'stir up' },
  { q: "What is Dmitry Zhirnov's diplomatic rank?", p: 2, says: "chargé d'affaires" },
  { q: 'what does nauert do at the state dept', p: 2, says: 'spokeswoman' },
  { q: 'What was the date of the statement that the tweet pointed to?', p: 3, date: '2018-08-01' },
  { q: 'Who voiced disappointment at the State Department?', p: 9, speaker: 'Russian Embassy' },
  { q: 'what platform did nauert use to announce the summons', p: 2, says: 'Twitter' },
  { q: 'On what date did Moscow’s mission hit back at the summons?', p: 8, date: '2018-08-05' },
  // typos, lower and upper case
  { q: 'who is heathr nauert', p: 2, speaker: 'Heather Nauert' },
  { q: 'Who is Nauret?', p: 2, speaker: 'Heather Nauert' },
  { q: 'wat did dan coats say', p: 13, speaker: 'Dan Coats' },
  { q: 'who sed megaphone diplomacy', p: 9, speaker: 'Russian Embassy' },
  { q: 'when did facebok announce', p: 3, date: '2018-07-31' },
  { q: 'who is the spokeswomen', p: 2, speaker: 'Heather Nauert' },
  { q: 'who is the directer of national inteligence', p: 13, speaker: 'Dan Coats' },
  { q: 'wen was the white house briefing', p: 12, date: '2018-08-02' },
  { q: 'WHO IS DMITRY ZHIRNOV', p: 2, speaker: 'Dmitry Zhirnov' },
  { q: 'wat did the embasy say', p: 9, speaker: 'Russian Embassy' }, // its own words, quoted
  { q: "What happened the day after Facebook's announcement?", p: 3, date: '2018-08-01' },
  // comparing dates
  { q: "Did the embassy respond before or after Nauert's tweet?", p: 8, date: '2018-08-05', says: 'After' },
  { q: 'Was the White House briefing before or after the tweet?', p: 12, date: '2018-08-02', says: 'Before' },
  { q: 'Which came first, the White House briefing or the August 1 statement?', p: 3, date: '2018-08-01', says: 'First' },
  { q: "How many days after Facebook's announcement did the State Department issue its statement?", p: 3, date: '2018-08-01', says: '1 day' },
  { q: 'how many days between the briefing and the tweet', p: 2, says: '3 days' },
  // words the article dates in another sentence: cited from the sentence that dates them
  { q: 'When did the State Department demand that Russia cease its reckless behavior?', p: 5, date: '2018-08-01' },
  { q: 'When did the embassy accuse the State Department of playing up to the establishment?', p: 8, date: '2018-08-05' },
  { q: 'what happened the day before the white house briefing', p: 3, date: '2018-08-01' },
  // a statement with a tag is asked as a question (read.ts plainQuestion)
  { q: 'nauert is the department spokeswoman yeah', p: 2, says: 'is the State Department spokeswoman' },
  { q: 'mitchell is an assistant secretary, right?', p: 2, says: 'is the Assistant Secretary' },
  // what a word of the article refers to (refer.ts)
  { q: "what does 'those denials' mean here", p: 8, says: `"those denials" refers to Moscow's denials of interference in U.S. affairs` },
  // a detail inside the sentence: the hashtag, the word qualifying a noun
  { q: 'which hashtag did nauert put in her twitter posting?', p: 2, says: '#Russia: ' },
  { q: 'what sort of interference would the US not tolerate?', p: 2, says: 'aggressive: ' },
  // a yes/no question about someone's role: yes or no, then who they are
  { q: 'is zhirnov the ambassador?', p: 2, says: "No: Dmitry Zhirnov is Russia's chargé d'affaires" },
  { q: 'is coats the director of national intelligence?', p: 13, says: 'Yes: Dan Coats is the U.S. director of national intelligence' },
  // a yes/no question with a wrong guess gets "No:" and what the article says instead
  { q: 'was the briefing held at the capitol?', p: 12, says: 'No: On August 2, leaders of the U.S. intelligence and security community told a briefing at the White House' },
  { q: 'did the russian embassy respond on august 3?', p: 8, says: 'No: The Russian Embassy in Washington fired back in a statement on August 5' },
  // a claim refused for a wrong guess inside it gets the passage the rest of it points to, not a refusal
  { q: 'so facebook confirmed it was the kremlin, yeah?', p: 3, says: 'Not quite: Facebook said it had discovered "sophisticated" efforts, possibly linked to Russia' },
  { q: 'the spy chiefs concluded russia meddled in the 2008 election, right?', p: 11, says: 'Not quite: The U.S. intelligence community concluded that Russia interfered in the 2016' },
  { q: 'did the lawmakers say that Guccifer pointed to russia?', p: 4, says: 'Not quite: Legislators briefed by Facebook said the methodology' },
  // a body's one member named by a word for someone ("the russian man") is that person, not the body
  { q: 'who convoked the russian man?', p: 2, says: 'Mitchell convoked' },
  // a generic noun for what happened asks which happening, not a word the article must use; "events on" a date asks what happened then
  { q: 'What incident did the August 1 statement react to?', p: 3, says: "Facebook's announcement" },
  { q: 'What events on August 2?', p: 12, says: 'On August 2' },
  // a possessive written without its apostrophe, even of a short name ("fbs" for Facebook's)
  // (cited where the announcement is dated, a sentence that names the tweet too)
  { q: 'how long between fbs announcement and nauerts tweet', p: 3, says: '5 days, from July 31 to August 5' },
  // the embassy's own words, about what "Russia criticized the summons" shows they answered
  { q: 'what did the russian embassy say about the summons', p: 8, says: 'The Russian Embassy in Washington fired back' },
  // a verb of saying after the subject is the verb, not a question's word ("tell everyone …")
  { q: 'when did the intelligence chiefs tell everyone at the white house', p: 12, says: 'August 2' },
  // two questions run together: the first, whose answer settles the second
  { q: 'whos zhirnov is he like the ambassador or smth', p: 2, says: "Dmitry Zhirnov is Russia's chargé d'affaires" },
  // a quote too long for one answer shows the part with the asked words and what they lead to
  { q: "what does Nauert say the U.S. won't tolerate?", p: 2, says: 'we will not tolerate this aggressive interference' },
];

describe('golden questions', () => {
  it.each(golden)('$q → ¶$p', ({ q, ...expected }) => {
    expectTop(engine.answer(q), expected);
  });
});

interface OutOfScope {
  readonly q: string;
  /** Words the "not mentioned" message must name. */
  readonly names?: string;
}

const outOfScope: OutOfScope[] = [
  { q: 'What is the capital of France?' },
  { q: 'What did Vladimir Putin tweet?', names: 'Vladimir Putin' },
  { q: 'what did putin say', names: 'putin' },
  { q: 'Who is Donald Trump?', names: 'Donald Trump' },
  { q: 'What did Mark Zuckerberg say about the accounts?', names: 'Mark Zuckerberg' },
  { q: 'Who is the president of Russia?' },
  { q: 'who won the world cup' },
  { q: 'How do I bake bread?' },
  { q: 'What is the boiling point of water?' },
  { q: 'What is the GDP of Russia?' },
  { q: 'How many accounts did Facebook delete?' },
  { q: 'What did China say?', names: 'China' },
  { q: 'tell me a joke' },
  { q: 'What does "banana" mean?' },
  // shapes that ask what the article leaves out
  { q: "Who exactly are the 'other malign actors' the State Department told to cease?" },
  { q: 'Which legislators were briefed by Facebook? Give their names.' },
  { q: 'Name the forces in the American establishment that promote the theme of Russian meddling.' },
  { q: 'Where did the meeting between Mitchell and Zhirnov take place?' },
  { q: 'Which other officials besides Dan Coats spoke at the briefing?' },
  { q: 'Why did the State Department call in the chargé rather than the ambassador?' },
  { q: 'What was the outcome of the midterm elections?' },
  { q: 'How did Zhirnov feel about being summoned?' },
  { q: 'What sanctions did the US impose on Russia over the interference?' },
  { q: 'Which senators did Facebook brief?' },
  { q: 'What political party does Dan Coats belong to?' },
  { q: 'Was Heather Nauert at the White House briefing?' },
  { q: 'what did zhirnov want' },
  { q: 'is it raning in moscow' },
  { q: 'Which party won the November midterm elections?' },
  { q: 'In which city was Dmitry Zhirnov born?' },
  { q: 'which legislators were briefed by facebook' },
  { q: 'How many legislators did facebook brief?' },
  { q: 'What happened at the Helsinki summit?', names: 'Helsinki' },
  { q: 'Which embassy official signed the Russian statement?' },
  { q: 'Which officials besides Dan Coats spoke at the White House briefing?' },
  { q: 'how many users does Facebook have' },
  { q: 'Which Facebook executive briefed the legislators?' },
  { q: 'What did the official who convoked Zhirnov say?' },
  { q: 'what time is it' },
  // something of someone named, by a word the article never uses; a year it does not report on
  { q: 'whats zhirnovs phone number' },
  // names asked after the question, of people the article leaves unnamed
  { q: 'the lawmakers facebook briefed, names?' },
  // a title with no article that no one in the article holds; a body's officer it never names ("ceo", no typo of "see")
  { q: 'who was secretary of state at the time' },
  { q: "who is facebook's ceo?" },
  { q: 'which of the legislators did the social network brief, names?' },
  { q: 'what did russia do in 2014?', names: '2014' },
  { q: '' },
  { q: '??? !!!' },
];

describe('questions the article does not answer', () => {
  it.each(outOfScope)('"$q" → no answer', ({ q, names }) => {
    const result = engine.answer(q);
    expect(result.answers).toEqual([]);
    expect(result.noAnswer?.message).toBeTruthy();
    if (names !== undefined) {
      expect(result.noAnswer?.reason).toBe('not-mentioned');
      expect(result.noAnswer?.message).toContain(names);
    }
  });

  it.each(['', '   ', '?!', '\u0000\u0007'])('%j is empty', (q) => {
    expect(engine.answer(q).noAnswer?.reason).toBe('empty');
    expect(engine.answer(q).related).toBeUndefined();
  });

  it('a refusal shows the closest the article comes, a passage apart from the answers', () => {
    const result = engine.answer('who is the russian ambassador');
    expect(result.answers).toEqual([]);
    const closest = result.related?.[0];
    expect(closest).toBeDefined();
    expect(isVerbatimIn(closest!.excerpt, kb.article.paragraphs[closest!.paragraph - 1]!.text)).toBe(true);
    expect(closest!.excerpt).toMatch(/Russian/);
  });
});

describe('each refusal is a named rule', () => {
  it.each([
    ['', 'empty'],
    ['What did Vladimir Putin tweet?', 'unknown-name'],
    ['what did russia do in 2014?', 'unknown-name'],
    ['Who is the CEO of Twitter?', 'no-name'],
    ['Who is Mitchell\'s boss?', 'no-superior'],
    ['Where did the meeting between Mitchell and Zhirnov take place?', 'no-place'],
    ['How do I bake bread?', 'unknown-topic'],
    // an act the article never reports, someone it never names, or a claim past it, is asked, not guessed
    ['did zhirnov say sorry to mitchell?', 'not-quoted'],
    ['did russia meddle in the 2008 election?', 'unknown-name'],
    // others the article speaks of and names none of
    ['what other countries are malign actors?', 'no-name'],
    ['Quick one: what does "all other malign actors" refer to?', 'no-name'],
    ['did Senator Warner say russia pointed to facebook?', 'unknown-name'],
    ['so facebook confirmed it was the kremlin again, yeah?', 'unknown-action'],
    // a way of doing it names and never describes
    ['what technique did the perpetrators use?', 'undescribed'],
    // the thing asked for, by a word the article never uses, after "what's the" (not an everyday word, "the deal")
    ['whats the @ handle nauert tweeted from?', 'unknown-topic'],
  ])('%j → %s', (q, rule) => {
    const r = engine.answer(q);
    expect(r.answers).toEqual([]);
    expect(r.noAnswer?.rule).toBe(rule);
  });
});

describe('command lookups', () => {
  it('whoSaid(quote id) names the speaker of that quote', () => {
    const result = engine.whoSaid('q-coats-campaign');
    expect(result.answers).toHaveLength(1);
    expectTop(result, { p: 13, speaker: 'Dan Coats', date: '2018-08-02', says: 'Dan Coats' });
  });

  it.each([
    { words: 'reckless behavior', p: 6, speaker: 'Heather Nauert' },
    { words: '"playing up to those forces"', p: 10, speaker: 'Russian Embassy' },
    { words: 'megaphone diplomacy', p: 9, speaker: 'Russian Embassy' },
    { words: 'pervasive messaging campaign', p: 13, speaker: 'Dan Coats' },
  ])('whoSaid($words) → $speaker', ({ words, ...expected }) => {
    expectTop(engine.whoSaid(words), expected);
  });

  it('whoSaid finds both who used "megaphone diplomacy"', () => {
    // The embassy said the words; paragraph 1 reports that Russia used them.
    expect(engine.whoSaid('megaphone diplomacy').answers.map((a) => a.paragraph)).toEqual([9, 1]);
  });

  it("quotesBy('nauert') gives her quotes in article order", () => {
    const found = engine.quotesBy('nauert');
    expect(found?.speaker.name).toBe('Heather Nauert');
    const paragraphs = found!.quotes.map((q) => q.paragraph);
    expect(paragraphs).toEqual([2, 5, 6, 7]);
    expect(found!.quotes.every((q) => q.speaker === 'Heather Nauert')).toBe(true);
  });

  it.each(['Heather Nauert', 'the spokeswoman', 'nauret'])('quotesBy(%j) resolves to Nauert', (name) => {
    expect(engine.quotesBy(name)?.speaker.id).toBe('nauert');
  });

  it("quotesBy('the embassy') is in article order", () => {
    const paragraphs = engine.quotesBy('the embassy')!.quotes.map((q) => q.paragraph);
    expect(paragraphs).toEqual([...paragraphs].sort((x, y) => x - y));
    expect(paragraphs).toContain(9);
  });

  it.each(['nobody', 'Vladimir Putin', '', 'mitchell'])('quotesBy(%j) → null', (name) => {
    expect(engine.quotesBy(name)).toBeNull();
  });

  it('when(event id) dates that event', () => {
    expectTop(engine.when('e-nauert-tweet'), { p: 2, date: '2018-08-05' });
    expectTop(engine.when('e-white-house-briefing'), { p: 12, date: '2018-08-02' });
  });

  it('when(description) finds the event', () => {
    expectTop(engine.when('the white house briefing'), { p: 12, date: '2018-08-02' });
  });

  it('timeline() lists every event earliest first', () => {
    const events = engine.timeline();
    expect(events).toHaveLength(kb.events.length);
    const dates = events.map((e) => e.date!);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2016');
    for (const e of events) expect(isVerbatimIn(e.excerpt, kb.article.paragraphs[e.paragraph - 1]!.text)).toBe(true);
  });

  it.each([
    { name: 'the spokeswoman', who: 'Heather Nauert', p: 2 },
    { name: 'director of national intelligence', who: 'Dan Coats', p: 13 },
    { name: 'the embassy', who: 'Russian Embassy', p: 8 },
    { name: 'zhirnov', who: 'Dmitry Zhirnov', p: 2 },
    { name: 'coats', who: 'Dan Coats', p: 13 },
  ])('whoIs($name) → $who', ({ name, who, p }) => {
    expectTop(engine.whoIs(name), { p, says: who });
  });

  it('a refusal about someone described names whom the description fits', () => {
    expect(engine.answer('What did the official who convoked Zhirnov say?').noAnswer?.message).toBe('The article does not quote Wess Mitchell.');
  });

  it('whoIs of someone the article never mentions gives no answer', () => {
    const result = engine.whoIs('Vladimir Putin');
    expect(result.answers).toEqual([]);
    expect(result.noAnswer?.reason).toBe('not-mentioned');
  });

  it('findPassages(text) gives article sentences, best first', () => {
    const found = engine.findPassages('megaphone diplomacy');
    expect(found.map((a) => a.paragraph)).toEqual([1, 9]);
    for (const a of found) expect(a.excerpt).toContain('megaphone diplomacy');
    expect(found[0]!.score).toBeGreaterThanOrEqual(found[1]!.score);
  });

  it('findPassages respects its limit', () => {
    expect(engine.findPassages('Russia', 2).length).toBeLessThanOrEqual(2);
    expect(engine.findPassages('')).toEqual([]);
  });

  it('suggestions name groups and organizations as a sentence needs them', () => {
    const all = [...engine.suggestions('legislators', 10), ...engine.suggestions('state department', 10)];
    expect(all).toContain('Who are the legislators briefed by Facebook?');
    expect(all).toContain('What is the U.S. State Department?');
    expect(all.filter((q) => /^What is legislators|^What did legislators/.test(q))).toEqual([]);
  });

  it('every question it suggests is one it answers', () => {
    const words = ['nauert', 'state department', 'legislators', 'facebook', 'russia', 'embassy', 'coats', 'mitchell', 'zhirnov', 'intelligence', 'august', 'july', '2016', 'megaphone', 'leaders', 'said'];
    const suggested = new Set(words.flatMap((w) => engine.suggestions(w, 50)));
    expect(suggested.size).toBeGreaterThan(30);
    for (const q of suggested) expect(engine.answer(q).answers.length, q).toBeGreaterThan(0);
  });

  it("suggestions('nauert') suggests questions about her", () => {
    const suggested = engine.suggestions('nauert');
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested[0]).toContain('Nauert');
  });

  it('suggestions are answerable questions', () => {
    for (const s of engine.suggestions('russia embassy', 5)) expect(engine.answer(s).answers.length, s).toBeGreaterThan(0);
  });

  const pickers = ['quoteChoices', 'speakerChoices', 'eventChoices', 'entityChoices'] as const;

  it.each(pickers)("%s('') gives at most 25 defaults, each with a label and value", (picker) => {
    const choices = engine[picker]('');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.label.trim()).not.toBe('');
      expect(c.value.trim()).not.toBe('');
    }
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
  });

  it.each(pickers)("%s('nauert') finds Nauert", (picker) => {
    const choices = engine[picker]('nauert');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]!.label).toMatch(/Nauert/);
  });

  it('choices give back values the lookups accept', () => {
    for (const c of engine.quoteChoices('')) expect(engine.whoSaid(c.value).answers).toHaveLength(1);
    for (const c of engine.eventChoices('')) expect(engine.when(c.value).answers).toHaveLength(1);
    for (const c of engine.entityChoices('')) expect(engine.whoIs(c.value).answers).toHaveLength(1);
    for (const c of engine.speakerChoices('')) expect(engine.quotesBy(c.value)?.speaker.id).toBe(c.value);
  });
});

describe('a quoted phrase with the question word last asks what the words say, not who said them', () => {
  it.each([
    ['the statement says russia must "immediately cease" what?', 'reckless behavior'],
    ['the embassy says it can "only express" smth... express what?', 'regret'],
    // a few words quoted that the question already gives: their sentence, which says what they are for
    ['"pervasive methods" for what?', 'to exploit and intensify'],
  ])('%s', (q, says) => {
    const best = top(engine.answer(q));
    expect(best.answer).toContain(says);
    expect(best.answer).not.toMatch(/ said it\b/);
  });
});

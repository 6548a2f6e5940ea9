// A newcomer's message, greetings and thanks around its question, read as the question
// (conversation.ts), and answered so by the general engine over the small Port Ellis pack.
import { describe, expect, it } from 'vitest';
import { questionOf } from '../../src/engine/conversation.ts';
import { createGeneralEngine } from '../../src/engine/general.ts';
import { plainQuestion } from '../../src/engine/read.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const PACK = new URL('../fixtures/small-pack/port-ellis/', import.meta.url).pathname;
const engine = createGeneralEngine(loadKnowledge(PACK), { cache: false });

describe('the question of a message', () => {
  it.each([
    // greetings, hopes, thanks and a request for help go; asides closing the question go
    ['Good evening. I would like to know when the council voted, if that is mentioned in the article. Thank you very much.', 'when did the council vote'],
    ['Can you help me with something? What did Lind say about the budget? I think it was in a statement.', 'What did Lind say about the budget'],
    ['Hello! Could someone help me out? When did the council vote?', 'When did the council vote'],
    ['Hi! Trying to get the timeline right. When did the council vote?', 'When did the council vote'],
    // a sentence about the asker whose subject goes unsaid, a newcomer's "new to the server", an asker's clause before a dash
    ['Hey everyone! Catching up on this story. Who voted against the plan?', 'Who voted against the plan'],
    ['Hi! Sorry, still learning the story. Did the council vote?', 'Did the council vote'],
    ['Hi there, new to the server. When did the council vote?', 'When did the council vote'],
    ["Hi there! Sorry, I missed it - what is Lind's first name?", "what is Lind's first name"],
    ['Hello! Who is Peter Lind, the man quoted in the statement?', 'Who is Peter Lind'],
    ['Who is Clara Voss who is quoted near the start?', 'Who is Clara Voss'],
    ['Can anybody help? who voted against the plan', 'who voted against the plan'],
    ['Hi! Does anyone know when the council voted?', 'when did the council vote'],
    ['anybody know who voted against the plan?', 'who voted against the plan'],
    ['Hello bot, I hope I am doing this right. How much will the rebuilding cost, according to the article?', 'How much will the rebuilding cost'],
    // an excuse opening the question, and "the man named X"
    ['Hi, sorry if this is a dumb question, but who is the man named Lind?', 'who is Lind'],
    // … or before a dash
    ['Hey, sorry for the noise - who voted against the plan?', 'who voted against the plan'],
    // … or before a colon, and a question of manners with what it is about
    ['Sorry if this was covered already: when did the council vote?', 'when did the council vote'],
    ['Hi! Small grammar question about the first sentence: who voted against the plan?', 'who voted against the plan'],
    // a name needs no relative clause to say whom
    ['who is Peter Lind, who is quoted near the end of the article, and what is his job?', 'who is Peter Lind'],
    // what the question points back to, from the context that gives it; the first of two questions
    ['Hello! I read the story about the mayor and I was wondering who exactly it was that criticized her, and why?', 'who criticized the mayor'],
    ['Excuse me, I remember somebody in the article said something like they would pay for it for twenty years. Could you tell me who said that, please?', 'who said they would pay for it for twenty years'],
    // context that resolves nothing stays when the question points back ("that one") or asks in a word or three;
    // a full stop after a short word or before a digit ends no sentence
    ['The tweet pointed to an earlier statement. When was that one issued?', 'The tweet pointed to an earlier statement. When was that one issued'],
    ['ok timeline q. The council met and then the mayor put out her own plan. how many days between the meeting and the plan?', 'how many days between the meeting and the plan'],
    ['When was the U.S. Dept. of State told on Aug. 2?', 'When was the U.S. Dept. of State told on Aug. 2'],
    // a question of manners before the question, and "thanks" before or after it
    ['Hi! Quick question: when did the council vote?', 'when did the council vote'],
    ['Hello, I have a question about the article. Who voted against the plan?', 'Who voted against the plan'],
    ['ok thanks. what did lind say?', 'what did lind say'],
    ['Just curious, who is Peter Lind?', 'who is Peter Lind'],
    // someone the message introduces, asked about by a pronoun next; a word it points at, asked what it refers to
    ["Hi! I just read this 🙂 There's a woman who runs the town. Who is she and what is her job?", 'who is the woman who runs the town'],
    ['There was a man who voted against the plan. Who was he?', 'who is the man who voted against the plan'],
    ['Hi, I\'m new here. The article mentions a "beautiful idea". Which plan is it talking about?', 'what does "beautiful idea" refer to'],
    ["The story uses the phrase 'bad budget'. What does that mean?", 'what does "bad budget" refer to'],
    // … and "which X is that?", and who said the words the context quoted
    ['The article talks about "a beautiful idea". Which plan is that?', 'what does "a beautiful idea" refer to'],
    ['The statement mentions "all other ports". Which other ports does it name?', 'what does "all other ports" refer to'],
    ['Someone in the piece talks about "twenty years" of paying. Who said that?', 'who said "twenty years"'],
    ['hey, the story uses the phrase "who we are" lol. who wrote it?', 'who wrote "who we are"'],
    // a pronoun subject is whom the one context sentence names first, or what the asker saw or read about
    ['Hi all, first time using this. Peter Lind voted on Monday. What did he say about the budget?', 'What did Peter Lind say about the budget'],
    ["hi, i'm ana 👋 i saw the harbor authority expected something. what exactly did they expect?", 'what exactly did the harbor authority expect'],
    ['Hello there. The article talks about the old lighthouse. When was it damaged, according to the article?', 'When was the old lighthouse damaged'],
    // the one name the context gives, whatever the pronoun's case, also from a pleasantry ("I have a question about …")
    ['Good morning! I have a question about Clara Voss, who is quoted in the article. What is her position?', "What is Clara Voss's position"],
    ['Hi, sorry. I keep seeing the name Peter Lind in this story. Why did the council overrule him?', 'Why did the council overrule Peter Lind'],
    // "that person", "this man": the one name the context gives, as a pronoun would be
    ['The statement says a Councillor Lind voted no. Who is that person, full name?', 'Who is Councillor Lind, full name'],
    ['Peter Lind voted on Monday. Why did this man vote?', 'Why did Peter Lind vote'],
    // … not again when the question names them itself, nor at a "he" inside the name
    ['Hi all. The story says someone called Chet Shepherd voted no. Chet Shepherd - who is he?', 'who is Chet Shepherd'],
    // "which part of the article says that?": the words the asker remembers; "newbie question" is manners
    ['Hi, I remember a part saying the council wants to rebuild the lighthouse. Which part of the article says that?', 'the council wants to rebuild the lighthouse'],
    ['Newbie question, sorry. I am trying to find the bit where the mayor says the budget is bad. Where does the article say that?', 'the mayor says the budget is bad'],
    // "were there other …? who were they?": which ones
    ['Hi! Were there other members at the vote besides Peter Lind? Who were they?', 'which other members were at the vote besides Peter Lind'],
    // a lower-case statement's full stop ends it before a verb that opens a question
    ['hey. i just skimmed this. was it the mayor who voted no?', 'was it the mayor who voted no'],
    ['I read about Peter Lind and Clara Voss. What is his job?', 'I read about Peter Lind and Clara Voss. What is his job'],
    // someone "called" by one name; a second question after a first that asks who or what someone is goes
    ['Hi, I am new here. Someone called Lind is mentioned in the story. What is his job and why did he vote no?', "What is Lind's job"],
    // a context sentence that opens on its subject gives "they"; someone unnamed who said something, "who was it"
    ['Hello bot. The harbor authority put out an estimate. What did they say about the cost?', 'What did the harbor authority say about the cost'],
    // … and "it" after a question word, of a body named as the subject ("tell me what it said")
    ['Hi all. The harbor authority put out an estimate. Can you tell me what it said?', 'what did the harbor authority say'],
    ['Port Ellis issued a warning. Do you know why it did that?', 'why Port Ellis did that'],
    // (not the asker: "I read …")
    ['I read the article. What did it say about the budget?', 'What did it say about the budget'],
    ['The council voted for it, but somebody said the town could not afford the work. Who was it?', 'who said the town could not afford the work'],
    // a statement run on into the question with a comma is context too, not a clause that sets the time
    ['Hi! Peter Lind is quoted in the story, what did he say about the budget?', 'what did Peter Lind say about the budget'],
    ['After the vote was taken, what did Lind say?', 'what did Lind say After the vote was taken'],
    // "is that true?" after a claim someone made to the asker: whether the claim holds
    ['Good evening. My uncle told me the council voted against the lighthouse. Is that true? What does the article say?', 'is it true that the council voted against the lighthouse'],
    ['I heard that Lind voted for the plan. Is this right?', 'is it true that Lind voted for the plan'],
    // where someone is from only narrows whom what they did says
    ['Hi! Who is the man from the council who voted against the plan?', 'Who is the man who voted against the plan'],
    // an emoji ends a sentence as "!" would
    ["Hey all 👋 I skimmed the article but I'm a bit confused. Did Lind vote for the plan? Thanks!", 'Did Lind vote for the plan'],
    // what the message says of the asker goes
    ['Hello, I am reading about the lighthouse. Did Lind vote for the plan? My uncle says he did.', 'Did Lind vote for the plan'],
    // chat's spelling of a question word after a quotation, as at the start
    ["in 'it is a beautiful idea' wut is 'it'", "in 'it is a beautiful idea' what is 'it'"],
    // … and with its "is" run on, first ("whos" is the question word already)
    ['wuts the council planning', 'what is the council planning'],
    ['whos lind', 'whos lind'],
    // what the asker has a question about, by name or with "the", abbreviations whole, is what "they" or "it" means next
    ['Hello, I have a question about Port Ellis. Did they vote for it in the end?', 'Did Port Ellis vote for it in the end'],
    ['I have a question about the U.S. Coast Guard. What did they find?', 'What did the U.S. Coast Guard find'],
    // what the asker says of themselves before a comma and the question goes
    ['hi! i just read this, who is the woman from the council?', 'who is the woman from the council'],
    ["I'm new here, what did Lind say?", 'what did Lind say'],
    ['Hey, long time reader here. When did the council vote?', 'When did the council vote'],
    // "it" for the thing the context brings in with "a", when no body opens the sentence to be "it"
    ['I read that officials gave a speech on Monday. Where was it given?', 'Where was the speech on Monday given'],
    // one plain question is left as it is
    ['Who voted against the plan?', 'Who voted against the plan'],
  ])('%s → %s', (message, question) => expect(plainQuestion(message)).toBe(question));

  it('a message of manners alone asks nothing more than it says', () => {
    expect(questionOf('Thank you very much!')).toBe('Thank you very much!');
  });
});

describe('answered as the question it asks', () => {
  it.each([
    ['Good evening. I would like to know when the council voted to rebuild the lighthouse, if the article says. Thank you very much.', 1],
    ['Hi, sorry if this is a dumb question, but who is the man named Lind?', 3],
    ['Excuse me, I remember somebody in the article said something like they would pay for it for twenty years. Could you tell me who said that, please?', 4],
    ['Hello bot, I hope I am doing this right. How much will the rebuilding cost, according to the article?', 5],
    ['There was a man who voted against the plan. Who was he?', 3],
    ['Someone in the piece talks about "twenty years" of paying. Who said that?', 4],
    // (a second question run on after a chat shape's first is left for later)
    ['The council member who voted against the plan - what is his name, and what is his job?', 3],
  ])('%s → paragraph %i', (message, paragraph) => expect(engine.answer(message).answers[0]?.paragraph).toBe(paragraph));
});

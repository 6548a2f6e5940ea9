/**
 * A newcomer's message as the question it asks. People new to a bot write
 * to it as to a person: a greeting, a line of context, the question, thanks
 * ("Good evening. I would like to know on which date … Thank you very much.").
 * This keeps the question, drops the pleasantries around it, and fills in
 * from the context what the question points back to ("who said that",
 * "who summoned him"). It knows English manners, not any article.
 */
import { SOMEONE_NOUNS } from './text.ts';

/** A sentence that only greets or addresses: "Hello!", "Hello bot,", "Good evening.", "Hi there". */
const GREETING = /^(?:hello|hi|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|dear \S+|excuse me|sorry)\b(?:[\s,]+\S+)?[\s,.!]*$/i;
/** A sentence of manners or about the asker, not about the article: thanks, hopes, apologies. */
const PLEASANTRY = /^(?:thanks?\b|thank you\b|many thanks\b|cheers\b|much appreciated\b|i hope\b|i'?m new\b|i am new\b|new (?:here|to (?:the|this) [a-z]+)\b|(?:it'?s )?(?:my )?first time\b|sorry\b|excuse me\b|hope this\b|apologies\b|(?:ok(?:ay)?|great|cool|nice|got it)[,!.\s]+(?:thanks?|thank you)\b|i (?:have|got) a (?:quick )?question\b|(?:a )?(?:quick|newbie|dumb|silly|basic|stupid|noob) question\b|i'?m (?:a bit |a little |so )?confused\b|i am (?:a bit |a little |so )?confused\b|just (?:curious|wondering)\b[^?]*$|(?:i'?m |i am )?(?:just )?trying to (?:get|figure|understand|sort|follow|make sense of|work out|piece together|keep track of)\b[^?]*$|(?:please )?(?:(?:could|can|would|will) (?:you|u|someone|somebody|anyone|anybody) (?:please )?)?help(?: me)?(?: out)?\b(?! (?:me )?(?:understand|know|find)\b)[^?]*\?*$)/i;
/** A sentence that asks: it ends with "?" or opens as a question or a request to be told. */
const ASKS = /\?\s*$|^(?:who|whom|whose|what|when|where|why|how|which|is|was|are|were|did|does|do|has|have|had|can|could|would|will)\b|^(?:please\s+)?(?:tell|show) me\b|^i (?:would like|'d like|want|wanted|need) to know\b|^i (?:was|am|'m) wondering\b|^i wonder\b|^do you know\b/i;
/** Greetings and excuses opening a sentence: "Excuse me, …", "Hi, …", "Good morning, …". */
const OPENING_MANNERS = /^(?:(?:hello|hi|hey|hiya|greetings|good (?:morning|afternoon|evening|day)|excuse me|sorry|pardon|(?:a |one )?(?:(?:quick|small|little|short|simple|basic|newbie|dumb|silly|stupid) )?(?:[a-z]+ )?question(?: about [^:,.!?]+)?|just (?:curious|wondering)|(?:ok(?:ay)?\s+)?thanks?|thank you)(?: (?:bot|there|all|everyone|folks|team))?[,!.:]+\s*)+/i;
/** A pleasantry opening the question itself: "sorry if this is a silly question, but who …", or a dash after it: "Hello, sorry to jump in - when did …". */
const LEADING_PLEASANTRY = /^(?:(?:hi|hello|hey)\b[^,]*,\s*)?(?:sorry|excuse me|apologies|forgive me)\b(?:[^,:]*?[,:]|[^,]*?\s[-–—]+)\s*(?:but\s+)?/i;
/** Asides closing the question: "if that is mentioned in the article", "according to the article", "please". */
const TRAILING_ASIDE = /(?:,?\s+(?:if (?:that|it|this) is (?:mentioned|in the article|said|given)[^,?]*|according to the (?:article|story|report|piece)|(?:in|from) the (?:article|story|report|piece)|please|thanks?|thank you))+\s*(?=[?.!]*$)/i;
/** A request to be told, inside a sentence: "… and I was wondering who …", "Could you tell me who …". */
const EMBEDDING = /\b(?:i (?:was|am|'m) wondering|i wonder|i (?:would|'d) like to know|i want(?:ed)? to know|(?:could|can|would) you (?:please )?tell me|do you know|(?:does|do) (?:any(?:one|body)|some(?:one|body)) know)\b/i;
/** "The man named Coats": the name is who is meant. */
/** "who is the woman from the State Department who posted …": what she did says whom; where she is from only narrows it. */
const SOMEONE_FROM_WHO = new RegExp(String.raw`^(who(?:'s| is| was)\s+the\s+(?:${SOMEONE_NOUNS}|one))\s+(?:from|at|of|in|with)\s+[^,?]+?\s+(who|that)\s+`, 'i');
const NAMED_ONE = new RegExp(String.raw`\b(?:the|a|this|that) (?:${SOMEONE_NOUNS}) (?:named|called) `, 'gi');
/** "someone in the article said something like they 'applaud' Facebook …": what was said. */
const SAID_CONTENT = /\bsaid(?: something like| that| something about)?\s+(.+?)[.!]?$/i;
/** "about the Russian diplomat": whom the message is about. */
const ABOUT = /\babout (the [^,;!?]+?)(?:\s+and\b|[,;!?]|(?<!\b\p{L})\.|$)/iu;
/** "I have a question about Facebook.": a body or person named by name after "about", what "they" or "it" means next. */
const ABOUT_NAME = /\babout ((?!(?:I|It|This|That)\b)\p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*(?: \p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*){0,3})(?=\s+and\b|[,.;!?]|$)/u;

/** "There's a lady who posted on Twitter about Russia.": someone the message introduces, to ask about by a pronoun next. */
const INTRODUCED = /(?:^|\s)(?:there(?:'s|’s| is| was)|the (?:article|story|report) (?:mentions|talks about|has)|it (?:mentions|talks about)) (?:a|an|this|some|one) ((?:[\p{L}-]+ ){0,3}?(?:man|woman|lady|guy|person|official|gentleman|girl|boy|diplomat|someone|group|company|agency) (?:who|that) [^.!?]+?)[.!]?$/iu;
/** "Who is she …?", "what was his job": asked of whom the message introduced. */
const ABOUT_PRONOUN = /^(who|what)(?:'s|’s| is| was) (?:she|he|they|it|this|that)\b[^?]*/i;
/** "The article mentions a "social-media giant".": a word of the article the message points at. */
const MENTIONED = /\b(?:mentions?|says?|talks about|uses|used|calls? (?:it|them)|refers to|writes) (?:a |an |the |this )?(?:(?:phrase|word|term|expression|line) )?["“'‘]([^"“”'‘’]{2,60})["”'’]/i;
/** "Which company is it talking about?", "what does that mean?": what the word pointed at refers to. */
const MEANT = /^(?:which|what|who)\b[^?]*\b(?:is (?:it|that|this) (?:talking about|referring to|about)|are they (?:talking about|referring to)|does (?:it|that|this) (?:mean|refer to)|(?:does|do) (?:it|that|this|they) (?:name|mention|list))\b|^(?:which|what) (?:\p{L}+ )?(?:is|was|are|were) (?:it|that|this|they)\W*$/iu;
/** "Who said that?", "who wrote it": asked of the words the context quoted. */
const WHO_SAID_THAT = /^who(?: (?:exactly|actually))? (said|says|wrote|writes|tweeted|posted|used|uses) (?:that|this|it)\b\W*$/i;

/** "Heather Nauert posted a tweet on August 5.": a context sentence that opens with someone's name, whom "she" or "he" means next. */
const NAMED_SUBJECT = /^((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\s+\p{Ll}/u;
/** "I saw the State Department demanded …", "the article talks about the midterm elections": what "they" or "it" means next. */
const SEEN_SUBJECT = /\b(?:[Ii]|[Ww]e) (?:saw|read|heard|noticed|see|learned)(?: that)? ([Tt]he [\p{L}\s'’-]+?|\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*) (?:\p{Ll}+ed|said|says|was|were|is|are|had|has|did|made|took|gave|got|sent|put|found)\b/u;

/** A context sentence that opens on its subject: "The Russian embassy put out a statement in response.", "Russia issued a denial." */
const OPENING_SUBJECT = /^((?:[Tt]he|[Aa]n?) (?:[\p{L}'’-]+ ){0,3}?[\p{L}'’-]+|(?!(?:I|We|You|It|They|He|She|This|That|My|Our)\b)\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}) (?:\p{Ll}+ed|said|says|put|gave|made|sent|took|found|wrote|issued|released|published|got)\b/u;

/** A person's name anywhere in a context sentence, two or three capitalized words: "I keep seeing the name Wess Mitchell". */
const PERSON_NAME = /(?<![\p{L}'’])(\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){1,2})(?![\p{L}'’])/gu;

/** Someone the message names by one name: "Someone called Dmitry is mentioned in the tweet." */
const CALLED_NAME = new RegExp(String.raw`\b(?:[Ss]ome(?:one|body)|[Aa] (?:${SOMEONE_NOUNS}))\s+(?:called|named)\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)`, 'gu');

/** Words that open a capitalized run without being a name: "The Russian …", "Thanks Bot". */
const NOT_A_NAME = /^(?:the|this|that|these|those|a|an|i|my|our|hi|hello|hey|good|dear|thanks|thank|so|and|but|also|in|on|at|is|was|what|who|when|where|why|how|did|does|do)$/i;

/** A personal pronoun in the question: "what is his position", "who appointed her"; or a pointing noun: "who is that person". */
const PERSONAL_PRONOUN = new RegExp(String.raw`\b(he|she|him|his|her|(?:that|this) (?:${SOMEONE_NOUNS}))\b(?:\s+(?!(?:and|or|to|for|in|on|at|by|with|about|from|of|as|that|than|if|so)\b)(\p{L}+))?`, 'iu');

/** Someone unnamed said something, and the question asks who: "somebody said the methodology pointed to …. Who was it?" */
/** (Or did anything, in the past: "Someone fired back at the State Department with a statement. Who was it?") */
const SOMEONE_SAID = /\b(?:some(?:body|one)(?: else)?|a person|one person|some people) (said|claimed|wrote|tweeted|argued|suggested|warned|told \S+|\p{L}{3,}ed(?: back| up| out| in)?)(?: that)? (.+?)[.!]?$/iu;
/** The subject pronoun of a question, first, after its auxiliary or after a question word: "what did she say", "in which month are they", "tell me what it said". */
const SUBJECT_PRONOUN = /(?<=^|\b(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|what|when|where|why|how)\s+)(she|he|they|it)\b/i;
/** A thing a context sentence brings in, with "a": "gave a briefing on August 2", "posted a tweet about the summons". */
const BROUGHT_IN = /\b(?:gave|held|posted|issued|released|published|made|sent|wrote|put out|tweeted|filed|signed)\s+an?\s+(\p{L}[\p{L}'’-]*(?:\s+(?:on|about|in|at|to)\s+[^,.;!?]+?)?)\s*(?:[,.;!?]|$)/u;
/** A context sentence about the asker ("I am reading about …", "My uncle says they did.", "Newcomer here."), which the question does not need. */
// (Or one whose subject, the asker, goes unsaid: "Catching up on this story.", "Still learning the story.")
const ABOUT_ASKER = /^(?:i|i'm|i’m|im|i've|my|we|we're)\b|^(?:\p{L}[\p{L}'’-]*\s+){1,3}here[.!]*$|^(?:still |just |only )?\p{L}{2,}ing\b[^,?]*[.!]*$/iu;
/** A clause about the asker before a comma or a dash and a question word: "i just read this, who is …", "I missed it - what is …". */
const ASKER_CLAUSE = /^(?:i|i'm|i’m|im|i've|i’ve|we|we're|we’re)\b[^,?]*?(?:,|\s[-–—]+)\s+(?=(?:who|whom|whose|what|when|where|why|how|which)\b)/i;
/** A second question run on after the first: "… - what is his name, and what is his job?". */
const SECOND_QUESTION = /,?\s+and (?:who|what|when|where|why|how|which)\b[^?]*(?=\??$)/i;

/** A statement run on into the question with a comma: "Wess Mitchell is mentioned in the tweet, what did he do?" (not a second question: ", and what …"). */
// (Not a clause that only sets the time or the condition: "After the summons was issued, what did the embassy say?".)
const CLAUSE_THEN_QUESTION = /^((?!(?:after|before|when|while|if|since|although|though|because|as|once|until|unless|following|according|in|on|at|during|given)\b)(?![^,?]*\b(?:who|whom|whose|what|when|where|why|how|which)\b)[^,?]*?\b(?:is|was|are|were|said|says|has|had|\p{Ll}{3,}ed)\b[^,?]*),\s+(?:but\s+|so\s+)?(?:then\s+)?((?:who|whom|whose|what|when|where|why|how|which)\b.*)$/iu;
/** "Is that true?", "is this right": whether the claim just made holds. */
const IS_THAT_TRUE = /^(?:is (?:that|this|it) (?:true|right|correct|so|accurate)|(?:is )?that true|true or (?:false|not)|really)\b\W*$/i;
/** A claim someone made to the asker: "My friend told me Russia admitted to interfering …", "I heard that …". */
const CLAIM_HEARD = /^(?:(?:my|a) (?:\p{L}+ )?\p{L}+ (?:told me|said|says|claims?|thinks?)|i (?:heard|read|was told|think)|some(?:one|body|people) (?:told me|said|says|claims?)|people (?:say|said))(?: that)?\s+(.+?)[.!]?$/iu;

/** A word of the question that points back to what the context said: a pronoun, "that one", "the same", "there", "then". */
/** Most words of a question that asks only in the context's terms ("What, exactly?", "Who was it?"). */
const ELLIPTICAL_WORDS = 3;
const POINTS_BACK = /\b(?:it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|then|same|such|above|former|latter|one)\b/i;

/** "Where does the article say that?", "which part of the article says this": asked where the context's words are. */
const WHERE_SAYS = /^(?:where|which (?:part|bit|line|paragraph|sentence|section))\b[^?]*\b(?:say|says|said|mention|mentions|talk about|talks about)\s+(?:that|this|it)\b\W*$/i;
/** "a part saying …", "the bit where …", "the line that …": what the asker remembers the article saying. */
const PART_SAYING = /\b(?:part|bit|line|paragraph|sentence|section|passage)\s+(?:saying|that says|where|that|about)\s+(.+?)[.!]*$/i;

/** "Were there other officials at the briefing …?": whether there were some, which the next sentence asks who they were. */
const THERE_ANY = /^(were|are|was|is) there (?:any )?((?:other )?[\p{L}'’-]+)\s+(.+?)\?*$/iu;
/** "Who were they?", "what are they?", "which ones?": asked of what the sentence before said there were. */
const THEY_WHO = /^(?:who|which|what)(?: ones?)?(?: (?:were|are|was|is) (?:they|those|these|it|that))?\W*$/i;

/** An emoji, with its modifiers and joiners, and the spaces before it. */
const EMOJI = /\s*\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)*/gu;

/** The sentences of a message, not cut after a capital's full stop ("U.S. officials"). */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(/[.!?]+\s+(?=\S)/g)) {
    const end = m.index + m[0].length;
    // (Nor after a word written short, "Aug. 2", "the State Dept. of", nor before a small letter or a digit.)
    // (A question word after a full stop starts a question, as chat writes it in lower case: "… from russia. what exactly …".)
    // (A statement's full stop ends one before a verb that opens a question as chat writes it, in lower case: "… abt it. was it
    // the ambassador …"; a question's mark does not, as two questions run together: "wat happened after?? did he get expelled".)
    const opensQuestion = /^(?:was|were|is|are|did|does|do|has|have|had|can|could|would|will|should)\b/.test(text.slice(end)) && /\./.test(m[0]);
    if (/(?:^|[\s.])\p{Lu}\p{Ll}{0,3}\.$/u.test(text.slice(from, m.index + 1)) || (!opensQuestion && !/^(?:["“'‘(]?\p{Lu}|(?:who|what|when|where|why|how|which|wat|wut|whats|whos)\b)/u.test(text.slice(end)))) continue;
    out.push(text.slice(from, end).trim());
    from = end;
  }
  out.push(text.slice(from).trim());
  return out.filter((s) => s.length > 0);
}

/** The question of a message that may wrap it in greetings, context and thanks; the message itself when it is one question. */
export function questionOf(message: string): string {
  // ("Excuse me, I remember …", "Hi, sorry if …, but who …": the manners opening a sentence go, what follows stays.)
  // (An emoji ends a sentence as "!" would: "Hey all 👋 I skimmed the article …".)
  const sentences = sentencesOf(message.trim().replace(EMOJI, '!'))
    .map((s) => s.replace(OPENING_MANNERS, '').replace(LEADING_PLEASANTRY, ''))
    // (So does what the asker says of themselves before a comma and a question: "i just read this, who is …?";
    // not before a relative clause: "I have a question about Clara Voss, who is quoted in the article. What …?")
    .map((s, i, all) => (/\?\s*$/.test(s) || i === all.length - 1 ? s.replace(ASKER_CLAUSE, '') : s))
    .filter((s) => /\p{L}/u.test(s));
  const asking = sentences.findIndex((s) => ASKS.test(s) && !PLEASANTRY.test(s) && !GREETING.test(s));
  if (asking < 0) return message;
  const context = sentences.slice(0, asking).filter((s) => !GREETING.test(s) && !PLEASANTRY.test(s));
  let question = sentences[asking]!;
  // "Were there other officials at the briefing besides Coats? Who were they?": which ones.
  const there = THERE_ANY.exec(question);
  if (there && THEY_WHO.test(sentences[asking + 1] ?? '')) question = `which ${there[2]!} ${there[1]!.toLowerCase()} ${there[3]!}?`;
  // (A statement before a comma is context too: "Wess Mitchell is mentioned in the tweet, what did he do?".)
  const clause = CLAUSE_THEN_QUESTION.exec(question);
  if (clause) {
    context.push(clause[1]!);
    question = clause[2]!;
  }
  // "My friend told me Russia admitted to interfering. Is that true?": whether the claim holds.
  const heard = IS_THAT_TRUE.test(question) ? context.map((s) => CLAIM_HEARD.exec(s)).findLast((m) => m !== null) : undefined;
  if (heard) return `is it true that ${heard[1]!}?`;
  // "I was reading the article about … and I was wondering who …": what comes before the asking is context.
  const embedded = EMBEDDING.exec(question);
  if (embedded && embedded.index > 0) {
    context.push(question.slice(0, embedded.index));
    question = question.slice(embedded.index);
  }
  // (Every such request said one way, which the reader turns into a direct question: "tell me who Zhirnov is".)
  question = question.replace(EMBEDDING, 'tell me');
  question = question
    .replace(TRAILING_ASIDE, '')
    .replace(NAMED_ONE, '')
    // "who exactly it was that summoned him": who summoned him.
    .replace(/\b(who|what)(?: exactly)? it (?:was|is) that\s+/i, '$1 ')
    .replace(SOMEONE_FROM_WHO, '$1 $2 ')
    // "who is Coats who is quoted near the end of the article": a name needs no more to say whom.
    .replace(/^([Ww]ho(?:'s| is| was)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*),?\s+(?:who|that)\s+(?:is|was|gets|got)\b[^?]*/u, '$1')
    // … nor one described after a comma: "Who is Wess Mitchell, the man named in Nauert's tweet?"
    .replace(/^([Ww]ho(?:'s| is| was)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*),\s+(?:the|a|an|this|that|in|from|of)\s+[^?]*/u, '$1');
  // "… tell me who … summoned him, and what their job title is": the first question is answered, as of any two run together.
  // … and so is a chat shape's: "The Russian diplomat who got called in - what is his name, and what is his job?".
  // … and so is a newcomer's, after context: "Someone called Dmitry is mentioned. What is his full name and what does he do?"
  if (embedded || /\s[-–—]\s/.test(question) || (asking > 0 && /^(?:who|what|when|where|which)\s+(?:is|was|are|were)\b/i.test(question))) question = question.replace(SECOND_QUESTION, '');
  // What the question points back to, filled in from the context that gives it; other context stays before it.
  let kept = context;
  // "… said something like they 'applaud' Facebook. Could you tell me who said that?"
  const saying = context.find((s) => SAID_CONTENT.test(s));
  const said = saying === undefined ? undefined : SAID_CONTENT.exec(saying)?.[1];
  if (said !== undefined && /\bsaid (?:that|this|it)\b/i.test(question)) {
    question = question.replace(/\bsaid (?:that|this|it)\b/i, `said ${said}`);
    kept = kept.filter((s) => s !== saying);
  }
  // "I remember a part saying the spy chiefs think Moscow is …. Which part of the article says that?": the passage that says it.
  const placing = WHERE_SAYS.test(question) ? kept.findLast((s) => PART_SAYING.test(s)) : undefined;
  if (placing !== undefined) {
    question = PART_SAYING.exec(placing)![1]!;
    kept = kept.filter((s) => s !== placing);
  }
  // 'Someone in the piece talks about a "pervasive messaging campaign". Who said that?': who said the words quoted.
  const quoting = WHO_SAID_THAT.test(question) ? kept.find((s) => MENTIONED.test(s)) : undefined;
  if (quoting !== undefined) {
    question = `who ${WHO_SAID_THAT.exec(question)![1]!.toLowerCase()} "${MENTIONED.exec(quoting)![1]!}"`;
    kept = kept.filter((s) => s !== quoting);
  }
  // "I was reading the article about the Russian diplomat and I was wondering who … summoned him"
  const telling = context.find((s) => ABOUT.test(s));
  const about = telling === undefined ? undefined : ABOUT.exec(telling)?.[1];
  const pronoun = /\b(\p{L}+) (him|her)\b(?=[,?.!]|\s+(?:and|over|for|to|in|on)\b|$)/iu;
  const verb = pronoun.exec(question)?.[1];
  if (about !== undefined && verb !== undefined && !/^(?:to|for|with|about|of)$/i.test(verb)) {
    question = question.replace(pronoun, `${verb} ${about}`);
    kept = kept.filter((s) => s !== telling);
  }
  // "There's a lady who posted on Twitter about Russia. Who is she and what is her job?": who the lady is who posted.
  const introducing = kept.find((s) => INTRODUCED.test(s));
  const introduced = introducing === undefined ? undefined : INTRODUCED.exec(introducing)?.[1];
  if (introduced !== undefined && ABOUT_PRONOUN.test(question)) {
    question = question.replace(ABOUT_PRONOUN, (_m, word: string) => `${word.toLowerCase()} is the ${introduced}`);
    kept = kept.filter((s) => s !== introducing);
  }
  // 'The article mentions a "social-media giant". Which company is it talking about?': what that word refers to.
  const pointing = kept.find((s) => MENTIONED.test(s));
  const mentioned = pointing === undefined ? undefined : MENTIONED.exec(pointing)?.[1];
  if (mentioned !== undefined && MEANT.test(question)) {
    question = `what does "${mentioned}" refer to`;
    kept = kept.filter((s) => s !== pointing);
  }
  // "… somebody said the methodology pointed to Russian involvement. Who was it?"
  const unnamed = /^who(?:'s| is| was) (?:it|that|this)\b|^who\b\W*$/i.test(question) ? kept.find((s) => SOMEONE_SAID.test(s)) : undefined;
  if (unnamed !== undefined) {
    const [, verb, content] = SOMEONE_SAID.exec(unnamed)!;
    question = `who ${verb} ${content}`;
    kept = kept.filter((s) => s !== unnamed);
  }
  // "Heather Nauert posted a tweet. What did she say …?", "I saw the State Department demanded something. What did they demand?":
  // the subject pronoun is the one context sentence's subject (a name for "she" and "he"; for "they" and "it", what was seen or read about).
  const pronounAsked = SUBJECT_PRONOUN.exec(question)?.[1]?.toLowerCase();
  if (pronounAsked !== undefined) {
    const personal = pronounAsked === 'she' || pronounAsked === 'he';
    // (A pleasantry may name it too: "I have a question about Facebook. Did they say …?")
    const referents = [...new Set([...kept, ...(personal ? [] : sentences.slice(0, asking))])].flatMap((s) => {
      const m = personal ? NAMED_SUBJECT.exec(s) : (SEEN_SUBJECT.exec(s) ?? ABOUT.exec(s) ?? ABOUT_NAME.exec(s));
      if (m && !/^(?:the|this|that|i|my|hi|hello|hey)\b/i.test(personal ? m[1]! : '')) return [{ s, who: m[1]!.trim() }];
      // ("… leaders gave a briefing on August 2. Where was it held?": "it" is the thing the context brings in.)
      // (Not when a body opens the sentence, which "it" names first: "Port Ellis issued a warning. Why did it do that?")
      const brought = pronounAsked === 'it' && !OPENING_SUBJECT.test(s) ? BROUGHT_IN.exec(s) : null;
      return brought ? [{ s, who: `the ${brought[1]!.trim()}` }] : [];
    });
    if (referents.length === 1) {
      question = question.replace(SUBJECT_PRONOUN, referents[0]!.who);
      kept = kept.filter((s) => s !== referents[0]!.s);
    } else if (!personal) {
      // "The Russian embassy put out a statement in response. What did they say in it?"
      const opening = kept.flatMap((s) => {
        const m = OPENING_SUBJECT.exec(s);
        return m ? [m[1]!] : [];
      });
      if (opening.length === 1) {
        question = question.replace(SUBJECT_PRONOUN, opening[0]!.replace(/^(?:The|An?)\b/, (c) => c.toLowerCase()));
        kept = kept.filter((s) => !s.startsWith(opening[0]!));
      }
    }
  }
  // "I have a question about Dan Coats, who is quoted near the end. What is his position?": the one name the context gives.
  const personPronoun = PERSONAL_PRONOUN.exec(question);
  if (personPronoun) {
    // (A pleasantry may name them too: "I have a question about Dan Coats".)
    const names = new Set([...kept, ...sentences.slice(0, asking)].flatMap((s) => [...[...s.matchAll(PERSON_NAME)].map((m) => m[1]!).filter((n) => !NOT_A_NAME.test(n.split(' ')[0]!)), ...[...s.matchAll(CALLED_NAME)].map((m) => m[1]!)]));
    if (names.size === 1 && !question.includes([...names][0]!)) {
      const [name] = names;
      const [whole, pronoun, next] = personPronoun;
      const lower = pronoun!.toLowerCase();
      const possessive = lower === 'his' || (lower === 'her' && next !== undefined);
      // (At the pronoun's own place: "Wess Mitchell - who is he" has a "he" inside "Mitchell" first.)
      const at = personPronoun.index;
      question = question.slice(0, at) + (possessive ? `${name}'s${next === undefined ? '' : ` ${next}`}` : whole.replace(pronoun!, name!)) + question.slice(at + whole.length);
      kept = kept.filter((s) => !s.includes(name!));
    }
  }
  // (Nor what the message says of the asker: "I am reading about the Facebook accounts.")
  kept = kept.filter((s) => !ABOUT_ASKER.test(s));
  // (Nor any context at all when the question points back to none of it: "… the state dept put out its own statement
  // reacting to it. how many days between fb's announcement and the state dept statement??" is asked whole.)
  // (A question of a word or three leans on it whole: "… trying to manipulate something. What, exactly?")
  // (Nor when what it points back to stands before its own dash: "Chet Shepherd - who is he?")
  // (The "it" of a cleft points at nothing: "was it the ambassador who got called in?")
  const unclefted = question.replace(/\b(?:was|is|were|are)\s+it\b(?=\s+\S+(?:\s+\S+){0,3}\s+(?:who|that|which)\b)/gi, '');
  if ((!POINTS_BACK.test(unclefted) && question.split(/\s+/).length > ELLIPTICAL_WORDS) || /^[^-–—]{2,60}\s[-–—]+\s/.test(question)) kept = [];
  // (What a colon or a full stop left before the question: "Quick question: who …".)
  return [...kept, question].join(' ').replace(/^[\s:;,.!-]+/, '');
}

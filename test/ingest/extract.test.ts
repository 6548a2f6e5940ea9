// Extraction stages, each on small texts written for the case, and the whole
// pipeline on the seed article against its curated quotes as gold.
import { describe, expect, it } from 'vitest';
import { findDates, RelativeDateError } from '../../src/ingest/dates.ts';
import { ingest } from '../../src/ingest/index.ts';
import { quoteSpans } from '../../src/ingest/quotes.ts';
import { isSpeechVerb, splitSentences } from '../../src/ingest/segment.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/load.ts';

const PUBLISHED = '2019-11-20'; // a Wednesday

/** The pack of a one-paragraph-per-line article. */
async function packOf(...paragraphs: string[]) {
  return (await ingest(`A headline for the test\n\n${paragraphs.join('\n\n')}\n`, { published: PUBLISHED })).pack;
}
/** The role and the kind the pack gives the entity of that name (null or undefined when none). */
const roleIn = (pack: Awaited<ReturnType<typeof packOf>>, name: string): string | null => pack.entities.find((e) => e.name === name)?.role ?? null;
const kindIn = (pack: Awaited<ReturnType<typeof packOf>>, name: string): string | undefined => pack.entities.find((e) => e.name === name)?.kind;
const speakerOf = (pack: Awaited<ReturnType<typeof packOf>>, words: string): string | undefined => {
  const q = pack.quotes.find((x) => x.text.includes(words));
  return pack.entities.find((e) => e.id === q?.speaker)?.name;
};

describe('speech verbs come from WordNet', () => {
  it.each(['said', 'says', 'wrote', 'told', 'added', 'warned', 'denies', 'accused', 'testified'])('%s is a verb of saying', (w) => expect(isSpeechVerb(w)).toBe(true));
  it.each(['ran', 'bought', 'arrested', 'flew'])('%s is not', (w) => expect(isSpeechVerb(w)).toBe(false));
  it('knows the forms from data npm run build:english generates with the lemmatizer, so reading loads none ("tweeted" too)', async () => {
    const { default: speech } = await import('../../src/english/speech-verbs.json', { with: { type: 'json' } });
    expect(speech.forms).toEqual(expect.arrayContaining(['said', 'told', 'tweeted', 'testifying', 'written']));
    expect(speech.forms).not.toContain('ran');
  });
});

describe('verbs are named by lemma; their forms come from generated data, not typed lists', () => {
  it('verbsOf(lemmas) knows every form, regular or not, and nothing else', async () => {
    const { verbsOf, verbFormsOf } = await import('../../src/english/verbs.ts');
    const saying = verbsOf(['say', 'tweet', 'use']);
    expect(['say', 'said', 'says', 'saying', 'tweeted', 'tweets', 'used', 'uses'].filter((w) => !saying(w))).toEqual([]);
    // no other verb, and no word that only begins like one ("us", "useful")
    expect(['ran', 'us', 'useful', 'sayings'].filter(saying)).toEqual([]);
    expect(verbFormsOf(['write'])).toEqual(expect.arrayContaining(['write', 'wrote', 'written', 'writes', 'writing']));
  });
});

describe('nouns for people come from WordNet, without its names', () => {
  it('"spokeswoman" and "diplomat" are; "putin" and "lincoln", names WordNet lists as people, are not', async () => {
    const { PERSON_NOUNS } = await import('../../src/english/nouns.ts');
    expect(['spokeswoman', 'diplomat', 'lawmaker', 'president'].filter((w) => PERSON_NOUNS.has(w))).toHaveLength(4);
    expect(['putin', 'lincoln', 'einstein'].filter((w) => PERSON_NOUNS.has(w))).toEqual([]);
  });
});

describe('sentences', () => {
  it('a period inside a web address or name ends no sentence', () => {
    expect(splitSentences('Haq told Polygraph.info that the UN works with them. It said more.')).toEqual(['Haq told Polygraph.info that the UN works with them.', 'It said more.']);
    expect(splitSentences('He wrote on Medium.com about it. She did not.')).toHaveLength(2);
    // … nor in a state written short after a party ("R-W.Va.", "D-N.Y.").
    expect(splitSentences('In October, Rep. David McKinley, R-W.Va., visited the border. He argued for more agents.')).toEqual(['In October, Rep. David McKinley, R-W.Va., visited the border.', 'He argued for more agents.']);    // … nor before a number written with its point first (a calibre, a decimal).
    expect(splitSentences('He possessed a loaded .45-caliber handgun at his home, prosecutors said. He was convicted in 1998.')).toEqual(['He possessed a loaded .45-caliber handgun at his home, prosecutors said.', 'He was convicted in 1998.']);
    expect(splitSentences('Police found a .22 rifle in the car. The owner was not there.')).toHaveLength(2);
    expect(splitSentences('Unemployment rose by .5 percent in May. Economists were surprised.')).toHaveLength(2);
    // … nor before a comma, after a bracketed party and state.
    expect(splitSentences('A man threatened Rep. Ana Diaz (D-Minn.), the U.S. Attorney’s Office said Monday. He was held.')).toEqual(['A man threatened Rep. Ana Diaz (D-Minn.), the U.S. Attorney’s Office said Monday.', 'He was held.']);
  });
  it('a closing quotation mark stays with the sentence it closes, and the words saying who spoke in lower case with it', () => {
    const holmes = 'Holmes said he heard the president ask, quote, ‘So he’s going to do the investigation?’” Holmes testified. “Sondland replied that ‘He’s going to do it.’”';
    expect(splitSentences(holmes)).toEqual(['Holmes said he heard the president ask, quote, ‘So he’s going to do the investigation?’”', 'Holmes testified.', '“Sondland replied that ‘He’s going to do it.’”']);
    expect(splitSentences('“He said, ‘We still have a lot of excess capacity.’” The index fell.')).toEqual(['“He said, ‘We still have a lot of excess capacity.’”', 'The index fell.']);
    expect(splitSentences('She asked, ‘Are you sure?’” he recalled. Then he left.')).toEqual(['She asked, ‘Are you sure?’” he recalled.', 'Then he left.']);
    for (const p of [holmes, 'She asked, ‘Are you sure?’” he recalled. Then he left.']) for (const s of splitSentences(p)) expect(p).toContain(s);
  });
  it('a title written short ends no sentence ("Cmdr. Sean Robertson"); a name suffix may ("… Jr. He …")', () => {
    expect(splitSentences('Cmdr. Sean Robertson, a spokesperson, said no. It said more.')).toEqual(['Cmdr. Sean Robertson, a spokesperson, said no.', 'It said more.']);
    expect(splitSentences('The call came from Patrick Carlineo Jr. He was arrested in April.')).toHaveLength(2);
  });
  it('a quote\'s closing mark ends no sentence before the words that say who spoke; a capital after it does', () => {
    expect(splitSentences('"Hands! Let me see your hands!" an officer ordered. "Step out."')).toEqual(['"Hands!', 'Let me see your hands!" an officer ordered.', '"Step out."']);
    expect(splitSentences('“Is this real?” she asked. Then she left.')).toEqual(['“Is this real?” she asked.', 'Then she left.']);
    expect(splitSentences('“It is over.” The mayor left.')).toHaveLength(2);
  });
});

describe('quote spans', () => {
  it('finds curly and straight quotes, and one left open at the paragraph end', () => {
    expect(quoteSpans('He said “yes” and "no".').map((s) => s.open)).toEqual([false, false]);
    const open = quoteSpans('“This runs on');
    expect(open).toHaveLength(1);
    expect(open[0]!.open).toBe(true);
  });
});

describe('direct quotes and their speakers', () => {
  it.each([
    ['attribution after: X said', ['"We will appeal the ruling," Maria Lopez said.'], 'appeal the ruling', 'Maria Lopez'],
    ['said X, the Y', ['"The budget is balanced," said Tom Baker, the city treasurer.'], 'budget is balanced', 'Tom Baker'],
    ['X told reporters', ['Governor Ann Reyes told reporters, "We are ready for the storm."'], 'ready for the storm', 'Ann Reyes'],
    ['X wrote:', ['In a Twitter posting, spokeswoman Lena Ford wrote: "The talks were productive."'], 'talks were productive', 'Lena Ford'],
    ['according to X', ['The plan is "dead on arrival," according to Senator Paul Grant.'], 'dead on arrival', 'Paul Grant'],
    ['X said in a statement', ['"We regret the delay," Acme Corporation said in a statement.'], 'regret the delay', 'Acme Corporation'],
    ['an appositive before the name', ['"He never meant it," his lawyer, Sara Kim, said.'], 'never meant it', 'Sara Kim'],
    ['a title written short before the name after the quote', ['“I like our situation very much,” Mr. Trump said on Nov. 8.'], 'our situation', 'Trump'],
    ['a place or body before a lower-case noun only says whose the speaker is', ['GREEN BAY, Wis. -- Here we go again.', 'Green Bay coach Mike McCarthy went so far as to call the play "ridiculous."'], 'ridiculous', 'Mike McCarthy'],
    ['a place before a lower-case noun, again', ['Police in Chicago made no arrests.', 'Chicago police spokesman Anthony Guglielmi went on to call the shooting "senseless."'], 'senseless', 'Anthony Guglielmi'],
    ['said and a title written short before the name', ['Eric Reeves has studied Sudan.', '“These guys are the worst of the worst,” said Mr. Reeves, a senior fellow.'], 'worst of the worst', 'Eric Reeves'],
    ['said and another title written short', ['Anne Ruiz runs the clinic.', '“We ran out of beds by noon,” said Dr. Ruiz.'], 'ran out of beds', 'Anne Ruiz'],
    ['the reporting verb before another "verb of saying"', ['Zippy Duvall, the president of the farm bureau, said farmers faced “near-unprecedented economic uncertainty.”'], 'economic uncertainty', 'Zippy Duvall'],
    ['not across a pronoun, the reporter again', ['Official David Holmes spoke to investigators, saying he recalled the call “vividly.”'], 'vividly', 'David Holmes'],
    ['", said X" closing the sentence of a partial quote', ['There has been “very little new investment” in local factories and shops, said Ruth Adler, an economist at the university.'], 'very little new investment', 'Ruth Adler'],
    ['", X said." closing a sentence after a clause that opens with "while"', ['“The party is to blame for the crisis” while it held power, Sami Haddad said.'], 'to blame for the crisis', 'Sami Haddad'],
  ])('%s', async (_, paragraphs, words, speaker) => {
    expect(speakerOf(await packOf(...paragraphs), words)).toBe(speaker);
  });

  // A pronoun's speaker: whom each quote's words are given to.
  it.each([
    ['"he said" and "she added" resolve to the right earlier speaker', ['Mayor John Hart opened the meeting.', '"We need more buses," he said.', 'Council member Ruth Diaz disagreed. "The money is not there," she added.'], [['more buses', 'John Hart'], ['money is not there', 'Ruth Diaz']]],
    [
      '"he said" is the speaker named nearer, not the subject of a sentence paragraphs back',
      [
        'Builder Kevin Hart has added 80 jobs since July.',
        'Other owners are struggling too, economists say.',
        'Hiring has been "basically lousy" in most states, Gary Burtless said. "Wages are flat," he said.',
        'There has been "very little investment" in Ohio, said Joseph Seneca, an economist.',
        '"We have a lot of empty stores," he said.',
      ],
      [['Wages are flat', 'Gary Burtless'], ['empty stores', 'Joseph Seneca']],
    ],
    [
      'a name inside quoted words that open a sentence is not its subject: "“[Eloise] never knew …,” she said" is the mother',
      [
        'Eloise Parry, 21, died after taking diet pills, police said.',
        'Fiona Parry issued a plea for people to stay away from the pills.',
        '“[Eloise] just never understood how dangerous the tablets that she took were,” she said. “Most of us don’t believe that a pill could kill us.',
        '“It is a deadly toxin.”',
      ],
      [['never understood', 'Fiona Parry'], ['deadly toxin', 'Fiona Parry']],
    ],
  ] as const)('%s', async (_, paragraphs, expected) => {
    const pack = await packOf(...paragraphs);
    for (const [words, speaker] of expected) expect(speakerOf(pack, words), words).toBe(speaker);
  });

  it('"…, citing witnesses, identified the surfer as X" reports no speech of X: what the verb names someone as is no speaker after it', async () => {
    const pack = await packOf('The Harbor Tribune, citing witnesses, identified the surfer as 50-year-old Kevin Swan of Morro Bay.', '"It was fast," said Ann Lee, a lifeguard.');
    const swan = pack.entities.find((e) => e.name === 'Kevin Swan');
    expect(swan).toBeDefined();
    expect([...pack.facts, ...pack.quotes].some((x) => x.speaker === swan?.id)).toBe(false);
  });

  it('a paragraph that is only a quote continues the previous speaker', async () => {
    const pack = await packOf('"The first part is done," engineer Omar Said told the board.', '"The second part starts in spring."');
    const second = pack.quotes.find((q) => q.text.includes('second part'));
    expect(pack.entities.find((e) => e.id === second?.speaker)?.name).toBe('Omar Said');
    expect(second?.attribution).toBe('context');
  });

  it('a quote over several sentences keeps one speaker', async () => {
    const pack = await packOf('"We tried. We failed. We will try again," coach Dana White said.');
    expect(speakerOf(pack, 'We tried. We failed.')).toBe('Dana White');
  });

  it('"X tweeted" attributes a quote (a way of saying newer than WordNet 3.1), even with mixed quote marks', async () => {
    const pack = await packOf('"A great day for the town, a great day for all!” Mayor Ann Cole tweeted soon after the vote.');
    expect(speakerOf(pack, 'A great day for the town')).toBe('Ann Cole');
  });
  it('a verb of saying inside the quote\'s own clause does not hide the attribution after it ("…" announced in October, said X)', async () => {
    const pack = await packOf('"The mayor wants a bigger plan. Bigger than the little plan" announced in October, said Derek Scissors, a scholar at the institute.');
    expect(speakerOf(pack, 'The mayor wants a bigger plan')).toBe('Derek Scissors');
  });
  it('a quote followed by a new clause is not given to that clause\'s speaker', async () => {
    const pack = await packOf('The Pentagon called the report “a complete fabrication from start to finish,” and Mayor Ahmed Nasser told reporters it was false.');
    expect(speakerOf(pack, 'complete fabrication')).toBe('Pentagon');
  });
  it('an unattributed quote after one of the same sentence or paragraph is that speaker\'s, when no other verb of saying or name comes between', async () => {
    const pack = await packOf(
      'In a radio interview, Mayor Ann Cole said it was "troubling" that the town had made no progress "even after years of warnings from engineers".',
      '“We are starting small,” said Lena Ford, the firm’s director. “Our size lets us grow into harder missions over the next decade.” She gave no timeline.',
    );
    expect(speakerOf(pack, 'even after years of warnings')).toBe('Ann Cole');
    expect(speakerOf(pack, 'Our size lets us grow')).toBe('Lena Ford');
    expect(pack.quotes.find((q) => q.text.includes('Our size'))?.attribution).toBe('context');
  });
  it('but not a word in quotes in a later sentence, nor a quote in a sentence naming someone else', async () => {
    const pack = await packOf(
      'Sara Kim said, “Fog slows everything down on the bridge.” The mention of “fog” was a reference to the delays.',
      '“We will win the vote next week,” Tom Baker said. Joe Diaz was not in the room when “the deal that nobody wanted” was announced.',
    );
    expect(pack.quotes.some((q) => q.text === 'fog')).toBe(false);
    expect(speakerOf(pack, 'the deal that nobody wanted')).not.toBe('Tom Baker');
  });
  it('a partial quote inside a sentence belongs to the sentence\'s subject', async () => {
    const pack = await packOf('Russia criticized the summons, calling it "megaphone diplomacy."');
    expect(speakerOf(pack, 'megaphone diplomacy')).toBe('Russia');
  });
  it('a partial quote in what a group told a meeting is theirs: "a briefing" is no verb of saying, nor is "continuing to use"', async () => {
    const pack = await packOf('On Monday, leaders of the city police and fire departments told a briefing at the town hall that the council was continuing to use "reckless shortcuts" in its budget.');
    expect(speakerOf(pack, 'reckless shortcuts')).toBe('leaders of the city police and fire departments');
  });
});

describe('a name the tagger takes for a verb', () => {
  it('still says who spoke before "said:" ("Parise said: “We’ve been there.”", where compromise tags "Parise" a verb)', async () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/articles/texts/tc-parise-wild-sabres.txt', import.meta.url)), 'utf8');
    const { pack } = await ingest(text, { published: '2019-11-20' });
    expect(speakerOf(pack, 'We’ve been there')).toBe('Zach Parise');
  });
});

describe('a body named first in its sentence', () => {
  it('is named there too when the article capitalizes it elsewhere, and speaks through "a statement saying, “…”"; an adverb opening a quoted sentence is no name', async () => {
    const pack = await packOf(
      'Harbor Freight and Tidewell settle their dispute over the pier.',
      'Tidewell released a separate statement saying, “It lets us grow together with the harbor. Importantly, the deal lowers fees for boat owners.”',
    );
    expect(speakerOf(pack, 'It lets us grow')).toBe('Tidewell');
    expect(pack.entities.map((e) => e.name)).not.toContain('Importantly');
  });
});

describe('a document that speaks', () => {
  it('"the statement said" is whoever the article last said issued one', async () => {
    const pack = await packOf('The pier was closed, the Harbor Authority said in a statement on Monday.', '"Repairs will take a year," the statement said.', 'Mayor Ann Cole said she was disappointed.');
    expect(speakerOf(pack, 'Repairs will take a year')).toBe('Harbor Authority');
  });
});

describe('a post embedded in the page', () => {
  it('is the words of the one its signature line names, dated by that line, not by a year its words give', async () => {
    const pack = await packOf(
      'Mayor Ann Cole defended the slogan on Monday.',
      'We should not forget the failed pier campaign from 2014. It was worse. https://t.co/abc123',
      '— Ann Cole (@anncole) November 18, 2019',
      'Others were less kind.',
    );
    const posted = pack.quotes.filter((q) => q.paragraph === 2);
    expect(posted.map((q) => q.text)).toEqual(['We should not forget the failed pier campaign from 2014.', 'It was worse. https://t.co/abc123']);
    expect(posted.map((q) => pack.entities.find((e) => e.id === q.speaker)?.name)).toEqual(['Ann Cole', 'Ann Cole']);
    expect(posted.map((q) => q.datedBy && pack.events.find((e) => e.id === q.datedBy)?.date)).toEqual(['2019-11-18', '2019-11-18']);
    // (No signature, no post: a paragraph of prose is nobody's words.)
    expect(pack.quotes.filter((q) => q.paragraph === 4)).toEqual([]);
  });
});

describe('the date of a quote', () => {
  it('is never a date inside the quoted words ("… investigations into Burisma in 2016")', async () => {
    const pack = await packOf('Ann Cole, a council aide, testified.', '"The mayor referred to the inquiry into the pier in 2016," Cole said.');
    expect(pack.quotes.find((x) => x.text.includes('in 2016'))?.date ?? null).not.toBe('2016');
  });
  it('a partial quote in a claim is the claim owner\'s, dated by the date nearest them ("a statement issued on … regarding X\'s … announcement that …")', async () => {
    const pack = await packOf('The post linked to a statement issued on Monday regarding the Harbor Authority\'s November 14 announcement that it had found "serious" faults in the pier.');
    const q = pack.quotes.find((x) => x.text === 'serious');
    expect(pack.entities.find((e) => e.id === q?.speaker)?.name).toBe('Harbor Authority');
    expect(q?.date).toBe('2019-11-14');
    expect(pack.entities.map((e) => e.name)).not.toContain('statement');
  });
  it('an undated quote takes the date of the sentence before it that has its speaker as subject', async () => {
    const pack = await packOf(
      'The Harbor Authority fired back in a statement on Monday.',
      '"We will not be bullied by the council," the Harbor Authority said.',
      '"Nor by anyone else," it added.',
    );
    const dating = pack.events.find((e) => e.excerpt.startsWith('The Harbor Authority fired back'));
    expect(dating?.date).toBe('2019-11-18');
    for (const words of ['We will not be bullied', 'Nor by anyone else']) {
      const q = pack.quotes.find((x) => x.text.includes(words));
      expect(q).toMatchObject({ date: null, datedBy: dating?.id });
    }
  });
  it('not from a dated sentence about someone else, nor one where the speaker is only mentioned', async () => {
    const pack = await packOf(
      'The council met the Harbor Authority on Monday.',
      '"We will not be bullied by the council," the Harbor Authority said.',
    );
    expect(pack.quotes.find((x) => x.text.includes('We will not be bullied'))).toMatchObject({ date: null, datedBy: null });
  });
});

describe('reported speech', () => {
  it.each([
    ['X said that …', 'Professor Alan Moore said that the data were incomplete.', 'Alan Moore'],
    ['X denies that …', 'The company denies that it broke the law.', 'company'],
    ['…, X said.', 'The bridge will reopen next week, officials said.', 'officials'],
    // a verb of thinking (WordNet's verb.cognition) with "that" reports a claim too
    ['X has concluded that …', "The city's review board has concluded that the pier was unsafe.", 'review board'],
    ['X believes that …', 'Mayor Ann Cole believes that the repairs will take a year.', 'Ann Cole'],
    // "according to X" with no verb of saying, after the claim or before it, and a paper whose name is "The" and an everyday word
    ['…, according to X, …', 'Two scripts are still in contention, according to The Wrap, so the studio is still deciding.', 'Wrap'],
    ['According to X, …', 'According to Bloomberg News, the deal is worth $4 billion.', 'Bloomberg News'],
  ])('%s', async (_, text, speaker) => {
    const pack = await packOf(text);
    const fact = pack.facts[0];
    expect(pack.entities.find((e) => e.id === fact?.speaker)?.name).toContain(speaker);
  });

  it('"according to" a place or to no one named reports nothing', async () => {
    expect((await packOf('According to the report, the bridge will reopen.', 'Prices rose, according to Texas.')).facts).toEqual([]);
  });

  it('a verb of thinking without "that" reports nothing', async () => {
    expect((await packOf('Officials think the plan is costly.')).facts).toEqual([]);
  });
});

describe('a verb of saying in a name', () => {
  it('is no verb: "the Islamic State" says nothing', async () => {
    const pack = await packOf(
      'Omar Lamrani, a senior military analyst at Stratfor, told Business Insider in October 2018 that the group was "fairly secular by regional standards." Lamrani further described the idea that the U.S. is training the Islamic State or like-minded groups at the base as "certainly absurd."',
    );
    expect(pack.entities.map((e) => e.name)).not.toContain('Islamic');
    expect(speakerOf(pack, 'certainly absurd')).not.toBe('Islamic');
  });
});

describe('a speaker named by a description', () => {
  it('is one whose last word says who: no "holds", no "deal that fails to"', async () => {
    const pack = await packOf(
      'The mayor can run on her "tough on crime" stance, which holds appeal to voters in key towns.',
      'Making such cuts for a "skinny" deal that fails to address the pier is not good for the town, a second person briefed on the talks said.',
      'The Russian and Syrian defense ministries said the camp was "a disaster."',
    );
    const names = pack.entities.map((e) => e.name);
    expect(names).not.toContain('holds');
    expect(names).not.toContain('deal that fails to');
    expect(pack.quotes.find((q) => q.text.includes('disaster'))?.speaker).toMatch(/ministries/);
  });

  it('"the software giant said" means the organization just spoken of, and becomes its alias; "the governor said" and "the source said" do not', async () => {
    const pack = await packOf(
      'Acme Software said on Monday it had found "serious" flaws in its code.',
      'The software giant said it could not tell who had exploited them.',
      'The governor said the state would look into it. The source said more would follow.',
    );
    const acme = pack.entities.find((e) => e.name === 'Acme Software');
    const speakerOfFact = (words: string) => pack.facts.find((f) => f.excerpt.includes(words))?.speaker;
    expect(speakerOfFact('could not tell who')).toBe(acme?.id);
    expect(acme?.aliases).toContain('the software giant');
    expect(speakerOfFact('look into it')).not.toBe(acme?.id);
    expect(speakerOfFact('more would follow')).not.toBe(acme?.id);
  });
});

describe('two statements in one sentence', () => {
  it('"X said …, but Y said …" gives each their own words', async () => {
    const pack = await packOf('Acme Software said it could not confirm the breach, but investigators briefed by Acme Software said the attack came from abroad.');
    const said = pack.facts.map((f) => [pack.entities.find((e) => e.id === f.speaker)?.name, f.topic]);
    expect(said).toEqual([
      ['Acme Software', 'it could not confirm the breach'],
      ['investigators', 'the attack came from abroad'],
    ]);
  });
});

describe('reported speech at the end of a sentence', () => {
  it('after a quote of someone else: "X was known for telling others "…", said another witness, Fiona Hill." is Hill\'s too', async () => {
    const pack = await packOf('Gordon Lane was known for telling others "he was in charge of the port" despite his post, said another witness in the inquiry, former adviser Fiona Hill.');
    const hill = pack.entities.find((e) => e.name === 'Fiona Hill');
    expect(pack.facts.some((f) => f.speaker === hill?.id && f.excerpt.includes('in charge of the port'))).toBe(true);
  });

  it('a quote\'s own attribution after it ("…," Lane said.) reports nothing more', async () => {
    const pack = await packOf('"We will build it," Gordon Lane said.');
    expect(pack.facts).toEqual([]);
  });

  it('"…, White House advisers say." gives the statement to the advisers (a present plural, which compromise also tags as an infinitive)', async () => {
    const pack = await packOf("The mayor is the final decision-maker on any deal, and hasn't committed to specifics, city hall advisers say.");
    const fact = pack.facts.find((f) => f.excerpt.startsWith('The mayor is the final'));
    expect(pack.entities.find((e) => e.id === fact?.speaker)?.name).toBe('city hall advisers');
  });

  it('a day after the verb still ends the sentence ("…, the county clerk\'s office announced Monday."); a verb of saying an adjective completes ("pleaded guilty to charges he …") reports nothing', async () => {
    const pack = await packOf(
      'A Denver woman pleaded guilty to charges she defrauded the county (R-Colo.), the Office of the County Clerk announced Monday.',
      'The boat could be at the bottom of the lake, Inspector Ruth Alvarez said on Tuesday.',
    );
    const speakerOf = (words: string) => pack.entities.find((e) => e.id === pack.facts.find((f) => f.excerpt.includes(words))?.speaker)?.name;
    expect(speakerOf('Denver woman')).toBe('Office of the County Clerk');
    expect(speakerOf('bottom of the lake')).toBe('Ruth Alvarez');
    expect(pack.entities.map((e) => e.name)).not.toContain('Denver woman');
  });

  it('a passive verb of saying has no speaker before it: "… since the law was upheld last week, said Ann Cole, …" is Cole\'s', async () => {
    const pack = await packOf('One survey found a third of the harbor crews had quit since the law was upheld last week, said Ann Cole, president of the Harbor Workers Union.');
    const fact = pack.facts.find((f) => f.excerpt.includes('a third of the harbor crews'));
    expect(pack.entities.find((e) => e.id === fact?.speaker)?.name).toBe('Ann Cole');
    expect(pack.entities.map((e) => e.name)).not.toContain('law');
  });

  it('a preposition or a particle after a verb of saying continues its clause, and an auxiliary before it is no part of the speaker', async () => {
    const pack = await packOf(
      'Harbor Resorts Inc., which owns two hotels in Port Ellis, filed for bankruptcy protection in September.',
      'Ann Cole, head of research at Ellis Securities, pointed out that this is a quiet market.',
      'Many have voiced concerns that the port is closing.',
    );
    const names = pack.entities.map((e) => e.name);
    expect(names.filter((n) => /^(?:for|out)\b/.test(n))).toEqual([]);
    expect(names.filter((n) => /\bhave\b/i.test(n))).toEqual([]);
  });

  it('words after a verb of saying that are a clause\'s subject are no speaker: "…, told the AFP news agency her son, a Grade 2 pupil, was forced to …"', async () => {
    const pack = await packOf('Ann Cole, 33, a mother who fled the harbor town with her husband, told the AFP news agency her son, a Grade 2 pupil, was forced to abandon his exams.');
    expect(pack.entities.map((e) => e.name).filter((n) => /son/.test(n))).toEqual([]);
  });
});

describe("a name's gender", () => {
  it('is not guessed from a surname that is also a first name: "She added" after "Ilhan Omar asked …" is Omar, not a woman named before', async () => {
    const pack = await packOf('A lawmaker linked the threat to Fox News host Jeanine Pirro’s comments.', 'Rep. Ilhan Omar asked for compassion in a letter posted Tuesday. She added, "We must teach the defendant love."');
    expect(pack.entities.find((e) => e.id === pack.quotes[0]?.speaker)?.name).toBe('Ilhan Omar');
  });
});

describe('speakers named by a description', () => {
  it('"One Washington-based trade expert said …" is a Washington-based trade expert, whom a reader calls "the trade expert"; "the next of kin" gets no "the of kin"', async () => {
    const pack = await packOf('One Washington-based trade expert said that to reach the target, the mayor would need to cut tariffs.', 'The next of kin said that the family was grieving.');
    const expert = pack.entities.find((e) => e.name === 'Washington-based trade expert');
    expect(expert?.aliases).toContain('the trade expert');
    expect(pack.entities.flatMap((e) => e.aliases)).not.toContain('the of kin');
  });
});

describe('people, roles and aliases', () => {
  it('roles from appositives, titles before the name, and bracketed insertions', async () => {
    const pack = await packOf(
      'Dan Coats, the director of national intelligence, spoke first.',
      'Later, department spokeswoman Heather Nauert wrote that Assistant Secretary [Wess] Mitchell had met him.',
      'Foreign Secretary Dominic Raab was not there.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Dan Coats')?.role).toBe('the director of national intelligence');
    expect(byName('Dan Coats')?.aliases).toEqual(expect.arrayContaining(['Coats', 'the director']));
    expect(byName('Heather Nauert')?.role).toBe('department spokeswoman');
    expect(byName('Wess Mitchell')?.aliases).toContain('[Wess] Mitchell');
    expect(byName('Dominic Raab')?.role).toBe('Foreign Secretary');
  });
  it('a first name written as initials makes a person ("J.J. Abrams", "J.C. Chandor"), who speaks by surname later', async () => {
    const pack = await packOf('The film was produced by J.J. Abrams and directed by J.C. Chandor.', 'Abrams said the cast would return.');
    expect(kindIn(pack, 'J.J. Abrams')).toBe('person');
    expect(kindIn(pack, 'J.C. Chandor')).toBe('person');
    expect(pack.entities.find((e) => e.id === pack.facts[0]?.speaker)?.name).toBe('J.J. Abrams');
  });
  it('"X and Y, both nurses at …": each is a nurse there; a demonym before a first name is no part of the name, and a surname that is also a word stays one ("Weeks")', async () => {
    const pack = await packOf('Canadian Mary Olsen and Brazilian Paulo Weeks, both nurses at the Ellis city hospital, were freed on Tuesday.');
    expect(kindIn(pack, 'Paulo Weeks')).toBe('person');
    expect(roleIn(pack, 'Paulo Weeks')).toBe('a nurse at the Ellis city hospital');
    expect(roleIn(pack, 'Mary Olsen')).toBe('a nurse at the Ellis city hospital');
    expect(pack.entities.map((e) => e.name)).not.toContain('Brazilian Paulo');
  });
  it('a name set off by commas after a noun for a person is that person, whatever the tagger knew of the name ("The suspect, Ismaaiyl Brinsley,")', async () => {
    const pack = await packOf('The suspect, Ismaaiyl Brinsley, had begun the day in Maryland.', 'The company, Blue Harbor Foods, had begun the year in debt.');
    expect(kindIn(pack, 'Ismaaiyl Brinsley')).toBe('person');
    expect(roleIn(pack, 'Ismaaiyl Brinsley')).toBe('the suspect');
    expect(kindIn(pack, 'Blue Harbor Foods')).toBe('organization');
  });
  it('a title written short is written out in the role and in who they are ("Republican Gov." → Republican governor)', async () => {
    const pack = await packOf('Republican Gov. Eric Holcomb was in Florida.', 'Cmdr. Sean Robertson, a spokesperson for the coalition, said no.');
    expect(pack.entities.find((e) => e.name === 'Eric Holcomb')).toMatchObject({ role: 'Republican governor', answer: 'Eric Holcomb is the Republican governor.' });
    expect(pack.entities.find((e) => e.name === 'Sean Robertson')?.answer).toBe('Sean Robertson is a spokesperson for the coalition and the commander.');
  });
  it('who-is answers put the right article before a role: none before a name\'s possessive or "another", "a" before "Former"', async () => {
    const pack = await packOf(
      "Scott Strenfel, PG&E's principal meteorologist, said winds would rise.",
      'Former National Security Council official Timothy Morrison testified.',
      'Tim Cole, another top aide, spoke too.',
      'Ann Ruiz, the country’s president, did not.',
    );
    const answer = (name: string) => pack.entities.find((e) => e.name === name)?.answer;
    expect(answer('Scott Strenfel')).toBe("Scott Strenfel is PG&E's principal meteorologist.");
    expect(answer('Timothy Morrison')).toBe('Timothy Morrison is a former National Security Council official.');
    expect(answer('Tim Cole')).toBe('Tim Cole is another top aide.');
    expect(answer('Ann Ruiz')).toBe('Ann Ruiz is the country’s president.');
  });
  it('a role apposed with no article may be long ("program administrator for … Center")', async () => {
    const pack = await packOf('Charles Simpson, program administrator for the Refugees in Towns Project at Tufts University’s Feinstein International Center, told reporters the claims are false.');
    expect(pack.entities.find((e) => e.name === 'Charles Simpson')?.role).toMatch(/^program administrator for the Refugees in Towns Project/);
  });
  it('a surname the tagger misses is still theirs, and the role that spells out their title says who they are', async () => {
    const pack = await packOf(
      'Ambassador Gordon Sondland, the most anticipated witness in the inquiry, will testify, President Donald Trump said.',
      'Sondland, a wealthy hotelier Trump tapped as his ambassador to the European Union, is entangled.',
    );
    const sondland = pack.entities.find((e) => e.name === 'Gordon Sondland');
    expect(sondland).toMatchObject({ role: 'a wealthy hotelier Trump tapped as his ambassador to the European Union', paragraph: 2 });
    expect(sondland?.answer).toContain('the most anticipated witness');
    // (only a role apposed to such a surname: "hotelier" before "Trump" is no title of his)
    expect(pack.entities.find((e) => e.name === 'Donald Trump')?.answer).toBe('Donald Trump is the President.');
  });
  it('a one-word title the article writes out in full elsewhere is the full role ("Chargé" and "the chargé d\'affaires")', async () => {
    const pack = await packOf("The ministry called in France's chargé d'affaires on Monday.", 'The mayor wrote: "I met #France Chargé [Pierre] Duval today."');
    expect(pack.entities.find((e) => e.name === 'Pierre Duval')?.role).toBe("chargé d'affaires");
    // and the title is not said a second time in who he is
    expect(pack.entities.find((e) => e.name === 'Pierre Duval')?.answer).toBe("Pierre Duval is the chargé d'affaires.");
  });
  it('a form of address is no role, once a title has given one ("Mr Obama" after "President Barack Obama")', async () => {
    const pack = await packOf('President Barack Obama has admitted his failure to pass gun laws.', 'In an interview, Mr Obama said it was "distressing".', 'Prime Minister Theresa May spoke later. Mrs May said the vote would go ahead.');
    expect(pack.entities.find((e) => e.name === 'Barack Obama')?.answer).toBe('Barack Obama is the President.');
    expect(pack.entities.find((e) => e.name === 'Theresa May')?.answer).toBe('Theresa May is the Prime Minister.');
  });
  it('what follows a name after a comma is no role when it opens on a verb (the sentence goes on), nor is "Mr" on its own', async () => {
    const pack = await packOf(
      'The priest, Fidelis Mukonori, is acting as a middle-man between Mr Mugabe and the generals, a source told Reuters.',
      'Its founder, Jane Doe, has been accused of fraud by the regulators, officials said.',
    );
    // (The noun before the name is his role, not what follows it.)
    expect(roleIn(pack, 'Fidelis Mukonori')).toBe('the priest');
    expect(roleIn(pack, 'Jane Doe')).toBeNull();
    expect(roleIn(pack, 'Mugabe')).toBeNull();
  });
  it('a role written as initials after a name makes a person ("Strauss Zelnick, CEO of Take-Two,"), and "CEO of Take-Two" makes none of the company', async () => {
    const pack = await packOf('"Our strategy is to be where the consumer is," Strauss Zelnick, CEO of Take-Two, adds.', 'Gwen Ortiz, CFO of Acme, agreed.');
    expect(kindIn(pack, 'Strauss Zelnick')).toBe('person');
    expect(roleIn(pack, 'Strauss Zelnick')).toBe('CEO of Take-Two');
    expect(kindIn(pack, 'Take-Two')).not.toBe('person');
    expect(speakerOf(pack, 'Our strategy')).toBe('Strauss Zelnick');
    expect(kindIn(pack, 'Gwen Ortiz')).toBe('person');
  });
  it('a country before a role after a comma makes no place of the name ("Lotfi Azzouz, Tunisia country director for …")', async () => {
    const pack = await packOf('“It is meant to frighten tourists,” said Lotfi Azzouz, Tunisia country director for Amnesty International, a rights group.', 'Maria Lopez, Chile program officer for Oxfam, agreed.', 'Judy Avalos, of Perris, was arrested.');
    expect(kindIn(pack, 'Lotfi Azzouz')).toBe('person');
    expect(kindIn(pack, 'Maria Lopez')).toBe('person');
    expect(kindIn(pack, 'Perris')).toBe('place');
  });
  it('a noun for a person the tagger took for a verb is a title before the name, unless a verb or "to" governs it', async () => {
    const pack = await packOf('Suh skipped his obligations, but coach Jim Caldwell vouched for him.', 'Toronto won, and guard Kyle Lowry scored 30 points.', 'The panel will judge Anna Lee on Monday.', 'The club agreed to host Jim Smith at the gala.');
    expect(roleIn(pack, 'Jim Caldwell')).toBe('coach');
    expect(roleIn(pack, 'Kyle Lowry')).toBe('guard');
    expect(roleIn(pack, 'Anna Lee')).toBeNull();
    expect(roleIn(pack, 'Jim Smith')).toBeNull();
  });
  it('a compound WordNet lacks is a title by its last part or its "-man" ("co-founder", "defenseman"), a capitalized "German" is not', async () => {
    const pack = await packOf('The Wild lost defenseman Matt Dumba to an injury.', 'After co-founder Adam Neumann left in October, SoftBank took over.', 'Officials met German envoy Karl Braun on Monday.');
    expect(roleIn(pack, 'Matt Dumba')).toBe('defenseman');
    expect(roleIn(pack, 'Adam Neumann')).toBe('co-founder');
    expect(roleIn(pack, 'Karl Braun')).toBe('German envoy');
  });
  it('a plural role noun names the group someone is of, not them: no alias "the ministers", "the leaders"', async () => {
    const pack = await packOf('Mr Mugabe met cabinet ministers Jonathan Moyo and Saviour Kasukuwere on Monday.', 'Vladimir Putin, one of the world leaders at the summit, left early. Ann Lee, the boss, stayed.');
    const aliases = pack.entities.flatMap((e) => e.aliases.map((a) => a.toLowerCase()));
    expect(aliases).not.toContain('the ministers');
    expect(aliases).not.toContain('the leaders');
    expect(pack.entities.find((e) => e.name === 'Ann Lee')?.aliases).toContain('the boss');
  });
  it('a role WordNet writes in several words is a role after the name too ("the chargé d\'affaires", "the attorney general")', async () => {
    const pack = await packOf("Pierre Duval, the chargé d'affaires, said nothing.", 'Ana Ruiz, the attorney general, left early.');
    expect(pack.entities.find((e) => e.name === 'Pierre Duval')?.role).toBe("the chargé d'affaires");
    expect(pack.entities.find((e) => e.name === 'Ana Ruiz')?.role).toBe('the attorney general');
  });
  it('nor are two joined by a hyphen ("the Cuban-Guatemalan actor", "a Mexican-American singer")', async () => {
    const pack = await packOf('The 35-year-old Cuban-Guatemalan actor plays Abel Morales, a businessman.', 'The show starred a Mexican-American singer, Ana Ruiz.');
    const names = pack.entities.map((e) => e.name);
    expect(names).not.toContain('Cuban-Guatemalan');
    expect(names.some((n) => /Mexican/.test(n))).toBe(false);
  });
  it("a place's adjective WordNet knows is no name, where compromise takes it for one", async () => {
    const pack = await packOf(
      'In a joint statement published Oct. 25, the Russian and Syrian defense ministries accused U.S. forces in southern Syria of lying.',
      'Iran wants a route for Iranian military aid to Syrian government forces near Jordan.',
    );
    expect(pack.entities.map((e) => e.name)).toContain('Jordan');
    expect(pack.entities.map((e) => e.name)).not.toContain('Syrian');
    expect(pack.entities.map((e) => e.name)).not.toContain('Iranian');
  });
  it('a word before a bracketed first name is a title, even one WordNet does not know, and names no body', async () => {
    const pack = await packOf('The mayor wrote: "I met #France Chargé [Pierre] Duval today."');
    expect(pack.entities.find((e) => e.name === 'Pierre Duval')?.role).toBe('Chargé');
    expect(pack.entities.map((e) => e.name)).not.toContain('Chargé');
  });

  it('a capitalized or abbreviated title gives the reader\'s role noun: "House Speaker" → the speaker, "Gov." → the governor', async () => {
    const pack = await packOf('Ohio House Speaker Larry Householder spoke at noon.', 'Republican Gov. Mike DeWine and Sen. Sherrod Brown were away.');
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Larry Householder')?.aliases).toContain('the speaker');
    expect(byName('Mike DeWine')?.aliases).toContain('the governor');
    expect(byName('Sherrod Brown')?.aliases).toContain('the senator');
    // "Gov." before a name is a title, not an organization.
    expect(pack.entities.map((e) => e.name)).not.toContain('Republican Gov');
  });

  it('a capitalized everyday word opening a dateline, sentence or quotation is not an organization', async () => {
    const pack = await packOf(
      'Columbus – Several hundred nurses marched past the Ohio Statehouse, chanting “Fair Pay Now” and “Staff our wards.”',
      'High school students joined them. The nurses said their wards were full.',
    );
    const names = pack.entities.map((e) => e.name);
    expect(names).toContain('Ohio Statehouse');
    for (const word of ['Several', 'Fair Pay Now', 'Staff', 'High']) expect(names).not.toContain(word);
  });

  it('a short form only from a noun for a body ("the embassy"), never from any last word ("the origin", "the moon")', async () => {
    const pack = await packOf('Blue Origin will offer its Blue Moon lander, the Canadian Embassy said.', 'Blue Origin and NASA did not comment.');
    const aliases = (n: string) => pack.entities.find((e) => e.name === n)?.aliases ?? [];
    expect(aliases('Canadian Embassy')).toContain('the embassy');
    expect(aliases('Blue Origin')).not.toContain('the origin');
    expect(aliases('Blue Moon')).not.toContain('the moon');
  });

  it('two names joined by "and" are two when either stands alone elsewhere; "Health and Human Services" is one', async () => {
    const pack = await packOf('NASA said Blue Origin and SpaceX were picked.', 'Funding came from the Department of Health and Human Services, and NASA picked SpaceX last year.');
    const names = pack.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Blue Origin', 'SpaceX', 'Department of Health and Human Services']));
    expect(names).not.toContain('Blue Origin and SpaceX');
  });

  it('a place after a title-like word is nobody ("the Argus Leader of Sioux Falls" is a newspaper, not a person named Sioux Falls)', async () => {
    const pack = await packOf('According to a report in the Argus Leader of Sioux Falls, Gov. Kristi Noem launched the campaign on Monday.');
    expect(pack.entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual(['Kristi Noem']);
    expect(pack.entities.map((e) => e.name)).toContain('Argus Leader of Sioux Falls');
  });

  it('a name the tagger knows for a company is no person after a noun that could be one ("construction goods giant Home Depot")', async () => {
    const pack = await packOf('Shares of construction goods giant Home Depot are dropping after the company cut its forecast.');
    expect(pack.entities.find((e) => e.name === 'Home Depot')?.kind).toBe('organization');
  });

  it('two names joined by "and" at the end of a list are two, though neither stands alone elsewhere', async () => {
    const pack = await packOf('Mayer led key acquisitions, including Marvel Entertainment, Lucasfilm and BamTech, for the Walt Disney Co.');
    const names = pack.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Lucasfilm', 'BamTech']));
    expect(names).not.toContain('Lucasfilm and BamTech');
  });

  it('a name no dictionary knows is a person when a role follows it; a "person" ending in a noun for a body is an organization', async () => {
    const pack = await packOf(
      'The lander comes from SpaceX. Gwynne Shotwell, president and chief operating officer of SpaceX, said it would fly.',
      'The contract went to Sierra Nevada Corporation (SNC), which builds the Dream Chaser.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Gwynne Shotwell')).toMatchObject({ kind: 'person', role: 'president and chief operating officer of SpaceX' });
    expect(byName('Sierra Nevada Corporation')).toMatchObject({ kind: 'organization' });
    expect(byName('Sierra Nevada Corporation')?.aliases).toContain('SNC');
  });

  it('so is one whose role, opening on a noun for a person, ends the sentence; a clause that only ends on such a noun names no one', async () => {
    const pack = await packOf(
      'The deal was announced in a meeting with Teodor Vask, Estonia’s top trade negotiator.',
      'Officials demanded that Kaldor, and North Kaldor, cease the shelling of rebel towns and work with foreign agents.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Teodor Vask')).toMatchObject({ kind: 'person', role: 'Estonia’s top trade negotiator' });
    expect(byName('North Kaldor')?.kind).not.toBe('person');
  });

  it('a title written short keeps the words that qualify it before it, and the who-is answer says each role once', async () => {
    const pack = await packOf('Later, Kentucky Gov. Ann Cole spoke to the crowd.', 'Cole, the state\'s Gov, left early.');
    const cole = pack.entities.find((e) => e.name === 'Ann Cole');
    expect(cole?.role).toBe('Kentucky governor');
    expect(cole?.answer).toBe('Ann Cole is the Kentucky governor.');
  });

  it('abbreviated titles stand before the name ("Lt Col"), an apposed role outranks them, and an organization inside that role is still one', async () => {
    const pack = await packOf('Lawmakers grilled Lt Col Alexander Vindman, a Ukraine specialist on the National Security Council (NSC), on Tuesday.');
    const names = pack.entities.map((e) => e.name);
    expect(pack.entities.find((e) => e.name === 'Alexander Vindman')).toMatchObject({ kind: 'person', role: 'a Ukraine specialist on the National Security Council' });
    expect(pack.entities.find((e) => e.name === 'National Security Council')?.aliases).toContain('NSC');
    expect(names).not.toContain('Lt');
    expect(names).not.toContain('Col Alexander Vindman');
  });

  it('a role apposed with no article after a known person\'s name is theirs ("said John Roth, vice president of …")', async () => {
    const pack = await packOf(
      '"We build our own satellites," said John Roth, vice president of business development at Orbit Labs.',
      'Michael Sims, chief executive of Ceres Robotics, said the lander would be ready in 2023.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('John Roth')?.role).toBe('vice president of business development at Orbit Labs');
    expect(byName('Michael Sims')?.role).toBe('chief executive of Ceres Robotics');
  });

  it('a town the text places is a place, not a person or a body: "Ann Arbor, Michigan", ", of Perris,"; a company at a town and its state is not', async () => {
    const pack = await packOf(
      'Jim Diffley, an economist in West Chester, Pennsylvania, said jobs fell in Ann Arbor, Michigan.',
      'Judy Avalos, of Perris, was arrested at the hospital.',
      'Ceres Robotics, Palo Alto, California, builds landers.',
    );
    const kind = (n: string) => pack.entities.find((e) => e.name === n)?.kind;
    expect([kind('West Chester'), kind('Ann Arbor'), kind('Perris')]).toEqual(['place', 'place', 'place']);
    expect(kind('Judy Avalos')).toBe('person');
    expect(kind('Ceres Robotics')).toBe('organization');
  });

  it('a title in quotation marks before the role is part of it ("\'Mob Wives\' star Natalie Guercio")', async () => {
    const pack = await packOf("Alex Reyes and 'Harbor Nights' star Nina Castell pose in the office of their lawyer.");
    expect(pack.entities.find((e) => e.name === 'Nina Castell')?.role).toBe("'Harbor Nights' star");
  });

  it('such a role after an age, or with abbreviations in it, and a role before the name after "by" ("cited by its president, X")', async () => {
    const pack = await packOf(
      'Builder Kevin Yates has added 80 jobs. "It has been slow," said Yates, 51, co-owner and chief executive officer of Yates Mechanical Inc.',
      '"This is not like any other recovery," said John Hermann, director of U.S. rate strategy at Union Securities USA Inc., who tracks the states.',
      'The nation would be below its peak, according to research cited by its president, Richard Fisk.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Kevin Yates')?.role).toBe('co-owner and chief executive officer of Yates Mechanical Inc');
    expect(byName('John Hermann')?.role).toBe('director of U.S. rate strategy at Union Securities USA Inc.');
    expect(byName('Richard Fisk')?.role).toBe('its president');
  });

  it('a name runs on over a middle initial and a hyphenated surname the tagger left out, and a lawmaker\'s bracketed party and state is neither their name nor a body', async () => {
    const pack = await packOf(
      'Sonya A. Zoghlin, the defendant’s attorney, told reporters her client meant no harm.',
      'Rep. Alexandria Ocasio-Cortez (D-N.Y.) linked the arrest to a host’s remarks, and Sen. Ted Cruz (R-Texas) agreed.',
      'Later, Rep. Ilhan Omar (D-Minn.) wrote a letter. Omar asked for compassion.',
    );
    const names = pack.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Sonya A. Zoghlin', 'Alexandria Ocasio-Cortez', 'Ted Cruz', 'Ilhan Omar']));
    expect(names.filter((n) => /^(?:Sonya|Alexandria|Zoghlin|Ocasio-Cortez)$|D-|R-/.test(n))).toEqual([]);
    // (A noun for a person before a middle initial is a first name, not a title.)
    const victor = (await packOf('Police later arrested Victor N. Burton, 57, of Hope.')).entities.find((e) => e.name.endsWith('Burton'));
    expect(victor).toMatchObject({ name: 'Victor N. Burton', role: null });
    expect(pack.entities.find((e) => e.name === 'Sonya A. Zoghlin')?.role).toBe('the defendant’s attorney');
  });

  it('a reader\'s first name and surname name someone written with a middle initial or a suffix; a participle of saying in a role qualifies it and ends nothing', async () => {
    const pack = await packOf(
      'U.S. Attorney James P. Kennedy Jr. said the case was clear.',
      'Her letter was about Patrick W. Carlineo, a man convicted of threatening her life.',
      'Lena Ortiz, an Oklahoma Republican who warned of the deficit in the past, voted yes.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name.startsWith(n));
    expect(byName('James P. Kennedy')?.aliases).toContain('James Kennedy');
    expect(byName('Patrick W. Carlineo')?.aliases).toContain('Patrick Carlineo');
    expect(byName('Patrick W. Carlineo')?.role).toBe('a man convicted of threatening her life');
    expect(byName('Lena Ortiz')?.role).toBe('an Oklahoma Republican who warned of the deficit in the past');
  });

  it('what follows a name and an age from a preposition is no role, nor are its nouns names of theirs (", 51, of kidnapping the girl")', async () => {
    const pack = await packOf(
      'Police found the boy in a motel. Before the trial, a jury convicted Ray Dunmore, 47, of abducting the boy.',
      'It began with a surge in strandings, according to rescue group Tide Watch, with 40 pilot whales dying on the island.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Ray Dunmore')?.role ?? null).toBeNull();
    expect(byName('Ray Dunmore')?.aliases).not.toContain('the boy');
    expect(byName('Tide Watch')?.role ?? '').not.toMatch(/^with\b/);
  });

  it('a noun whose sense for a person is a rarer one is a role as "<noun> of …" ("head of the union"), a number\'s comma ends no role, and "The co-pilot was X" gives a role', async () => {
    const pack = await packOf(
      '"We will not back down," Carl Brandt, head of the dockworkers union, said on Friday.',
      'Sister Ana Morel, the chair of the parish council, spoke first.',
      'The navigator was Louis Ferrand, a sailor who had 3,410 hours at sea.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Carl Brandt')?.role).toBe('head of the dockworkers union');
    expect(byName('Ana Morel')?.role).toBe('the chair of the parish council');
    expect(byName('Louis Ferrand')?.role).toBe('a sailor who had 3,410 hours at sea');
    expect(byName('Louis Ferrand')?.answer).toMatch(/\bthe navigator\b/);
  });

  it('a particle inside a name ("Anna de Vries"); the subject of "told" after an appositive that ends on a place; a first name that one person has is theirs; a place is no person; "the agents believe that …" is no role', async () => {
    const pack = await packOf(
      '"The river is higher than in 1995," Anna de Vries, a hydrologist at the University of Utrecht in Leiden told reporters.',
      'Tom Keller and his wife Mia Keller live near Port Angeles. Mia said the water reached the porch.',
      'According to Tom Keller, the officers on the scene believe that the levee failed at night.',
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Anna de Vries')?.role).toBe('a hydrologist at the University of Utrecht in Leiden');
    expect(pack.quotes.find((q) => q.text.startsWith('The river'))?.speaker).toBe(byName('Anna de Vries')?.id);
    expect(byName('Mia Keller')?.aliases).toContain('Mia');
    expect(pack.entities.find((e) => e.name === 'Port Angeles')?.kind).not.toBe('person');
    expect(byName('Tom Keller')?.role ?? null).toBeNull();
  });

  it('one name no everyday word spells is a person between commas after a noun for one, or before a role ("The captain, Iriyanto, an Indonesian …")', async () => {
    const pack = await packOf('The captain, Iriyanto, an Indonesian who uses only one name, had flown for 20 years.', 'On Monday, Soelistyo, head of the rescue agency, told reporters the search would go on.');
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Iriyanto')).toMatchObject({ kind: 'person', role: 'the captain' });
    expect(byName('Soelistyo')).toMatchObject({ kind: 'person', role: 'head of the rescue agency' });
  });

  it('a title inside a run of capitals is the role of the name after it ("CPUC President Marybel Batjer")', async () => {
    const pack = await packOf('CPUC President Marybel Batjer said the utility must do better.');
    const p = pack.entities.find((e) => e.name === 'Marybel Batjer');
    expect(p).toMatchObject({ kind: 'person', role: 'CPUC President' });
    expect(p?.aliases).toEqual(expect.arrayContaining(['Batjer', 'the president']));
  });

  it('a title opening a sentence is a title: "Secretary of State Mike Pompeo", "President Trump" (a surname alone after it), "President Zelensky" of "Volodymyr Zelenskiy"', async () => {
    const pack = await packOf(
      'Secretary of State Mike Pompeo said the release gives hope for peace.',
      'President Trump scuttled the talks in September.',
      'The call was with Ukraine President Volodymyr Zelenskiy, who was elected in April.',
      '“President Zelensky will do anything you ask him to,” Sondland said.',
      "The U.S. Attorney's Office for the Western District of New York announced the plea.",
    );
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Mike Pompeo')).toMatchObject({ kind: 'person', role: 'Secretary of State' });
    expect(byName('Trump')).toMatchObject({ kind: 'person', role: 'President' });
    expect(pack.entities.filter((e) => /Zelensk/.test(e.name)).map((e) => e.name)).toEqual(['Volodymyr Zelenskiy']);
    expect(pack.entities.find((e) => /Attorney/.test(e.name))?.kind).toBe('organization');
    expect(pack.entities.some((e) => e.kind === 'person' && /York/.test(e.name))).toBe(false);
  });

  it('a title of three capitalized words or more names its holder as readers write it ("the White House press secretary", "the press secretary"); a hyphen joins a name ("Agence France-Presse")', async () => {
    const pack = await packOf('“We thank the Afghan government,” said White House Press Secretary Stephanie Grisham, citing Agence France-Presse.', 'Ukraine President Volodymyr Zelenskiy spoke.');
    expect(pack.entities.find((e) => e.name === 'Stephanie Grisham')?.aliases).toEqual(expect.arrayContaining(['the white house press secretary', 'the press secretary']));
    expect(pack.entities.find((e) => e.name === 'Volodymyr Zelenskiy')?.aliases).not.toContain('the ukraine president');
    expect(pack.entities.filter((e) => /Presse|Agence/.test(e.name)).map((e) => e.name)).toEqual(['Agence France-Presse']);
  });

  it('a name with an age between commas is a person\'s ("Sayiba John, 33, a Malawian who …"), whose surname alone then speaks', async () => {
    const pack = await packOf('Sayiba John, 33, a Malawian who fled the township with her husband, told reporters she was afraid.', '“We have no choice in the matter,” John said.');
    expect(kindIn(pack, 'Sayiba John')).toBe('person');
    expect(speakerOf(pack, 'no choice in the matter')).toBe('Sayiba John');
  });

  it('a singular description speaking ("the widow said", "the Malawian told …") is the person just named so described, not a new body', async () => {
    const pack = await packOf(
      'Ellen Mwamulima, a 45-year-old widow and mother of three, fled a mob and hid in the bush for two weeks.',
      '“We lost everything,” the Malawian told Al Jazeera. “It is over,” the widow said.',
      '“We will be back,” the prosecutor said.',
    );
    expect(speakerOf(pack, 'We lost everything')).toBe('Ellen Mwamulima');
    expect(speakerOf(pack, 'It is over')).toBe('Ellen Mwamulima');
    expect(speakerOf(pack, 'We will be back')).not.toBe('Ellen Mwamulima');
  });

  it('"she says" after a report of someone speaking in the same paragraph ("…, says McLaughlin") is that one, not the last quote\'s speaker', async () => {
    const pack = await packOf(
      '“I am super excited,” says Maura McLaughlin, a radio astronomer.',
      '“The sensitivity is impressive,” says Laura Spitler, an astronomer in Bonn.',
      'The array will also help to find gravitational waves, says McLaughlin. “That is where it will shine,” she says.',
      '“We are relieved,” says John Smith, the chief scientist.',
      'Many bursts were too faint for other telescopes, says Smith. “This is very exciting news,” says Yunfan Gerry Zhang, who studies bursts in Berkeley. No one knows what causes them, but “the more pulses we have, the more we learn”, he says.',
    );
    expect(speakerOf(pack, 'where it will shine')).toBe('Maura McLaughlin');
    expect(speakerOf(pack, 'the more pulses we have')).toBe('Yunfan Gerry Zhang');
  });

  it('"he added" goes on with the last speaker of no known gender, quoted just before, not a man named earlier; "according to X" reports X speaking', async () => {
    const pack = await packOf(
      'Joaquin Phoenix was named best actor on Sunday.',
      '“No one could predict what might happen at the Oscars,” director Bong Joon Ho said backstage.',
      'Speaking through an interpreter he added: “It is true that the momentum is building.”',
      '“Look again,” said Bruce Gilley, a political scientist. This, according to Tahir Della, does nothing to diminish the crimes. “We just have to look at who committed them,” he said.',
    );
    expect(speakerOf(pack, 'the momentum is building')).toBe('Bong Joon Ho');
    expect(speakerOf(pack, 'who committed them')).toBe('Tahir Della');
  });

  it('a spaced dash ends a name: a dateline ("NEW ORLEANS - Both …", "TAMPA — Senator …") is a place of its own', async () => {
    const pack = await packOf('NEW ORLEANS - Both analysts on ESPN, Lou Holtz and Mark May, are paid to talk.', 'TAMPA — Senator Jane Roe said the bill was dead.');
    expect(pack.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['NEW ORLEANS', 'TAMPA']));
    expect(pack.entities.some((e) => /Both|Senator/.test(e.name) && e.kind !== 'person')).toBe(false);
  });

  it('a role said later of a person the tagger missed ("Hege is the CEO of DH"), and one whose head ends the apposition ("…, Washington State Department of Health public information officer,")', async () => {
    const pack = await packOf(
      'The campaign drew mockery, but Michelle Hege’s response was concern.',
      'Hege is the CEO of DH, the Spokane advertising firm behind the campaign.',
      'The ads did not appeal to Julie Graham, Washington State Department of Health public information officer, she said.',
    );
    expect(pack.entities.find((e) => e.name === 'Michelle Hege')).toMatchObject({ kind: 'person', role: 'the CEO of DH' });
    expect(pack.entities.find((e) => e.name === 'Julie Graham')).toMatchObject({ kind: 'person', role: 'Washington State Department of Health public information officer' });
  });

  it('a name\'s possessive ends it ("Kazakhstan\'s Air Astana", "Jeff Bezos\'s Blue Origin"); a title\'s does not ("the California Governor\'s Office of Emergency Services")', async () => {
    const pack = await packOf(
      "Boeing drew bids from Kazakhstan's Air Astana on Monday, and Jeff Bezos's Blue Origin bid too.",
      "The California Governor's Office of Emergency Services sent a letter.",
      'Kazakhstan and Blue Origin said more later.',
    );
    const names = pack.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Air Astana', 'Blue Origin', "California Governor's Office of Emergency Services"]));
    expect(names.some((n) => /Kazakhstan's|Bezos's/.test(n))).toBe(false);
  });

  it('a title of a work is no person: "Star Trek Beyond" ("Star" is no title the tagger knows), while "CPUC President Marybel Batjer" and "President Trump" are', async () => {
    const pack = await packOf('The most recent film was Star Trek Beyond, directed by Justin Lin.', 'CPUC President Marybel Batjer said the utility must do better.', 'President Trump scuttled the talks.');
    expect(pack.entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual(expect.arrayContaining(['Justin Lin', 'Marybel Batjer', 'Trump']));
    expect(pack.entities.some((e) => e.kind === 'person' && /Trek/.test(e.name))).toBe(false);
  });

  it('a body\'s apposition up to its noun is what it is ("DH, the Spokane advertising, public relations and branding firm behind …"); "the CEO of DH" names DH', async () => {
    const pack = await packOf('Hege is the CEO of DH, the Spokane advertising, public relations and branding firm behind the campaign.', 'DH did extensive research.');
    expect(pack.entities.find((e) => e.name === 'DH')).toMatchObject({ kind: 'organization', role: 'the Spokane advertising, public relations and branding firm' });
    expect(pack.entities.some((e) => /CEO/.test(e.name))).toBe(false);
  });

  it('a place WordNet names is a place where the tagger took it for an organization ("the U.S. Department of Energy")', async () => {
    const pack = await packOf('The U.S. Department of Energy said the target was met, and the U.S. agreed on Monday.');
    expect(pack.entities.find((e) => e.name === 'U.S.')?.kind).toBe('place');
  });

  it('a name "who" refers to is a person ("Montell Figgins, who represents Thomas,")', async () => {
    const pack = await packOf('Montell Figgins, who represents Thomas, said his client chose not to accept a plea agreement.');
    expect(pack.entities.find((e) => e.name === 'Montell Figgins')).toMatchObject({ kind: 'person' });
  });

  it('a name after a title ending in a noun for a person is a person, hyphenated titles included; a surname that is a common word is no alias', async () => {
    const pack = await packOf('The deal was agreed with former White House Russia adviser Fiona Hill and Chinese vice-premier Liu He.');
    const byName = (n: string) => pack.entities.find((e) => e.name === n);
    expect(byName('Fiona Hill')).toMatchObject({ kind: 'person', role: 'former White House Russia adviser' });
    expect(byName('Liu He')).toMatchObject({ kind: 'person', role: 'Chinese vice-premier' });
    expect(byName('Liu He')?.aliases).toContain('the premier');
    expect(byName('Liu He')?.aliases).not.toContain('He');
  });

  it('every role gives its noun: a title before the name and a role after it', async () => {
    const pack = await packOf('Cmdr. Sean Robertson, a spokesperson for the coalition, said the claim was false.');
    expect(pack.entities.find((e) => e.name === 'Sean Robertson')?.aliases).toEqual(expect.arrayContaining(['the commander', 'the spokesperson']));
  });

  it('a role holding an abbreviation ("the U.S. Attorney for …") is the person\'s role, not an organization', async () => {
    const pack = await packOf('James P. Kennedy Jr., the U.S. Attorney for the Western District of New York, said the case was clear.');
    const p = pack.entities.find((e) => e.name.startsWith('James P. Kennedy'));
    expect(p?.role).toBe('the U.S. Attorney for the Western District of New York');
    expect(p?.aliases).toContain('the attorney');
    expect(pack.entities.some((e) => e.kind === 'organization' && e.name.includes('Attorney'))).toBe(false);
  });

  it("an organization's short form, unless two share it", async () => {
    const pack = await packOf('The Russian Embassy in Washington fired back in a statement.', 'The embassy said nothing more.');
    expect(pack.entities.find((e) => e.name === 'Russian Embassy')?.aliases).toContain('the embassy');
  });
});

describe('dates resolved against the publication date', () => {
  it.each([
    ['They met on Tuesday.', '2019-11-19'],
    ['Prices rose last month.', '2019-10'],
    ['The embassy replied later on August 5.', '2019-08-05'],
    ['Russia interfered in 2016.', '2016'],
    ['Sentencing is scheduled for Feb. 14.', '2020-02-14'],
    ['The vote comes next February.', '2020-02'],
    ['Their session starts in early January.', '2020-01'],
    ['They met ahead of the summit in March.', '2020-03'],
    ['He was arrested in April.', '2019-04'],
    // a deadline ahead, unless what had happened by then is told
    ['Marchers demanded that foreigners leave by June 30.', '2020-06-30'],
    ['By June 30, the town had lost half its crews.', '2019-06-30'],
    // the day beside the one written
    ['She was arrested the day after the Nov. 10 shooting.', '2019-11-11'],
    ['The talks ended the day before Nov. 12.', '2019-11-11'],
    // the day of publication, in the article's own voice
    ['In an interview published this morning, she said the pier would close.', PUBLISHED],
    ['The council votes tonight on the plan.', PUBLISHED],
  ])('%s → %s', (sentence, iso) => {
    expect(findDates(sentence, PUBLISHED)[0]?.iso).toBe(iso);
  });

  it('"the next year" counts from the story\'s own years, not from publication: no date is given for it; "next year" is', () => {
    expect(findDates('The next year, the Taliban released two videos and another in January 2017.', PUBLISHED).map((d) => d.iso)).toEqual(['2017-01']);
    expect(findDates('The launch is set for next year.', PUBLISHED)[0]?.iso).toBe('2020');
  });

  it('a date\'s tense comes from its own clause: "said in October" after a plan for December is the October before', () => {
    expect(findDates('The new toll was supposed to start in December, Ann Cole said in October.', PUBLISHED).map((d) => d.iso)).toEqual(['2019-12', '2019-10']);
  });

  it('a clause that says what "will" be, however long, puts its weekday ahead, unless a past verb comes between; "sat" in lower case is no Saturday', () => {
    // (PUBLISHED is Wednesday 2019-11-20.)
    expect(findDates('The mayor will become the first official to address the board when she travels on to the capital on Sunday.', PUBLISHED).map((d) => d.iso)).toEqual(['2019-11-24']);
    expect(findDates('The firm will offer the city its new lander that the company unveiled in May, capable of carrying cargo.', PUBLISHED).map((d) => d.iso)).toEqual(['2019-05']);
    expect(findDates('But the man sat before me today was relaxed.', PUBLISHED).map((d) => d.iso)).toEqual([PUBLISHED]);
    expect(findDates('The board met on tuesday.', PUBLISHED).map((d) => d.iso)).toEqual(['2019-11-19']);
  });

  it('"this morning" inside a quotation is the speaker\'s, not a day of the story', () => {
    expect(findDates('"I felt it this morning," she said.', PUBLISHED)).toEqual([]);
  });

  it('a month\'s name in lower case with no day or year is a word ("the silent march"), and "now" is no date; "in March" and "May 3" are dates', () => {
    expect(findDates('Just before the silent march down 110th Street, two officers had been shot.', PUBLISHED)).toEqual([]);
    expect(findDates('With two now dead, the critics are pointing fingers.', PUBLISHED)).toEqual([]);
    expect(findDates('The pier closed in March.', PUBLISHED)[0]?.iso).toMatch(/-03$/);
    expect(findDates('The pier closed on May 3.', PUBLISHED)[0]?.iso).toMatch(/-05-03$/);
  });

  it('a span counted from an event ("18 years after Washington invaded …") gives no date; one counted from a date or from now does', () => {
    expect(findDates('Troops remain, 18 years after Washington invaded the country in the wake of the September 11, 2001 attacks.', PUBLISHED).map((d) => d.iso)).toEqual(['2001-09-11']);
    expect(findDates('The crash comes a day after the Taliban swapped two hostages.', PUBLISHED)).toEqual([]);
    // (In minutes too, and "about" before it: "about 50 minutes after takeoff".)
    expect(findDates('About 50 minutes after takeoff, the pilots asked to climb.', PUBLISHED)).toEqual([]);
    expect(findDates('He left three years ago.', PUBLISHED)[0]?.iso).toBe('2016');
  });

  it('what is moved from one day to another happens on the second ("postponed from Tuesday to Friday"); a range alone starts on its first', () => {
    // (Published on a Monday.)
    expect(findDates('A planned all-hands meeting will be postponed from Tuesday to Friday.', '2019-11-18').map((d) => d.iso)).toEqual(['2019-11-22']);
    expect(findDates('The office was open from Monday to Friday.', '2019-11-18').map((d) => d.iso)).toEqual(['2019-11-18']);
  });

  it('a relative date with no publication date is an error; an absolute one is not', () => {
    expect(() => findDates('They met on Tuesday.', null)).toThrow(RelativeDateError);
    expect(findDates('Russia interfered in 2016.', null)[0]?.iso).toBe('2016');
  });
  it('a span counted back or on is no date ("over the past two years"); "two years ago" is', () => {
    expect(findDates('It was the biggest protest over the past two years.', PUBLISHED)).toEqual([]);
    expect(findDates('In the next few months, prices will rise.', PUBLISHED)).toEqual([]);
    expect(findDates('He was fired two years ago.', PUBLISHED)[0]?.iso).toBe('2017');
  });
});

describe('the seed article, extracted, against its curated quotes', () => {
  it('finds the curated (quote, speaker) pairs: precision and recall at least 0.6', async () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url)), 'utf8');
    const { pack } = await ingest(text, { published: '2018-08' });
    const gold = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    const goldName = (id: string) => gold.entityById.get(id)?.name.toLowerCase() ?? id;
    const surname = (n: string) => n.toLowerCase().split(/\s+/).at(-1)!;
    // A quote matches when the spans overlap and the speaker is the same person (by surname) or organization (by last word).
    const match = (q: (typeof pack.quotes)[number], g: (typeof gold.quotes)[number]) =>
      (q.text.includes(g.text) || g.text.includes(q.text)) && surname(pack.entities.find((e) => e.id === q.speaker)?.name ?? '') === surname(goldName(g.speaker));
    const found = gold.quotes.filter((g) => pack.quotes.some((q) => match(q, g)));
    const right = pack.quotes.filter((q) => gold.quotes.some((g) => match(q, g)));
    const recall = found.length / gold.quotes.length;
    const precision = right.length / Math.max(1, pack.quotes.length);
    console.log(`seed quote extraction: precision ${precision.toFixed(2)} (${right.length}/${pack.quotes.length}), recall ${recall.toFixed(2)} (${found.length}/${gold.quotes.length})`);
    expect(recall).toBeGreaterThanOrEqual(0.6);
    expect(precision).toBeGreaterThanOrEqual(0.6);
  });
});

describe('the thesaurus of an article\'s words (WordNet)', () => {
  it('maps a reader\'s synonyms and more general nouns to the article\'s words, not the general nouns above a proper name', async () => {
    const { buildThesaurus } = await import('../../src/ingest/thesaurus.ts');
    const t = await buildThesaurus('A New York man kept a handgun at his home.');
    expect(t.words['gun']).toContain('handgun');
    expect(t.words['house'] ?? []).not.toContain('york');
  });
  it('maps a one-word synonym of a compound the article writes to its head ("staffer" of "staff member")', async () => {
    const { buildThesaurus } = await import('../../src/ingest/thesaurus.ts');
    const t = await buildThesaurus('The staff member who took the call recalled his words.');
    expect(t.words['staffer']).toEqual(['member']);
  });
  it('keeps a verb and its particle "into" as the phrase a reader writes ("look into" for "investigate")', async () => {
    const { buildThesaurus } = await import('../../src/ingest/thesaurus.ts');
    const t = await buildThesaurus('Police worked with the FBI to investigate.');
    expect(t.words['look into']).toContain('investigate');
  });
});

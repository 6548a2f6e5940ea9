// What a word of an article refers to (src/engine/refer.ts), over a made-up article.
import { describe, expect, it } from 'vitest';
import { referenceAsked, referentOf } from '../../src/engine/refer.ts';
import { sentences } from '../../src/knowledge/article.ts';

const PARAGRAPHS = [
  '"We will rebuild the pier," the mayor\'s written statement said. "The council must act now," it added.',
  'The Harbor Union fired back in a letter on Monday, repeating its denials of any strike plan. The council rejected those denials.',
  'It blamed "those groups in the Harbor Authority who want delay" for the dispute.',
  'The city said the inspector found cracks after it had measured the pilings.',
];
const SENTENCES = PARAGRAPHS.map((p) => sentences(p));

describe('which reference a question asks about', () => {
  it.each([
    ["in the 'it added' line whats 'it'", { phrase: 'it added', word: 'it' }],
    // the quoted line first, then a comma: asked all the same
    ["in the 'it added' line, what does 'it' refer to?", { phrase: 'it added', word: 'it' }],
    ['in "over what it says", what does \'it\' refer to?', { phrase: 'over what it says', word: 'it' }],
    ["'it blamed' - who's it", { phrase: 'it blamed', word: 'it' }],
    ["'it added' — it = ?", { phrase: 'it added', word: 'it' }],
    ["'it blamed the city' - who's 'it' there", { phrase: 'it blamed the city', word: 'it' }],
    ["'it added' - what's 'it' in that line", { phrase: 'it added', word: 'it' }],
    ["what does 'those denials' mean here", { phrase: 'those denials', word: 'those denials' }],
    // the word first, as chat puts it
    ["'those denials' means what denials", { phrase: 'those denials', word: 'those denials' }],
    ["'these forces' refers to who", { phrase: 'these forces', word: 'these forces' }],
    ["who are 'those groups'", { phrase: 'those groups', word: 'those groups' }],
    // "which <noun>" for what
    ["which denials does 'those denials' mean", { phrase: 'those denials', word: 'those denials' }],
    ["which groups are 'those groups'", { phrase: 'those groups', word: 'those groups' }],
    // "=" for "means", with the noun asked again; a guess after the question; where the word stands, said first
    ["'those denials' = denials of what", { phrase: 'those denials', word: 'those denials' }],
    ["'those denials' — which denials", { phrase: 'those denials', word: 'those denials' }],
    ["'it added' - whats it? the letter?", { phrase: 'it added', word: 'it' }],
    ["in the union quote who are 'those groups'", { phrase: 'those groups', word: 'those groups' }],
    // … and chat's "wat", and "whose"
    ['"those denials" - wat denials??', { phrase: 'those denials', word: 'those denials' }],
    ['"those denials" = whose denials?', { phrase: 'those denials', word: 'those denials' }],
    ["who said 'it added'", null],
    ["what did the mayor say about 'the pier'", null],
    ['what is it about', null],
  ])('%s → %j', (q, asked) => expect(referenceAsked(q)).toEqual(asked));
});

describe('what it refers to', () => {
  it.each([
    // a pronoun that says who spoke: whoever spoke in the sentence before
    [{ phrase: 'it added', word: 'it' }, "the mayor's written statement", 1],
    // a pronoun that opens a sentence: the speaker or actor before it, across paragraphs (cited where the pronoun is, the line asked about)
    [{ phrase: 'It blamed', word: 'it' }, 'The council', 3],
    // … quoted loosely: without the article's own quotation marks, cut short with "..."
    [{ phrase: 'It blamed those groups in the Harbor...', word: 'it' }, 'The council', 3],
    // a demonstrative: the words its noun was last written with
    [{ phrase: 'those denials', word: 'those denials' }, 'denials of any strike plan', 2],
    // … or the words after it that say which
    [{ phrase: 'those groups', word: 'those groups' }, 'those groups in the Harbor Authority', 3],
  ])('%j → %s (¶%i)', (asked, referent, paragraph) => {
    const found = referentOf(SENTENCES, asked);
    expect(found?.referent).toBe(referent);
    expect(found?.paragraph).toBe(paragraph);
    expect(PARAGRAPHS[paragraph - 1]).toContain(found?.sentence);
  });

  it('cites a pronoun where it is written, the line the reader asked about, and a phrase where its meaning is written', () => {
    expect(referentOf(SENTENCES, { phrase: 'it added', word: 'it' })?.sentence).toBe('"The council must act now," it added.');
    expect(referentOf(SENTENCES, { phrase: 'those denials', word: 'those denials' })?.sentence).toMatch(/^The Harbor Union fired back/);
  });

  it('leaves alone what the article does not settle: a pronoun inside a clause, or words it never writes', () => {
    expect(referentOf(SENTENCES, { phrase: 'it had measured', word: 'it' })).toBeNull();
    expect(referentOf(SENTENCES, { phrase: 'it voted', word: 'it' })).toBeNull();
    // (Nor a pronoun inside the line quoted: "found cracks after it had measured" is about what "it" measured.)
    expect(referentOf(SENTENCES, { phrase: 'after it had measured', word: 'it' })).toBeNull();
  });
});

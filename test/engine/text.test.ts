// Finding a name as whole words without compiling a pattern for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegExp, Terms, wordIndex } from '../../src/engine/text.ts';

/** The pattern `wordIndex` stands in for: the first of the forms, touched by no letter or digit. */
function byPattern(text: string, forms: readonly string[], lowerCase: boolean): number {
  const kept = forms.filter((f) => f.length > 0);
  if (kept.length === 0) return -1;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${kept.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, lowerCase ? 'iu' : 'u').exec(text)?.index ?? -1;
}

describe('wordIndex', () => {
  it.each([
    ['Dan Coats said', ['Coats'], false, 4],
    ['Dan Coats said', ['Dan Coats', 'Coats'], false, 0],
    ['the Coatsworth report, then Coats', ['Coats'], false, 28],
    ['Coats2 and Coats', ['Coats'], false, 11],
    ['in Zürich, Rich said', ['Rich'], false, 11],
    ['the department said', ['Department'], false, -1],
    ['the department said', ['Department'], true, 4],
    ['nothing here', [], false, -1],
  ] as const)('%s, %j (lower case %s) → %i', (text, forms, lower, at) => {
    expect(wordIndex(text, forms, lower)).toBe(at);
  });

  it('finds what the pattern finds, in either case', () => {
    const chars = fc.constantFrom('a', 'b', 'A', 'B', 'é', 'É', '1', ' ', '-', '.', "'");
    const word = fc.string({ unit: chars, minLength: 0, maxLength: 4 });
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 30 }), fc.array(word, { maxLength: 3 }), fc.boolean(), (text, forms, lower) => {
        expect(wordIndex(text, forms, lower)).toBe(byPattern(text, forms, lower));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a phrase of the lexicon with its object between verb and particle', () => {
  const terms = new Terms({ synonyms: [['summon', 'called in', 'hauled in']], questionWords: [], places: [] });
  const summon = terms.termsOf('summon')[0];
  it.each(['who called the russian in', 'which official hauled zhirnov in', 'who called in the russian'])('%s reads the phrase as one term', (q) => {
    expect(terms.termsOf(q)).toContain(summon);
  });
  it('only when the particle ends the text, one or two words after the verb: "called the chargé in Washington" is no summons', () => {
    expect(terms.termsOf('they called the chargé in washington')).not.toContain(summon);
    expect(terms.termsOf('who called the new russian envoy in')).not.toContain(summon);
  });
});

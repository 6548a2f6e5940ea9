// Answers cite whole article sentences: the curated span an item is about is
// widened to the sentence(s) it stands in, so a reader sees the words in context.
import { describe, expect, it } from 'vitest';
import { buildItems, sentenceAround } from '../../src/engine/items.ts';
import { createEngine, loadKnowledge } from '../../src/engine/index.ts';
import { foldForComparison, isVerbatimIn, sentences } from '../../src/knowledge/article.ts';

const kb = loadKnowledge();
const paragraph = (n: number): string => kb.article.paragraphs[n - 1]!.text;

describe('sentences', () => {
  it('does not break after abbreviations such as "U.S."', () => {
    const first = sentences(paragraph(1));
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^The U\.S\. State Department has called in .* divide U\.S\. society\.$/);
    expect(first[1]).toBe('Russia criticized the summons, calling it "megaphone diplomacy."');
  });

  it('splits the whole article into its 16 sentences, each verbatim', () => {
    const all = kb.article.paragraphs.flatMap((p) => sentences(p.text).map((s: string) => ({ p, s })));
    expect(all).toHaveLength(16);
    for (const { p, s } of all) expect(isVerbatimIn(s, p.text)).toBe(true);
  });
});

describe('sentenceAround', () => {
  const around = (excerpt: string, n: number): string => sentenceAround(excerpt, sentences(paragraph(n)), paragraph(n));
  it('widens a span to its whole sentence', () => {
    expect(around('Russia criticized the summons', 1)).toBe(sentences(paragraph(1))[1]);
    expect(around('rejected those denials', 8)).toBe('The United States has rejected those denials.');
  });

  it('gives the run of sentences a span crosses, and the paragraph when the span is not there', () => {
    expect(around('U.S. affairs. The United States has', 8)).toBe(sentences(paragraph(8)).join(' '));
    expect(around('words that are not in it', 8)).toBe(paragraph(8));
  });

  it('matches across curly and straight quotes', () => {
    expect(around('to "promote violence" and divide', 1)).toBe(sentences(paragraph(1))[0]);
  });
});

describe('what answers cite', () => {
  const items = buildItems(kb);

  it('every item cites a whole sentence of its paragraph that holds its curated excerpt', () => {
    for (const item of items) {
      const whole = sentences(paragraph(item.paragraph));
      expect(whole, item.key).toContain(item.sentence);
      expect(foldForComparison(item.sentence), item.key).toContain(foldForComparison(item.excerpt));
    }
  });

  it('an answer quotes the sentence, not a fragment of it', () => {
    const engine = createEngine(kb);
    const top = engine.answer('What did the intelligence leaders say at the briefing?').answers[0]!;
    expect(top.paragraph).toBe(12);
    expect(top.excerpt).toBe(paragraph(12));
    expect(top.highlights.length).toBeGreaterThan(0);
  });
});

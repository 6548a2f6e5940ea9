/**
 * `npm run build:thesaurus`: writes the seed pack's narrow thesaurus (into its
 * overlay.json, or thesaurus.json for a pack without one), the WordNet
 * synonyms of the article's own words, so that a reader's "envoy",
 * "comeback" or "rebuked" meets the article's "chargé", "fired back" or
 * "criticized". Only the article's words are looked up (not our curated
 * keywords), and only their commonest senses, so the map stays about this
 * article. Needs the dev dependencies wordpos (WordNet 3.1) and wink-lemmatizer.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WordPOS, { type Synset } from 'wordpos';
import lemmatize from 'wink-lemmatizer';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../knowledge/load.ts';
import { THESAURUS_SENSES, type Thesaurus } from '../knowledge/schema.ts';
import { OVERLAY_FILE } from '../knowledge/overlay.ts';
import { splitWords } from '../engine/text.ts';
import { helpOnly } from './usage.ts';

const USAGE = `Usage: npm run build:thesaurus
  Regenerates the seed pack's thesaurus.json: the WordNet synonyms of the article's own words (maintainers only).`;

async function main(): Promise<void> {
  if (helpOnly(USAGE)) return;
  const kb = loadKnowledge();
  const questionWords = new Set(kb.lexicon.questionWords);
  const words = new Set<string>();
  for (const p of kb.article.paragraphs) {
    for (const w of splitWords(p.text)) {
      if (w.norm.length >= 3 && !/\d/.test(w.norm) && !questionWords.has(w.norm)) words.add(w.norm);
    }
  }
  const wordnet = new WordPOS();
  const synonyms = new Map<string, Set<string>>();
  for (const word of [...words].sort()) {
    const bases = new Set([word, lemmatize.noun(word), lemmatize.verb(word), lemmatize.adjective(word)]);
    for (const base of bases) {
      const senses: Synset[] = [
        ...(await wordnet.lookupNoun(base)).slice(0, THESAURUS_SENSES),
        ...(await wordnet.lookupVerb(base)).slice(0, THESAURUS_SENSES),
        ...(await wordnet.lookupAdjective(base)).slice(0, THESAURUS_SENSES),
      ];
      for (const synset of senses) {
        for (const lemma of synset.synonyms) {
          const other = lemma.toLowerCase();
          // Multi-word lemmas ("call_up") and the word itself add nothing a single token can match.
          if (other.includes('_') || other === base || other === word || questionWords.has(other)) continue;
          if (!synonyms.has(other)) synonyms.set(other, new Set());
          synonyms.get(other)!.add(word);
        }
      }
    }
  }
  const thesaurus: Thesaurus = {
    source: `WordNet 3.1 (wordpos), first ${THESAURUS_SENSES} senses per part of speech of each article word`,
    words: Object.fromEntries([...synonyms.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()])),
  };
  // A pack with a curated overlay keeps this narrower thesaurus there, over the one extraction builds.
  const overlayFile = join(DEFAULT_KNOWLEDGE_DIR, OVERLAY_FILE);
  const file = existsSync(overlayFile) ? overlayFile : join(DEFAULT_KNOWLEDGE_DIR, 'thesaurus.json');
  const data = file === overlayFile ? { ...(JSON.parse(readFileSync(file, 'utf8')) as object), thesaurus } : thesaurus;
  // Written whole, then moved into place: an interrupted run never leaves half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(data, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
  console.log(`${synonyms.size} synonyms of ${words.size} article words written to ${file}`);
}

await main();

// Minimal typings for the two build-time packages used by `npm run build:thesaurus`.

declare module 'wordpos' {
  /** One WordNet synset as wordpos returns it. */
  export interface Synset {
    readonly pos: string;
    readonly synonyms: readonly string[];
    readonly lemma: string;
  }
  export default class WordPOS {
    lookup(word: string): Promise<Synset[]>;
    lookupNoun(word: string): Promise<Synset[]>;
    lookupVerb(word: string): Promise<Synset[]>;
    lookupAdjective(word: string): Promise<Synset[]>;
  }
}

declare module 'wink-lemmatizer' {
  const lemmatize: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatize;
}

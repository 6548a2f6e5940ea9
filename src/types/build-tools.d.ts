// Minimal typings for wordpos and wink-lemmatizer, which ingestion uses.

declare module 'wordpos' {
  /** One WordNet synset as wordpos returns it. */
  export interface Synset {
    readonly pos: string;
    readonly synonyms: readonly string[];
    readonly lemma: string;
    readonly synsetOffset: string;
    /** Pointers to other synsets: '@' hypernym, '+' derivationally related form ("plead" / "plea"). */
    readonly ptrs: readonly { readonly pointerSymbol: string; readonly synsetOffset: string; readonly pos: string; readonly sourceTarget: string }[];
  }
  export default class WordPOS {
    lookup(word: string): Promise<Synset[]>;
    lookupNoun(word: string): Promise<Synset[]>;
    lookupVerb(word: string): Promise<Synset[]>;
    lookupAdjective(word: string): Promise<Synset[]>;
    seek(offset: string, pos: string): Promise<Synset>;
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

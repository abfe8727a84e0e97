// Type declarations for language-data packages whose types TypeScript cannot find.

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
    /** The Snowball steps behind `stemWord`, without its memo: set the word, stem it, read the stem. */
    setCurrent(word: string): void;
    innerStem(): void;
    getCurrent(): string;
  }
}

// Typed by the package, but under its `exports` map, which "moduleResolution": "node" does not read.
declare module '@orama/stemmers/french' {
  export function stemmer(word: string): string;
}

declare module '@orama/stemmers/spanish' {
  export function stemmer(word: string): string;
}

declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const spa: string[];
}

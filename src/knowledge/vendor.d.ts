// Type declarations for the two language-data packages that ship without their own.

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const spa: string[];
}

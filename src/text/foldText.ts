/** Zero-width, bidi-control and other invisible format characters, plus control characters. */
export const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

/** Removes invisible and control characters (keeping line breaks and tabs as spaces). */
export function stripInvisible(text: string): string {
  return text.normalize('NFKC').replace(/[\r\n\t]/g, ' ').replace(INVISIBLE, '');
}

/**
 * The loose form used to compare short command words: invisible characters removed, lower case,
 * accents folded, punctuation and emoji dropped, spaces collapsed. "¡Français!" → "francais".
 */
export function foldText(text: string): string {
  return stripInvisible(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

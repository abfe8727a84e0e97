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

/** Distinct recent messages whose folded form is kept (a turn folds its message in several checks). */
const RECENT_MAX = 8;
const recent = new Map<string, string>();

/**
 * `foldText` for an incoming message: menu numbers, language names and a dozen intents each fold
 * the same text in one turn, so the last few results are kept rather than recomputed.
 */
export function foldMessage(text: string): string {
  let folded = recent.get(text);
  if (folded === undefined) {
    folded = foldText(text);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(text, folded);
  }
  return folded;
}

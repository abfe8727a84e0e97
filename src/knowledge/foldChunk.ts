import { foldText } from '../text/foldText';

/** Code units below this (Latin-1 and Latin Extended-A: every letter of English, French and Spanish) fold by table. */
export const TABLE_END = 0x180;

/** Ligatures `foldText` keeps as one letter, spelt out so "cœur" and "coeur" are one word. */
function spellLigatures(text: string): string {
  return text.replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae');
}

/**
 * What `foldChunk`'s slow path makes of each code unit below `TABLE_END` between two letters: its
 * folded letters, ' ' for punctuation and spaces, '' for invisible characters. No character in
 * the range combines with its neighbours (no combining marks below U+0300, and case mapping is
 * context-free outside Greek), so a chunk of them folds one code unit at a time; the tests compare
 * both paths.
 */
const TABLE: readonly string[] = Array.from({ length: TABLE_END }, (_, code) =>
  foldText(`a${spellLigatures(String.fromCharCode(code))}a`).slice(1, -1),
);
/** `TABLE` without the ligatures spelt out: what `foldText` itself makes of each code unit. */
const PLAIN: readonly string[] = Array.from({ length: TABLE_END }, (_, code) => foldText(`a${String.fromCharCode(code)}a`).slice(1, -1));
/** Letters and digits the table maps to themselves: a chunk made only of them is already folded. */
const UNCHANGED = Uint8Array.from(TABLE, (folded, code) => (folded !== ' ' && folded === String.fromCharCode(code) ? 1 : 0));

/**
 * The folded words of one chunk of text (no spaces in it, though it may hold other punctuation):
 * invisible and bidi characters removed, lower case, accents and ligatures folded, punctuation as
 * spaces. Single letters are dropped (elided articles, "s" of "IOM's"); single digits are kept.
 * Latin text folds by table, which is several times faster than `foldText`'s two Unicode
 * normalisations; anything else goes through `foldText`.
 */
export function foldChunk(chunk: string): string[] {
  let unchanged = true;
  for (let i = 0; i < chunk.length; i++) {
    const code = chunk.charCodeAt(i);
    if (code >= TABLE_END) return slowFold(chunk);
    if (UNCHANGED[code] === 0) unchanged = false;
  }
  if (unchanged) return keptWords([chunk]);
  let folded = '';
  for (let i = 0; i < chunk.length; i++) folded += TABLE[chunk.charCodeAt(i)]!;
  return keptWords(folded.split(' '));
}

/**
 * `foldText` of Latin text (code units below `TABLE_END`), by table: one code unit at a time, as
 * `foldChunk` folds, then runs of spaces as one. Undefined for text beyond Latin.
 */
export function foldLatin(text: string): string | undefined {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_END) return undefined;
    folded += PLAIN[code]!;
  }
  return folded.includes(' ') ? folded.replace(SPACES, ' ').trim() : folded;
}

const SPACES = / +/g;

/** `foldText`, for text beyond Latin. */
export function slowFold(chunk: string): string[] {
  const folded = foldText(spellLigatures(chunk));
  return folded ? keptWords(folded.split(' ')) : [];
}

/**
 * Texting spellings of function words, as the words they stand for: « ki », « koi », « jsuis »,
 * "xq", "wat", "u", « ds », « qqn », "pa", "pls". Grammar, so it belongs here; a topic word's spellings belong in the lexicon.
 */
const SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ki', ['qui']],
  ['koi', ['quoi']],
  ['kwa', ['quoi']],
  ['jsuis', ['je', 'suis']],
  ['chui', ['je', 'suis']],
  ['jveu', ['je', 'veux']],
  ['jveux', ['je', 'veux']],
  ['jvoudrai', ['je', 'voudrais']],
  ['pk', ['pourquoi']],
  ['pkoi', ['pourquoi']],
  ['pourkoi', ['pourquoi']],
  ['xq', ['porque']],
  ['porq', ['porque']],
  ['ke', ['que']],
  ['wat', ['what']],
  ['wht', ['what']],
  ['wen', ['when']],
  ['hw', ['how']],
  ['wats', ['what', 'is']],
  ['whats', ['what', 'is']],
  ['ur', ['your']],
  ['slt', ['salut']],
  ['cest', ['c', 'est']],
  ['jdois', ['je', 'dois']],
  ['jpeux', ['je', 'peux']],
  ['jsais', ['je', 'sais']],
  ['jsp', ['je', 'sais', 'pas']],
  ['pdt', ['pendant']],
  ['qqn', ['quelqu', 'un']],
  ['qqch', ['quelque', 'chose']],
  ['bcp', ['beaucoup']],
  ['mtn', ['maintenant']],
  ['pr', ['pour']],
  ['avc', ['avec']],
  ['tt', ['tout']],
  ['pls', ['please']],
  ['plz', ['please']],
  ['abt', ['about']],
  ['bc', ['because']],
  ['cuz', ['because']],
  ['coz', ['because']],
  ['dnd', ['donde']],
  ['cdo', ['cuando']],
  ['k', ['que']],
  ['u', ['you']],
  ['r', ['are']],
  ['ds', ['dans']],
  ['q', ['que']],
  ['pa', ['para']],
]);

/** Words of two characters or more, and single digits; no empty strings; texting spellings read (`SPELLINGS`). */
function keptWords(words: string[]): string[] {
  let kept = 0;
  let spelt = false;
  for (const word of words) {
    const texted = SPELLINGS.has(word);
    if (texted || word.length > 1 || isDigit(word.charCodeAt(0))) words[kept++] = word;
    if (texted) spelt = true;
  }
  words.length = kept;
  return spelt ? words.flatMap((w) => SPELLINGS.get(w) ?? [w]) : words;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}


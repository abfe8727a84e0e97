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
  if (unchanged) return compound(keptWords([chunk]));
  let folded = '';
  for (let i = 0; i < chunk.length; i++) folded += TABLE[chunk.charCodeAt(i)]!;
  return compound(keptWords(folded.split(' ')));
}

/** Each of `words` read as `word`. */
function meaning(word: string, words: readonly string[]): [string, readonly string[]][] {
  return words.map((w) => [w, [word]]);
}

/**
 * Compounds written one way or another, as one set of words: "well-being" and "bien-être" are
 * each two stop words, and would vanish from a question about well-being; "healthcare" is the
 * "health care" the knowledge base writes. And the short forms people type for a few words the
 * knowledge base spells out ("ppl", "govts", « gouv », « actus »). Keys are folded chunks, words joined by a space.
 */
const COMPOUNDS = new Map<string, readonly string[]>([
  ['well being', ['wellbeing']],
  ['bien etre', ['bienetre']],
  ['healthcare', ['health', 'care']],
  ['ppl', ['people']],
  ['orgs', ['organizations']],
  // A charity is what many call an NGO; health targets are goals; the psychological is the mental.
  ['charity', ['ngo']],
  ['charities', ['ngos']],
  ['target', ['goal']],
  ['targets', ['goals']],
  ['cibles', ['objectifs']],
  ['psychological', ['mental']],
  ['psychologique', ['mentale']],
  ['psicologica', ['mental']],
  ['psicologico', ['mental']],
  ['org', ['organization']],
  ['govt', ['government']],
  ['govts', ['governments']],
  ['gouv', ['gouvernement']],
  ['gvt', ['gouvernement']],
  // Texting spellings of question words: « t ki », « c koi » are « qui », « quoi » (stop words, but
  // a question made only of little words is matched on them).
  ['ki', ['qui']],
  ['jsuis', ['je', 'suis']],
  ['chui', ['je', 'suis']],
  ['koi', ['quoi']],
  ['kwa', ['quoi']],
  // Canadian French for « newsletter ».
  ['infolettre', ['newsletter']],
  // "Worldwide" is "in the world" (the figures' phrasings use both).
  ['worldwide', ['world']],
  // « Ça bloque l'accès aux soins ? »: what stops it, « empêche ».
  ...meaning('empeche', ['bloque']),
  ...meaning('empechent', ['bloquent']),
  // « À quoi vise l'OIM ? » asks its aim: « le but ».
  ...meaning('but', ['vise', 'visent']),
  // French slang for working: « l'OIM bosse avec qui ? »
  ...meaning('travaille', ['bosse', 'bosses']),
  ...meaning('travaillent', ['bossent']),
  ...meaning('travailler', ['bosser']),
  ...meaning('travaillez', ['bossez']),
  ['actu', ['actualite']],
  ['actus', ['actualites']],
  // The knowledge base says "migrants"; many people say "immigrants" (and Snowball keeps them apart).
  ...meaning('migrant', ['immigrant', 'emigrant', 'immigre', 'immigree', 'emigre', 'emigree']),
  ...meaning('migrants', ['immigrants', 'emigrants', 'immigres', 'immigrees', 'emigres', 'emigrees']),
  ...meaning('migrante', ['inmigrante', 'emigrante']),
  // …and the verbs: "emigrate", « émigrer », "emigrar" are the knowledge base's "migrate".
  ...meaning('migrate', ['emigrate', 'immigrate']),
  ...meaning('migrated', ['emigrated', 'immigrated']),
  ...meaning('migrating', ['emigrating', 'immigrating']),
  ...meaning('migrer', ['emigrer', 'immigrer']),
  ...meaning('migrar', ['emigrar', 'inmigrar']),
  ...meaning('migran', ['emigran', 'inmigran']),
  ...meaning('migrantes', ['inmigrantes', 'emigrantes']),
]);

function compound(words: string[]): string[] {
  if (words.length > 2) return words;
  const parts = COMPOUNDS.get(words.length === 1 ? words[0]! : `${words[0]} ${words[1]}`);
  return parts ? [...parts] : words;
}

/** `foldText`, for text beyond Latin. */
export function slowFold(chunk: string): string[] {
  const folded = foldText(spellLigatures(chunk));
  return folded ? compound(keptWords(folded.split(' '))) : [];
}

/** Words of two characters or more, and single digits; no empty strings. */
function keptWords(words: string[]): string[] {
  let kept = 0;
  for (const word of words) if (word.length > 1 || isDigit(word.charCodeAt(0))) words[kept++] = word;
  words.length = kept;
  return words;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}


import { tokenise } from './normalise';

/**
 * What kind of answer a question asks for: a number ("how many", « combien », "cuántos"), a person or
 * organisation ("who", « avec qui », "quién"), or a reason ("why", « pourquoi », "por qué"). Question
 * words carry no topic, so they are stop words, and "how many governments are in IOM" and "who
 * does IOM work with in my country" share their topic words; the kind of question tells them apart.
 * A bit set: `COUNT | WHO | WHY | WHEN`.
 */
export const COUNT = 1;
export const WHO = 2;
export const WHY = 4;
/** A time: "since when", « depuis quand », "¿en qué año?", or a question opening with "when". */
export const WHEN = 32;

const ALWAYS: ReadonlyMap<string, number> = new Map([
  ['combien', COUNT],
  ...['cuantos', 'cuantas', 'cuanto', 'cuanta'].map((w) => [w, COUNT] as const),
  ...['quien', 'quienes', 'whom'].map((w) => [w, WHO] as const),
  ...['why', 'pourquoi', 'pourkoi', 'pkoi', 'pk', 'pq'].map((w) => [w, WHY] as const),
]);

/**
 * Words before which English "who" and French « qui » ask a question ("with who", « avec qui »,
 * « c'est qui », "so who are you"); after a noun they join a clause ("people who migrate",
 * « les migrants qui partent », « ce qui empêche »).
 */
const BEFORE_ASKING_WHO = new Set([
  ...['with', 'to', 'for', 'by', 'from', 'about', 'and', 'so', 'then', 'but', 'ok', 'hi', 'hey', 'is', 'are', 'was', 'were', 'exactly', 'really'],
  ...['avec', 'pour', 'par', 'chez', 'aupres', 'envers', 'contre', 'de', 'es', 'est', 'etes', 'sont', 'alors', 'et', 'mais', 'donc'],
]);

const WHEN_WORDS = new Set(['when', 'quand', 'cuando', 'kan']);
const SINCE = new Set(['since', 'depuis', 'desde', 'till', 'until']);
const YEAR = new Set(['year', 'annee', 'ano']);
const ASKING_WHICH = new Set(['what', 'which', 'quelle', 'quel', 'que', 'cual']);

/** The kinds of answer `text` asks for (0: none recognised). */
export function questionCues(text: string): number {
  const words = tokenise(text);
  let cues = 0;
  const asks = /[?¿]/.test(text);
  words.forEach((word, i) => {
    const before = words[i - 1];
    cues |= ALWAYS.get(word) ?? 0;
    if (word === 'many' && before === 'how') cues |= COUNT;
    if (word === 'who' || word === 'qui' || word === 'ki') {
      if (before === undefined || i === words.length - 1 || BEFORE_ASKING_WHO.has(before)) cues |= WHO;
    }
    // "por qué" and, at the start, the "porque" / "xq" people type for it.
    if (word === 'que' && before === 'por') cues |= WHY;
    if (i === 0 && (word === 'porque' || word === 'xq' || word === 'porq')) cues |= WHY;
    // "When" mid-sentence is mostly a story ("when I arrived…"); opening a question, or after "since", it asks.
    if (WHEN_WORDS.has(word) && ((i === 0 && asks) || SINCE.has(before ?? ''))) cues |= WHEN;
    if (YEAR.has(word) && ASKING_WHICH.has(before ?? '')) cues |= WHEN;
  });
  return cues;
}

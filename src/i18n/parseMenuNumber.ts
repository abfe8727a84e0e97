import { foldMessage } from '../text/foldText';

/** Number words 1–10 in our three languages (folded), and ordinals people use for menus. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  premier: 1, premiere: 1, deuxieme: 2, troisieme: 3, quatrieme: 4, cinquieme: 5,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, cuarto: 4, cuarta: 4, quinto: 5, quinta: 5,
};
/** Words that may stand before the number: "option 2", "número 2", "choix 2". */
const PREFIXES = new Set(['option', 'opcion', 'choix', 'choice', 'number', 'numero', 'no', 'n', 'nr', 'num', 'la', 'el', 'le']);

/**
 * Reads a menu pick: "2", "2.", "#2", "2️⃣", "two", "deux", "dos", "option 2", "número dos".
 * Returns 1-based n, or undefined when the message is not just a number.
 */
export function parseMenuNumber(text: string): number | undefined {
  // Keycap emoji (2️⃣) and "#2" fold to plain digits once the symbols are dropped.
  const words = foldMessage(text.replace(/\u20e3/g, '')).split(' ').filter(Boolean);
  while (words.length > 1 && PREFIXES.has(words[0])) words.shift();
  if (words.length !== 1) return undefined;
  const [word] = words;
  const n = /^\d{1,2}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return n !== undefined && n >= 1 && n <= 10 ? n : undefined;
}

import { LANGUAGES } from '../knowledge/types';
import { foldMessage } from '../text/foldText';
import { DANGER_PHRASES, type DangerKind, INFORMATIONAL_CUES, PERSONAL_CUES, WORK_CUES } from './dangerPhrases';

/** Words allowed between two words of a phrase ("my baby is not breathing" ↔ "not breathing"). */
const MAX_GAP = 2;
/**
 * Words this long or longer tolerate one typo ("breathng", "inconsient"). Five-letter words have too
 * many real neighbours: « viole » is one letter from « ville ».
 */
const MIN_FUZZY_LENGTH = 6;

type Phrase = { kind: DangerKind; words: string[] };

const PHRASES: Phrase[] = LANGUAGES.flatMap((lang) =>
  (Object.entries(DANGER_PHRASES[lang]) as Array<[DangerKind, string[]]>).flatMap(([kind, list]) =>
    list.map((p) => ({ kind, words: p.split(' ') })),
  ),
);
/**
 * Every distinct phrase word, indexed by its first and by its second letter: a token can only match a
 * word that shares one of them (one typo changes at most one of the two), so few words are compared.
 */
const PHRASE_WORDS = [...new Set(PHRASES.flatMap((p) => p.words))];
const BY_LETTER = new Map<string, string[]>();
for (const word of PHRASE_WORDS) {
  for (const key of [`0${word[0]}`, `1${word[1]}`]) BY_LETTER.set(key, [...(BY_LETTER.get(key) ?? []), word]);
}
const candidates = (token: string) => new Set([...(BY_LETTER.get(`0${token[0]}`) ?? []), ...(BY_LETTER.get(`1${token[1]}`) ?? [])]);

/** People reuse the same words: each token's matches are remembered (bounded). */
const MAX_REMEMBERED_TOKENS = 50_000;
const remembered = new Map<string, ReadonlySet<string>>();

function phraseWordsMatching(token: string): ReadonlySet<string> {
  let found = remembered.get(token);
  if (!found) {
    found = new Set([...candidates(token)].filter((word) => wordMatches(token, word)));
    if (remembered.size >= MAX_REMEMBERED_TOKENS) remembered.clear();
    remembered.set(token, found);
  }
  return found;
}
/** Phrase numbers by first word: only phrases whose first word some token matches are tried. */
const BY_FIRST_WORD = new Map<string, number[]>();
PHRASES.forEach((p, n) => BY_FIRST_WORD.set(p.words[0]!, [...(BY_FIRST_WORD.get(p.words[0]!) ?? []), n]));

/** The first phrase (in list order, which ranks the kinds) that the tokens contain. */
function firstPhraseIn(matches: ReadonlyArray<ReadonlySet<string>>): Phrase | undefined {
  const tried: number[] = [];
  for (const words of matches) for (const word of words) tried.push(...(BY_FIRST_WORD.get(word) ?? []));
  tried.sort((a, b) => a - b);
  for (let i = 0; i < tried.length; i++) {
    const n = tried[i]!;
    if (n !== tried[i - 1] && containsPhrase(matches, PHRASES[n]!.words)) return PHRASES[n];
  }
  return undefined;
}

const INFORMATIONAL = LANGUAGES.flatMap((l) => INFORMATIONAL_CUES[l]).map((c) => ` ${c} `);
const PERSONAL = new Set(LANGUAGES.flatMap((l) => PERSONAL_CUES[l]));
const WORK = LANGUAGES.flatMap((l) => WORK_CUES[l]).map((c) => ` ${c} `);

/**
 * Looks for danger signs in a message, in any of the three languages, tolerant of typos and
 * missing accents. Returns the kind of danger, or undefined. Informational questions ("what is
 * the suicide rate among migrants") do not count unless the person speaks about themselves.
 */
export function detectDanger(text: string): DangerKind | undefined {
  const folded = foldMessage(text);
  if (!folded) return undefined;
  const tokens = folded.split(' ');
  // Which phrase words each token matches (exactly, by prefix or with one typo), computed once.
  const matches = tokens.map(phraseWordsMatching);
  const hit = firstPhraseIn(matches);
  if (!hit) return undefined;
  const informational = INFORMATIONAL.some((cue) => ` ${folded} `.includes(cue));
  // The "I" of "I work for an NGO that…" says who asks, not who is in danger.
  const personal = WORK.reduce((text, cue) => text.replaceAll(cue, ' '), ` ${folded} `)
    .split(' ')
    .some((t) => PERSONAL.has(t));
  return informational && !personal ? undefined : hit.kind;
}

function containsPhrase(tokens: ReadonlyArray<ReadonlySet<string>>, words: string[]): boolean {
  for (let start = 0; start < tokens.length; start++) {
    if (!tokens[start].has(words[0])) continue;
    let at = start;
    let ok = true;
    for (const word of words.slice(1)) {
      let found = -1;
      for (let j = at + 1; j <= Math.min(tokens.length - 1, at + 1 + MAX_GAP); j++) {
        if (tokens[j].has(word)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return true;
  }
  return false;
}

function wordMatches(token: string, word: string): boolean {
  if (token[0] !== word[0] && token[1] !== word[1]) return false;
  if (word.endsWith('*')) {
    const stem = word.slice(0, -1);
    if (token.startsWith(stem)) return true;
    if (stem.length < MIN_FUZZY_LENGTH) return false;
    return [stem.length - 1, stem.length, stem.length + 1].some((n) => n <= token.length && withinOneEdit(token.slice(0, n), stem));
  }
  if (token === word) return true;
  return word.length >= MIN_FUZZY_LENGTH && withinOneEdit(token, word);
}

/** True when `a` and `b` differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
